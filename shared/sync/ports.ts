import type { BatchResult, RatingBatch, Rejection } from '../schema/api';
import type { Rating } from '../schema/rating';

/** What a send can come back with; the transport never throws for these. */
export type SendOutcome =
  | { kind: 'answer'; status: number; result: BatchResult | null; retryAfterMs: number | null; errorCode: string | null }
  | { kind: 'network'; message: string }
  | { kind: 'timeout' };

/** Sends a batch to the district server: fetch in a browser kiosk, the main process in Electron. */
export interface SyncTransport {
  sendBatch(batch: RatingBatch, timeoutMs: number): Promise<SendOutcome>;
}

/** The queue as sync sees it. `settle` is one transaction: synced and quarantined together. */
export interface SyncQueue {
  /** Finished ratings not yet acknowledged nor quarantined, in sequence order. */
  unsynced(limit: number): Promise<Rating[]>;
  settle(acknowledged: readonly string[], rejected: readonly Rejection[], at: Date): Promise<void>;
}
