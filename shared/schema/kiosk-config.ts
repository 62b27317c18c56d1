import { z } from 'zod';
import { LocalizedText, Slug, Text } from './common';
import { BURST_MAX_PER_MINUTE } from '../rating/burst';
import { StoredPin } from '../technician/pin';
import { SurveyTemplate } from './template';

/**
 * How a ward attributes ratings to the official who served: not at all, by the official on duty
 * signing in at the counter's kiosk at the start of a shift, or by the citizen picking from photos.
 */
export const Attribution = z.enum(['none', 'shift', 'citizen']);
export type Attribution = z.infer<typeof Attribution>;

/** A photo small enough to travel in the configuration: a data URL of a JPEG, PNG or WebP. */
export const OfficialPhoto = z
  .string()
  .max(150_000)
  .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+=*$/, 'a data: URL of a JPEG, PNG or WebP image');

/** One of the counter's officials, as the kiosk shows them; `pin` (a salted hash) lets them sign in. */
export const KioskOfficial = z.strictObject({
  id: Slug,
  name: Text.min(1).max(100),
  title: Text.max(100).nullable(),
  photo: OfficialPhoto.nullable(),
  pin: StoredPin.nullable(),
});
export type KioskOfficial = z.infer<typeof KioskOfficial>;

/** What a kiosk needs to run its counter: where it stands and which survey it shows. */
export const KioskConfig = z.strictObject({
  kioskId: z.uuid(),
  ward: z.strictObject({ id: Slug, name: LocalizedText }),
  counter: z.strictObject({ id: Slug, label: LocalizedText }),
  template: SurveyTemplate,
  /** More ratings than this within a minute is faster than people queue: still stored, but flagged. */
  burstMaxPerMinute: z.int().min(1).max(60).default(BURST_MAX_PER_MINUTE),
  thankYouSeconds: z.int().min(2).max(30).default(5),
  /** Ratings the server acknowledged are kept this long on the kiosk before pruning may delete them. */
  retentionDays: z.int().min(1).max(3650).default(90),
  attribution: Attribution.default('none'),
  officials: z.array(KioskOfficial).max(50).default([]),
  /**
   * The ward or counter is retired: the kiosk takes no new ratings (a notice for the staff instead of
   * the faces) and still sends every rating it holds.
   */
  retired: z.boolean().default(false),
});
export type KioskConfig = z.infer<typeof KioskConfig>;
export type KioskConfigInput = z.input<typeof KioskConfig>;
