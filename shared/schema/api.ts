import { z } from 'zod';
import { IsoDateTime, RatingId } from './common';
import { KioskConfig } from './kiosk-config';

/** Every error the API returns has this shape; the message is safe to show a technician. */
export const ApiError = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof ApiError>;

/** Enrolment codes are short enough to type from the dashboard, long enough not to be guessed. */
export const EnrolmentCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z2-9]{4}-?[A-Z2-9]{4}-?[A-Z2-9]{4}$/, 'an enrolment code looks like ABCD-EFGH-JKLM')
  .transform((code) => code.replaceAll('-', ''));

export const EnrolRequest = z.strictObject({
  code: EnrolmentCode,
  appVersion: z.string().max(40).optional(),
  /** Sent by a kiosk that still holds unsent ratings: only its own re-enrolment code may be used. */
  keepKioskId: z.uuid().optional(),
});
export type EnrolRequest = z.input<typeof EnrolRequest>;

export const EnrolResponse = z.strictObject({
  kioskId: z.uuid(),
  /** Shown once: the server keeps only its hash. */
  deviceToken: z.string().min(32),
  config: KioskConfig,
  serverTime: IsoDateTime,
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

export const MAX_BATCH_RATINGS = 500;

/**
 * A batch of finished ratings. Each rating is checked on its own (`z.unknown()` here), so one bad
 * rating is rejected without blocking the valid ones beside it.
 */
export const RatingBatch = z.strictObject({
  batchId: z.uuid(),
  kioskId: z.uuid(),
  /** The kiosk's clock when it sent the batch: the server estimates the kiosk's clock offset. */
  sentAt: IsoDateTime,
  ratings: z.array(z.unknown()).min(1).max(MAX_BATCH_RATINGS),
});
export type RatingBatch = z.infer<typeof RatingBatch>;

export const RejectionCode = z.enum(['invalid', 'id_conflict', 'wrong_kiosk', 'unknown_template', 'unknown_place']);
export type RejectionCode = z.infer<typeof RejectionCode>;

export const Rejection = z.strictObject({
  index: z.int().min(0),
  id: z.string().nullable(),
  code: RejectionCode,
  message: z.string(),
});
export type Rejection = z.infer<typeof Rejection>;

export const BatchResult = z.strictObject({
  batchId: z.uuid(),
  accepted: z.array(RatingId),
  /** Already stored with identical content: a retry. Safe to mark synced. */
  duplicate: z.array(RatingId),
  rejected: z.array(Rejection),
  serverTime: IsoDateTime,
});
export type BatchResult = z.infer<typeof BatchResult>;

export const Heartbeat = z.strictObject({
  kioskId: z.uuid(),
  sentAt: IsoDateTime,
  queueDepth: z.int().min(0),
  oldestPendingAgeSeconds: z.int().min(0).nullable(),
  appVersion: z.string().max(40),
  lastError: z.string().max(500).nullable(),
  storageUsedBytes: z.int().min(0).nullable(),
  storageQuotaBytes: z.int().min(0).nullable(),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

export const ConfigResponse = z.strictObject({ config: KioskConfig, serverTime: IsoDateTime });
export type ConfigResponse = z.infer<typeof ConfigResponse>;
