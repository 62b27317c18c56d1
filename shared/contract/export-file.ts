import { z } from 'zod';
import { IsoDateTime } from '../schema/common';
import { Rating } from '../schema/rating';

/**
 * The file a kiosk without a network writes for a USB stick, and the dashboard imports: pending
 * ratings, signed by the kiosk (shared/sync/export-file.ts signs and checks).
 *
 * Version 2 is signed with the kiosk's own Ed25519 key: the private half never leaves the kiosk
 * (non-extractable in WebCrypto, or kept by the Electron main process), the public half was
 * registered with the district server, which cannot forge a file with what it stores. Version 1
 * (HMAC under a hash of the device token, which the server's database holds) is still imported for a
 * stated transition period (docs/deployment.md).
 */
export const EXPORT_FORMAT = 'hai-long-export';
/**
 * A kiosk writes its unsent ratings in files of at most this many ratings and `EXPORT_PART_BYTES` of
 * JSON (a busy counter's month fits in one); the server takes an import of at most
 * `IMPORT_BODY_LIMIT_BYTES`, so nobody can make it read and parse more at once.
 */
export const MAX_EXPORT_RATINGS = 20_000;
export const EXPORT_PART_BYTES = 16 * 1024 * 1024;
export const IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;
/** Files written before kiosks split their exports held up to this many; still imported (within the byte limit). */
const MAX_LEGACY_FILE_RATINGS = 200_000;

/** An Ed25519 public key, raw, in base64url (43 characters). */
export const ExportPublicKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'an Ed25519 public key in base64url');

const common = {
  format: z.literal(EXPORT_FORMAT),
  kioskId: z.uuid(),
  exportedAt: IsoDateTime,
  ratings: z.array(Rating).min(1).max(MAX_EXPORT_RATINGS),
};

export const ExportFileV1 = z.strictObject({ ...common, version: z.literal(1), signature: z.string().regex(/^[0-9a-f]{64}$/) });
export const ExportFileV2 = z.strictObject({
  ...common,
  version: z.literal(2),
  publicKey: ExportPublicKey,
  /** Ed25519 over the canonical JSON of everything else in the file, base64url. */
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});
export const ExportFile = z.discriminatedUnion('version', [ExportFileV1, ExportFileV2]);
export type ExportFile = z.infer<typeof ExportFile>;

/**
 * The file as the district server takes it for import: each rating is checked on its own when it is
 * stored (as in a batch), so one bad rating is refused without the rest of the stick.
 */
export const ImportedFile = z.discriminatedUnion('version', [
  ExportFileV1.extend({ ratings: z.array(z.unknown()).min(1).max(MAX_LEGACY_FILE_RATINGS) }),
  ExportFileV2.extend({ ratings: z.array(z.unknown()).min(1).max(MAX_LEGACY_FILE_RATINGS) }),
]);
export type ImportedFile = z.infer<typeof ImportedFile>;
