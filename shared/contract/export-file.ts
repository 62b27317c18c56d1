import { z } from 'zod';
import { IsoDateTime } from '../schema/common';
import { Rating } from '../schema/rating';

/**
 * The file a kiosk without a network writes for a USB stick, and the dashboard imports: pending
 * ratings, signed by the kiosk (shared/sync/export-file.ts signs and checks).
 */
export const EXPORT_FORMAT = 'hai-long-export';
export const MAX_EXPORT_RATINGS = 200_000;

export const ExportFile = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  kioskId: z.uuid(),
  exportedAt: IsoDateTime,
  ratings: z.array(Rating).min(1).max(MAX_EXPORT_RATINGS),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ExportFile = z.infer<typeof ExportFile>;
