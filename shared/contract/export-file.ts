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

/**
 * The file as the district server takes it for import: each rating is checked on its own when it is
 * stored (as in a batch), so one bad rating is refused without the rest of the stick.
 */
export const ImportedFile = ExportFile.extend({ ratings: z.array(z.unknown()).min(1).max(MAX_EXPORT_RATINGS) });
export type ImportedFile = z.infer<typeof ImportedFile>;
