import { MAX_BATCH_RATINGS } from '../contract/kiosk-api';
import type { KioskConfig } from '../schema/kiosk-config';
import type { BatchTiming, SyncState } from '../schema/sync-state';
import type { Rating } from '../schema/rating';
import { toIsoWithOffset } from '../time';
import { fitBatch, MAX_BATCH_BYTES, retryDelay, SPLIT_AFTER_REFUSALS, verdictForStatus, wholeBatchRefusal } from './policy';
import type { SendOutcome, SyncQueue, SyncTransport } from './ports';

export type Timer = { cancel(): void };

export interface SyncDeps {
  kioskId: string;
  queue: SyncQueue;
  transport: SyncTransport;
  now: () => Date;
  newBatchId: () => string;
  random: () => number;
  setTimer: (run: () => void, ms: number) => Timer;
  /** One sender across windows and reloads (Web Locks); resolves null when another holds it. */
  withLock: <T>(work: () => Promise<T>) => Promise<T | null>;
  requestTimeoutMs?: number;
  /** Pause after a rating before sending, so a burst of ratings goes in one batch. */
  debounceMs?: number;
  /** How often to try anyway (a kiosk may miss the online event). */
  intervalMs?: number;
  onChange?: (state: SyncState) => void;
  /** A configuration the server changed: the kiosk keeps it and applies it at the next start screen. */
  onConfig?: (config: KioskConfig) => void;
  appVersion: string;
  /** Where each batch's time went (read from the queue, the exchange, settling), for benchmarks. */
  onBatch?: (timing: BatchTiming) => void;
  /**
   * The platform knows there is no network at all (navigator.onLine false): an attempt would only
   * read the queue for nothing. The `online` event (or a technician) starts sync again.
   */
  isOffline?: () => boolean;
  /** Storage use and quota, where the platform tells (navigator.storage.estimate). */
  storageEstimate?: () => Promise<{ usage: number | null; quota: number | null }>;
}

export type { SyncState } from '../schema/sync-state';

/** What the kiosk app asks of sync, wherever the engine runs (a worker, or the page itself). */
export interface SyncControl {
  readonly snapshot: SyncState;
  /** A new rating was stored: send soon. */
  ratingStored(): void;
  syncNow(reason: 'manual' | 'online'): Promise<void>;
  /** A citizen's tap is being written: sync waits for it before starting anything new. */
  yieldTo(write: Promise<unknown>): void;
}

const jsonBytes = (value: Rating | readonly Rating[]) => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * Sends finished ratings to the district server in sequence order, one batch at a time, until the
 * queue is empty or the server cannot be reached. Every rating keeps its id, so any batch can be
 * sent again safely; only the server's answer marks ratings synced or quarantined.
 */
export class SyncEngine implements SyncControl {
  private state: SyncState = {
    status: 'idle',
    attempt: 0,
    nextAttemptAt: null,
    lastError: null,
    lastSyncAt: null,
    clockOffsetMs: null,
    sentTotal: 0,
    quarantinedTotal: 0,
    stoppedBy: null,
  };
  private running: Promise<void> | null = null;
  private retryTimer: Timer | null = null;
  private debounceTimer: Timer | null = null;
  private intervalTimer: Timer | null = null;
  private configEtag: string | null = null;
  /** Settles when no citizen's write is under way: new sync work waits for it. */
  private citizen: Promise<void> = Promise.resolve();
  private citizenWrites = 0;
  /** The largest batch the way to the server takes (a proxy's 413 halves it). */
  private batchLimit = MAX_BATCH_RATINGS;
  /** The batch the server keeps refusing as a whole (its first rating and the answer), and how often. */
  private refusals: { firstSeq: number; status: number; times: number } | null = null;

  constructor(private readonly deps: SyncDeps) {}

  get snapshot(): SyncState {
    return { ...this.state };
  }

  /** Starts the periodic attempt and an immediate one. */
  start() {
    const every = this.deps.intervalMs ?? 60_000;
    const tick = () => {
      this.intervalTimer = this.deps.setTimer(tick, every);
      void this.syncNow('timer');
    };
    this.intervalTimer = this.deps.setTimer(tick, every);
    void this.syncNow('start');
  }

  stop() {
    for (const timer of [this.retryTimer, this.debounceTimer, this.intervalTimer]) timer?.cancel();
    this.retryTimer = this.debounceTimer = this.intervalTimer = null;
  }

  /** A new rating was stored: send soon, together with any that follow it quickly. */
  ratingStored() {
    if (this.state.status === 'waiting' || this.state.status === 'stopped') return;
    this.debounceTimer?.cancel();
    this.debounceTimer = this.deps.setTimer(() => void this.syncNow('rating'), this.deps.debounceMs ?? 2_000);
  }

  /**
   * A citizen's tap is being written: start no new sync work (no read, no send, no answer applied)
   * until it is durable, so the kiosk's page and IndexedDB serve the citizen first. Work already
   * under way goes on. Capped, so a write that never settles cannot stall sync.
   */
  yieldTo(write: Promise<unknown>, capMs = 1_000) {
    this.citizenWrites++;
    const done = new Promise<void>((resolve) => {
      const release = () => {
        timer.cancel();
        resolve();
      };
      const timer = this.deps.setTimer(release, capMs);
      void write.then(release, release);
    }).then(() => void this.citizenWrites--);
    this.citizen = Promise.all([this.citizen, done]).then(() => undefined);
  }

  /** Waits for the citizen's writes under way, if any (none: goes on at once). */
  private async citizenFirst() {
    while (this.citizenWrites > 0) await this.citizen;
  }

  /**
   * Try now: the network came back, the timer fired, or a technician pressed "Đồng bộ ngay". A
   * technician's request and a returning network also cut a backoff short, and restart after a stop.
   */
  syncNow(reason: 'start' | 'timer' | 'rating' | 'online' | 'manual'): Promise<void> {
    if (this.state.status === 'waiting' && reason !== 'online' && reason !== 'manual') return Promise.resolve();
    if (this.state.status === 'stopped' && reason !== 'manual') return Promise.resolve();
    this.retryTimer?.cancel();
    if (!this.running && reason !== 'manual' && this.deps.isOffline?.()) {
      this.backOff('network: offline', null);
      return Promise.resolve();
    }
    this.running ??= this.deps
      .withLock(() => this.drain())
      .then(() => undefined)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private update(patch: Partial<SyncState>) {
    this.state = { ...this.state, ...patch };
    this.deps.onChange?.(this.snapshot);
  }

  /**
   * Sends batches until the queue is empty or an exchange fails. Pipelined: the next batch (the
   * ratings after this one in sequence order) is read while this one travels, and is sent while this
   * one's answer is applied to the queue, so the kiosk's storage and the network work at the same
   * time. Still one batch in flight, and answers are applied in order.
   */
  private async drain(): Promise<void> {
    this.update({ status: 'sending', nextAttemptAt: null, stoppedBy: null });
    let settling: Promise<void> = Promise.resolve();
    // The answers before the latest one: applied before the next send, so sending never runs more
    // than one answer ahead of the queue.
    let behind: Promise<void> = settling;
    let settleFailure: unknown = null;
    const settled = async () => {
      await settling;
      if (settleFailure !== null) throw settleFailure;
    };
    try {
      let readStart = this.deps.now().getTime();
      let candidates = await this.deps.queue.pendingToSend(this.batchLimit);
      for (;;) {
        if (settleFailure !== null) throw settleFailure;
        if (candidates.length === 0) {
          await settled();
          this.update({ status: 'idle', attempt: 0, lastError: null });
          return await this.afterSync();
        }
        await behind;
        await this.citizenFirst();
        if (settleFailure !== null) throw settleFailure;
        // Usually the whole read fits: measured at once rather than rating by rating.
        const ratings =
          candidates.length <= this.batchLimit && jsonBytes(candidates) <= MAX_BATCH_BYTES
            ? candidates
            : fitBatch(candidates, this.batchLimit, MAX_BATCH_BYTES, jsonBytes);
        // The next batch is read while this one travels (storage and network work at once).
        const next = this.deps.queue.pendingToSend(this.batchLimit, ratings.at(-1)!.seq);
        next.catch(() => undefined); // awaited below; a failure there is handled there
        const sentAt = this.deps.now();
        const outcome = await this.deps.transport.sendBatch(
          { batchId: this.deps.newBatchId(), kioskId: this.deps.kioskId, sentAt: toIsoWithOffset(sentAt), ratings },
          this.deps.requestTimeoutMs ?? 30_000,
        );
        const answeredAt = this.deps.now();

        if (outcome.kind !== 'answer') {
          await settled();
          const error = outcome.kind === 'timeout' ? 'timeout' : `${outcome.certificate ? 'certificate' : 'network'}: ${outcome.message}`;
          return this.backOff(error, null);
        }
        const refusal = wholeBatchRefusal(outcome.status, outcome.errorCode);
        if (refusal !== null) {
          await settled();
          const again = this.refusals?.firstSeq === ratings[0]!.seq && this.refusals.status === outcome.status;
          this.refusals = { firstSeq: ratings[0]!.seq, status: outcome.status, times: again ? this.refusals!.times + 1 : 1 };
          if (refusal === 'too-large' && ratings.length > 1) {
            this.batchLimit = Math.max(1, Math.floor(ratings.length / 2));
            this.refusals = null;
            candidates = await this.deps.queue.pendingToSend(this.batchLimit);
            continue;
          }
          if (refusal === 'content' || this.refusals.times >= SPLIT_AFTER_REFUSALS) {
            this.refusals = null;
            if (await this.isolate(ratings)) {
              candidates = await this.deps.queue.pendingToSend(this.batchLimit);
              continue;
            }
          }
          if (verdictForStatus(outcome.status) === 'retry') return this.backOff(`HTTP ${outcome.status}`, outcome.retryAfterMs);
        }
        const verdict = verdictForStatus(outcome.status);
        if (verdict === 'stop') {
          await settled();
          return this.update({
            status: 'stopped',
            lastError: `HTTP ${outcome.status}${outcome.errorCode ? ` ${outcome.errorCode}` : ''}`,
            stoppedBy: { status: outcome.status, code: outcome.errorCode },
          });
        }
        if (verdict === 'retry' || !outcome.result) {
          await settled();
          return this.backOff(
            outcome.result ? `HTTP ${outcome.status}` : `unreadable answer (HTTP ${outcome.status})`,
            outcome.retryAfterMs,
          );
        }
        // Only ids of this batch count: an answer is never trusted to settle ratings it was not sent.
        const result = outcome.result;
        const sent = new Set(ratings.map((r) => r.id));
        const acknowledged = [...result.accepted, ...result.duplicate].filter((id) => sent.has(id));
        const rejected = result.rejected.filter((r) => r.id !== null && sent.has(r.id));
        if (acknowledged.length + rejected.length === 0) {
          await settled();
          return this.backOff('the answer settled none of the batch', null);
        }
        const readMs = sentAt.getTime() - readStart;
        behind = settling;
        settling = settling
          .then(async () => {
            await this.citizenFirst();
            await this.deps.queue.settle(acknowledged, rejected, answeredAt);
          })
          .then(() => {
            this.deps.onBatch?.({
              ratings: ratings.length,
              readMs,
              sendMs: answeredAt.getTime() - sentAt.getTime(),
              settleMs: this.deps.now().getTime() - answeredAt.getTime(),
            });
            const midpoint = (sentAt.getTime() + answeredAt.getTime()) / 2;
            this.update({
              attempt: 0,
              lastError: null,
              lastSyncAt: answeredAt.toISOString(),
              clockOffsetMs: Math.round(Date.parse(result.serverTime) - midpoint),
              sentTotal: this.state.sentTotal + acknowledged.length,
              quarantinedTotal: this.state.quarantinedTotal + rejected.length,
            });
          })
          .catch((error: unknown) => {
            settleFailure ??= error;
          });
        readStart = this.deps.now().getTime();
        if (acknowledged.length + rejected.length === ratings.length) {
          candidates = await next;
        } else {
          // An answer that left some of the batch unsettled: start again from the oldest, in order.
          await settled();
          candidates = await this.deps.queue.pendingToSend(MAX_BATCH_RATINGS);
        }
      }
    } catch (error) {
      // The kiosk's own storage failed (a full disk, a closing database): nothing is marked that the
      // server did not take, so try again later.
      await settling;
      return this.backOff(`storage: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300), null);
    }
  }

  /**
   * A batch the server refuses as a whole, again and again: find the ratings that cause it by
   * sending halves, set those aside as quarantined with the server's answer, and let the rest
   * through. A rating is set aside only after a rating the server took during the search is sent
   * again and comes back taken (duplicate): proof the server works and refuses this rating. If no
   * such proof can be had, the server itself may be failing: false, and sync backs off as usual,
   * with nothing set aside.
   */
  private async isolate(ratings: readonly Rating[]): Promise<boolean> {
    return (await this.search(ratings, { probe: null })) === 'done';
  }

  private async search(suspects: readonly Rating[], seen: { probe: Rating | null }): Promise<'done' | 'unknown'> {
    const serverWorks = async () => seen.probe !== null && (await this.sendAlone([seen.probe])).kind === 'taken';
    if (suspects.length === 1) {
      const alone = await this.sendAlone(suspects);
      if (alone.kind === 'taken') {
        seen.probe ??= suspects[0]!;
        return 'done';
      }
      if (alone.kind === 'failed' || !(await serverWorks())) return 'unknown';
      await this.citizenFirst();
      const answer = `HTTP ${alone.status}${alone.code ? ` ${alone.code}` : ''}`;
      const message = `The server refused every batch holding this rating (${answer}) while it took others.`;
      await this.deps.queue.settle([], [{ id: suspects[0]!.id, code: 'batch_refused', message }], this.deps.now());
      this.update({ quarantinedTotal: this.state.quarantinedTotal + 1 });
      return 'done';
    }
    const left = suspects.slice(0, Math.ceil(suspects.length / 2));
    const right = suspects.slice(left.length);
    const first = await this.sendAlone(left);
    if (first.kind === 'failed') return 'unknown';
    if (first.kind === 'taken') {
      seen.probe ??= left[0]!;
      return this.search(right, seen);
    }
    const second = await this.sendAlone(right);
    if (second.kind === 'failed') return 'unknown';
    if (second.kind === 'taken') {
      seen.probe ??= right[0]!;
      return this.search(left, seen);
    }
    // Both halves refused: a rating in each, or a server refusing everything. A rating it took
    // earlier, refused now, says the server is failing; otherwise look deeper (nothing is set aside
    // there without a probe that proves the server works).
    if (seen.probe !== null && !(await serverWorks())) return 'unknown';
    if ((await this.search(left, seen)) === 'unknown') return 'unknown';
    return this.search(right, seen);
  }

  /** One batch sent and its answer applied on its own, while looking for a refused rating. */
  private async sendAlone(
    ratings: readonly Rating[],
  ): Promise<{ kind: 'taken' } | { kind: 'refused'; status: number; code: string | null } | { kind: 'failed' }> {
    await this.citizenFirst();
    const sentAt = this.deps.now();
    const outcome: SendOutcome = await this.deps.transport.sendBatch(
      { batchId: this.deps.newBatchId(), kioskId: this.deps.kioskId, sentAt: toIsoWithOffset(sentAt), ratings: [...ratings] },
      this.deps.requestTimeoutMs ?? 30_000,
    );
    if (outcome.kind !== 'answer') return { kind: 'failed' };
    if (wholeBatchRefusal(outcome.status, outcome.errorCode) !== null)
      return { kind: 'refused', status: outcome.status, code: outcome.errorCode };
    if (verdictForStatus(outcome.status) !== 'ack' || !outcome.result) return { kind: 'failed' };
    const sent = new Set(ratings.map((r) => r.id));
    const acknowledged = [...outcome.result.accepted, ...outcome.result.duplicate].filter((id) => sent.has(id));
    const rejected = outcome.result.rejected.filter((r) => r.id !== null && sent.has(r.id));
    if (acknowledged.length + rejected.length === 0) return { kind: 'failed' };
    await this.citizenFirst();
    await this.deps.queue.settle(acknowledged, rejected, this.deps.now());
    this.update({
      lastSyncAt: this.deps.now().toISOString(),
      sentTotal: this.state.sentTotal + acknowledged.length,
      quarantinedTotal: this.state.quarantinedTotal + rejected.length,
    });
    return { kind: 'taken' };
  }

  /** After every sync that reached the server: pull the configuration (ETag) and report health. */
  private async afterSync() {
    const timeout = this.deps.requestTimeoutMs ?? 30_000;
    const pulled = await this.deps.transport.fetchConfig(this.configEtag, timeout);
    if (pulled.kind === 'config') {
      this.configEtag = pulled.etag;
      this.deps.onConfig?.(pulled.config);
    }
    await this.sendHeartbeat();
  }

  /** Queue depth, oldest pending age, version, last error, storage use and the count, for the fleet page. */
  async sendHeartbeat(): Promise<boolean> {
    const now = this.deps.now();
    const [pending, sequence] = await Promise.all([
      this.deps.queue.pendingSummary(),
      // A count the queue cannot read is left out: the heartbeat still says the kiosk is alive.
      this.deps.queue.sequenceReport().catch(() => undefined),
    ]);
    const storage = (await this.deps.storageEstimate?.().catch(() => null)) ?? { usage: null, quota: null };
    return this.deps.transport.sendHeartbeat(
      {
        kioskId: this.deps.kioskId,
        sentAt: toIsoWithOffset(now),
        queueDepth: pending.count,
        oldestPendingAgeSeconds: pending.oldestCompletedAt
          ? Math.max(0, Math.round((now.getTime() - Date.parse(pending.oldestCompletedAt)) / 1000))
          : null,
        appVersion: this.deps.appVersion.slice(0, 40),
        lastError: this.state.lastError?.slice(0, 500) ?? null,
        storageUsedBytes: storage.usage === null ? null : Math.round(storage.usage),
        storageQuotaBytes: storage.quota === null ? null : Math.round(storage.quota),
        ...(sequence && { sequence }),
      },
      this.deps.requestTimeoutMs ?? 30_000,
    );
  }

  private backOff(error: string, retryAfterMs: number | null) {
    const delay = retryDelay(this.state.attempt, this.deps.random, retryAfterMs);
    this.retryTimer = this.deps.setTimer(() => {
      this.update({ status: 'idle' });
      void this.syncNow('timer');
    }, delay);
    this.update({
      status: 'waiting',
      attempt: this.state.attempt + 1,
      lastError: error,
      nextAttemptAt: new Date(this.deps.now().getTime() + delay).toISOString(),
    });
  }
}
