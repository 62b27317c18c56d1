import { z } from 'zod';
import { IsoDateTime, Locale, RatingId, Slug } from './common';

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
  comment: z.string().max(2000),
  /** The receipt's dossier code, in capitals; absent when the template asks none or it was skipped
   * (absent, not null: ratings from before the field existed keep their content fingerprint). */
  dossierCode: z.string().min(1).max(60).optional(),
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
  /** Per-kiosk, strictly increasing: the order ratings are synced in, and a gap detector. */
  seq: z.int().min(1),
};

/** A finished rating: the record a kiosk sends to the district server. */
export const Rating = z.strictObject({
  ...ratingFields,
  completedAt: IsoDateTime,
  outcome: Outcome,
});
export type Rating = z.infer<typeof Rating>;

/**
 * The kiosk's queue entry. `open` while the citizen is still answering, `pending` once finished
 * and waiting for the server, `synced` once the server acknowledged it (only then may it be pruned),
 * `quarantined` when the server refused it: kept with the reason for a technician, never resent.
 */
export const QueueState = z.enum(['open', 'pending', 'synced', 'quarantined']);
export type QueueState = z.infer<typeof QueueState>;

export const QueuedRating = z.discriminatedUnion('state', [
  z.strictObject({ ...ratingFields, state: z.literal('open'), completedAt: z.null(), outcome: z.null(), syncedAt: z.null() }),
  z.strictObject({ ...ratingFields, state: z.literal('pending'), completedAt: IsoDateTime, outcome: Outcome, syncedAt: z.null() }),
  z.strictObject({ ...ratingFields, state: z.literal('synced'), completedAt: IsoDateTime, outcome: Outcome, syncedAt: IsoDateTime }),
  z.strictObject({
    ...ratingFields,
    state: z.literal('quarantined'),
    completedAt: IsoDateTime,
    outcome: Outcome,
    syncedAt: z.null(),
    rejection: z.strictObject({ code: z.string().max(40), message: z.string().max(500), at: IsoDateTime }),
  }),
]);
export type QueuedRating = z.infer<typeof QueuedRating>;

/** A rating as the first tap creates it; the queue adds the sequence number. */
export const NewRating = z.strictObject(startFields);
export type NewRating = z.infer<typeof NewRating>;

/** Strip the kiosk-local fields from a finished queue entry. */
export function toRating(entry: QueuedRating): Rating {
  if (entry.state === 'open') throw new Error(`rating ${entry.id} is not finished`);
  const { state: _state, syncedAt: _syncedAt, ...rating } = entry;
  if ('rejection' in rating) delete (rating as { rejection?: unknown }).rejection;
  return Rating.parse(rating);
}
