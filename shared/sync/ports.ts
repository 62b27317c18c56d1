import type { ConfigOutcome, SendOutcome } from '../contract/bridge';
import type { Heartbeat, RatingBatch } from '../contract/kiosk-api';
import type { Rating } from '../schema/rating';
import type { SequenceReport } from '../schema/sequence';

export type { ConfigOutcome, SendOutcome } from '../contract/bridge';

/** A batch as a kiosk sends it: ratings it checked when it stored them. */
export type OutgoingBatch = Omit<RatingBatch, 'ratings'> & { ratings: Rating[] };

/** Talks to the district server: fetch in a browser kiosk, the main process in Electron. */
export interface SyncTransport {
  sendBatch(batch: OutgoingBatch, timeoutMs: number): Promise<SendOutcome>;
  /** The kiosk's configuration, unless it is still the one with this ETag. */
  fetchConfig(etag: string | null, timeoutMs: number): Promise<ConfigOutcome>;
  /** True when the server took it. */
  sendHeartbeat(heartbeat: Heartbeat, timeoutMs: number): Promise<boolean>;
}

/**
 * Why a rating is set aside: the server's rejection (its code and message), or the kiosk's own
 * finding that the server refuses every batch holding it (`batch_refused`).
 */
export interface Refusal {
  id: string | null;
  code: string;
  message: string;
}

/** The queue as sync sees it. `settle` is one transaction: synced and quarantined together. */
export interface SyncQueue {
  /**
   * Finished ratings not yet acknowledged nor quarantined, in sequence order; with `afterSeq`, only
   * those after it (the next batch, read while the previous answer is still being applied).
   */
  pendingToSend(limit: number, afterSeq?: number): Promise<Rating[]>;
  settle(acknowledged: readonly string[], refused: readonly Refusal[], at: Date): Promise<void>;
  /** How many wait, and the oldest one's completion time, for the heartbeat. */
  pendingSummary(): Promise<{ count: number; oldestCompletedAt: string | null }>;
  /** The kiosk's count and what it still holds, for the server's completeness ledger. */
  sequenceReport(): Promise<SequenceReport>;
}
