import { z } from 'zod';
import { IsoDateTime } from './common';

/** The largest sequence number: the most a 32-bit signed integer column holds. */
export const MAX_SEQ = 2 ** 31 - 1;

/** A rating's place in its kiosk's count. */
export const Seq = z.int().min(1).max(MAX_SEQ);

/** Sequence numbers `first` to `last`, both included. */
export const SeqRun = z.tuple([Seq, Seq]).refine(([first, last]) => first <= last, 'a run ends at or after its start');
export type SeqRun = z.infer<typeof SeqRun>;

/**
 * One life of a kiosk's storage. A kiosk's sequence numbers are counted in its IndexedDB: when that
 * is wiped the count starts again, so the server keeps sequence numbers per kiosk and incarnation.
 * `firstSeq`: the first number this incarnation gave out (1 for a new database; the next number
 * when an existing database first got an incarnation, or after ratings came back from the journal).
 */
export const Incarnation = z.strictObject({
  id: z.uuid(),
  firstSeq: Seq,
  startedAt: IsoDateTime,
});
export type Incarnation = z.infer<typeof Incarnation>;

/** An incarnation as the server keys it: '' for ratings made before kiosks had incarnations. */
export const IncarnationKey = z.union([z.uuid(), z.literal('')]);
export type IncarnationKey = z.infer<typeof IncarnationKey>;

/** Sequence numbers a kiosk still holds: waiting to be sent (or still open), or set aside (quarantined). */
export const HeldRun = z.strictObject({
  incarnation: IncarnationKey,
  first: Seq,
  last: Seq,
  setAside: z.boolean(),
});
export type HeldRun = z.infer<typeof HeldRun>;

/** More runs than this are left out of a report; what they hold reads as missing until it is sent. */
export const MAX_HELD_RUNS = 1000;

/**
 * What a kiosk says of its count with each heartbeat: the server compares it with what it received,
 * and what is neither received, refused nor held by the kiosk is a gap (a rating lost on the way).
 */
export const SequenceReport = z.strictObject({
  incarnation: Incarnation,
  /** The highest number this incarnation gave out (`firstSeq − 1` before its first rating). */
  highestSeq: z.int().min(0).max(MAX_SEQ),
  /** Everything the kiosk holds that the server has not acknowledged, in every incarnation. */
  held: z.array(HeldRun).max(MAX_HELD_RUNS),
});
export type SequenceReport = z.infer<typeof SequenceReport>;
