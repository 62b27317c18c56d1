import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstNotSynced, RatingQueue } from '../../renderer/storage/rating-queue';
import type { NewRating } from '../../shared/schema/rating';
import { fakeKioskDb, freshIndexedDb } from './support/fake-db';
import { KioskDb } from '../../renderer/storage/kiosk-db';
import { sampleNewRating } from '../support/fixtures';

let n = 0;
const newRating = (overrides: Partial<NewRating> = {}) => sampleNewRating(++n, overrides);
const done = (outcome: 'completed' | 'timeout' = 'completed') => ({
  outcome,
  completedAt: '2026-11-22T08:00:10.000+07:00',
});

/** A rating's state as the queue reports it: a finished one is pending while it is in the outbox. */
async function stateOf(kiosk: KioskDb, id: string) {
  const record = await kiosk.ratings.get(id);
  if (record?.state !== 'finished') return record?.state;
  return (await kiosk.outbox.get(record.seq)) ? 'pending' : 'synced';
}

/** `count` ratings finished at the first tap, in order; their ids. */
async function finishedRatings(on: RatingQueue, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = newRating();
    ids.push(r.id);
    await on.open(r, done());
  }
  return ids;
}

let db: KioskDb;
let now: Date;
let queue: RatingQueue;
beforeEach(() => {
  db = fakeKioskDb();
  now = new Date('2026-11-22T01:00:00Z');
  queue = new RatingQueue(db, { now: () => now, retentionDays: () => 90 });
});
afterEach(() => db.close());

describe('rating queue', () => {
  it('gives strictly increasing sequence numbers, also after pruning everything', async () => {
    const a = await queue.open(newRating(), done());
    const b = await queue.open(newRating(), null);
    expect([a.seq, b.seq]).toEqual([1, 2]);
    const all = await db.ratings.toArray();
    await queue.settle(
      all.map((r) => r.id),
      [],
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(await queue.prune()).toBe(1); // the open one was never acknowledged, so it stays
    const c = await queue.open(newRating(), done());
    expect(c.seq).toBe(3);
  });

  it('keeps sequence numbers unique when two windows share the queue', async () => {
    const other = new RatingQueue(db, { now: () => now, retentionDays: () => 90 });
    expect((await queue.open(newRating(), done())).seq).toBe(1);
    expect((await other.open(newRating(), done())).seq).toBe(2);
    // `queue` still believes 2 is next: the unique index refuses it and it rereads the counter.
    expect((await queue.open(newRating(), done())).seq).toBe(3);
    expect((await other.open(newRating(), done())).seq).toBe(4);
    expect((await db.ratings.orderBy('seq').keys()).length).toBe(4);
  });

  it('creates an open record on the first tap, and finalises it with the answers', async () => {
    const r = newRating({ overall: 2 });
    await queue.open(r, null);
    expect(await stateOf(db, r.id)).toBe('open');
    await queue.saveProgress(r.id, { overall: 2, criteria: { 'cong-chuc': 1 }, reasons: [], comment: '' });
    await queue.finalise(r.id, { overall: 2, criteria: { 'cong-chuc': 1 }, reasons: ['cho-doi-lau'], comment: 'Lâu quá' }, done());
    expect(await stateOf(db, r.id)).toBe('pending');
    expect(await db.ratings.get(r.id)).toMatchObject({
      outcome: 'completed',
      criteria: { 'cong-chuc': 1 },
      reasons: ['cho-doi-lau'],
      comment: 'Lâu quá',
    });
    // A second finalise (a stray retry) changes nothing.
    await queue.finalise(r.id, { overall: 2, criteria: {}, reasons: [], comment: '' }, done('timeout'));
    expect((await db.ratings.get(r.id))?.outcome).toBe('completed');
  });

  it('refuses a malformed rating before it reaches the queue', async () => {
    await expect(queue.open(newRating({ id: 'not-a-uuid' }), null)).rejects.toThrow();
    await expect(queue.open({ ...newRating(), overall: 9 }, null)).rejects.toThrow();
    expect(await db.ratings.count()).toBe(0);
  });

  it('finalises records a crash left open as interrupted, keeping their answers', async () => {
    const open = newRating({ overall: 3 });
    await queue.open(open, null);
    await queue.saveProgress(open.id, { overall: 3, criteria: { 'cong-chuc': 4 }, reasons: [], comment: '' });
    await queue.open(newRating(), done());
    expect(await queue.finaliseInterrupted('2026-11-22T09:00:00.000+07:00')).toBe(1);
    expect(await stateOf(db, open.id)).toBe('pending');
    expect(await db.ratings.get(open.id)).toMatchObject({
      outcome: 'interrupted',
      criteria: { 'cong-chuc': 4 },
    });
    expect(await queue.counts()).toEqual({ open: 0, pending: 2, synced: 0, quarantined: 0 });
  });

  it('lists pending ratings in sequence order', async () => {
    const ids = await finishedRatings(queue, 5);
    await queue.settle([ids[1]!], [], now);
    expect((await queue.pending(10)).map((r) => r.seq)).toEqual([1, 3, 4, 5]);
    expect((await queue.pending(2)).map((r) => r.seq)).toEqual([1, 3]);
    // Acknowledged out of order, open ones in between: only what waits goes, in order.
    await queue.settle([ids[2]!, ids[3]!], [], now);
    for (let i = 0; i < 5; i++) await queue.open(newRating(), null); // open ones in between are not sent
    const last = newRating();
    await queue.open(last, done());
    expect((await queue.pending(10)).map((r) => r.seq)).toEqual([1, 5, 11]);
    expect((await queue.pending(10, 1)).map((r) => r.seq)).toEqual([5, 11]);
  });

  it('sets aside a stored record that no longer fits the schema, and sends the rest', async () => {
    const ids = await finishedRatings(queue, 3);
    // Written by an older version that let a NUL through, or damaged: straight into storage.
    const second = (await db.outbox.get(2))!;
    await db.outbox.put({ ...second, comment: 'Cán bộ\u0000' });
    await db.ratings.update(ids[1]!, { comment: 'Cán bộ\u0000' });
    expect((await queue.pendingToSend(10)).map((r) => r.id)).toEqual([ids[0], ids[2]]);
    expect(await queue.quarantined()).toMatchObject([{ id: ids[1], rejection: { code: 'unreadable' } }]);
    expect(await queue.counts()).toEqual({ open: 0, pending: 2, synced: 0, quarantined: 1 });
    // The server refusing it later, or a settle of its neighbours, does not stumble on it either.
    await queue.settle([ids[0]!, ids[2]!], [{ id: ids[1]!, code: 'invalid', message: 'x' }], now);
    expect(await queue.counts()).toEqual({ open: 0, pending: 0, synced: 2, quarantined: 1 });
    expect((await queue.pendingAndQuarantined()).map((r) => r.id)).toEqual([]);
  });

  it('settles a server answer in one go: acknowledged synced, refused quarantined with the reason', async () => {
    const ids = await finishedRatings(queue, 4);
    expect((await queue.pendingToSend(10)).map((r) => r.id)).toEqual(ids);
    await queue.settle([ids[0]!, ids[2]!], [{ id: ids[1]!, code: 'invalid', message: 'overall 9 is not on the scale' }], now);
    expect(await queue.counts()).toEqual({ open: 0, pending: 1, synced: 2, quarantined: 1 });
    expect((await queue.pendingToSend(10)).map((r) => r.id)).toEqual([ids[3]]);
    expect(await queue.quarantined()).toMatchObject([
      { id: ids[1], rejection: { code: 'invalid', message: 'overall 9 is not on the scale' } },
    ]);
    // What goes to the server is exactly the shared Rating: no kiosk-local fields.
    expect(Object.keys((await queue.pendingToSend(1))[0]!)).not.toContain('state');
    // Quarantined ratings are never pruned, however old.
    now = new Date('2030-01-01T00:00:00Z');
    expect(await queue.prune()).toBe(2);
    expect(await queue.counts()).toEqual({ open: 0, pending: 1, synced: 0, quarantined: 1 });
  });

  it('reads the next batch after a sequence number, and settles 250 answers through a second connection', async () => {
    const idb = freshIndexedDb();
    const strict = new KioskDb('hai-long-kiosk-pipeline', idb);
    const relaxed = new KioskDb('hai-long-kiosk-pipeline', { ...idb, chromeTransactionDurability: 'relaxed' });
    const pipelined = new RatingQueue(strict, { now: () => now, retentionDays: () => 90, settleDb: relaxed });
    const ids = await finishedRatings(pipelined, 260);
    const first = await pipelined.pendingToSend(250);
    const next = await pipelined.pendingToSend(250, first.at(-1)!.seq);
    expect(next.map((r) => r.seq)).toEqual(Array.from({ length: 10 }, (_, i) => 251 + i));
    // 249 acknowledged and one refused, in one transaction; an id never read is looked up.
    const refused = { id: ids[7]!, code: 'invalid' as const, message: 'bad' };
    await pipelined.settle([...ids.slice(0, 7), ...ids.slice(8, 250)], [refused], now);
    expect(await pipelined.counts()).toEqual({ open: 0, pending: 10, synced: 249, quarantined: 1 });
    await pipelined.settle([ids[259]!], [], now);
    expect(await stateOf(strict, ids[259]!)).toBe('synced');
    // One small record per answer, holding runs of sequence numbers, not 250 rewritten ratings.
    expect((await strict.settlements.toArray()).map((s) => s.runs)).toEqual([
      [
        [1, 7],
        [9, 250],
      ],
      [[260, 260]],
    ]);
    // Settling again changes nothing: a refused rating stays refused, the others stay acknowledged.
    await pipelined.settle(
      ids.slice(0, 10),
      [{ ...refused, code: 'unknown_template', message: 'later' }],
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(await stateOf(strict, ids[7]!)).toBe('quarantined');
    expect(await pipelined.quarantined()).toMatchObject([{ id: ids[7], rejection: { code: 'invalid' } }]);
    expect(await pipelined.counts()).toEqual({ open: 0, pending: 9, synced: 250, quarantined: 1 });
    strict.close();
    relaxed.close();
  });

  it('lists for an export everything the server does not have: waiting and refused, in order', async () => {
    const ids = await finishedRatings(queue, 4);
    await queue.open(newRating(), null); // still open: not finished, not exported
    await queue.pendingToSend(10);
    await queue.settle([ids[0]!], [{ id: ids[2]!, code: 'invalid', message: 'bad' }], now);
    const unsent = await queue.pendingAndQuarantined();
    expect(unsent.map((r) => r.id)).toEqual([ids[1], ids[2], ids[3]]);
    expect(unsent.every((r) => !('state' in r) && !('rejection' in r))).toBe(true);
    await queue.markExported(3);
    expect(await queue.heldOnlyHere()).toBe(2); // the waiting 4th and the open 5th
  });

  it('knows whether anything is not on the server yet: waiting, open or refused (re-enrolment keeps the kiosk id then)', async () => {
    expect(await firstNotSynced(db)).toBeUndefined();
    const open = newRating();
    await queue.open(open, null);
    expect((await firstNotSynced(db))?.id).toBe(open.id);
    await queue.finalise(open.id, { overall: 5, criteria: {}, reasons: [], comment: '' }, done());
    expect(await firstNotSynced(db)).toMatchObject({ id: open.id, kioskId: open.kioskId });
    await queue.settle([open.id], [], now);
    expect(await firstNotSynced(db)).toBeUndefined();
    const refused = newRating();
    await queue.open(refused, done());
    await queue.settle([], [{ id: refused.id, code: 'invalid', message: 'bad' }], now);
    expect((await firstNotSynced(db))?.id).toBe(refused.id);
  });

  it('prunes only acknowledged ratings past retention, oldest first', async () => {
    const ids = await finishedRatings(queue, 4);
    await queue.settle([ids[0]!], [], new Date('2026-07-01T00:00:00Z')); // past 90 days
    await queue.settle([ids[1]!], [], new Date('2026-06-01T00:00:00Z')); // older still
    await queue.settle([ids[2]!], [], new Date('2026-11-01T00:00:00Z')); // within retention
    expect(await queue.prune(1)).toBe(1);
    expect(await db.ratings.get(ids[1]!)).toBeUndefined();
    expect(await queue.prune()).toBe(1);
    expect((await db.ratings.toArray()).map((r) => r.id)).toEqual([ids[2], ids[3]]);
  });

  it('frees space by pruning when the disk is full, then writes', async () => {
    const old = newRating();
    await queue.open(old, done());
    await queue.settle([old.id], [], new Date('2025-01-01T00:00:00Z'));
    const realAdd = db.ratings.add.bind(db.ratings);
    let failures = 1;
    db.ratings.add = ((...args: Parameters<typeof realAdd>) => {
      if (failures-- > 0) return Promise.reject(new DOMException('disk full', 'QuotaExceededError'));
      return realAdd(...args);
    }) as typeof realAdd;
    const r = newRating();
    await queue.open(r, done());
    expect(await db.ratings.get(old.id)).toBeUndefined();
    expect(await stateOf(db, r.id)).toBe('pending');
  });

  it('reports a full disk when nothing can be pruned, and loses nothing already queued', async () => {
    const kept = newRating();
    await queue.open(kept, done());
    db.ratings.add = (() => Promise.reject(new DOMException('disk full', 'QuotaExceededError'))) as never;
    await expect(queue.open(newRating(), done())).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await stateOf(db, kept.id)).toBe('pending');
  });
});
