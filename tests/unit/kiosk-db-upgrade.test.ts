import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { declareKioskSchema, KioskDb, KIOSK_DB_NAME } from '../../renderer/storage/kiosk-db';
import { RatingQueue } from '../../renderer/storage/rating-queue';
import { QueuedRating } from '../../shared/schema/rating';
import { freshIndexedDb } from './support/fake-db';
import { sampleNewRating } from '../support/fixtures';

type ReleasedState = 'open' | 'pending' | 'synced' | 'quarantined';

/** A record as versions 1 and 2 stored it: the state said whether the server had it (`syncedAt`). */
const releasedRecord = (seq: number, state: ReleasedState = 'pending', syncedAt: string | null = null) => ({
  ...sampleNewRating(seq, { overall: 4, criteria: { 'cong-chuc': 5 }, comment: 'Nhanh gọn' }),
  seq,
  state,
  syncedAt,
  ...(state === 'open' ? { completedAt: null, outcome: null } : { completedAt: '2026-11-22T08:00:09.000+07:00', outcome: 'completed' }),
  ...(state === 'quarantined' ? { rejection: { code: 'invalid', message: 'bad', at: '2026-11-22T08:00:10.000+07:00' } } : {}),
});

/**
 * The first schema the kiosk shipped, frozen here as it was released: kiosks in the field hold
 * queues in this shape, and every later version must open them without losing a record.
 */
function openAsVersion1(idb: ReturnType<typeof freshIndexedDb>) {
  const db = new Dexie(KIOSK_DB_NAME, idb);
  db.version(1).stores({ ratings: 'id, &seq, [state+seq], syncedAt', meta: 'key' });
  return db;
}

describe('kiosk database upgrades', () => {
  it('opens a queue written by the first release with every record intact', async () => {
    const idb = freshIndexedDb();
    const v1 = openAsVersion1(idb);
    const records = [1, 2, 3].map((seq) => releasedRecord(seq)).concat(releasedRecord(4, 'open'));
    await v1.table('ratings').bulkAdd(records);
    await v1.table('meta').put({ key: 'nextSeq', value: 5 });
    v1.close();

    const current = new KioskDb(KIOSK_DB_NAME, idb);
    const queue = new RatingQueue(current, { now: () => new Date(), retentionDays: () => 90 });
    expect((await queue.pending(10)).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(await queue.counts()).toEqual({ open: 1, pending: 3, synced: 0, quarantined: 0 });
    for (const record of await current.ratings.toArray()) expect(QueuedRating.safeParse(record).success).toBe(true);
    expect(await queue.finaliseInterrupted('2026-11-22T09:00:00.000+07:00')).toBe(1);
    // Sequence numbers carry on from where the old version stopped.
    const { seq: _s, state: _st, completedAt: _c, outcome: _o, syncedAt: _sy, ...fields } = records[0]!;
    const next = await queue.open({ ...fields, id: '0190a000-0000-7000-8000-000000000099' }, null);
    expect(next.seq).toBe(5);
    // Version 2's dossier-code index works on the upgraded store: old records have none.
    expect(await queue.dossierRecorded('000.00.15.H26-241122-0001', 'none')).toBe(false);
    const { seq: _s2, state: _st2, completedAt: _c2, outcome: _o2, syncedAt: _sy2, ...other } = records[1]!;
    await queue.open({ ...other, id: '0190a000-0000-7000-8000-000000000098', dossierCode: '000.00.15.H26-241122-0001' }, null);
    expect(await queue.dossierRecorded('000.00.15.H26-241122-0001', 'none')).toBe(true);
    expect(await queue.dossierRecorded('000.00.15.H26-241122-0001', '0190a000-0000-7000-8000-000000000098')).toBe(false);
    current.close();
  });

  it('moves a version 2 queue to the outbox: waiting ones still wait, acknowledged ones keep their date for pruning', async () => {
    const idb = freshIndexedDb();
    const v2 = new Dexie(KIOSK_DB_NAME, idb);
    v2.version(2).stores({ ratings: 'id, &seq, [state+seq], syncedAt, dossierCode', meta: 'key' });
    await v2
      .table('ratings')
      .bulkAdd([
        releasedRecord(1, 'synced', '2026-01-01T00:00:00.000Z'),
        releasedRecord(2, 'synced', '2026-01-01T00:00:00.000Z'),
        releasedRecord(3, 'quarantined'),
        releasedRecord(4, 'synced', '2026-01-01T00:00:00.000Z'),
        releasedRecord(5, 'synced', '2026-11-20T00:00:00.000Z'),
        releasedRecord(6, 'pending'),
        releasedRecord(7, 'open'),
        releasedRecord(8, 'pending'),
      ]);
    v2.close();

    const current = new KioskDb(KIOSK_DB_NAME, idb);
    const queue = new RatingQueue(current, { now: () => new Date('2026-11-22T00:00:00Z'), retentionDays: () => 90 });
    expect(await queue.counts()).toEqual({ open: 1, pending: 2, synced: 4, quarantined: 1 });
    expect((await queue.pendingToSend(10)).map((r) => r.seq)).toEqual([6, 8]);
    for (const record of await current.ratings.toArray()) expect(QueuedRating.safeParse(record).success).toBe(true);
    expect(await current.settlements.toArray()).toMatchObject([
      {
        at: '2026-01-01T00:00:00.000Z',
        runs: [
          [1, 2],
          [4, 4],
        ],
      },
      { at: '2026-11-20T00:00:00.000Z', runs: [[5, 5]] },
    ]);
    // What the server had for longer than retention goes; the refused one and the waiting ones stay.
    expect(await queue.prune()).toBe(3);
    expect(await current.ratings.orderBy('seq').keys()).toEqual([3, 5, 6, 7, 8]);
    expect(await queue.quarantined()).toMatchObject([{ seq: 3, rejection: { code: 'invalid' } }]);
    current.close();
  });

  it('a new version with an index and an upgrade function keeps pending records', async () => {
    const idb = freshIndexedDb();
    const v3 = new KioskDb(KIOSK_DB_NAME, idb);
    const queue = new RatingQueue(v3, { now: () => new Date(), retentionDays: () => 90 });
    const finish = { completedAt: '2026-11-22T08:00:09.000+07:00', outcome: 'completed' as const };
    for (const seq of [1, 2, 3]) await queue.open(sampleNewRating(seq), seq === 3 ? null : finish);
    v3.close();

    // The shape the next real upgrade will take: the released versions, then one more.
    const next = new Dexie(KIOSK_DB_NAME, idb);
    declareKioskSchema(next);
    next
      .version(4)
      .stores({ ratings: 'id, &seq, [state+seq], dossierCode, templateId' })
      .upgrade((tx) =>
        tx
          .table('ratings')
          .toCollection()
          .modify((r: Record<string, unknown>) => {
            r.officialId = null;
          }),
      );
    const rows = await next.table('ratings').where('templateId').equals('sipas-5').toArray();
    expect(rows.map((r: { seq: number }) => r.seq).sort()).toEqual([1, 2, 3]);
    expect(rows.every((r: { officialId: unknown }) => r.officialId === null)).toBe(true);
    expect(await next.table('outbox').count()).toBe(2);
    next.close();
  });
});
