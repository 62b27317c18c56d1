import type { Kysely } from 'kysely';
import { seqRuns } from '../../shared/rating/prune';
import { mergeRuns, type Run } from '../../shared/rating/seq-runs';
import { IncarnationKey, MAX_SEQ, type SequenceReport } from '../../shared/schema/sequence';
import type { Store } from '../db/connect';
import type { Database } from '../db/tables';
import { loadCounts } from './counts';

// The completeness ledger's writes. Each runs inside the transaction that stored the ratings or the
// heartbeat it follows from (on PostgreSQL under the kiosk's row lock), so the ledger never lags them.

type Db = Kysely<Database>;

/** A number of a kiosk's count, and the incarnation it belongs to. */
export interface Numbered {
  incarnation: string;
  seq: number;
}

/** Makes sure the ledger knows these incarnations of a kiosk. */
async function knowIncarnations(db: Db, kioskId: string, keys: Iterable<string>, now: number): Promise<void> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return;
  await db
    .insertInto('kiosk_incarnations')
    .values(
      wanted.map((incarnation) => ({
        kiosk_id: kioskId,
        incarnation,
        // Ratings from before incarnations were numbered from 1.
        first_seq: incarnation === '' ? 1 : null,
        started_at: null,
        first_seen_at: now,
        highest_reported: 0,
      })),
    )
    .onConflict((oc) => oc.columns(['kiosk_id', 'incarnation']).doNothing())
    .execute();
}

/** Adds the numbers of newly stored ratings to the kiosk's runs: only runs that change are rewritten. */
export async function recordReceived(db: Db, kioskId: string, numbers: readonly Numbered[], now: number): Promise<void> {
  const byIncarnation = new Map<string, number[]>();
  for (const { incarnation, seq } of numbers) {
    const list = byIncarnation.get(incarnation);
    if (list) list.push(seq);
    else byIncarnation.set(incarnation, [seq]);
  }
  await knowIncarnations(db, kioskId, byIncarnation.keys(), now);
  for (const [incarnation, seqs] of byIncarnation) {
    const stored = await db
      .selectFrom('sequence_runs')
      .select(['first_seq', 'last_seq'])
      .where('kiosk_id', '=', kioskId)
      .where('incarnation', '=', incarnation)
      .execute();
    const before = stored.map((r): Run => [r.first_seq, r.last_seq]);
    const after = mergeRuns(before, seqRuns(seqs));
    const same = (a: Run) => (b: Run) => a[0] === b[0] && a[1] === b[1];
    const gone = before.filter((run) => !after.some(same(run)));
    const added = after.filter((run) => !before.some(same(run)));
    if (gone.length > 0) {
      await db
        .deleteFrom('sequence_runs')
        .where('kiosk_id', '=', kioskId)
        .where('incarnation', '=', incarnation)
        .where(
          'first_seq',
          'in',
          gone.map(([first]) => first),
        )
        .execute();
    }
    if (added.length > 0) {
      await db
        .insertInto('sequence_runs')
        .values(added.map(([first, last]) => ({ kiosk_id: kioskId, incarnation, first_seq: first, last_seq: last })))
        .execute();
    }
  }
}

/**
 * The number a refused rating carries, when it names this kiosk and a readable number: it is then
 * accounted for (the kiosk sets it aside), not a gap. Read from the raw rating, which may be invalid.
 */
export function numberOf(raw: unknown, kioskId: string): Numbered | null {
  const r = raw as { kioskId?: unknown; seq?: unknown; incarnation?: unknown } | null;
  if (r?.kioskId !== kioskId || !Number.isInteger(r.seq) || (r.seq as number) < 1 || (r.seq as number) > MAX_SEQ) return null;
  const incarnation = IncarnationKey.safeParse(r.incarnation ?? '');
  return incarnation.success ? { incarnation: incarnation.data, seq: r.seq as number } : null;
}

export async function recordRefused(db: Db, kioskId: string, refused: readonly (Numbered & { code: string })[], now: number) {
  if (refused.length === 0) return;
  await knowIncarnations(
    db,
    kioskId,
    refused.map((r) => r.incarnation),
    now,
  );
  await db
    .insertInto('sequence_refusals')
    .values(refused.map((r) => ({ kiosk_id: kioskId, incarnation: r.incarnation, seq: r.seq, code: r.code, refused_at: now })))
    .onConflict((oc) => oc.columns(['kiosk_id', 'incarnation', 'seq']).doNothing())
    .execute();
}

/**
 * A heartbeat's report (the heartbeat itself is stored on the kiosk's row, which is where the held
 * numbers are read from). Returns the number of a count the kiosk reports for the first time while
 * it has an earlier one: its storage started again. A kiosk updated from before incarnations goes on
 * with its next number in its first incarnation: that is not a new start.
 */
export async function recordReport(db: Db, kioskId: string, report: SequenceReport, now: number): Promise<number | null> {
  const { incarnation } = report;
  await knowIncarnations(db, kioskId, [incarnation.id, ...report.held.map((h) => h.incarnation)], now);
  const row = await db
    .selectFrom('kiosk_incarnations')
    .select(['highest_reported', 'first_seq'])
    .where('kiosk_id', '=', kioskId)
    .where('incarnation', '=', incarnation.id)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('kiosk_incarnations')
    .set({
      first_seq: incarnation.firstSeq,
      started_at: incarnation.startedAt,
      highest_reported: Math.max(row.highest_reported, report.highestSeq),
    })
    .where('kiosk_id', '=', kioskId)
    .where('incarnation', '=', incarnation.id)
    .execute();
  if (row.first_seq !== null) return null; // reported before
  const counts = (await loadCounts(db, [kioskId])).get(kioskId) ?? [];
  const restarted = counts.some(
    (c) => c.incarnation !== incarnation.id && (c.incarnation !== '' || c.coverage.highest >= incarnation.firstSeq),
  );
  return restarted ? (counts.find((c) => c.incarnation === incarnation.id)?.number ?? null) : null;
}

/**
 * Brings the kiosk's stored gaps in line with what is missing now. A gap keeps the time it was first
 * seen, whether it was alerted, and its note, across changes of its extent (a part arriving late).
 */
export async function refreshGaps(db: Db, kioskId: string, now: number): Promise<void> {
  for (const count of (await loadCounts(db, [kioskId])).get(kioskId) ?? []) {
    const missing = count.coverage.missing;
    const stored = count.gaps;
    const unchanged =
      missing.length === stored.length &&
      missing.every(([first, last], i) => stored[i]!.first_seq === first && stored[i]!.last_seq === last);
    if (unchanged) continue;
    const rows = missing.map(([first, last]) => {
      const overlapping = stored.filter((g) => g.first_seq <= last && g.last_seq >= first);
      const notes = [...new Set(overlapping.map((g) => g.note).filter((n): n is string => n !== null))];
      const noted = overlapping.find((g) => g.note !== null);
      const alerted = overlapping.map((g) => g.alerted_at).filter((a): a is number => a !== null);
      return {
        kiosk_id: kioskId,
        incarnation: count.incarnation,
        first_seq: first,
        last_seq: last,
        detected_at: Math.min(now, ...overlapping.map((g) => g.detected_at)),
        alerted_at: alerted.length > 0 ? Math.min(...alerted) : null,
        note: notes.length > 0 ? notes.join(' / ').slice(0, 1000) : null,
        noted_by: noted?.noted_by ?? null,
        noted_at: noted?.noted_at ?? null,
      };
    });
    await db.deleteFrom('sequence_gaps').where('kiosk_id', '=', kioskId).where('incarnation', '=', count.incarnation).execute();
    if (rows.length > 0) await db.insertInto('sequence_gaps').values(rows).execute();
  }
}

/**
 * A technician's note on a gap of a kiosk's count (in `wardId`'s kiosks only, for a ward's own
 * account). False when there is no such gap.
 */
export async function noteGap(
  store: Store,
  gap: { kioskId: string; incarnation: string; first: number },
  note: { text: string; by: string; at: number },
  wardId: string | undefined,
): Promise<boolean> {
  const kiosk = await store.db.selectFrom('kiosks').select('ward_id').where('id', '=', gap.kioskId).executeTakeFirst();
  if (!kiosk || (wardId !== undefined && kiosk.ward_id !== wardId)) return false;
  const noted = await store.db
    .updateTable('sequence_gaps')
    .set({ note: note.text, noted_by: note.by, noted_at: note.at })
    .where('kiosk_id', '=', gap.kioskId)
    .where('incarnation', '=', gap.incarnation)
    .where('first_seq', '=', gap.first)
    .executeTakeFirst();
  return Number(noted.numUpdatedRows) > 0;
}
