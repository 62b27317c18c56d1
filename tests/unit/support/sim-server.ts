import type { Refusal } from '../../../shared/sync/ports';
import type { BatchResult, Heartbeat, RatingBatch, Rejection } from '../../../shared/contract/kiosk-api';
import type { KioskConfig } from '../../../shared/schema/kiosk-config';
import type { Rating } from '../../../shared/schema/rating';
import type { SequenceReport } from '../../../shared/schema/sequence';
import { seqRuns } from '../../../shared/rating/prune';
import type { ConfigOutcome, SendOutcome, SyncQueue, SyncTransport } from '../../../shared/sync/ports';
import type { Timer } from '../../../shared/sync/engine';

export type Fault =
  'none' | 'drop-request' | 'lose-response' | '500' | '503' | 'overloaded' | 'storage-full' | '429' | 'garbage' | 'timeout' | '401';

/**
 * A district server in memory, with the real server's rules (id = idempotency key, poison rejected
 * one by one), behind a transport that can fail the way networks do.
 */
export class SimulatedServer implements SyncTransport {
  stored = new Map<string, string>();
  inserts = 0;
  poison = new Set<string>();
  faults: Fault[] = [];
  serverClockAheadMs = 0;
  requests = 0;
  /** A rating that makes the whole batch holding it fail (a 500 from a bug, a proxy's 400). */
  wedging = new Map<string, { status: number; errorCode: string | null }>();
  /** Fails every batch (the server itself is broken), while set. */
  down = false;
  /** A proxy's body limit, in ratings: larger batches get 413. */
  maxRatings = Number.POSITIVE_INFINITY;

  heartbeats: Heartbeat[] = [];
  config: { config: KioskConfig; etag: string } | null = null;
  configPulls: (string | null)[] = [];

  constructor(private readonly now: () => Date) {}

  async fetchConfig(etag: string | null): Promise<ConfigOutcome> {
    this.configPulls.push(etag);
    if (!this.config) return { kind: 'failed' };
    return etag === this.config.etag ? { kind: 'unchanged' } : { kind: 'config', ...this.config };
  }

  async sendHeartbeat(heartbeat: Heartbeat) {
    this.heartbeats.push(heartbeat);
    return true;
  }

  async sendBatch(batch: RatingBatch): Promise<SendOutcome> {
    this.requests++;
    const fault = this.faults.shift() ?? 'none';
    const answer = (status: number, errorCode: string | null): SendOutcome => ({
      kind: 'answer',
      status,
      result: null,
      retryAfterMs: null,
      errorCode,
    });
    if (this.down) return answer(500, 'internal');
    if (batch.ratings.length > this.maxRatings) return answer(413, null);
    const wedge = (batch.ratings as Rating[]).map((r) => this.wedging.get(r.id)).find((w) => w !== undefined);
    if (wedge) return answer(wedge.status, wedge.errorCode);
    if (fault === 'drop-request') return { kind: 'network', message: 'connection reset' };
    if (fault === 'timeout') return { kind: 'timeout' };
    if (fault === '500' || fault === '503')
      return { kind: 'answer', status: Number(fault), result: null, retryAfterMs: null, errorCode: null };
    if (fault === '429') return { kind: 'answer', status: 429, result: null, retryAfterMs: 30_000, errorCode: 'rate_limited' };
    // The real server's admission control and a full disk: nothing stored, the batch to be sent again.
    if (fault === 'overloaded') return { kind: 'answer', status: 503, result: null, retryAfterMs: 3_000, errorCode: 'overloaded' };
    if (fault === 'storage-full') return { kind: 'answer', status: 507, result: null, retryAfterMs: null, errorCode: 'storage_full' };
    if (fault === '401') return { kind: 'answer', status: 401, result: null, retryAfterMs: null, errorCode: 'revoked_token' };
    const result = this.ingest(batch);
    if (fault === 'lose-response') return { kind: 'network', message: 'connection closed after the commit' };
    if (fault === 'garbage') return { kind: 'answer', status: 200, result: null, retryAfterMs: null, errorCode: null };
    return { kind: 'answer', status: 200, result, retryAfterMs: null, errorCode: null };
  }

  private ingest(batch: RatingBatch): BatchResult {
    const accepted: string[] = [];
    const duplicate: string[] = [];
    const rejected: Rejection[] = [];
    (batch.ratings as Rating[]).forEach((rating, index) => {
      if (this.poison.has(rating.id)) return rejected.push({ index, id: rating.id, code: 'invalid', message: 'poisoned' });
      const content = JSON.stringify(rating);
      const existing = this.stored.get(rating.id);
      if (existing === undefined) {
        this.stored.set(rating.id, content);
        this.inserts++;
        accepted.push(rating.id);
      } else if (existing === content) duplicate.push(rating.id);
      else rejected.push({ index, id: rating.id, code: 'id_conflict', message: 'conflict' });
    });
    const serverTime = new Date(this.now().getTime() + this.serverClockAheadMs).toISOString();
    return { batchId: batch.batchId, accepted, duplicate, rejected, serverTime };
  }
}

/** The kiosk's queue in memory. */
export class MemoryQueue implements SyncQueue {
  synced = new Set<string>();
  quarantined = new Map<string, Refusal>();
  settles = 0;
  constructor(public ratings: Rating[]) {}
  async pendingToSend(limit: number, afterSeq = 0) {
    return this.ratings.filter((r) => r.seq > afterSeq && !this.synced.has(r.id) && !this.quarantined.has(r.id)).slice(0, limit);
  }
  async pendingSummary() {
    const left = await this.pendingToSend(Number.POSITIVE_INFINITY);
    return { count: left.length, oldestCompletedAt: left[0]?.completedAt ?? null };
  }
  /** One incarnation from 1; every rating not acknowledged is held (quarantined ones set aside). */
  readonly incarnation = { id: '00000000-0000-4000-8000-000000000001', firstSeq: 1, startedAt: '2026-11-22T10:00:00.000+07:00' };
  async sequenceReport(): Promise<SequenceReport> {
    const held = this.ratings.filter((r) => !this.synced.has(r.id));
    const runs = (setAside: boolean) =>
      seqRuns(held.filter((r) => this.quarantined.has(r.id) === setAside).map((r) => r.seq)).map(([first, last]) => ({
        incarnation: this.incarnation.id,
        first,
        last,
        setAside,
      }));
    return {
      incarnation: this.incarnation,
      highestSeq: this.ratings.reduce((max, r) => Math.max(max, r.seq), 0),
      held: [...runs(false), ...runs(true)],
    };
  }
  async settle(acknowledged: readonly string[], rejected: readonly Refusal[], _at?: Date) {
    this.settles++;
    for (const id of acknowledged) this.synced.add(id);
    for (const r of rejected) this.quarantined.set(r.id!, r);
  }
}

/** Virtual time: timers fire only when the test advances the clock. */
export class VirtualClock {
  time = Date.parse('2026-11-22T03:00:00Z');
  private timers: { at: number; run: () => void; live: boolean }[] = [];
  now = () => new Date(this.time);
  setTimer = (run: () => void, ms: number): Timer => {
    const timer = { at: this.time + ms, run, live: true };
    this.timers.push(timer);
    return { cancel: () => (timer.live = false) };
  };
  pending() {
    return this.timers.filter((t) => t.live).length;
  }
  /** Runs every timer due by now + ms, in order, letting promises settle between them. */
  async advance(ms: number) {
    const until = this.time + ms;
    await settle();
    for (;;) {
      const next = this.timers.filter((t) => t.live && t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.time = Math.max(this.time, next.at);
      next.live = false;
      next.run();
      await settle();
    }
    this.time = until;
    await settle();
  }
}

/** Lets pending promise chains (the engine's awaits) run to their next real wait. */
async function settle() {
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < 20; i++) await Promise.resolve();
    await new Promise((r) => setImmediate(r));
  }
}
