import { afterEach, describe, expect, it } from 'vitest';
import { HttpTransport } from '../../shared/sync/http-transport';
import { SyncEngine } from '../../shared/sync/engine';
import { sampleRating } from '../support/fixtures';
import { seededRandom, startFaultProxy, type ProxyFault } from '../support/fault-proxy';
import { MemoryQueue } from './support/sim-server';
import { engines, testServer } from './support/server-harness';

/**
 * The real transport and engine, through a proxy that fails one exchange in five at random points,
 * to the real server and database. (The Chromium kiosk version of this suite is still to come.)
 */
describe.each(engines())('sync through a faulty network to the real server on %s', (engine) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  it('delivers every confirmed rating exactly once when 20% of exchanges fail', async () => {
    const server = await testServer(engine, new Date());
    cleanup.push(() => server.close());
    const origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const kiosk = await server.enrolKiosk();
    const random = seededRandom(20261122);
    const faults: ProxyFault[] = ['drop-request', 'cut-response', 'delay', 'stall', '500', '503', '429', 'garbage'];
    const proxy = await startFaultProxy(origin, () => (random() < 0.2 ? faults[Math.floor(random() * faults.length)]! : 'pass'));
    cleanup.push(() => proxy.close());

    const count = 5_000;
    const now = new Date();
    const queue = new MemoryQueue(
      Array.from({ length: count }, (_, i) =>
        sampleRating(50_000 + i, now, {
          kioskId: kiosk.kioskId,
          seq: i + 1,
          templateId: kiosk.config.template.id,
          templateVersion: kiosk.config.template.version,
          overall: (i % 5) + 1,
        }),
      ),
    );
    const sync = new SyncEngine({
      kioskId: kiosk.kioskId,
      queue,
      transport: new HttpTransport({ serverOrigin: proxy.url, deviceToken: async () => kiosk.token, fetch, now: () => new Date() }),
      now: () => new Date(),
      newBatchId: () => crypto.randomUUID(),
      random,
      // Real waits, shortened: the retry schedule matters here, not its length.
      setTimer: (run, ms) => {
        const t = setTimeout(run, Math.min(ms, 50));
        return { cancel: () => clearTimeout(t) };
      },
      withLock: (work) => work(),
      appVersion: 'test',
      requestTimeoutMs: 1_000,
    });
    // Small batches so many exchanges happen.
    const pendingToSend = queue.pendingToSend.bind(queue);
    queue.pendingToSend = (limit, afterSeq) => pendingToSend(Math.min(limit, 50), afterSeq);

    await sync.syncNow('manual');
    const deadline = Date.now() + 60_000;
    while (queue.synced.size < count && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      if (sync.snapshot.status === 'idle' && queue.synced.size < count) await sync.syncNow('manual');
    }
    sync.stop();

    const injected = Object.entries(proxy.stats)
      .filter(([fault]) => fault !== 'pass')
      .reduce((n, [, k]) => n + k, 0);
    console.log(`${count} ratings, ${proxy.stats.pass + injected} exchanges, ${injected} faults injected`, proxy.stats);
    expect(injected).toBeGreaterThan(0);
    expect(queue.synced.size).toBe(count);
    const rows = await server.store.db.selectFrom('ratings').select(['id']).where('kiosk_id', '=', kiosk.kioskId).execute();
    expect(rows).toHaveLength(count);
    expect(new Set(rows.map((r) => r.id)).size).toBe(count);
    const counted = await server.store.db
      .selectFrom('rating_counts')
      .select((eb) => eb.fn.sum('count').as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(count);
  }, 90_000);
});
