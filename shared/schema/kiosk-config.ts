import { z } from 'zod';
import { LocalizedText, Slug } from './common';
import { SurveyTemplate } from './template';

/** What a kiosk needs to run its counter: where it stands and which survey it shows. */
export const KioskConfig = z.strictObject({
  kioskId: z.uuid(),
  ward: z.strictObject({ id: Slug, name: LocalizedText }),
  counter: z.strictObject({ id: Slug, label: LocalizedText }),
  template: SurveyTemplate,
  /** More ratings than this within a minute is faster than people queue: still stored, but flagged. */
  burstMaxPerMinute: z.int().min(1).max(60).default(6),
  thankYouSeconds: z.int().min(2).max(30).default(5),
  /** Ratings the server acknowledged are kept this long on the kiosk before pruning may delete them. */
  retentionDays: z.int().min(1).max(3650).default(90),
});
export type KioskConfig = z.infer<typeof KioskConfig>;
export type KioskConfigInput = z.input<typeof KioskConfig>;
