import { intersect, mergeRuns, runLength, uncovered, type Run } from './seq-runs';

/** What the server knows of one incarnation of a kiosk's count. */
export interface IncarnationFacts {
  /** Where the incarnation's count began (1 when the kiosk never said). */
  firstSeq: number;
  /** The highest number the kiosk ever reported giving out in it. */
  highestReported: number;
  /** Numbers of ratings stored, and of ratings the server refused (they wait on the kiosk, set aside). */
  received: readonly Run[];
  refused: readonly Run[];
  /** What the kiosk's latest heartbeat says it still holds of this incarnation. */
  unsent: readonly Run[];
  setAside: readonly Run[];
}

/** The completeness of one incarnation: what arrived, what is accounted for, and what is missing. */
export interface Coverage {
  /** The highest number known to exist. */
  highest: number;
  /** Every number from `firstSeq` to here was received or refused (`firstSeq − 1`: not even the first). */
  completeThrough: number;
  received: number;
  refused: number;
  /** Not here yet, but the kiosk holds them: waiting to be sent (or still being answered). */
  waiting: [number, number][];
  /** Not here, held on the kiosk and set aside there (quarantined): a technician's matter. */
  setAside: [number, number][];
  /** Neither here nor on the kiosk: lost on the way (or with the kiosk's storage). */
  missing: [number, number][];
}

/**
 * The ledger's verdict for one incarnation. Every number from the first to the highest known one is
 * exactly one of: received, refused, held by the kiosk (waiting or set aside), or missing.
 */
export function coverage(facts: IncarnationFacts): Coverage {
  const accounted = mergeRuns(facts.received, facts.refused);
  const highest = Math.max(
    facts.highestReported,
    facts.firstSeq - 1,
    ...[accounted, facts.unsent, facts.setAside].map((runs) => runs.reduce((max, [, last]) => Math.max(max, last), 0)),
  );
  const notHere = uncovered(facts.firstSeq, highest, accounted);
  const setAside = intersect(notHere, facts.setAside);
  const waiting = intersect(uncovered(facts.firstSeq, highest, [...accounted, ...setAside]), facts.unsent);
  const missing = uncovered(facts.firstSeq, highest, [...accounted, ...setAside, ...waiting]);
  return {
    highest,
    completeThrough: notHere.length > 0 ? notHere[0]![0] - 1 : highest,
    received: runLength(intersect(facts.received, [[facts.firstSeq, highest]])),
    refused: runLength(intersect(uncovered(facts.firstSeq, highest, facts.received), facts.refused)),
    waiting,
    setAside,
    missing,
  };
}
