import { z } from 'zod';

/** The kiosk speaks Vietnamese first; English is the second language for visitors. */
export const Locale = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Every text a citizen can see in a template is given in both languages. */
export const LocalizedText = z.strictObject({
  vi: z.string().trim().min(1).max(300),
  en: z.string().trim().min(1).max(300),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Kiosk clocks are often wrong, so device times keep their offset: the server can correct them later. */
export const IsoDateTime = z.iso.datetime({ offset: true, precision: 3 });

/** Rating ids are UUIDv7: time-ordered, made on the kiosk, the idempotency key for sync. */
export const RatingId = z.uuid({ version: 'v7' });

/** Stable machine names for wards, counters, templates, criteria and reasons. */
export const Slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');
