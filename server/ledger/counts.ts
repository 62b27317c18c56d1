import type { Kysely, Selectable } from 'kysely';
import { Heartbeat } from '../../shared/contract/kiosk-api';
import { coverage, type Coverage, type IncarnationFacts } from '../../shared/rating/coverage';
import { seqRuns } from '../../shared/rating/prune';
import type { Run } from '../../shared/rating/seq-runs';
import type { Database, KioskIncarnationsTable, SequenceGapsTable } from '../db/tables';

/** One incarnation of a kiosk's count with everything the ledger knows of it. */
export interface KioskCount {
  kioskId: string;
  incarnation: string;
  /** 1 for the kiosk's first count, 2 after its storage started again, … */
  number: number;
  row: Selectable<KioskIncarnationsTable>;
  facts: IncarnationFacts;
  coverage: Coverage;
  /** The gaps as stored: since when, alerted, and the technician's note. */
  gaps: Selectable<SequenceGapsTable>[];
}

const keyOf = (kioskId: string, incarnation: string) => `${kioskId}|${incarnation}`;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/**
 * Every kiosk's counts (or these kiosks'), oldest incarnation first. Small tables: a run per stretch
 * of consecutive numbers received, a row per refusal and per gap, and the kiosk's last heartbeat,
 * whose report says what the kiosk still holds.
 */
export async function loadCounts(db: Kysely<Database>, kioskIds?: readonly string[]): Promise<Map<string, KioskCount[]>> {
  if (kioskIds && kioskIds.length === 0) return new Map();
  const some = kioskIds !== undefined;
  const ids = [...(kioskIds ?? [])];
  const [incarnations, runs, refusals, gaps, heartbeats] = await Promise.all([
    db
      .selectFrom('kiosk_incarnations')
      .selectAll()
      .$if(some, (q) => q.where('kiosk_id', 'in', ids))
      .execute(),
    db
      .selectFrom('sequence_runs')
      .selectAll()
      .$if(some, (q) => q.where('kiosk_id', 'in', ids))
      .orderBy('first_seq')
      .execute(),
    db
      .selectFrom('sequence_refusals')
      .select(['kiosk_id', 'incarnation', 'seq'])
      .$if(some, (q) => q.where('kiosk_id', 'in', ids))
      .execute(),
    db
      .selectFrom('sequence_gaps')
      .selectAll()
      .$if(some, (q) => q.where('kiosk_id', 'in', ids))
      .orderBy('first_seq')
      .execute(),
    db
      .selectFrom('kiosks')
      .select(['id', 'heartbeat'])
      .$if(some, (q) => q.where('id', 'in', ids))
      .execute(),
  ]);
  const runsOf = groupBy(runs, (r) => keyOf(r.kiosk_id, r.incarnation));
  const refusalsOf = groupBy(refusals, (r) => keyOf(r.kiosk_id, r.incarnation));
  const gapsOf = groupBy(gaps, (g) => keyOf(g.kiosk_id, g.incarnation));
  const heldOf = new Map<string, { unsent: Run[]; setAside: Run[] }>();
  for (const kiosk of heartbeats) {
    const parsed = kiosk.heartbeat ? Heartbeat.safeParse(JSON.parse(kiosk.heartbeat)) : null;
    for (const run of (parsed?.success && parsed.data.sequence?.held) || []) {
      const key = keyOf(kiosk.id, run.incarnation);
      const held = heldOf.get(key) ?? { unsent: [], setAside: [] };
      (run.setAside ? held.setAside : held.unsent).push([run.first, run.last]);
      heldOf.set(key, held);
    }
  }
  const out = new Map<string, KioskCount[]>();
  for (const [kioskId, rows] of groupBy(incarnations, (r) => r.kiosk_id)) {
    const began = (r: Selectable<KioskIncarnationsTable>) =>
      r.incarnation === '' ? Number.NEGATIVE_INFINITY : r.started_at ? Date.parse(r.started_at) : r.first_seen_at;
    const ordered = rows.toSorted((a, b) => began(a) - began(b));
    out.set(
      kioskId,
      ordered.map((row, i) => {
        const key = keyOf(kioskId, row.incarnation);
        const received = (runsOf.get(key) ?? []).map((r): Run => [r.first_seq, r.last_seq]);
        const facts: IncarnationFacts = {
          // Until the kiosk says where this count began, the lowest number received stands in.
          firstSeq: row.first_seq ?? received[0]?.[0] ?? 1,
          highestReported: row.highest_reported,
          received,
          refused: seqRuns((refusalsOf.get(key) ?? []).map((r) => r.seq)),
          unsent: heldOf.get(key)?.unsent ?? [],
          setAside: heldOf.get(key)?.setAside ?? [],
        };
        return { kioskId, incarnation: row.incarnation, number: i + 1, row, facts, coverage: coverage(facts), gaps: gapsOf.get(key) ?? [] };
      }),
    );
  }
  return out;
}
