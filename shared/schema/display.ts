import { z } from 'zod';

/** The kiosk's display settings, chosen by the technician: larger text for counters that serve many elderly citizens. */
export const DisplaySettings = z.strictObject({ textSize: z.enum(['normal', 'large']) });
export type DisplaySettings = z.infer<typeof DisplaySettings>;
export const DEFAULT_DISPLAY: DisplaySettings = { textSize: 'normal' };
