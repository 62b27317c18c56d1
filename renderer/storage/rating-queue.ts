import Dexie from 'dexie';
import type { Finish, RatingStore } from '../../shared/flow/ports';
import { selectPrunable, pruneCutoff } from '../../shared/rating/prune';
import type { Rejection } from '../../shared/schema/api';
import { Answers, NewRating, QueuedRating, toRating, type QueueState, type Rating } from '../../shared/schema/rating';
import type { SyncQueue } from '../../shared/sync/ports';
import type { KioskDb } from './kiosk-db';

const EXPORTED_THROUGH = 'exportedThroughSeq';
const NEXT_SEQ = 'nextSeq';
// Answers are applied in small transactions: a citizen's tap (a strict write on the same store)
// waits behind at most one of them.
const SETTLE_CHUNK = 100;

const isQuotaError = (error: unknown): boolean => {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map(
    (e) => (e as { name?: string } | null)?.name,
  );
  return names.includes('QuotaExceededError');
};

export interface QueueOptions {
  now: () => Date;
  retentionDays: () => number;
  /** The same database opened with relaxed durability, for applying the server's answers. */
  settleDb?: KioskDb;
}

export type QueueCounts = Record<QueueState, number>;
export type QuarantinedRating = Extract<QueuedRating, { state: 'quarantined' }>;

/**
 * The kiosk's durable queue of ratings. Every write is one strict-durability transaction and is
 * validated against the shared schema first: nothing malformed is ever queued for the server.
 */
export class RatingQueue implements RatingStore, SyncQueue {
  private nextSeq: number | null = null;
  /** Pending records read for sending, until the server's answer about them is applied. */
  private readonly sending = new Map<string, QueuedRating>();

  constructor(
    private readonly db: KioskDb,
    private readonly options: QueueOptions,
  ) {}

  async open(rating: NewRating, finish: Finish | null): Promise<{ seq: number }> {
    const fields = NewRating.parse(rating);
    const attempt = () =>
      this.write(() =>
        this.db.transaction('rw', this.db.ratings, this.db.meta, async () => {
          // The counter lives apart from the records so pruning can never make a sequence number
          // repeat. It is cached to keep the tap path at one round trip; the unique seq index
          // catches a stale cache (another window wrote first) and the retry below rereads it.
          const seq = this.nextSeq ?? (((await this.db.meta.get(NEXT_SEQ))?.value as number | undefined) ?? 1);
          const entry = QueuedRating.parse(
            finish
              ? { ...fields, seq, state: 'pending', ...finish, syncedAt: null }
              : { ...fields, seq, state: 'open', completedAt: null, outcome: null, syncedAt: null },
          );
          await Promise.all([this.db.ratings.add(entry), this.db.meta.put({ key: NEXT_SEQ, value: seq + 1 })]);
          return seq;
        }),
      );
    try {
      const seq = await attempt().catch((error: unknown) => {
        this.nextSeq = null;
        if ((error as { name?: string }).name !== 'ConstraintError') throw error;
        return attempt();
      });
      this.nextSeq = seq + 1;
      return { seq };
    } catch (error) {
      this.nextSeq = null;
      throw error;
    }
  }

  async saveProgress(id: string, answers: Answers): Promise<void> {
    const parsed = Answers.parse(answers);
    await this.write(() =>
      this.db.ratings
        .where('id')
        .equals(id)
        .and((r) => r.state === 'open')
        .modify(parsed),
    );
  }

  async finalise(id: string, answers: Answers, finish: Finish): Promise<void> {
    const parsed = Answers.parse(answers);
    await this.write(() =>
      this.db.transaction('rw', this.db.ratings, async () => {
        const entry = await this.db.ratings.get(id);
        if (!entry) throw new Error(`rating ${id} is not in the queue`);
        if (entry.state !== 'open') return; // already final: finalising twice changes nothing
        await this.db.ratings.put(QueuedRating.parse({ ...entry, ...parsed, ...finish, state: 'pending' }));
      }),
    );
  }

  async finaliseInterrupted(completedAt: string): Promise<number> {
    return this.write(() =>
      this.db.ratings
        .where('[state+seq]')
        .between(['open', Dexie.minKey], ['open', Dexie.maxKey])
        .modify({ state: 'pending', outcome: 'interrupted', completedAt }),
    );
  }

  /** One rating per dossier: whether another rating here (kept for the retention period) has this code. */
  async dossierRecorded(code: string, exceptId: string): Promise<boolean> {
    return (await this.db.ratings.where('dossierCode').equals(code).filter((r) => r.id !== exceptId).count()) > 0;
  }

  /** Finished ratings the server has not acknowledged, in sequence order (after `afterSeq`). */
  pending(limit: number, afterSeq?: number): Promise<QueuedRating[]> {
    return this.db.ratings
      .where('[state+seq]')
      .between(['pending', afterSeq ?? Dexie.minKey], ['pending', Dexie.maxKey], afterSeq === undefined, true)
      .limit(limit)
      .toArray();
  }

  /** The server acknowledged these (accepted or duplicate): only now may they ever be pruned. */
  async markSynced(ids: readonly string[], syncedAt: Date): Promise<void> {
    const at = syncedAt.toISOString(); // UTC, so the pruning index sorts by instant
    await this.write(() =>
      this.db.ratings
        .where('id')
        .anyOf(ids as string[])
        .and((r) => r.state === 'pending')
        .modify({ state: 'synced', syncedAt: at }),
    );
  }

  /** Deletes acknowledged ratings older than the retention period, oldest first. */
  async prune(limit = 5000): Promise<number> {
    const now = this.options.now();
    const retentionDays = this.options.retentionDays();
    const cutoff = pruneCutoff(now, retentionDays).toISOString();
    return this.db.transaction('rw', this.db.ratings, async () => {
      const candidates = await this.db.ratings.where('syncedAt').below(cutoff).limit(limit).toArray();
      const doomed = selectPrunable(candidates, now, retentionDays, limit).map((r) => r.id);
      await this.db.ratings.bulkDelete(doomed);
      return doomed.length;
    });
  }

  async counts(): Promise<QueueCounts> {
    const count = (state: QueueState) =>
      this.db.ratings.where('[state+seq]').between([state, Dexie.minKey], [state, Dexie.maxKey]).count();
    const [open, pending, synced, quarantined] = await Promise.all([count('open'), count('pending'), count('synced'), count('quarantined')]);
    return { open, pending, synced, quarantined };
  }

  /** For sync: the next finished ratings to send, as the server expects them. */
  async unsynced(limit: number, afterSeq?: number): Promise<Rating[]> {
    // A new drain starts from what is on disk; within one, the records read are kept until their
    // answer is applied (at most two batches).
    if (afterSeq === undefined) this.sending.clear();
    const entries = await this.pending(limit, afterSeq);
    for (const entry of entries) this.sending.set(entry.id, entry);
    return entries.map(toRating);
  }

  /**
   * The server's answer, applied in one transaction: acknowledged ratings become synced, refused
   * ones are quarantined with the server's reason. Nothing is ever deleted here.
   */
  async settle(acknowledged: readonly string[], rejected: readonly Rejection[], at: Date): Promise<void> {
    const syncedAt = at.toISOString();
    const reasons = new Map(rejected.filter((r) => r.id !== null).map((r) => [r.id!, r]));
    const ids = [...acknowledged, ...reasons.keys()];
    if (ids.length === 0) return;
    // A separate connection with relaxed durability: losing a settle to a power cut only means
    // those ratings are sent again and come back `duplicate`. It keeps the write short, so a
    // citizen's tap never waits long behind a drain.
    const db = this.options.settleDb ?? this.db;
    for (let from = 0; from < ids.length; from += SETTLE_CHUNK) await this.settleChunk(db, ids.slice(from, from + SETTLE_CHUNK), reasons, syncedAt);
  }

  private async settleChunk(db: KioskDb, ids: string[], reasons: Map<string, Rejection>, syncedAt: string) {
    await this.write(() =>
      db.transaction('rw', db.ratings, async () => {
        // A pending record changes only here, and only one sender settles at a time (the sync lock),
        // so the records read for sending are still current: the transaction only writes.
        const missing = ids.filter((id) => !this.sending.has(id));
        const fetched = new Map((await db.ratings.bulkGet(missing)).filter((e) => e !== undefined).map((e) => [e.id, e]));
        const entries = ids.map((id) => this.sending.get(id) ?? fetched.get(id));
        const updated: QueuedRating[] = [];
        for (const entry of entries) {
          if (entry?.state !== 'pending') continue;
          const rejection = reasons.get(entry.id);
          updated.push(
            rejection
              ? QueuedRating.parse({
                  ...entry,
                  state: 'quarantined',
                  rejection: { code: rejection.code, message: rejection.message.slice(0, 500), at: syncedAt },
                })
              : { ...entry, state: 'synced', syncedAt },
          );
        }
        await db.ratings.bulkPut(updated);
      }),
    );
    for (const id of ids) this.sending.delete(id);
  }

  /** Ratings a citizen had started and not finished (to journal them once finalised as interrupted). */
  async openIds(): Promise<string[]> {
    return (await this.db.ratings.where('[state+seq]').between(['open', Dexie.minKey], ['open', Dexie.maxKey]).primaryKeys()) as string[];
  }

  /** One finished rating as the server (and the journal) sees it; null while it is still open. */
  async finished(id: string): Promise<Rating | null> {
    const entry = await this.db.ratings.get(id);
    return entry && entry.state !== 'open' ? toRating(entry) : null;
  }

  /** Ids the queue holds, and its next sequence number: what start-up reconciles the journal against. */
  async inventory(): Promise<{ ids: Set<string>; nextSeq: number }> {
    const [ids, next] = await Promise.all([this.db.ratings.toCollection().primaryKeys(), this.db.meta.get(NEXT_SEQ)]);
    return { ids: new Set(ids), nextSeq: (next?.value as number | undefined) ?? 1 };
  }

  /**
   * Puts back ratings the queue lost (IndexedDB wiped or reset) as pending, with their own ids and
   * sequence numbers, and moves the counter on; one transaction.
   */
  async restore(ratings: readonly Rating[], nextSeq: number): Promise<void> {
    const entries = ratings.map((r) => QueuedRating.parse({ ...r, state: 'pending', syncedAt: null }));
    await this.write(() =>
      this.db.transaction('rw', this.db.ratings, this.db.meta, async () => {
        const present = new Set((await this.db.ratings.bulkGet(entries.map((e) => e.id))).filter((e) => e).map((e) => e!.id));
        await this.db.ratings.bulkAdd(entries.filter((e) => !present.has(e.id)));
        const current = ((await this.db.meta.get(NEXT_SEQ))?.value as number | undefined) ?? 1;
        await this.db.meta.put({ key: NEXT_SEQ, value: Math.max(current, nextSeq) });
      }),
    );
    this.nextSeq = null;
  }

  async backlog(): Promise<{ pending: number; oldestCompletedAt: string | null }> {
    const [pending, oldest] = await Promise.all([
      this.db.ratings.where('[state+seq]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey]).count(),
      this.pending(1),
    ]);
    return { pending, oldestCompletedAt: oldest[0]?.completedAt ?? null };
  }

  /**
   * Everything finished that the server has not acknowledged (pending and quarantined), in sequence
   * order: what an export to a file must carry so that nothing is lost if the kiosk is wiped.
   */
  async notSynced(): Promise<Rating[]> {
    const inState = (state: QueueState) => this.db.ratings.where('[state+seq]').between([state, Dexie.minKey], [state, Dexie.maxKey]).toArray();
    const entries = [...(await inState('pending')), ...(await inState('quarantined'))].sort((a, b) => a.seq - b.seq);
    return entries.map(toRating);
  }

  /** Records that every rating up to `seq` is in an export file (sequence numbers only grow). */
  async markExported(seq: number): Promise<void> {
    await this.db.meta.put({ key: EXPORTED_THROUGH, value: seq });
  }

  /** Ratings neither acknowledged by the server nor in an export file: what wiping the kiosk would lose. */
  async unexported(): Promise<number> {
    const through = ((await this.db.meta.get(EXPORTED_THROUGH))?.value as number | undefined) ?? 0;
    const after = (state: QueueState) => this.db.ratings.where('[state+seq]').between([state, through], [state, Dexie.maxKey], false, true).count();
    const [open, pending, quarantined] = await Promise.all([after('open'), after('pending'), after('quarantined')]);
    return open + pending + quarantined;
  }

  /** Quarantined ratings with the server's reasons, for the technician's screen. */
  quarantined(): Promise<QuarantinedRating[]> {
    return this.db.ratings
      .where('[state+seq]')
      .between(['quarantined', Dexie.minKey], ['quarantined', Dexie.maxKey])
      .toArray() as Promise<QuarantinedRating[]>; // the index range holds only quarantined records
  }

  /** A full disk: free space by pruning what the server already has, then try once more. */
  private async write<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      const freed = await this.prune().catch(() => 0);
      if (freed === 0) throw error;
      return operation();
    }
  }
}
