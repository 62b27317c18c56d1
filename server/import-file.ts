import { randomUUID } from 'node:crypto';
import { MAX_BATCH_RATINGS } from '../shared/contract/kiosk-api';
import type { ImportedFile } from '../shared/contract/export-file';
import { verifyExportSignature, verifyLegacyExport } from '../shared/sync/export-file';
import { exportKeysOf } from './repo/enrolment';
import type { Store } from './db/connect';
import { HttpError } from './http/errors';
import { ingestBatch } from './ingest';
import { serverTimeIso, vietnamDay } from './time';

/** What an import did: re-importing the same file gives all `duplicate`, nothing counted twice. */
export interface ImportSummary {
  kioskId: string;
  wardId: string;
  ratings: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  /** The kiosk crossed its ceiling in these ratings (for the alerts; not sent back to the browser). */
  ceilingCrossed: boolean;
  /** The ratings this import stored (for the alerts; not sent back to the browser). */
  acceptedIds: string[];
  /** The first few rejections, for the person importing. */
  rejections: { id: string | null; code: string; message: string }[];
}

/**
 * Imports a kiosk's export file (carried on a USB stick): checks its signature against the kiosk's
 * stored token hash, then stores it through the same exactly-once path as sync, in batches of sync's
 * size, each its own transaction (so an interrupted import is simply imported again).
 */
export async function importExportFile(
  store: Store,
  file: ImportedFile,
  options: { wardScope: string | undefined; now: () => Date; legacyExportsUntil: string },
): Promise<ImportSummary> {
  const kiosk = await store.db
    .selectFrom('kiosks')
    .select(['id', 'ward_id', 'counter_id', 'token_hash', 'clock_offset_ms'])
    .where('id', '=', file.kioskId)
    .executeTakeFirst();
  if (!kiosk || (options.wardScope !== undefined && kiosk.ward_id !== options.wardScope)) {
    throw new HttpError(404, 'unknown_kiosk', 'The file names a kiosk this district does not know (or not in your ward).');
  }
  if (file.version === 1 && vietnamDay(options.now().getTime()) > options.legacyExportsUntil) {
    throw new HttpError(
      422,
      'legacy_export',
      `Files signed the old way were imported until ${options.legacyExportsUntil}: update the kiosk, let it sync once, and export again.`,
    );
  }
  // A kiosk that registered a key signs with it: an old-style file in its name can only have been
  // made from the token hash the database holds, and is refused.
  const keys = await exportKeysOf(store, kiosk.id);
  const signed =
    file.version === 2 ? await verifyExportSignature(file, keys) : keys.length === 0 && (await verifyLegacyExport(file, kiosk.token_hash));
  if (!signed) {
    throw new HttpError(
      422,
      'bad_signature',
      'The file’s signature does not match the kiosk: it was altered, or signed by a key this kiosk never registered.',
    );
  }
  const summary: ImportSummary = {
    kioskId: kiosk.id,
    wardId: kiosk.ward_id,
    ratings: file.ratings.length,
    accepted: 0,
    duplicate: 0,
    rejected: 0,
    acceptedIds: [],
    rejections: [],
    ceilingCrossed: false,
  };
  for (let i = 0; i < file.ratings.length; i += MAX_BATCH_RATINGS) {
    const ratings = file.ratings.slice(i, i + MAX_BATCH_RATINGS);
    const at = options.now();
    const result = await ingestBatch(store, kiosk, { batchId: randomUUID(), kioskId: kiosk.id, sentAt: serverTimeIso(at), ratings }, at, {
      clockOffsetMs: kiosk.clock_offset_ms ?? 0,
    });
    summary.accepted += result.accepted.length;
    summary.ceilingCrossed ||= result.ceilingCrossed;
    summary.acceptedIds.push(...result.accepted);
    summary.duplicate += result.duplicate.length;
    summary.rejected += result.rejected.length;
    for (const r of result.rejected)
      if (summary.rejections.length < 20) summary.rejections.push({ id: r.id, code: r.code, message: r.message });
  }
  return summary;
}
