// The drain benchmark: a Chromium kiosk offline for weeks with 100,000 ratings, back online.
import type { Browser, Page } from '@playwright/test';
import { KioskConfig } from '../../shared/schema/kiosk-config';
import { pendingCount, queueRatings, readKioskMeta } from '../support/kiosk-queue';
import { finishEnrolment } from '../support/technician-pin';
import { TEST_ADMIN_PASSWORD, startTestServer } from '../support/server';
import { adminSession } from '../support/server-process';
import { probeScript, shortTimersScript, type Probe } from './probe';
import { ms, percentile } from './stats';

const BACKLOG = Number(process.env.BENCH_DRAIN_RATINGS ?? 100_000);
const NAIVE = Number(process.env.BENCH_NAIVE_RATINGS ?? 5_000);

type Report = (name: string, value: string, target?: string) => void;

const probe = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);

async function enrolledKiosk(browser: Browser, baseUrl: string, counterId: string) {
  const admin = await adminSession(baseUrl, TEST_ADMIN_PASSWORD);
  const { code } = await admin.post<{ code: string }>('/api/v1/admin/enrolment-codes', { wardId: 'trang-tien', counterId });
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  context.setDefaultTimeout(60_000);
  await context.addInitScript('self.__name = (fn) => fn');
  await context.addInitScript(probeScript);
  // The thank-you shortened so a citizen rates about once a second; the walk-away resets still
  // longer than a pause between taps.
  await context.addInitScript(shortTimersScript, { screenMs: 300, longMs: 3_000 });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/kiosk/?enrol=${code}`);
  await finishEnrolment(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined)); // the offline app shell
  const config = await readKioskMeta(page, 'config');
  return { page, config: KioskConfig.parse(config) };
}

/** A citizen's rating on the enrolled ward's survey: a face, then "Gửi đánh giá". */
async function rate(page: Page, i: number) {
  // A finger rests on the glass for about 80 ms before it lifts and the button acts.
  await page
    .locator('.face-button')
    .nth(i % 5)
    .click({ delay: 80 });
  const send = page.getByRole('button', { name: 'Gửi đánh giá' });
  const thanks = page.locator('[data-screen="thanks"]');
  await send.or(thanks).first().waitFor();
  if (await send.isVisible()) {
    await page.waitForTimeout(400); // the double-tap guard
    await send.click({ delay: 80 });
  }
  await thanks.waitFor();
  await page.locator('[data-screen="start"]').waitFor();
}

/**
 * BENCH_PROFILE=1: a CPU profile of the kiosk page during the drain, summed by function (self time),
 * to see what holds the page's thread while a citizen taps.
 */
async function startProfile(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      const interval = (profile.endTime - profile.startTime) / 1000 / (profile.samples?.length || 1);
      const byNode = new Map<number, number>();
      for (const id of profile.samples ?? []) byNode.set(id, (byNode.get(id) ?? 0) + 1);
      const byFunction = new Map<string, number>();
      for (const node of profile.nodes) {
        const { functionName, url, lineNumber } = node.callFrame;
        const name = `${functionName || '(anonymous)'} ${url.split('/').at(-1)}:${lineNumber + 1}`;
        byFunction.set(name, (byFunction.get(name) ?? 0) + (byNode.get(node.id) ?? 0) * interval);
      }
      console.log('  CPU self time during the drain (ms):');
      for (const [name, time] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25))
        console.log(`    ${time.toFixed(0).padStart(7)}  ${name}`);
    },
  };
}

/** Tap → durable commit (or → `mark`) for the taps made since `fromTap`. */
async function tapToDurable(page: Page, fromTap: number, until = Number.POSITIVE_INFINITY, mark = 'hl:durable') {
  const { taps, marks } = await probe(page);
  const durable = marks.filter((m) => m.name === mark).map((m) => m.t);
  // Only the face taps open a rating; each is paired with the first commit after it.
  return durable
    .map((t) => {
      const tap = taps.filter((x) => x < t).at(-1);
      return tap === undefined || taps.indexOf(tap) < fromTap || tap > until ? Number.NaN : t - tap;
    })
    .filter((x) => !Number.isNaN(x));
}

export async function drainBench(browser: Browser, report: Report) {
  const server = await startTestServer();
  try {
    const { page, config } = await enrolledKiosk(browser, server.baseUrl, 'quay-1');
    await page.context().setOffline(true);
    for (let i = 0; i < 20; i++) await rate(page, i); // warm up, and a baseline with an empty queue
    const idle = await tapToDurable(page, 0);

    console.log(`  … queueing ${BACKLOG} ratings (weeks offline)`);
    await queueRatings(page, config, BACKLOG, { clockMs: Date.now(), spacingMs: 10_000 });
    const loadStart = Date.now();
    await page.reload();
    await page.locator('[data-screen="start"]').waitFor();
    const paints = (await probe(page)).paints;
    report(`start screen painted after a reload with ${BACKLOG} pending`, ms(paints[0]?.t ?? Date.now() - loadStart), '≤ 1000 ms');
    const tapsBefore = (await probe(page)).taps.length;
    for (let i = 0; i < 20; i++) await rate(page, i);
    const backlogged = await tapToDurable(page, tapsBefore);
    report(
      `tap → durable, p50 / p99: empty queue vs ${BACKLOG} pending`,
      `${ms(percentile(idle, 50))} / ${ms(percentile(idle, 99))} vs ${ms(percentile(backlogged, 50))} / ${ms(percentile(backlogged, 99))}`,
      'p99 ≤ 25 ms',
    );

    // Back online: the whole backlog goes, in batches; citizens keep rating meanwhile.
    const total = await pendingCount(page);
    const tapsAtDrain = (await probe(page)).taps.length;
    const drainStart = await page.evaluate(() => performance.now());
    const profiler = process.env.BENCH_PROFILE ? await startProfile(page) : null;
    if (process.env.BENCH_RAW_PROBE) {
      await page.evaluate(() => {
        const out: number[] = [];
        const relaxed: number[] = [];
        (window as unknown as { __raw: number[][] }).__raw = [out, relaxed];
        const open = indexedDB.open('probe-db', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('s');
        open.onsuccess = () => {
          const db = open.result;
          let n = 0;
          const tick = () => {
            const t0 = performance.now();
            const strict = n % 2 === 0;
            const tx = db.transaction('s', 'readwrite', { durability: strict ? 'strict' : 'relaxed' });
            tx.objectStore('s').put({ n }, n++);
            tx.oncomplete = () => {
              (strict ? out : relaxed).push(performance.now() - t0);
              if (n < 400) setTimeout(tick, 50);
            };
          };
          tick();
        };
      });
    }
    const started = performance.now();
    await page.context().setOffline(false);
    let i = 0;
    // A citizen rates all along the drain.
    while ((await pendingCount(page)) > 0) await rate(page, i++);
    if (profiler) await profiler.stop();
    // The drain ends when the answer that took the backlog's last rating is applied (the citizen's
    // ratings sent on the way count; one given after that does not stretch the drain).
    const batchMarks = (await probe(page)).marks.filter((m) => m.name === 'hl:sync-batch' && m.t >= drainStart);
    let sent = 0;
    const end = batchMarks.find((m) => (sent += (m.detail as { ratings: number }).ratings) >= total) ?? batchMarks.at(-1);
    const seconds = end ? (end.t - drainStart) / 1000 : (performance.now() - started) / 1000;
    // Both writes a citizen waits for: the first tap's, and the one before the thank-you.
    const duringDrain = [
      ...(await tapToDurable(page, tapsAtDrain, end?.t)),
      ...(await tapToDurable(page, tapsAtDrain, end?.t, 'hl:final')),
    ];
    const longTasks = (await probe(page)).longTasks.filter((task) => task.t >= drainStart && task.t <= (end?.t ?? Infinity));
    const batches = batchMarks
      .slice(0, batchMarks.indexOf(end!) + 1)
      .map((m) => m.detail as { readMs: number; sendMs: number; settleMs: number });
    const mean = (key: 'readMs' | 'sendMs' | 'settleMs') => batches.reduce((sum, b) => sum + b[key], 0) / batches.length;
    report(`per batch of 500, mean: read / exchange / settle`, `${ms(mean('readMs'))} / ${ms(mean('sendMs'))} / ${ms(mean('settleMs'))}`);
    const batchedRate = sent / seconds;
    report(
      `drain ${sent} ratings, batched (500 per request), Chromium → server → SQLite`,
      `${seconds.toFixed(1)} s = ${batchedRate.toFixed(0)} ratings/s`,
      '≥ 5,000/s',
    );
    report(
      `tap → durable during the drain (first taps and sending taps), p50 / p99 over ${duringDrain.length}`,
      `${ms(percentile(duringDrain, 50))} / ${ms(percentile(duringDrain, 99))}`,
      'p99 ≤ 25 ms',
    );
    const toWrite = await tapToDurable(page, tapsAtDrain, end?.t, 'hl:write');
    if (process.env.BENCH_RAW_PROBE) {
      const [raw, relaxed] = await page.evaluate(() => (window as unknown as { __raw: number[][] }).__raw);
      report(
        `RAW strict put in another database during the drain, p50 / p99 over ${raw!.length}`,
        `${ms(percentile(raw!, 50))} / ${ms(percentile(raw!, 99))}`,
      );
      report(
        `RAW relaxed put in another database during the drain, p50 / p99 over ${relaxed!.length}`,
        `${ms(percentile(relaxed!, 50))} / ${ms(percentile(relaxed!, 99))}`,
      );
    }
    report(
      `  of which tap → write started (the page's thread), p50 / p99`,
      `${ms(percentile(toWrite, 50))} / ${ms(percentile(toWrite, 99))}`,
    );
    report(
      `the page's long tasks (≥ 50 ms) during the drain: count / longest`,
      `${longTasks.length} / ${ms(Math.max(0, ...longTasks.map((task) => task.duration)))}`,
    );
    await page.context().close();

    // The naive way, in the same run: the same kind of queue drained one POST per rating, as most
    // form collectors send, each marked sent in its own transaction once the server took it.
    const naive = await enrolledKiosk(browser, server.baseUrl, 'quay-2');
    await naive.page.goto(`${server.baseUrl}/healthz`); // the kiosk app (and its own sync) off this origin's page
    await queueRatings(naive.page, naive.config, NAIVE, { clockMs: Date.now(), spacingMs: 10_000 });
    const naiveSeconds = await naive.page.evaluate(
      async ({ kioskId }) => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const open = indexedDB.open('hai-long-kiosk');
          open.onsuccess = () => resolve(open.result);
        });
        const request = <T>(r: IDBRequest<T>) =>
          new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
        const token = ((await request(db.transaction('meta').objectStore('meta').get('deviceToken'))) as { value: string }).value;
        const t0 = performance.now();
        for (;;) {
          const [rating] = (await request(db.transaction('outbox').objectStore('outbox').getAll(null, 1))) as { seq: number }[];
          if (!rating) break;
          const response = await fetch('/api/v1/ratings/batches', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ batchId: crypto.randomUUID(), kioskId, sentAt: new Date().toISOString(), ratings: [rating] }),
          });
          const result = (await response.json()) as { accepted: string[]; duplicate: string[] };
          if (result.accepted.length + result.duplicate.length !== 1) throw new Error(`naive send refused: ${JSON.stringify(result)}`);
          const tx = db.transaction('outbox', 'readwrite', { durability: 'strict' });
          tx.objectStore('outbox').delete(rating.seq);
          await new Promise((resolve) => (tx.oncomplete = resolve));
        }
        return (performance.now() - t0) / 1000;
      },
      { kioskId: naive.config.kioskId },
    );
    const naiveRate = NAIVE / naiveSeconds;
    report(
      `naive drain: one POST per rating, each marked sent (${NAIVE} ratings)`,
      `${naiveSeconds.toFixed(1)} s = ${naiveRate.toFixed(0)} ratings/s`,
    );
    report('batched drain vs naive', `${(batchedRate / naiveRate).toFixed(0)}×`, '≥ 50×');
    await naive.page.context().close();
  } finally {
    await server.close();
  }
}
