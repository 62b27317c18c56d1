import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoKioskConfig } from '../../shared/demo';
import type { KioskConfig } from '../../shared/schema/kiosk-config';
import { serviceNotice } from '../../shared/sync/service-notice';
import { SyncEngine } from '../../shared/sync/engine';
import { BACKOFF_CAP_MS, fitBatch, parseRetryAfter, retryDelay, verdictForStatus, wholeBatchRefusal } from '../../shared/sync/policy';
import { KIOSK_ID, sampleRating } from '../support/fixtures';
import { MemoryQueue, SimulatedServer, VirtualClock, type Fault } from './support/sim-server';

function setup(count: number, options: { random?: () => number; isOffline?: () => boolean } = {}) {
  const clock = new VirtualClock();
  const ratings = Array.from({ length: count }, (_, i) => sampleRating(i + 1, clock.now(), { kioskId: KIOSK_ID }));
  const queue = new MemoryQueue(ratings);
  const server = new SimulatedServer(clock.now);
  let batches = 0;
  const configs: KioskConfig[] = [];
  const engine = new SyncEngine({
    kioskId: KIOSK_ID,
    queue,
    transport: server,
    now: clock.now,
    newBatchId: () => `00000000-0000-4000-8000-${String(++batches).padStart(12, '0')}`,
    random: options.random ?? (() => 0.5),
    setTimer: clock.setTimer,
    withLock: (work) => work(),
    appVersion: '0.1.0',
    onConfig: (config) => configs.push(config),
    isOffline: options.isOffline,
  });
  return { clock, queue, server, engine, ratings, configs };
}

describe('sync policy', () => {
  it.each([
    [200, 'ack'],
    [408, 'retry'],
    [409, 'retry'],
    [425, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [400, 'stop'],
    [401, 'stop'],
    [403, 'stop'],
    [404, 'stop'],
    [413, 'stop'],
  ] as const)('HTTP %i → %s', (status, verdict) => {
    expect(verdictForStatus(status)).toBe(verdict);
  });

  it.each([
    [413, null, 'too-large'],
    [400, null, 'content'],
    [400, 'implausible_clock', null],
    [500, 'internal', 'server-error'],
    [502, null, 'server-error'],
    [503, null, null],
    [507, 'storage_full', null],
    [429, 'rate_limited', null],
  ] as const)('a whole batch refused with HTTP %i %s → %s', (status, code, refusal) => {
    expect(wholeBatchRefusal(status, code)).toBe(refusal);
  });

  it('backs off exponentially with full jitter, capped at five minutes, never under Retry-After', () => {
    expect([0, 1, 2, 3].map((a) => retryDelay(a, () => 0.999))).toEqual([999, 1998, 3996, 7992]);
    expect(retryDelay(0, () => 0)).toBe(0);
    expect(retryDelay(30, () => 0.999)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    expect(retryDelay(0, () => 0.1, 30_000)).toBe(30_000);
    expect(parseRetryAfter('120', new Date())).toBe(120_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 03:01:00 GMT', new Date('2026-11-22T03:00:00Z'))).toBe(60_000);
    expect(parseRetryAfter('soon', new Date())).toBeNull();
  });

  it('fills a batch up to 500 ratings or 256 KiB, and always sends at least one', () => {
    expect(fitBatch([1, 2, 3], 2, 100, () => 10)).toEqual([1, 2]);
    expect(fitBatch([1, 2, 3], 10, 25, () => 10)).toEqual([1, 2]);
    expect(fitBatch([1, 2], 10, 5, () => 10)).toEqual([1]);
  });
});

describe('sync engine', () => {
  it('drains the queue in sequence order, 500 at a time', async () => {
    const { engine, queue, server } = setup(1_200);
    await engine.syncNow('manual');
    expect(queue.synced.size).toBe(1_200);
    expect(server.requests).toBe(3);
    expect(server.inserts).toBe(1_200);
    expect(engine.snapshot).toMatchObject({ status: 'idle', attempt: 0, sentTotal: 1_200 });
  });

  it('treats a lost answer as unknown: the resend comes back duplicate and nothing counts twice', async () => {
    const { engine, queue, server, clock } = setup(10);
    server.faults = ['lose-response', 'lose-response'];
    await engine.syncNow('manual');
    expect(queue.synced.size).toBe(0);
    expect(server.inserts).toBe(10);
    expect(engine.snapshot.status).toBe('waiting');
    await clock.advance(BACKOFF_CAP_MS);
    await clock.advance(BACKOFF_CAP_MS);
    expect(queue.synced.size).toBe(10);
    expect(server.inserts).toBe(10);
  });

  it('quarantines a poisoned rating with the server’s reason and delivers the rest', async () => {
    const { engine, queue, server, ratings } = setup(5);
    server.poison.add(ratings[2]!.id);
    await engine.syncNow('manual');
    expect(queue.synced.size).toBe(4);
    expect(queue.quarantined.get(ratings[2]!.id)).toMatchObject({ code: 'invalid', message: 'poisoned' });
    expect(engine.snapshot).toMatchObject({ status: 'idle', quarantinedTotal: 1, sentTotal: 4 });
    // Never retried: a later sync does not send it again.
    const before = server.requests;
    await engine.syncNow('manual');
    expect(server.requests).toBe(before);
  });

  it('finds the one rating a server keeps failing whole batches for, sets it aside, and delivers the rest', async () => {
    const { engine, queue, server, ratings, clock } = setup(1_200);
    const culprit = ratings[733]!;
    server.wedging.set(culprit.id, { status: 500, errorCode: 'internal' });
    await engine.syncNow('manual');
    for (let i = 0; i < 10 && queue.synced.size < 1_199; i++) await clock.advance(BACKOFF_CAP_MS);
    expect(queue.synced.size).toBe(1_199);
    expect([...queue.quarantined.keys()]).toEqual([culprit.id]);
    expect(queue.quarantined.get(culprit.id)).toMatchObject({
      code: 'batch_refused',
      message: expect.stringContaining('HTTP 500 internal'),
    });
    expect(server.inserts).toBe(1_199);
    // Halving 500 down to one takes a few dozen exchanges, not one per rating.
    expect(server.requests).toBeLessThan(40);
    expect(engine.snapshot).toMatchObject({ status: 'idle', quarantinedTotal: 1 });
  });

  it('sets nothing aside while the server fails every batch: it backs off, then delivers everything', async () => {
    const { engine, queue, server, clock } = setup(700);
    server.down = true;
    await engine.syncNow('manual');
    for (let i = 0; i < 12; i++) await clock.advance(BACKOFF_CAP_MS);
    expect(queue.quarantined.size).toBe(0);
    expect(engine.snapshot.status).toBe('waiting');
    server.down = false;
    await clock.advance(BACKOFF_CAP_MS);
    expect(queue.synced.size).toBe(700);
    expect(queue.quarantined.size).toBe(0);
  });

  it('a lone refused rating waits for others before it is set aside (no proof the server works yet)', async () => {
    const { engine, queue, server, clock, ratings } = setup(1);
    server.wedging.set(ratings[0]!.id, { status: 500, errorCode: 'internal' });
    await engine.syncNow('manual');
    for (let i = 0; i < 6; i++) await clock.advance(BACKOFF_CAP_MS);
    expect(queue.quarantined.size).toBe(0);
    // A citizen rates: now a good rating goes through beside it, and the bad one is set aside.
    queue.ratings.push(sampleRating(2, clock.now(), { kioskId: KIOSK_ID }));
    for (let i = 0; i < 6 && queue.synced.size < 1; i++) await clock.advance(BACKOFF_CAP_MS);
    expect(queue.synced.size).toBe(1);
    expect([...queue.quarantined.keys()]).toEqual([ratings[0]!.id]);
  });

  it('a proxy’s 400 for one rating sets that rating aside at once; its 413 makes batches smaller', async () => {
    const { engine, queue, server, ratings, clock } = setup(600);
    server.wedging.set(ratings[10]!.id, { status: 400, errorCode: null });
    server.maxRatings = 120;
    await engine.syncNow('manual');
    for (let i = 0; i < 3 && queue.synced.size < 599; i++) await clock.advance(BACKOFF_CAP_MS);
    expect(queue.synced.size).toBe(599);
    expect([...queue.quarantined.keys()]).toEqual([ratings[10]!.id]);
    // The district server's own 400 is about the request, never one rating: sync stops for a person.
    const other = setup(3);
    other.server.wedging.set(other.ratings[1]!.id, { status: 400, errorCode: 'implausible_clock' });
    await other.engine.syncNow('manual');
    expect(other.queue.quarantined.size).toBe(0);
    expect(other.engine.snapshot.status).toBe('stopped');
  });

  it('never sets aside a rating the server takes, whatever transient failures come (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 299 }), { maxLength: 3 }),
        fc.array(fc.constantFrom<Fault>('none', '500', '503', 'drop-request', 'lose-response', 'timeout'), { maxLength: 30 }),
        async (count, wedged, faults) => {
          const { engine, queue, server, ratings, clock } = setup(count);
          const bad = new Set(wedged.filter((i) => i < count).map((i) => ratings[i]!.id));
          for (const id of bad) server.wedging.set(id, { status: 500, errorCode: 'internal' });
          server.faults = [...faults];
          await engine.syncNow('manual');
          for (let i = 0; i < 60 && queue.synced.size + queue.quarantined.size < count; i++) await clock.advance(BACKOFF_CAP_MS);
          for (const id of queue.quarantined.keys()) expect(bad.has(id)).toBe(true);
          expect(queue.synced.size).toBe(count - bad.size + [...bad].filter((id) => queue.synced.has(id)).length);
          expect(server.inserts).toBe(count - bad.size);
          // Every good rating arrives; a bad one is set aside once good ones went through beside it.
          if (count > bad.size) expect(queue.quarantined.size).toBe(bad.size);
        },
      ),
      { numRuns: 60, seed: 14 },
    );
  });

  it('sends the next batch while the last answer is applied, never more than one answer ahead, in order', async () => {
    const { engine, queue, server } = setup(2_000);
    const settle = queue.settle.bind(queue);
    const applied: string[] = [];
    let unapplied = 0;
    let mostUnapplied = 0;
    const sendBatch = server.sendBatch.bind(server);
    server.sendBatch = async (batch) => {
      mostUnapplied = Math.max(mostUnapplied, unapplied);
      return sendBatch(batch);
    };
    queue.settle = async (acknowledged, rejected, at) => {
      unapplied++;
      // Applying an answer takes a while (a storage write); the next exchange may run meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 5));
      applied.push(acknowledged[0]!);
      await settle(acknowledged, rejected, at);
      unapplied--;
    };
    await engine.syncNow('manual');
    expect(queue.synced.size).toBe(2_000);
    expect(mostUnapplied).toBe(1);
    expect(applied).toEqual([0, 500, 1000, 1500].map((i) => queue.ratings[i]!.id));
    expect(engine.snapshot).toMatchObject({ status: 'idle', sentTotal: 2_000 });
  });

  it('a storage failure while applying an answer backs off and loses nothing', async () => {
    const { engine, queue, clock } = setup(1_200);
    const settle = queue.settle.bind(queue);
    let fail = true;
    queue.settle = async (acknowledged, rejected, at) => {
      if (fail && queue.synced.size >= 500) throw new DOMException('disk full', 'QuotaExceededError');
      await settle(acknowledged, rejected, at);
    };
    await engine.syncNow('manual');
    expect(engine.snapshot).toMatchObject({ status: 'waiting', lastError: 'storage: disk full' });
    expect(queue.synced.size).toBe(500);
    fail = false;
    await clock.advance(10_000);
    expect(queue.synced.size).toBe(1_200);
  });

  it('stops on a refused token and waits for a technician, losing nothing', async () => {
    const { engine, queue, server, clock } = setup(3);
    server.faults = ['401'];
    await engine.syncNow('manual');
    expect(engine.snapshot).toMatchObject({
      status: 'stopped',
      lastError: 'HTTP 401 revoked_token',
      stoppedBy: { status: 401, code: 'revoked_token' },
    });
    expect(serviceNotice(engine.snapshot, 0)).toEqual({ kind: 'reenrol' });
    await clock.advance(60 * 60_000);
    await engine.syncNow('online');
    expect(queue.synced.size).toBe(0);
    await engine.syncNow('manual');
    expect(queue.synced.size).toBe(3);
    expect(engine.snapshot.stoppedBy).toBeNull();
    expect(serviceNotice(engine.snapshot, 0)).toBeNull();
  });

  it.each([
    [{ status: 'stopped', stoppedBy: { status: 401, code: 'revoked_token' }, lastError: 'HTTP 401 revoked_token' }, 0, { kind: 'reenrol' }],
    [{ status: 'stopped', stoppedBy: { status: 413, code: null }, lastError: 'HTTP 413' }, 2, { kind: 'refused', status: 413 }],
    [{ status: 'waiting', stoppedBy: null, lastError: 'certificate: fetch failed' }, 2, { kind: 'certificate' }],
    [{ status: 'waiting', stoppedBy: null, lastError: 'network: fetch failed' }, 2, { kind: 'quarantined', count: 2 }],
    [{ status: 'waiting', stoppedBy: null, lastError: 'timeout' }, 0, null],
    [{ status: 'idle', stoppedBy: null, lastError: null }, 0, null],
  ] as const)('tells a person what needs doing: %j with %i quarantined', (sync, quarantined, notice) => {
    expect(serviceNotice(sync, quarantined)).toEqual(notice);
  });

  it('honours Retry-After, and the network coming back cuts a backoff short', async () => {
    const { engine, queue, server, clock } = setup(3);
    server.faults = ['429'];
    await engine.syncNow('manual');
    expect(engine.snapshot.status).toBe('waiting');
    await clock.advance(29_000);
    expect(queue.synced.size).toBe(0);
    await clock.advance(1_000);
    expect(queue.synced.size).toBe(3);

    const second = setup(2);
    second.server.faults = ['drop-request'];
    await second.engine.syncNow('manual');
    await second.engine.syncNow('rating'); // a new rating does not break the backoff
    expect(second.queue.synced.size).toBe(0);
    await second.engine.syncNow('online');
    expect(second.queue.synced.size).toBe(2);
  });

  it('a busy server (503 with Retry-After) is waited for as it asks, and neither it nor a full disk (507) is taken for a poisoned batch', async () => {
    const { engine, queue, server, clock } = setup(3, { random: () => 0 });
    server.faults = ['overloaded', 'overloaded', 'overloaded', 'overloaded', 'storage-full', 'storage-full', 'storage-full'];
    await engine.syncNow('manual');
    for (let refusal = 1; refusal < 4; refusal++) {
      expect(server.requests).toBe(refusal);
      await clock.advance(2_999); // not before the Retry-After
      expect(server.requests).toBe(refusal);
      await clock.advance(1);
    }
    await clock.advance(5 * 60_000);
    expect(queue.synced.size).toBe(3);
    // Seven refusals of the same batch, none of them about a rating: nothing set aside, sent whole.
    expect(queue.quarantined.size).toBe(0);
    expect(server.requests).toBe(8);
  });

  it('reads nothing while the platform says there is no network, and drains when it comes back', async () => {
    let offline = true;
    const { engine, queue, server, clock } = setup(3, { isOffline: () => offline });
    let reads = 0;
    const pendingToSend = queue.pendingToSend.bind(queue);
    queue.pendingToSend = (...args) => (reads++, pendingToSend(...args));
    await engine.syncNow('timer');
    await engine.syncNow('rating');
    await clock.advance(10 * 60_000); // its own retries, backing off
    expect(reads).toBe(0);
    expect(engine.snapshot).toMatchObject({ status: 'waiting', lastError: 'network: offline' });
    expect(server.stored.size).toBe(0);
    offline = false;
    await engine.syncNow('online');
    expect(queue.synced.size).toBe(3);

    // A technician's "Đồng bộ ngay" tries anyway: the platform's flag can be wrong.
    const wrongFlag = setup(2, { isOffline: () => true });
    await wrongFlag.engine.syncNow('manual');
    expect(wrongFlag.queue.synced.size).toBe(2);
  });

  it('starts nothing new while a citizen’s tap is being written, and never waits on it for long', async () => {
    const { engine, queue, server, clock } = setup(700);
    let written!: () => void;
    engine.yieldTo(new Promise<void>((resolve) => (written = resolve)));
    const drain = engine.syncNow('manual');
    await clock.advance(500);
    expect(server.stored.size).toBe(0); // neither read nor sent while the write is under way
    written();
    await drain;
    expect(queue.synced.size).toBe(700);

    // A write that never settles holds sync for a second at most.
    const stuck = setup(3);
    stuck.engine.yieldTo(new Promise(() => undefined));
    const waiting = stuck.engine.syncNow('manual');
    await stuck.clock.advance(999);
    expect(stuck.server.stored.size).toBe(0);
    await stuck.clock.advance(1);
    await waiting;
    expect(stuck.queue.synced.size).toBe(3);
  });

  it('pulls the configuration with its ETag and reports health after each sync', async () => {
    const { engine, server, configs, ratings, queue } = setup(3);
    server.config = { config: demoKioskConfig(KIOSK_ID, 'dvc-3'), etag: '"v1"' };
    server.faults = ['drop-request'];
    await engine.syncNow('manual');
    expect(server.configPulls).toEqual([]); // nothing pulled while the server cannot be reached
    await engine.syncNow('online');
    expect(configs.map((c) => c.template.id)).toEqual(['dvc-3']);
    await engine.syncNow('manual');
    expect(server.configPulls).toEqual([null, '"v1"']);
    expect(configs).toHaveLength(1); // unchanged: 304
    expect(server.heartbeats.at(-1)).toMatchObject({
      kioskId: KIOSK_ID,
      queueDepth: 0,
      oldestPendingAgeSeconds: null,
      appVersion: '0.1.0',
    });
    queue.ratings.push(sampleRating(50, new Date(Date.parse(ratings[0]!.completedAt) - 3_600_000), { kioskId: KIOSK_ID }));
    await engine.sendHeartbeat();
    expect(server.heartbeats.at(-1)).toMatchObject({ queueDepth: 1, oldestPendingAgeSeconds: 3_600 });
    // The count for the completeness ledger: the new rating is held, everything before it delivered.
    expect(server.heartbeats.at(-1)!.sequence).toEqual({
      incarnation: queue.incarnation,
      highestSeq: 50,
      held: [{ incarnation: queue.incarnation.id, first: 50, last: 50, setAside: false }],
    });
  });

  it('estimates the clock offset from the server’s time', async () => {
    const { engine, server } = setup(1);
    server.serverClockAheadMs = 365 * 86_400_000;
    await engine.syncNow('manual');
    expect(engine.snapshot.clockOffsetMs).toBe(365 * 86_400_000);
  });

  it('sends once, debounced, after a burst of new ratings, and on its timer', async () => {
    const { engine, server, clock, queue } = setup(4);
    engine.ratingStored();
    engine.ratingStored();
    engine.ratingStored();
    expect(server.requests).toBe(0);
    await clock.advance(2_000);
    expect(server.requests).toBe(1);
    engine.start();
    await clock.advance(1_000);
    expect(server.requests).toBe(1); // nothing left to send
    queue.ratings.push(sampleRating(99, clock.now(), { kioskId: KIOSK_ID }));
    await clock.advance(60_000);
    expect(server.requests).toBe(2);
    expect(queue.synced.size).toBe(5);
    engine.stop();
    queue.ratings.push(sampleRating(100, clock.now(), { kioskId: KIOSK_ID }));
    await clock.advance(10 * 60_000);
    expect(server.requests).toBe(2);
  });

  it('under random faults every rating reaches the server exactly once, and only acknowledged ones are marked synced', async () => {
    const faults: Fault[] = ['none', 'none', 'drop-request', 'lose-response', '500', '503', '429', 'garbage', 'timeout'];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_600 }),
        fc.array(fc.constantFrom(...faults), { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 1_599 }), { maxLength: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (count, injected, poisonIndexes, jitter) => {
          const { engine, queue, server, clock, ratings } = setup(count, { random: () => jitter });
          server.faults = [...injected];
          const poison = new Set(poisonIndexes.filter((i) => i < count).map((i) => ratings[i]!.id));
          for (const id of poison) server.poison.add(id);
          await engine.syncNow('manual');
          for (let i = 0; i < 60 && queue.synced.size + queue.quarantined.size < count; i++) await clock.advance(BACKOFF_CAP_MS);
          // Invariants: each good rating stored once; synced ⊆ stored; poison quarantined, never stored.
          expect(server.inserts).toBe(server.stored.size);
          expect(queue.synced.size).toBe(count - poison.size);
          for (const id of queue.synced) expect(server.stored.has(id)).toBe(true);
          for (const id of poison) {
            expect(queue.quarantined.has(id)).toBe(true);
            expect(server.stored.has(id)).toBe(false);
          }
          expect(server.stored.size).toBe(count - poison.size);
        },
      ),
      { numRuns: 60, seed: 4242 },
    );
  });
});
