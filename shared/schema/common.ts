import { z } from 'zod';

/** The kiosk speaks Vietnamese first; English is the second language for visitors. */
export const Locale = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof Locale>;

/* eslint-disable no-control-regex -- U+0000 is exactly the character these refuse and drop */
const STORABLE = /^[^\u0000\uD800-\uDFFF]*$/u;
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/gu;
/* eslint-enable no-control-regex */

/**
 * Text anyone types or a device reports, as both database engines can store it: PostgreSQL refuses
 * U+0000 in text, and an unpaired surrogate is not Unicode at all (it would be stored altered).
 * Every free text that reaches storage is this schema, so one bad character is refused where it
 * arrives with a clear reason, instead of failing a whole batch inside the database.
 */
export const Text = z.string().regex(STORABLE, 'contains a character that cannot be stored (U+0000 or a broken character)');

/** Every text a citizen can see in a template is given in both languages. */
export const LocalizedText = z.strictObject({
  vi: Text.trim().min(1).max(300),
  en: Text.trim().min(1).max(300),
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

/**
 * What a person typed, made storable: U+0000 and unpaired surrogates (a scanner's or a keyboard's
 * stray codes, never words) are dropped, so a rating is never refused for a character nobody meant.
 */
export const storableText = (typed: string) => typed.replace(UNSTORABLE, '');
