import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/db/migrations';
import type { Database } from '../../server/db/tables';
import { contentHash, ratingRow } from '../../server/ingest';
import { builtinTemplate } from '../../shared/templates/builtin';
import { sampleRating } from '../support/fixtures';
import { emptyDatabase, engines } from './support/server-harness';

describe.each(engines())('the completeness ledger’s migration, %s', (engine) => {
  let db: Kysely<Database>;
  afterEach(async () => db?.destroy());

  it('makes the ratings stored before it the first count of each kiosk, with the runs of numbers it holds', async () => {
    db = await emptyDatabase(engine);
    await migrateTo(db as Kysely<unknown>, engine, '0009_dossier_decisions');
    const template = builtinTemplate('quick')!;
    const kiosk = '7b0c1a52-2f5e-4a8e-9f10-3a1c2b3d4e5f';
    const other = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    // Kiosk 1 holds 1–5 and 8–9 (6 and 7 never came); kiosk 2 holds 3 only.
    const stored = [
      ...[1, 2, 3, 4, 5, 8, 9].map((seq) => sampleRating(seq, new Date('2026-11-20T03:00:00Z'), { kioskId: kiosk, seq })),
      sampleRating(30, new Date('2026-11-20T03:00:00Z'), { kioskId: other, seq: 3 }),
    ];
    const rows = stored.map((r) => {
      const { incarnation: _later, ...row } = ratingRow(
        r,
        template,
        contentHash(r),
        crypto.randomUUID(),
        Date.parse('2026-11-20T04:00:00Z'),
        0,
      );
      return row;
    });
    await (db as Kysely<unknown> as Kysely<{ ratings: (typeof rows)[number] }>).insertInto('ratings').values(rows).execute();

    await migrateToLatest(db, engine);
    const runs = await db.selectFrom('sequence_runs').selectAll().orderBy('kiosk_id').orderBy('first_seq').execute();
    expect(runs.map((r) => [r.kiosk_id, r.incarnation, r.first_seq, r.last_seq])).toEqual([
      [other, '', 3, 3],
      [kiosk, '', 1, 5],
      [kiosk, '', 8, 9],
    ]);
    const counts = await db.selectFrom('kiosk_incarnations').selectAll().orderBy('kiosk_id').execute();
    expect(counts.map((c) => [c.kiosk_id, c.incarnation, c.first_seq])).toEqual([
      [other, '', 1],
      [kiosk, '', 1],
    ]);
    expect(new Set((await db.selectFrom('ratings').select('incarnation').execute()).map((r) => r.incarnation))).toEqual(new Set(['']));
  });
});
