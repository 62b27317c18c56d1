import { z } from 'zod';
import { IsoDateTime } from './common';

/** The sync engine's state, as the kiosk app and the technician's screen see it. */
export const SyncState = z.strictObject({
  status: z.enum(['idle', 'sending', 'waiting', 'stopped']),
  /** Failed attempts in a row; the backoff grows with it. */
  attempt: z.int().min(0),
  nextAttemptAt: IsoDateTime.nullable(),
  lastError: z.string().nullable(),
  lastSyncAt: IsoDateTime.nullable(),
  /** Server time minus kiosk time, from the last answer. */
  clockOffsetMs: z.number().nullable(),
  sentTotal: z.int().min(0),
  /** Ratings the server refused, kept in quarantine for a technician. */
  quarantinedTotal: z.int().min(0),
  /** Why sending stopped (a refused token, a refused request): raised as an alert until it sends again. */
  stoppedBy: z.strictObject({ status: z.int(), code: z.string().nullable() }).nullable(),
});
export type SyncState = z.infer<typeof SyncState>;

/** Where one batch's time went: reading the queue, the exchange, applying the answer. */
export const BatchTiming = z.strictObject({ ratings: z.int().min(0), readMs: z.number(), sendMs: z.number(), settleMs: z.number() });
export type BatchTiming = z.infer<typeof BatchTiming>;
