import { expect, test } from '@playwright/test';
import type { ProxyFault } from '../support/fault-proxy';
import { seededRandom } from '../support/fault-proxy';
import { District } from './district';
import { drained, enrolKiosk, queueRatings, rateOnScreen, readKioskQueue } from './kiosk';
import { expectExactlyOnce } from './tally';

let district: District;
test.beforeEach(async ({ page }) => {
  district = await District.start();
  await page.clock.install();
});
test.afterEach(async () => district.close());

const place = { wardId: 'trang-tien', counterId: 'quay-1' };

test('1. 5,000 ratings through a proxy failing 20% of exchanges at random points (seeded)', async ({ page }, testInfo) => {
  const config = await enrolKiosk(page, await district.enrolmentLink(place.wardId, place.counterId));
  const random = seededRandom(Number(process.env.RELIABILITY_SEED ?? 20261122));
  const faults: ProxyFault[] = ['drop-request', 'cut-response', 'delay', 'stall', '500', '503', '429', 'garbage'];
  const injected: ProxyFault[] = [];
  district.policy = () => {
    const fault = random() < 0.2 ? faults[Math.floor(random() * faults.length)]! : 'pass';
    injected.push(fault);
    return fault;
  };
  // A day at the counter: 50 citizens rate on the screen, each after 99 ratings the kiosk took while
  // nobody watched; each rating on the screen starts a sync (debounced), through the faulty network.
  for (let wave = 0; wave < 50; wave++) {
    await queueRatings(page, config, 99, { clockMs: await page.evaluate(() => Date.now()) });
    await rateOnScreen(page, 1, wave);
  }
  await drained(page, 240_000);

  const failed = injected.filter((f) => f !== 'pass');
  const kinds = [...new Set(failed)].map((f) => `${f}×${failed.filter((x) => x === f).length}`).join(' ');
  expect(failed.length).toBeGreaterThan(5);
  const kiosk = await readKioskQueue(page);
  expect(kiosk.confirmed).toHaveLength(5_000);
  expectExactlyOnce(
    testInfo,
    '1 random faults (20%)',
    kiosk,
    district.stored([config.kioskId], place),
    `${injected.length} exchanges, ${failed.length} failed: ${kinds}`,
  );
});

test('2. every answer lost after the server committed, for a while: the resends come back duplicate', async ({ page }, testInfo) => {
  const config = await enrolKiosk(page, await district.enrolmentLink(place.wardId, place.counterId));
  district.policy = () => 'drop-request';
  await rateOnScreen(page, 3);
  await queueRatings(page, config, 1_497, { clockMs: await page.evaluate(() => Date.now()) });

  // The first four batch exchanges reach the server, which stores them; the answers never arrive.
  let cut = 0;
  district.policy = ({ path }) => (path === '/api/v1/ratings/batches' && cut++ < 4 ? 'cut-response' : 'pass');
  await page.reload();
  await drained(page, 120_000);

  const batches = district.exchanges.filter((e) => e.path === '/api/v1/ratings/batches');
  const lostAnswers = batches.filter((e) => e.fault === 'cut-response');
  const committed = new Set(lostAnswers.flatMap((e) => JSON.parse(e.answer!.toString()).accepted as string[]));
  const answered = batches
    .filter((e) => e.fault === 'pass')
    .map((e) => JSON.parse(e.answer!.toString()) as { accepted: string[]; duplicate: string[] });
  expect(lostAnswers).toHaveLength(4);
  expect(committed.size).toBeGreaterThan(0);
  // Everything the server had stored came back as duplicate when resent, never accepted again.
  const duplicates = new Set(answered.flatMap((a) => a.duplicate));
  const acceptedLater = answered.flatMap((a) => a.accepted);
  expect([...committed].every((id) => duplicates.has(id))).toBe(true);
  expect(acceptedLater.some((id) => committed.has(id))).toBe(false);

  const kiosk = await readKioskQueue(page);
  expectExactlyOnce(
    testInfo,
    '2 answers lost after commit',
    kiosk,
    district.stored([config.kioskId], place),
    `${committed.size} resent as duplicate`,
  );
});

test('5. offline with 20,000 queued: taps stay quick to confirm, and the backlog drains in order once online', async ({
  page,
}, testInfo) => {
  const config = await enrolKiosk(page, await district.enrolmentLink(place.wardId, place.counterId));
  await page.context().setOffline(true);
  await rateOnScreen(page, 3);
  await queueRatings(page, config, 19_994, { clockMs: await page.evaluate(() => Date.now()) });
  // With the backlog there, the citizen's flow still works and is confirmed.
  await rateOnScreen(page, 3, 2);
  expect((await readKioskQueue(page)).pending).toBe(20_000);

  const started = Date.now();
  await page.context().setOffline(false);
  await drained(page, 180_000);
  const seconds = (Date.now() - started) / 1000;

  const stored = district.stored([config.kioskId], place);
  // Sent in sequence order: the server received them by ascending sequence number.
  const seqs = stored.rows.map((r) => r.seq);
  expect(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]!)).toBe(true);
  expectExactlyOnce(testInfo, '5 offline 20,000 then online', await readKioskQueue(page), stored, `drained in ${seconds.toFixed(1)} s`);
});
