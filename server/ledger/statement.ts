import type { CompletenessStatement } from '../../shared/contract/admin-api';
import { periodDays } from '../../shared/report/period';
import { intersect, runLength, uncovered, type Run } from '../../shared/rating/seq-runs';
import type { Store } from '../db/connect';
import { HttpError } from '../http/errors';
import { serverTimeIso, vietnamMidnight } from '../time';
import { loadCounts } from './counts';
import { gapView } from './view';

/** Midnight at the start of a Vietnamese day (UTC+7), in epoch milliseconds. */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * A ward's completeness statement for a quarter, for an inspector: per kiosk, the ratings stored,
 * the numbers of its count the quarter covers and whether every one arrived (received, or refused
 * and set aside on the kiosk), the gaps with the technician's notes, and what was refused or flagged.
 *
 * A quarter covers a count's numbers from its first rating of the quarter (or the count's first
 * number, when the count began within it) up to the number before the next quarter's first rating
 * (or the highest known, when none came after): a number that never arrived belongs to the quarter
 * of the rating just before it, so every number is counted in exactly one quarter.
 */
export async function completenessStatement(
  store: Store,
  query: { wardId: string; quarter: string },
  now: Date,
): Promise<CompletenessStatement> {
  const db = store.db;
  const ward = await db.selectFrom('wards').select(['id', 'name_vi']).where('id', '=', query.wardId).executeTakeFirst();
  if (!ward) throw new HttpError(404, 'unknown_ward', 'No such ward.');
  const { from, to } = periodDays({ period: 'quarter', at: query.quarter })!;
  const kiosks = await db
    .selectFrom('kiosks')
    .leftJoin('counters', (join) => join.onRef('counters.ward_id', '=', 'kiosks.ward_id').onRef('counters.id', '=', 'kiosks.counter_id'))
    .select(['kiosks.id', 'kiosks.counter_id', 'counters.label_vi', 'kiosks.enrolled_at'])
    .where('kiosks.ward_id', '=', ward.id)
    .orderBy('kiosks.counter_id')
    .orderBy('kiosks.enrolled_at')
    .execute();
  const quarterRows = await db
    .selectFrom('ratings')
    .select((eb) => [
      'kiosk_id',
      'incarnation',
      eb.fn.countAll<number>().as('ratings'),
      eb.fn.min<number>('seq').as('min_seq'),
      eb.fn.sum<number>('burst').as('bursts'),
      eb.fn.sum<number>('dossier_repeat').as('repeats'),
    ])
    .where('ward_id', '=', ward.id)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['kiosk_id', 'incarnation'])
    .execute();
  const duplicates = await db
    .selectFrom('batches')
    .select((eb) => ['kiosk_id', eb.fn.sum<number>('duplicate').as('duplicate')])
    .where('kiosk_id', 'in', kiosks.length > 0 ? kiosks.map((k) => k.id) : [''])
    .where('received_at', '>=', vietnamMidnight(from))
    .where('received_at', '<', vietnamMidnight(dayAfter(to)))
    .groupBy('kiosk_id')
    .execute();
  const counts = await loadCounts(
    db,
    kiosks.map((k) => k.id),
  );

  const statement: CompletenessStatement = {
    wardId: ward.id,
    wardName: ward.name_vi,
    quarter: query.quarter,
    from,
    to,
    generatedAt: serverTimeIso(now),
    kiosks: [],
    totals: { ratings: 0, missing: 0, waiting: 0, duplicatesRefused: 0, burstsFlagged: 0, repeatsFlagged: 0 },
  };
  for (const kiosk of kiosks) {
    const rows = quarterRows.filter((r) => r.kiosk_id === kiosk.id);
    const entry: CompletenessStatement['kiosks'][number] = {
      kioskId: kiosk.id,
      counterLabel: kiosk.label_vi ?? kiosk.counter_id,
      ratings: rows.reduce((n, r) => n + Number(r.ratings), 0),
      duplicatesRefused: Number(duplicates.find((d) => d.kiosk_id === kiosk.id)?.duplicate ?? 0),
      burstsFlagged: rows.reduce((n, r) => n + Number(r.bursts), 0),
      repeatsFlagged: rows.reduce((n, r) => n + Number(r.repeats), 0),
      counts: [],
    };
    for (const count of counts.get(kiosk.id) ?? []) {
      const row = rows.find((r) => r.incarnation === count.incarnation);
      if (!row) continue;
      const [before, after] = await Promise.all([
        db
          .selectFrom('ratings')
          .select('id')
          .where('kiosk_id', '=', kiosk.id)
          .where('incarnation', '=', count.incarnation)
          .where('day', '<', from)
          .limit(1)
          .executeTakeFirst(),
        db
          .selectFrom('ratings')
          .select((eb) => eb.fn.min<number>('seq').as('seq'))
          .where('kiosk_id', '=', kiosk.id)
          .where('incarnation', '=', count.incarnation)
          .where('day', '>', to)
          .executeTakeFirst(),
      ]);
      const first = before ? Number(row.min_seq) : Math.min(count.facts.firstSeq, Number(row.min_seq));
      const last = after?.seq != null ? Number(after.seq) - 1 : count.coverage.highest;
      const range: Run[] = [[first, last]];
      const within = (runs: readonly Run[]) => runLength(intersect(runs, range));
      const missing = within(count.coverage.missing);
      const waiting = within(count.coverage.waiting);
      entry.counts.push({
        number: count.number,
        startedAt: count.row.started_at,
        firstSeq: first,
        lastSeq: last,
        received: within(count.facts.received),
        refused: within(intersect(uncovered(first, last, count.facts.received), count.facts.refused)),
        waiting,
        setAside: within(count.coverage.setAside),
        missing,
        gaps: count.gaps.filter((g) => g.first_seq <= last && g.last_seq >= first).map(gapView),
      });
      statement.totals.missing += missing;
      statement.totals.waiting += waiting;
    }
    statement.totals.ratings += entry.ratings;
    statement.totals.duplicatesRefused += entry.duplicatesRefused;
    statement.totals.burstsFlagged += entry.burstsFlagged;
    statement.totals.repeatsFlagged += entry.repeatsFlagged;
    statement.kiosks.push(entry);
  }
  return statement;
}
