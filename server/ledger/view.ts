import type { Selectable } from 'kysely';
import type { IncarnationLedger, SequenceGap } from '../../shared/contract/admin-api';
import { runLength } from '../../shared/rating/seq-runs';
import type { SequenceGapsTable } from '../db/tables';
import { isoAt } from '../time';
import type { KioskCount } from './counts';

export function gapView(gap: Selectable<SequenceGapsTable>): SequenceGap {
  return {
    first: gap.first_seq,
    last: gap.last_seq,
    count: gap.last_seq - gap.first_seq + 1,
    since: isoAt(gap.detected_at)!,
    note: gap.note,
    notedBy: gap.noted_by,
  };
}

/** One incarnation of a kiosk's count as the fleet page shows it. */
export function ledgerView(count: KioskCount): IncarnationLedger {
  const { coverage } = count;
  return {
    incarnation: count.incarnation as IncarnationLedger['incarnation'],
    number: count.number,
    startedAt: count.row.started_at,
    firstSeq: count.facts.firstSeq,
    highest: coverage.highest,
    completeThrough: coverage.completeThrough,
    received: coverage.received,
    refused: coverage.refused,
    waiting: runLength(coverage.waiting),
    setAside: runLength(coverage.setAside),
    gaps: count.gaps.map(gapView),
  };
}
