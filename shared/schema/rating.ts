import { z } from 'zod';
import { IsoDateTime, Locale, RatingId, Slug, Text } from './common';
import { Seq } from './sequence';

export { MAX_SEQ } from './sequence';

/** How a citizen's rating ended: sent, walked away from, or cut short by a crash or power cut. */
export const Outcome = z.enum(['completed', 'timeout', 'interrupted']);
export type Outcome = z.infer<typeof Outcome>;

/** `burst`: given faster than people queue, kept but excluded from reports by default. */
export const RatingFlag = z.enum(['burst']);
export type RatingFlag = z.infer<typeof RatingFlag>;

/** What the citizen answered. No personal data: the comment is the citizen's own words. */
export const Answers = z.strictObject({
  overall: z.int().min(0).max(5),
  criteria: z.record(Slug, z.int().min(0).max(5)),
  reasons: z.array(Slug).max(12),
  comment: Text.max(2000),
  /** The receipt's dossier code, in capitals; absent when the template asks none or it was skipped
   * (absent, not null: ratings from before the field existed keep their content fingerprint). */
  dossierCode: Text.min(1).max(60).optional(),
  /** The official who served, where the ward attributes ratings (absent otherwise, as above). */
  officialId: Slug.optional(),
});
export type Answers = z.infer<typeof Answers>;

/** What the kiosk knows when the first tap lands. */
const startFields = {
  id: RatingId,
  kioskId: z.uuid(),
  wardId: Slug,
  counterId: Slug,
  templateId: Slug,
  templateVersion: z.int().min(1),
  startedAt: IsoDateTime,
  locale: Locale,
  flags: z.array(RatingFlag),
  ...Answers.shape,
};

const ratingFields = {
  ...startFields,
  /** Per-kiosk, strictly increasing: the order ratings are synced in, and a gap detector. Bounded by
   * what a 32-bit integer column holds (a kiosk taking a rating a second would need 68 years). */
  seq: Seq,
  /**
   * The life of the kiosk's storage that gave out `seq` (shared/schema/sequence.ts). Absent on
   * ratings made before kiosks had incarnations, which keeps their content fingerprint.
   */
  incarnation: z.uuid().optional(),
};

/** A finished rating: the record a kiosk sends to the district server. */
export const Rating = z.strictObject({
  ...ratingFields,
  completedAt: IsoDateTime,
  outcome: Outcome,
});
export type Rating = z.infer<typeof Rating>;

/**
 * A rating as the kiosk's queue stores it: `open` while the citizen is still answering, `finished`
 * once done (unchangeable from then on), `quarantined` when the server refused it: kept with the
 * reason for a technician, never resent. Whether a finished rating still waits for the server is
 * not written here: a copy of it, as the server expects it, waits in the outbox until the server
 * answers, so that sending never reads these records and an answer never rewrites them.
 */
export const QueuedRating = z.discriminatedUnion('state', [
  z.strictObject({ ...ratingFields, state: z.literal('open'), completedAt: z.null(), outcome: z.null() }),
  z.strictObject({ ...ratingFields, state: z.literal('finished'), completedAt: IsoDateTime, outcome: Outcome }),
  z.strictObject({
    ...ratingFields,
    state: z.literal('quarantined'),
    completedAt: IsoDateTime,
    outcome: Outcome,
    rejection: z.strictObject({ code: Text.max(40), message: Text.max(500), at: IsoDateTime }),
  }),
]);
export type QueuedRating = z.infer<typeof QueuedRating>;
export type FinishedRating = Extract<QueuedRating, { state: 'finished' }>;

/**
 * What the queue reports of a rating: a finished one is `pending` while it waits in the outbox and
 * `synced` once the server acknowledged it (only then may it ever be pruned).
 */
export const QueueState = z.enum(['open', 'pending', 'synced', 'quarantined']);
export type QueueState = z.infer<typeof QueueState>;

/**
 * One answer of the server, as the queue keeps it for pruning: when it came (UTC) and the runs of
 * consecutive sequence numbers it acknowledged. One small record per batch instead of 500 rewrites.
 */
export const Settlement = z.strictObject({
  id: z.int().min(1).optional(),
  at: z.iso.datetime(),
  runs: z.array(z.tuple([z.int().min(1), z.int().min(1)])),
});
export type Settlement = z.infer<typeof Settlement>;

/** A rating as the first tap creates it; the queue adds the sequence number. */
export const NewRating = z.strictObject(startFields);
export type NewRating = z.infer<typeof NewRating>;

/** Strip the kiosk-local fields from a finished queue entry (and check it, as read from storage). */
export function toRating(entry: QueuedRating): Rating {
  return Rating.parse(withoutLocalFields(entry));
}

/** The same for an entry just checked against `QueuedRating`: nothing to check again. */
export function withoutLocalFields(entry: QueuedRating): Rating {
  if (entry.state === 'open') throw new Error(`rating ${entry.id} is not finished`);
  const { state: _state, ...rating } = entry;
  if ('rejection' in rating) delete (rating as { rejection?: unknown }).rejection;
  return rating;
}
