// The herd after an outage (`BENCH_ONLY=herd npm run bench`): N kiosks come back at the same moment,
// each with a backlog, through the real sync engine and HTTP transport, to the real server in its own
// process, on SQLite and on PostgreSQL; beside it, one kiosk alone sending the same number of ratings
// on the same machine in the same run. Faults as a district's network makes them: answers lost after
// the server committed (resent), requests aborted after their body was sent, a few poisoned ratings.
// Printed, never asserted.
import SQLite from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Agent, fetch as undiciFetch } from 'undici';
import { v7 } from 'uuid';
import type { KioskConfig } from '../../shared/schema/kiosk-config';
import type { Rating } from '../../shared/schema/rating';
import { SyncEngine } from '../../shared/sync/engine';
import { HttpTransport } from '../../shared/sync/http-transport';
import type { OutgoingBatch, SyncTransport } from '../../shared/sync/ports';
import { toIsoWithOffset } from '../../shared/time';
import { sampleNewRating } from '../support/fixtures';
import { nginxBinary, startNginx } from '../support/nginx';
import { startPostgres } from '../support/postgres';
import { adminSession, freePort, startServerProcess } from '../support/server-process';
import { MemoryQueue } from '../unit/support/sim-server';
import { percentile } from './stats';

type Report = (name: string, value: string, target?: string) => void;

const KIOSKS = Number(process.env.BENCH_HERD_KIOSKS ?? 200);
const BACKLOG = Number(process.env.BENCH_HERD_BACKLOG ?? 600);
const PASSWORD = 'herd-bench-password';
const LOST_ANSWERS = 0.1;
const ABORTED = 0.06;
const POISONED = 1 / 2000;

/** What the kiosks saw, counted by the transport they send through. */
class Tally {
  requests = 0;
  injected = 0;
  refused = 0; // 503 (admission) and 507
  acknowledged = 0;
  timeouts = 0;
  otherFiveHundreds = 0;
  admittedLatencies: number[] = [];
  /** The server's own figure (Server-Timing): from the batch's arrival to its answer. */
  serverLatencies: number[] = [];
}

/** fetch, noting the server's own time for each batch it answered. */
const timedFetch =
  (tally: Tally, send: typeof fetch = fetch): typeof fetch =>
  async (input, init) => {
    const response = await send(input, init);
    const dur = /batch;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
    if (dur) tally.serverLatencies.push(Number(dur[1]));
    return response;
  };

/**
 * /healthz asked every 100 ms from a thread of its own: the bench's kiosks keep this process busy,
 * and their wait must not be counted as the server's.
 */
function healthProbe(origin: string) {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    let running = true;
    parentPort.on('message', () => { running = false; });
    (async () => {
      const times = [];
      while (running) {
        const t0 = performance.now();
        await fetch(workerData + '/healthz').then((r) => r.arrayBuffer());
        times.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
      parentPort.postMessage(times);
    })();`,
    { eval: true, workerData: origin },
  );
  return {
    stop: () =>
      new Promise<number[]>((resolve) => {
        worker.once('message', (times: number[]) => void worker.terminate().then(() => resolve(times)));
        worker.postMessage('stop');
      }),
  };
}

/** The real HTTP transport, with the network's faults injected on some batches (a seeded choice per request). */
function faultyTransport(inner: HttpTransport, origin: string, token: string, tally: Tally, faults: boolean): SyncTransport {
  return {
    fetchConfig: (etag, timeout) => inner.fetchConfig(etag, timeout),
    sendHeartbeat: (beat, timeout) => inner.sendHeartbeat(beat, timeout),
    async sendBatch(batch: OutgoingBatch, timeoutMs: number) {
      tally.requests++;
      const draw = Math.random();
      if (faults && draw < ABORTED) {
        // Abort once the body is on its way: the server may or may not have stored it.
        tally.injected++;
        const abort = new AbortController();
        setTimeout(() => abort.abort(), 1 + Math.random() * 15);
        await fetch(`${origin}/api/v1/ratings/batches`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(batch),
          signal: abort.signal,
        })
          .then((r) => r.arrayBuffer())
          .catch(() => undefined);
        return { kind: 'network', message: 'aborted by the bench' };
      }
      const started = performance.now();
      const outcome = await inner.sendBatch(batch, timeoutMs);
      if (outcome.kind === 'timeout') tally.timeouts++;
      if (outcome.kind === 'answer') {
        if (outcome.status === 503 || outcome.status === 507) tally.refused++;
        else if (outcome.status >= 500) tally.otherFiveHundreds++;
        else if (outcome.status === 200) tally.admittedLatencies.push(performance.now() - started);
      }
      if (faults && outcome.kind === 'answer' && outcome.status === 200 && draw < ABORTED + LOST_ANSWERS) {
        tally.injected++; // committed, and the answer lost: the kiosk sends the batch again
        return { kind: 'network', message: 'answer lost by the bench' };
      }
      if (outcome.kind === 'answer' && outcome.status === 200) tally.acknowledged++;
      return outcome;
    },
  };
}

/** A kiosk's backlog: a rating a minute up to now (as a counter serves), numbered 1…n, a few poisoned. */
function backlog(config: KioskConfig, count: number, faults: boolean): Rating[] {
  const incarnation = crypto.randomUUID();
  const step = 61_000;
  const start = Date.now() - count * step;
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(start + i * step);
    const poisoned = faults && Math.random() < POISONED;
    return {
      ...sampleNewRating(i + 1, {
        id: v7(),
        kioskId: config.kioskId,
        wardId: config.ward.id,
        counterId: config.counter.id,
        templateId: poisoned ? 'no-such-template' : config.template.id,
        templateVersion: config.template.version,
        startedAt: toIsoWithOffset(at, 420),
      }),
      overall: (i % 5) + 1,
      seq: i + 1,
      incarnation,
      completedAt: toIsoWithOffset(new Date(at.getTime() + 20_000), 420),
      outcome: 'completed',
    } as Rating;
  });
}

interface Kiosk {
  config: KioskConfig;
  token: string;
  queue: MemoryQueue;
  engine: SyncEngine;
}

/**
 * `via`: the address the kiosks send to (the proxy's), and the fetch that trusts its certificate;
 * enrolment goes to the server directly.
 */
async function enrolKiosks(
  origin: string,
  count: number,
  size: number,
  tally: Tally,
  faults: boolean,
  via: { origin: string; fetch: typeof fetch } = { origin, fetch },
): Promise<Kiosk[]> {
  const admin = await adminSession(via.origin, PASSWORD, via.fetch);
  const wards = await admin.get<{ id: string; counters: { id: string }[] }[]>('/api/v1/admin/wards');
  const places = wards.flatMap((w) => w.counters.map((c) => ({ wardId: w.id, counterId: c.id })));
  const kiosks: Kiosk[] = [];
  for (let i = 0; i < count; i++) {
    const { code } = await admin.post<{ code: string }>('/api/v1/admin/enrolment-codes', places[i % places.length]);
    const enrolled = (await (
      await via.fetch(`${via.origin}/api/v1/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      })
    ).json()) as { deviceToken: string; config: KioskConfig };
    const queue = new MemoryQueue(backlog(enrolled.config, size, faults));
    const inner = new HttpTransport({
      serverOrigin: via.origin,
      deviceToken: async () => enrolled.deviceToken,
      fetch: timedFetch(tally, via.fetch),
      now: () => new Date(),
    });
    const engine = new SyncEngine({
      kioskId: enrolled.config.kioskId,
      queue,
      transport: faultyTransport(inner, origin, enrolled.deviceToken, tally, faults),
      now: () => new Date(),
      newBatchId: () => crypto.randomUUID(),
      random: Math.random,
      setTimer: (run, ms) => {
        const timer = setTimeout(run, ms);
        return { cancel: () => clearTimeout(timer) };
      },
      withLock: (work) => work(),
      appVersion: 'bench',
      requestTimeoutMs: 30_000,
      intervalMs: 3_600_000,
    });
    kiosks.push({ config: enrolled.config, token: enrolled.deviceToken, queue, engine });
  }
  return kiosks;
}

/** Sends every kiosk's backlog at once; resolves when every queue is empty (or set aside). */
async function herd(kiosks: Kiosk[], origin: string) {
  const probe = healthProbe(origin);
  const started = performance.now();
  const total = kiosks.reduce((n, k) => n + k.queue.ratings.length, 0);
  const done = (k: Kiosk) => k.queue.synced.size + k.queue.quarantined.size;
  void Promise.all(kiosks.map((k) => k.engine.syncNow('online')));
  // Engines waiting out a backoff go on by their own timers; wait for the last queue to empty. The
  // last percent is mostly kiosks waiting out a backoff, not the server: its time is noted apart.
  let ninetyNine: number | null = null;
  for (;;) {
    const settled = kiosks.reduce((n, k) => n + done(k), 0);
    if (ninetyNine === null && settled >= total * 0.99) ninetyNine = (performance.now() - started) / 1000;
    if (settled >= total) break;
    await new Promise((r) => setTimeout(r, 100));
    for (const k of kiosks) if (done(k) < k.queue.ratings.length && k.engine.snapshot.status === 'idle') void k.engine.syncNow('online');
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, ninetyNine: ninetyNine ?? seconds, health: await probe.stop() };
}

/** The server's ratings per kiosk and the report counts' total, straight from its database. */
async function stored(engine: 'sqlite' | 'postgres', dataDir: string, url: string | undefined) {
  if (engine === 'sqlite') {
    const db = new SQLite(join(dataDir, 'hai-long.sqlite'), { readonly: true });
    try {
      const ids = new Set((db.prepare('select id from ratings').all() as { id: string }[]).map((r) => r.id));
      const counted = (db.prepare('select coalesce(sum(count), 0) as n from rating_counts').get() as { n: number }).n;
      return { ids, counted: Number(counted) };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = new Set((await client.query<{ id: string }>('select id from ratings')).rows.map((r) => r.id));
    const counted = (await client.query<{ n: string }>('select coalesce(sum(count), 0) as n from rating_counts')).rows[0]!.n;
    return { ids, counted: Number(counted) };
  } finally {
    await client.end();
  }
}

const peakMemory = (child: ChildProcess) => {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
};

/** One run: a fresh server on the engine, N kiosks with B ratings each (or one kiosk with N×B). */
async function run(engine: 'sqlite' | 'postgres', kiosks: number, size: number, faults: boolean, proxied = false) {
  const dataDir = await mkdtemp(join(tmpdir(), 'hl-herd-'));
  const postgres = engine === 'postgres' ? await startPostgres({ durable: true }) : null;
  if (engine === 'postgres' && !postgres) return null;
  const port = await freePort();
  // Through Debian's nginx terminating TLS, as docs/deployment.md configures it.
  const proxy = proxied ? await startNginx(port) : null;
  const proxyOrigin = proxy ? `https://127.0.0.1:${proxy.https}` : null;
  const server = await startServerProcess({
    dataDir,
    port,
    adminPassword: PASSWORD,
    env: {
      ...(postgres && { DATABASE_URL: postgres.url }),
      ...(proxyOrigin && { HAILONG_PUBLIC_URL: proxyOrigin, HAILONG_TRUST_PROXY: '127.0.0.1', HAILONG_LOG_LEVEL: 'warn' }),
    },
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    const tally = new Tally();
    const via = proxy && proxyOrigin ? { origin: proxyOrigin, fetch: trusting(proxy.certificate) } : undefined;
    const fleet = await enrolKiosks(origin, kiosks, size, tally, faults, via);
    const { seconds, ninetyNine, health } = await herd(fleet, origin);
    const server$ = await stored(engine, dataDir, postgres?.url);
    const confirmed = fleet.flatMap((k) => [...k.queue.synced]);
    const quarantined = fleet.reduce((n, k) => n + k.queue.quarantined.size, 0);
    return {
      ratings: kiosks * size,
      seconds,
      rate: (server$.ids.size * 0.99) / ninetyNine,
      health,
      tally,
      memory: peakMemory(server),
      lost: confirmed.filter((id) => !server$.ids.has(id)).length,
      twice: server$.counted - server$.ids.size,
      quarantined,
    };
  } finally {
    server.kill('SIGKILL');
    proxy?.stop();
    postgres?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** fetch (undici's) trusting the proxy's own certificate, as a kiosk's system would once installed. */
function trusting(certificate: Buffer): typeof fetch {
  const dispatcher = new Agent({ connect: { ca: certificate }, connections: 8 });
  return ((input: string, init?: RequestInit) => undiciFetch(input, { ...init, dispatcher } as never)) as unknown as typeof fetch;
}

export async function herdBench(report: Report) {
  for (const engine of ['sqlite', 'postgres'] as const) {
    const name = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const alone = await run(engine, 1, KIOSKS * BACKLOG, false);
    if (!alone) {
      report(`herd, ${name}`, 'not installed here: skipped (apt-get install postgresql)');
      continue;
    }
    const many = (await run(engine, KIOSKS, BACKLOG, true))!;
    const t = many.tally;
    const label = `${name}, ${KIOSKS} kiosks × ${BACKLOG}`;
    report(
      `herd ${label}: ratings/s to 99% stored (one kiosk alone with ${KIOSKS * BACKLOG})`,
      `${many.rate.toFixed(0)} (${alone.rate.toFixed(0)})`,
    );
    report(`herd ${label}: until the last rating (kiosks waiting out backoffs)`, `${many.seconds.toFixed(1)} s`);
    report(`herd ${label}: throughput ÷ one kiosk alone`, (many.rate / alone.rate).toFixed(2), '≥ 0.9');
    report(`herd ${label}: batches timed out at the kiosk (30 s)`, String(t.timeouts), '0');
    report(`herd ${label}: 5xx other than 503/507`, String(t.otherFiveHundreds), '0');
    report(`herd ${label}: refused with 503 and sent again later`, String(t.refused));
    report(
      `herd ${label}: p99 latency of an admitted batch, in the server (at the kiosk, this process busy with ${KIOSKS} engines)`,
      `${percentile(t.serverLatencies, 99).toFixed(0)} ms (${percentile(t.admittedLatencies, 99).toFixed(0)} ms)`,
      '≤ 2000 ms',
    );
    report(`herd ${label}: /healthz p99 during the herd`, `${percentile(many.health, 99).toFixed(1)} ms`, '≤ 100 ms');
    const real = t.requests - t.injected - t.refused;
    report(`herd ${label}: requests per batch (injected faults left out)`, (real / Math.max(1, t.acknowledged)).toFixed(3), '≤ 1.05');
    report(`herd ${label}: server peak memory`, `${(many.memory / 1_048_576).toFixed(0)} MiB`, '≤ 400 MiB');
    report(`herd ${label}: ratings lost / counted twice`, `${many.lost} / ${many.twice}`, '0 / 0');
  }
  // The same herd through nginx with TLS (SQLite, no injected faults): what the proxy adds.
  if (!nginxBinary()) return report('herd through nginx', 'not installed here: skipped (apt-get install nginx)');
  const proxied = (await run('sqlite', KIOSKS, BACKLOG, false, true))!;
  const label = `SQLite through nginx (TLS), ${KIOSKS} kiosks × ${BACKLOG}`;
  report(`herd ${label}: ratings/s to 99% stored`, proxied.rate.toFixed(0));
  report(
    `herd ${label}: p99 batch latency at the kiosk (in the server)`,
    `${percentile(proxied.tally.admittedLatencies, 99).toFixed(0)} ms (${percentile(proxied.tally.serverLatencies, 99).toFixed(0)} ms)`,
  );
  report(`herd ${label}: 5xx other than 503/507, timeouts`, `${proxied.tally.otherFiveHundreds}, ${proxied.tally.timeouts}`, '0, 0');
  report(`herd ${label}: ratings lost / counted twice`, `${proxied.lost} / ${proxied.twice}`, '0 / 0');
}
