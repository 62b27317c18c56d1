import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../electron/journal';
import type { RatingJournal } from '../../renderer/host/kiosk-host';
import { journalledStore, restoreFromJournal } from '../../renderer/storage/journalled-store';
import { RatingQueue } from '../../renderer/storage/rating-queue';
import { v7 } from 'uuid';
import { sampleNewRating } from '../support/fixtures';
import { fakeKioskDb } from './support/fake-db';

let dir: string;
let journal: Journal;
const asPort = (j: Journal): RatingJournal => ({
  append: (r) => j.append(r),
  entries: () => j.entries(),
  compact: async (ids) => void (await j.compact(new Set(ids))),
});
const now = new Date('2026-11-22T03:00:00Z');
const finish = { outcome: 'completed' as const, completedAt: '2026-11-22T10:00:05.000+07:00' };
const queueOn = (db: ReturnType<typeof fakeKioskDb>) => new RatingQueue(db, { now: () => now, retentionDays: () => 90 });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hai-long-reconcile-'));
  journal = await Journal.open(join(dir, 'journal.jsonl'));
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a wiped IndexedDB rebuilt from the main process’s journal', () => {
  it('confirms a rating only once it is in both, and restores them all, pending, with their own numbers', async () => {
    const first = queueOn(fakeKioskDb());
    const store = journalledStore(first, asPort(journal));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const rating = sampleNewRating(i + 1, { id: v7() });
      ids.push(rating.id);
      await store.open(rating, finish);
    }
    // A citizen's flow with steps: journalled when it is finished, not when it opens.
    const stepped = sampleNewRating(9, { id: v7() });
    await store.open(stepped, null);
    expect((await journal.entries()).map((r) => r.id)).toEqual(ids);
    await store.finalise(
      stepped.id,
      { overall: 4, criteria: { 'cong-chuc': 5 }, reasons: [], comment: 'Cán bộ hướng dẫn tận tình' },
      finish,
    );
    expect((await journal.entries()).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    // The journal's copy is the queue's, field for field: a restored copy must hash as the sent one.
    for (const entry of await journal.entries()) expect(entry).toEqual(await first.finished(entry.id));

    // The browser reset the kiosk's storage: a fresh, empty database.
    const wiped = queueOn(fakeKioskDb());
    expect(await restoreFromJournal(wiped, asPort(journal))).toBe(4);
    // Back as waiting for the server, in their own order.
    expect((await wiped.pending(10)).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(await wiped.counts()).toEqual({ open: 0, pending: 4, synced: 0, quarantined: 0 });
    expect((await wiped.finished(stepped.id))?.comment).toBe('Cán bộ hướng dẫn tận tình');
    // The next rating takes the next number, never one the server may already hold.
    expect((await wiped.open(sampleNewRating(10, { id: v7() }), finish)).seq).toBe(5);
    // Restoring again changes nothing.
    expect(await restoreFromJournal(wiped, asPort(journal))).toBe(0);
    expect((await wiped.counts()).pending).toBe(5);
  });

  it('journals a rating cut short by a crash once it is finalised as interrupted', async () => {
    const queue = queueOn(fakeKioskDb());
    const store = journalledStore(queue, asPort(journal));
    const started = sampleNewRating(1, { id: v7(), overall: 2 });
    await store.open(started, null);
    expect(await journal.entries()).toEqual([]);
    expect(await store.finaliseInterrupted('2026-11-22T10:30:00.000+07:00')).toBe(1);
    expect(await journal.entries()).toMatchObject([{ id: started.id, outcome: 'interrupted', overall: 2 }]);
  });

  it('forgets what the server acknowledged, so the journal stays small', async () => {
    const queue = queueOn(fakeKioskDb());
    const store = journalledStore(queue, asPort(journal));
    const ratings = [1, 2, 3].map((n) => sampleNewRating(n, { id: v7() }));
    for (const r of ratings) await store.open(r, finish);
    await queue.settle([ratings[0]!.id, ratings[1]!.id], [], now);
    await asPort(journal).compact([ratings[0]!.id, ratings[1]!.id]);
    expect((await journal.entries()).map((r) => r.id)).toEqual([ratings[2]!.id]);
  });

  it('does not confirm when the journal cannot write (the thank-you waits, the flow apologises)', async () => {
    const failing: RatingJournal = {
      append: () => Promise.reject(new Error('disk full')),
      entries: async () => [],
      compact: async () => undefined,
    };
    const store = journalledStore(queueOn(fakeKioskDb()), failing);
    await expect(store.open(sampleNewRating(1, { id: v7() }), finish)).rejects.toThrow('disk full');
  });
});
