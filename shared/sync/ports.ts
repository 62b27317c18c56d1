import type { BatchResult, Heartbeat, RatingBatch, Rejection } from '../schema/api';
import type { KioskConfig } from '../schema/kiosk-config';
import type { Rating } from '../schema/rating';

/** What a send can come back with; the transport never throws for these. */
export type SendOutcome =
  | { kind: 'answer'; status: number; result: BatchResult | null; retryAfterMs: number | null; errorCode: string | null }
  | { kind: 'network'; message: string }
  | { kind: 'timeout' };

export type ConfigOutcome = { kind: 'unchanged' } | { kind: 'config'; config: KioskConfig; etag: string | null } | { kind: 'failed' };

/** Talks to the district server: fetch in a browser kiosk, the main process in Electron. */
export interface SyncTransport {
  sendBatch(batch: RatingBatch, timeoutMs: number): Promise<SendOutcome>;
  /** The kiosk's configuration, unless it is still the one with this ETag. */
  fetchConfig(etag: string | null, timeoutMs: number): Promise<ConfigOutcome>;
  /** True when the server took it. */
  sendHeartbeat(heartbeat: Heartbeat, timeoutMs: number): Promise<boolean>;
}

/** The queue as sync sees it. `settle` is one transaction: synced and quarantined together. */
export interface SyncQueue {
  /** Finished ratings not yet acknowledged nor quarantined, in sequence order. */
  unsynced(limit: number): Promise<Rating[]>;
  settle(acknowledged: readonly string[], rejected: readonly Rejection[], at: Date): Promise<void>;
  /** How many wait, and the oldest one's completion time, for the heartbeat. */
  backlog(): Promise<{ pending: number; oldestCompletedAt: string | null }>;
}
