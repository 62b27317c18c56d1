import { z } from 'zod';
import { IsoDateTime, RatingId, Text } from '../schema/common';
import { KioskConfig } from '../schema/kiosk-config';
import { SequenceReport } from '../schema/sequence';
import { ExportPublicKey } from './export-file';
import { route } from './route';

// The API kiosks talk to: enrolment, batches of ratings, configuration and heartbeats.

/** Enrolment codes are short enough to type from the dashboard, long enough not to be guessed. */
export const EnrolmentCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z2-9]{4}-?[A-Z2-9]{4}-?[A-Z2-9]{4}$/, 'an enrolment code looks like ABCD-EFGH-JKLM')
  .transform((code) => code.replaceAll('-', ''));

export const EnrolRequest = z.strictObject({
  code: EnrolmentCode,
  appVersion: Text.max(40).optional(),
  /** The public half of the kiosk's export signing key (USB files), registered with the enrolment. */
  exportKey: ExportPublicKey.optional(),
  /** Sent by a kiosk that still holds ratings the server does not have (open, pending or quarantined): only its own re-enrolment code may be used. */
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
  appVersion: Text.max(40),
  lastError: Text.max(500).nullable(),
  storageUsedBytes: z.int().min(0).nullable(),
  storageQuotaBytes: z.int().min(0).nullable(),
  /** The kiosk's count, for the server's completeness ledger (absent from kiosks older than it). */
  sequence: SequenceReport.optional(),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

export const ConfigResponse = z.strictObject({ config: KioskConfig, serverTime: IsoDateTime });
export type ConfigResponse = z.infer<typeof ConfigResponse>;

export const ServerTime = z.strictObject({ serverTime: IsoDateTime });

export const kioskApi = {
  enrol: route({
    method: 'POST',
    path: '/api/v1/enrol',
    summary: 'Redeem an enrolment code: the kiosk gets its id, device token and configuration',
    access: 'public',
    body: EnrolRequest,
    status: 201,
    response: EnrolResponse,
    errors: ['unknown_code', 'code_used', 'code_expired', 'kiosk_mismatch', 'unknown_counter', 'ward_retired', 'rate_limited'],
  }),
  sendBatch: route({
    method: 'POST',
    path: '/api/v1/ratings/batches',
    summary: 'Send a batch of up to 500 ratings (exactly once in effect: the rating id is the idempotency key)',
    access: 'kiosk',
    body: RatingBatch,
    status: 200,
    response: BatchResult,
    errors: [
      'missing_token',
      'invalid_token',
      'revoked_token',
      'wrong_kiosk',
      'implausible_clock',
      'body_too_large',
      'overloaded',
      'storage_full',
    ],
  }),
  config: route({
    method: 'GET',
    path: '/api/v1/kiosk/config',
    summary: 'The kiosk’s configuration (ETag; 304 when unchanged)',
    access: 'kiosk',
    status: 200,
    response: ConfigResponse,
    errors: ['missing_token', 'invalid_token', 'revoked_token'],
    alsoAnswers: { 304: 'Unchanged since the ETag given in If-None-Match' },
  }),
  exportKey: route({
    method: 'POST',
    path: '/api/v1/kiosk/export-key',
    summary: 'Register the public half of a kiosk’s export signing key (a kiosk enrolled before keys existed, or a new key)',
    access: 'kiosk',
    body: z.strictObject({ publicKey: ExportPublicKey }),
    status: 200,
    response: z.strictObject({ registered: z.literal(true) }),
    errors: ['missing_token', 'invalid_token', 'revoked_token'],
  }),
  heartbeat: route({
    method: 'POST',
    path: '/api/v1/kiosk/heartbeat',
    summary: 'Kiosk health: queue depth, oldest pending rating, version, last error, storage, and its count for the completeness ledger',
    access: 'kiosk',
    body: Heartbeat,
    status: 200,
    response: ServerTime,
    errors: ['missing_token', 'invalid_token', 'revoked_token', 'wrong_kiosk', 'overloaded', 'storage_full'],
  }),
} as const;
