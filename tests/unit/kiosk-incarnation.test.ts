import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import type { RatingJournal } from '../../renderer/host/kiosk-host';
import { journalledStore, restoreFromJournal } from '../../renderer/storage/journalled-store';
import { RatingQueue } from '../../renderer/storage/rating-queue';
import { sampleNewRating } from '../support/fixtures';
import { bridgeTo } from '../support/electron-main';
import { ElectronHost } from '../../renderer/host/electron-host';
import { fakeKioskDb } from './support/fake-db';
import { serviceIn } from '../support/main-process-service';

const now = new Date('2026-11-22T03:00:00Z');
const finish = { outcome: 'completed' as const, completedAt: '2026-11-22T10:00:05.000+07:00' };
const queueOn = (db: ReturnType<typeof fakeKioskDb>) => new RatingQueue(db, { now: () => now, retentionDays: () => 90 });
let n = 0;
const rating = () => sampleNewRating(++n, { id: v7() });

describe('a kiosk database’s incarnation', () => {
  it('is made with the database: every rating carries it, and the report says what is still held', async () => {
    const db = fakeKioskDb();
    const queue = queueOn(db);
    const incarnation = await queue.incarnation();
    expect(incarnation.firstSeq).toBe(1);
    expect(Date.parse(incarnation.startedAt)).toBe(now.getTime());
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = rating();
      ids.push(r.id);
      await queue.open(r, i < 4 ? finish : null); // the fifth citizen is still answering
    }
    expect((await db.ratings.toArray()).map((r) => r.incarnation)).toEqual(Array(5).fill(incarnation.id));
    expect((await queue.pending()).every((r) => r.incarnation === incarnation.id)).toBe(true);

    await queue.settle([ids[0]!], [{ id: ids[2]!, code: 'invalid', message: 'refused' }], now);
    expect(await queue.sequenceReport()).toEqual({
      incarnation,
      highestSeq: 5,
      held: [
        { incarnation: incarnation.id, first: 2, last: 2, setAside: false },
        { incarnation: incarnation.id, first: 4, last: 5, setAside: false },
        { incarnation: incarnation.id, first: 3, last: 3, setAside: true },
      ],
    });
    // The same database opened again (a reload) keeps it.
    expect(await queueOn(db).incarnation()).toEqual(incarnation);
    db.close();
  });

  it('a database from before incarnations goes on from its count; its older ratings are reported as the first count', async () => {
    const db = fakeKioskDb();
    const before = queueOn(db);
    // Written by the previous version: no incarnation anywhere.
    for (let i = 0; i < 3; i++) await before.open(rating(), finish);
    await db.ratings.toCollection().modify((r) => void delete r.incarnation);
    await db.outbox.toCollection().modify((r) => void delete r.incarnation);
    await db.meta.delete('incarnation');

    const updated = queueOn(db);
    const incarnation = await updated.incarnation();
    expect(incarnation.firstSeq).toBe(4);
    await updated.open(rating(), finish);
    expect(await updated.sequenceReport()).toEqual({
      incarnation,
      highestSeq: 4,
      held: [
        { incarnation: '', first: 1, last: 3, setAside: false },
        { incarnation: incarnation.id, first: 4, last: 4, setAside: false },
      ],
    });
    db.close();
  });

  describe('in Electron, the main process keeps the incarnations', () => {
    let dir: string;
    afterEach(async () => rm(dir, { recursive: true, force: true }));

    it('tells a wiped IndexedDB from a new kiosk: a new incarnation begins after what the journal restored', async () => {
      dir = await mkdtemp(join(tmpdir(), 'hai-long-incarnation-'));
      const { journal, handlers } = await serviceIn(dir);
      const host = new ElectronHost(bridgeTo(handlers, []), async () => null);
      const asJournal: RatingJournal = host.journal;
      const settle = (queue: RatingQueue) => queue.settleIncarnation((current, next) => host.settleIncarnation(current, next));

      const db = fakeKioskDb();
      const queue = queueOn(db);
      const first = await settle(queue);
      expect(first.firstSeq).toBe(1);
      expect(await settle(queueOn(db))).toEqual(first); // a restart changes nothing
      const store = journalledStore(queue, asJournal);
      for (let i = 0; i < 3; i++) await store.open(rating(), finish);
      db.close();

      // IndexedDB wiped under the app: the journal brings the three back, the count goes on after them.
      const wiped = queueOn(fakeKioskDb());
      expect(await restoreFromJournal(wiped, asJournal)).toBe(3);
      const second = await settle(wiped);
      expect(second.id).not.toBe(first.id);
      expect(second.firstSeq).toBe(4);
      await wiped.open(rating(), finish);
      expect(await wiped.sequenceReport()).toEqual({
        incarnation: second,
        highestSeq: 4,
        held: [
          { incarnation: first.id, first: 1, last: 3, setAside: false },
          { incarnation: second.id, first: 4, last: 4, setAside: false },
        ],
      });
      expect((await host.shellDiagnostics())?.incarnations).toBe(2);

      // Leaving the kiosk forgets them with its identity.
      await host.forget();
      expect((await host.shellDiagnostics())?.incarnations).toBe(0);
      await journal.close();
    });
  });
});
