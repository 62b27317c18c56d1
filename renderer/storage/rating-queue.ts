import Dexie from 'dexie';
import type { Finish, RatingStore } from '../../shared/flow/ports';
import { pruneCutoff, selectPrunable, seqRuns } from '../../shared/rating/prune';
import { Answers, NewRating, QueuedRating, Rating, toRating, withoutLocalFields, type QueueState } from '../../shared/schema/rating';
import { storableText } from '../../shared/schema/common';
import { Incarnation, MAX_HELD_RUNS, type HeldRun, type SequenceReport } from '../../shared/schema/sequence';
import { toIsoWithOffset } from '../../shared/time';
import type { Refusal, SyncQueue } from '../../shared/sync/ports';
import type { KioskDb } from './kiosk-db';

const EXPORTED_THROUGH = 'exportedThroughSeq';
const NEXT_SEQ = 'nextSeq';
const INCARNATION = 'incarnation';

const isQuotaError = (error: unknown): boolean => {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map((e) => (e as { name?: string } | null)?.name);
  return names.includes('QuotaExceededError');
};

export interface QueueOptions {
  now: () => Date;
  retentionDays: () => number;
  /** The same database opened with relaxed durability, for applying the server's answers. */
  settleDb?: KioskDb;
  /** Makes an incarnation's id (crypto.randomUUID unless a test fixes it). */
  newId?: () => string;
}

export type QueueCounts = Record<QueueState, number>;
export type QuarantinedRating = Extract<QueuedRating, { state: 'quarantined' }>;

/**
 * The kiosk's durable queue of ratings. Every write is one strict-durability transaction and is
 * validated against the shared schema first: nothing malformed is ever queued for the server.
 * A finished rating's copy, as the server expects it, waits in the outbox until the server
 * acknowledges or refuses it; the rating itself is not rewritten for that.
 */
export class RatingQueue implements RatingStore, SyncQueue {
  private nextSeq: number | null = null;
  private incarnationId: string | null = null;
  /** Sequence numbers of the ratings read for sending, until the server's answer about them is applied. */
  private readonly sending = new Map<string, number>();

  constructor(
    private readonly db: KioskDb,
    private readonly options: QueueOptions,
  ) {}

  async open(rating: NewRating, finish: Finish | null): Promise<{ seq: number; incarnation: string }> {
    const fields = NewRating.parse(rating);
    // The outbox only joins the transaction when the rating is finished at once: a first tap's write
    // never waits behind the sync engine applying an answer there.
    const tables = finish ? [this.db.ratings, this.db.meta, this.db.outbox] : [this.db.ratings, this.db.meta];
    const attempt = () =>
      this.write(() =>
        this.db.transaction('rw', tables, async () => {
          // The counter lives apart from the records so pruning can never make a sequence number
          // repeat. It is cached to keep the tap path at one round trip; the unique seq index
          // catches a stale cache (another window wrote first) and the retry below rereads it.
          const seq = this.nextSeq ?? ((await this.db.meta.get(NEXT_SEQ))?.value as number | undefined) ?? 1;
          const incarnation = this.incarnationId ?? (await this.incarnationIn(seq)).id;
          const numbered = { ...fields, seq, incarnation };
          const entry = QueuedRating.parse(
            finish ? { ...numbered, state: 'finished', ...finish } : { ...numbered, state: 'open', completedAt: null, outcome: null },
          );
          await Promise.all([
            this.db.ratings.add(entry),
            this.db.meta.put({ key: NEXT_SEQ, value: seq + 1 }),
            entry.state === 'finished' ? this.db.outbox.add(withoutLocalFields(entry)) : null,
          ]);
          return { seq, incarnation };
        }),
      );
    try {
      const { seq, incarnation } = await attempt().catch((error: unknown) => {
        this.nextSeq = null;
        this.incarnationId = null;
        if ((error as { name?: string }).name !== 'ConstraintError') throw error;
        return attempt();
      });
      this.nextSeq = seq + 1;
      this.incarnationId = incarnation;
      return { seq, incarnation };
    } catch (error) {
      this.nextSeq = null;
      this.incarnationId = null;
      throw error;
    }
  }

  /**
   * This database's incarnation, made the first time it is asked for (inside a transaction holding
   * `meta`): a new database's count starts at 1; one made before incarnations existed goes on from
   * where its count stands.
   */
  private async incarnationIn(nextSeq: number): Promise<Incarnation> {
    const stored = Incarnation.safeParse((await this.db.meta.get(INCARNATION))?.value);
    if (stored.success) return stored.data;
    const made: Incarnation = {
      id: (this.options.newId ?? (() => crypto.randomUUID()))(),
      firstSeq: nextSeq,
      startedAt: toIsoWithOffset(this.options.now()),
    };
    await this.db.meta.put({ key: INCARNATION, value: made });
    return made;
  }

  /** The incarnation ratings are numbered in now (made if this database has none yet). */
  async incarnation(): Promise<Incarnation> {
    return this.db.transaction('rw', this.db.meta, async () =>
      this.incarnationIn(((await this.db.meta.get(NEXT_SEQ))?.value as number | undefined) ?? 1),
    );
  }

  /**
   * Start-up in a shell that keeps the kiosk's incarnations (Electron's main process): it is told
   * the one this database holds (none after a wipe) and where the count stands, and answers the
   * incarnation to number in from now on. Runs before any citizen can tap.
   */
  async settleIncarnation(decide: (current: Incarnation | null, nextSeq: number) => Promise<Incarnation>): Promise<Incarnation> {
    const [stored, next] = await Promise.all([this.db.meta.get(INCARNATION), this.db.meta.get(NEXT_SEQ)]);
    const current = Incarnation.safeParse(stored?.value);
    const decided = Incarnation.parse(await decide(current.success ? current.data : null, (next?.value as number | undefined) ?? 1));
    if (!current.success || current.data.id !== decided.id) await this.db.meta.put({ key: INCARNATION, value: decided });
    this.incarnationId = null;
    return decided;
  }

  /**
   * What the heartbeat tells the server of this kiosk's count: the incarnation, the highest number
   * given out, and every number still held here (open, waiting or set aside), by incarnation. Reads
   * keys only, except for the few held ratings numbered before this incarnation began.
   */
  async sequenceReport(): Promise<SequenceReport> {
    const incarnation = await this.incarnation();
    const [next, waitingSeqs, openKeys, asideKeys] = await Promise.all([
      this.db.meta.get(NEXT_SEQ),
      this.db.outbox.toCollection().primaryKeys() as Promise<number[]>,
      this.inState('open').keys() as Promise<unknown[]>,
      this.inState('quarantined').keys() as Promise<unknown[]>,
    ]);
    const seqOfKey = (key: unknown) => (key as [string, number])[1];
    const unsent = [...waitingSeqs, ...openKeys.map(seqOfKey)];
    const aside = asideKeys.map(seqOfKey);
    // Numbers below this incarnation's first came back from the journal (or predate incarnations).
    const older = [...unsent, ...aside].filter((seq) => seq < incarnation.firstSeq);
    const incarnationOf = new Map<number, string>();
    if (older.length > 0) {
      for (const r of await this.db.ratings.where('seq').anyOf(older).toArray()) incarnationOf.set(r.seq, r.incarnation ?? '');
    }
    const runsOf = (seqs: number[], setAside: boolean): HeldRun[] => {
      const byIncarnation = new Map<string, number[]>();
      for (const seq of seqs) {
        const key = seq >= incarnation.firstSeq ? incarnation.id : (incarnationOf.get(seq) ?? '');
        const list = byIncarnation.get(key);
        if (list) list.push(seq);
        else byIncarnation.set(key, [seq]);
      }
      return [...byIncarnation].flatMap(([key, list]) =>
        seqRuns(list).map(([first, last]) => ({ incarnation: key, first, last, setAside })),
      );
    };
    const nextSeq = (next?.value as number | undefined) ?? 1;
    return {
      incarnation,
      highestSeq: Math.max(incarnation.firstSeq, nextSeq) - 1,
      held: [...runsOf(unsent, false), ...runsOf(aside, true)].slice(0, MAX_HELD_RUNS),
    };
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
      this.db.transaction('rw', this.db.ratings, this.db.outbox, async () => {
        const entry = await this.db.ratings.get(id);
        if (!entry) throw new Error(`rating ${id} is not in the queue`);
        if (entry.state !== 'open') return; // already final: finalising twice changes nothing
        const finished = QueuedRating.parse({ ...entry, ...parsed, ...finish, state: 'finished' });
        await this.db.ratings.put(finished);
        await this.db.outbox.add(withoutLocalFields(finished));
      }),
    );
  }

  async finaliseInterrupted(completedAt: string): Promise<number> {
    return this.write(() =>
      this.db.transaction('rw', this.db.ratings, this.db.outbox, async () => {
        const open = await this.inState('open').toArray();
        const finished = open.map((entry) => QueuedRating.parse({ ...entry, state: 'finished', outcome: 'interrupted', completedAt }));
        await this.db.ratings.bulkPut(finished);
        await this.db.outbox.bulkAdd(finished.map(withoutLocalFields));
        return finished.length;
      }),
    );
  }

  /** One rating per dossier: whether another rating here (kept for the retention period) has this code. */
  async dossierRecorded(code: string, exceptId: string): Promise<boolean> {
    return (
      (await this.db.ratings
        .where('dossierCode')
        .equals(code)
        .filter((r) => r.id !== exceptId)
        .count()) > 0
    );
  }

  private inState(state: QueuedRating['state'], afterSeq: number = Dexie.minKey as number) {
    return this.db.ratings.where('[state+seq]').between([state, afterSeq], [state, Dexie.maxKey], false, true);
  }

  private waiting(afterSeq?: number) {
    return afterSeq === undefined ? this.db.outbox.toCollection() : this.db.outbox.where('seq').above(afterSeq);
  }

  /**
   * Finished ratings the server has neither acknowledged nor refused, in sequence order (after
   * `afterSeq`), as the server expects them. Read from the outbox alone: a drain never holds up a
   * citizen's write to the ratings. Checked against the shared schema, as anything read from storage.
   */
  async pending(limit?: number, afterSeq?: number): Promise<Rating[]> {
    const waiting = this.waiting(afterSeq);
    const entries = await (limit === undefined ? waiting : waiting.limit(limit)).toArray();
    const ratings: Rating[] = [];
    const unreadable: Rating[] = [];
    for (const entry of entries) {
      const parsed = Rating.safeParse(entry);
      if (parsed.success) ratings.push(parsed.data);
      else unreadable.push(entry);
    }
    // One record that no longer fits the schema (written by an older version, or damaged) must not
    // stop every read after it: it is set aside, kept, and the rest go on.
    if (unreadable.length > 0) await this.quarantineUnreadable(unreadable);
    return ratings;
  }

  private async quarantineUnreadable(entries: readonly Rating[]) {
    const rejection = {
      code: 'unreadable',
      message: 'The stored copy no longer fits the rating schema: kept on the kiosk, not sent.',
      at: this.options.now().toISOString(),
    };
    await this.write(() =>
      this.db.transaction('rw', this.db.ratings, this.db.outbox, async () => {
        for (const entry of entries) {
          const record = (await this.db.ratings.where('seq').equals(entry.seq).first()) ?? { ...entry, state: 'finished' as const };
          await this.db.ratings.put(quarantine(record, rejection));
          await this.db.outbox.delete(entry.seq);
        }
      }),
    );
  }

  /**
   * Deletes acknowledged ratings whose answer came before the retention period, oldest answers
   * first, until about `limit` are gone. Nothing still waiting, open or quarantined is touched.
   */
  async prune(limit = 5000): Promise<number> {
    const now = this.options.now();
    const retentionDays = this.options.retentionDays();
    const cutoff = pruneCutoff(now, retentionDays).toISOString();
    return this.db.transaction('rw', this.db.ratings, this.db.outbox, this.db.settlements, async () => {
      const answers = selectPrunable(await this.db.settlements.where('at').below(cutoff).toArray(), now, retentionDays);
      let deleted = 0;
      for (const answer of answers) {
        if (deleted >= limit) break;
        for (const [first, last] of answer.runs) {
          // Sent again after a restore from the journal: waiting once more, not prunable.
          const waiting = new Set(await this.db.outbox.where('seq').between(first, last, true, true).primaryKeys());
          deleted += await this.db.ratings
            .where('seq')
            .between(first, last, true, true)
            .and((r) => r.state === 'finished' && !waiting.has(r.seq))
            .delete();
        }
        await this.db.settlements.delete(answer.id!);
      }
      return deleted;
    });
  }

  /** When the server last acknowledged ratings from this kiosk (kept as long as their settlements). */
  async lastSettledAt(): Promise<string | null> {
    return (await this.db.settlements.orderBy('at').last())?.at ?? null;
  }

  async counts(): Promise<QueueCounts> {
    const [open, finished, pending, quarantined] = await Promise.all([
      this.inState('open').count(),
      this.inState('finished').count(),
      this.db.outbox.count(),
      this.inState('quarantined').count(),
    ]);
    return { open, pending, synced: Math.max(0, finished - pending), quarantined };
  }

  /** For sync: the next finished ratings to send, as the server expects them. */
  async pendingToSend(limit: number, afterSeq?: number): Promise<Rating[]> {
    // A new drain starts from what is on disk; within one, the records read are kept until their
    // answer is applied (at most two batches).
    if (afterSeq === undefined) this.sending.clear();
    const ratings = await this.pending(limit, afterSeq);
    for (const rating of ratings) this.sending.set(rating.id, rating.seq);
    return ratings;
  }

  /**
   * The server's answer, applied in one transaction: acknowledged ratings leave the outbox (one key
   * range per run of sequence numbers) and the answer is kept for pruning; refused ones are
   * quarantined with the server's reason. No rating is ever deleted here.
   */
  async settle(acknowledged: readonly string[], rejected: readonly Refusal[], at: Date): Promise<void> {
    const answeredAt = at.toISOString(); // UTC, so settlements sort by instant
    const reasons = new Map(rejected.filter((r) => r.id !== null).map((r) => [r.id!, r]));
    const ids = [...acknowledged, ...reasons.keys()];
    if (ids.length === 0) return;
    // A separate connection with relaxed durability: losing a settle to a power cut only means
    // those ratings are sent again and come back `duplicate`.
    const db = this.options.settleDb ?? this.db;
    // Read for sending, so known; a rating asked about otherwise is looked up (its seq never changes).
    const unknown = ids.filter((id) => !this.sending.has(id));
    const seqOf = new Map(this.sending);
    if (unknown.length > 0) for (const r of await db.ratings.bulkGet(unknown)) if (r?.state === 'finished') seqOf.set(r.id, r.seq);
    const runs = seqRuns(acknowledged.flatMap((id) => seqOf.get(id) ?? []));
    const refused = [...reasons.values()].filter((r) => seqOf.has(r.id!));
    await this.write(() =>
      // Refusals are rare: only then does the transaction include the ratings (and a tap may wait).
      db.transaction('rw', refused.length > 0 ? [db.outbox, db.settlements, db.ratings] : [db.outbox, db.settlements], async () => {
        for (const [first, last] of runs) await db.outbox.where('seq').between(first, last, true, true).delete();
        if (runs.length > 0) await db.settlements.add({ at: answeredAt, runs });
        for (const { id, code, message } of refused) {
          const rating = await db.ratings.get(id!);
          if (rating?.state !== 'finished' || !(await db.outbox.get(rating.seq))) continue; // answered already
          await db.ratings.put(quarantine(rating, { code, message, at: answeredAt }));
          await db.outbox.delete(rating.seq);
        }
      }),
    );
    for (const id of ids) this.sending.delete(id);
  }

  /** Ratings a citizen had started and not finished (to journal them once finalised as interrupted). */
  async openIds(): Promise<string[]> {
    return (await this.inState('open').primaryKeys()) as string[];
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
   * Puts back ratings the queue lost (IndexedDB wiped or reset) as waiting for the server, with their
   * own ids and sequence numbers, and moves the counter on; one transaction.
   */
  async restore(ratings: readonly Rating[], nextSeq: number): Promise<void> {
    const entries = ratings.map((r) => QueuedRating.parse({ ...r, state: 'finished' }));
    await this.write(() =>
      this.db.transaction('rw', this.db.ratings, this.db.outbox, this.db.meta, async () => {
        const present = new Set((await this.db.ratings.bulkGet(entries.map((e) => e.id))).filter((e) => e).map((e) => e!.id));
        const lost = entries.filter((e) => !present.has(e.id));
        await this.db.ratings.bulkAdd(lost);
        await this.db.outbox.bulkPut(lost.map(withoutLocalFields));
        const current = ((await this.db.meta.get(NEXT_SEQ))?.value as number | undefined) ?? 1;
        await this.db.meta.put({ key: NEXT_SEQ, value: Math.max(current, nextSeq) });
      }),
    );
    this.nextSeq = null;
  }

  async pendingSummary(): Promise<{ count: number; oldestCompletedAt: string | null }> {
    const [count, oldest] = await Promise.all([this.db.outbox.count(), this.pending(1)]);
    return { count, oldestCompletedAt: oldest[0]?.completedAt ?? null };
  }

  /**
   * Everything finished that the server has not acknowledged (pending and quarantined), in sequence
   * order: what an export to a file must carry so that nothing is lost if the kiosk is wiped.
   */
  async pendingAndQuarantined(): Promise<Rating[]> {
    const [waiting, quarantined] = await Promise.all([this.pending(), this.quarantined()]);
    // A quarantined record that no longer fits the schema stays on the kiosk for the technician.
    const readable = quarantined.flatMap((r) => {
      const parsed = Rating.safeParse(withoutLocalFields(r));
      return parsed.success ? [parsed.data] : [];
    });
    return [...waiting, ...readable].sort((a, b) => a.seq - b.seq);
  }

  /** Records that every rating up to `seq` is in an export file (sequence numbers only grow). */
  async markExported(seq: number): Promise<void> {
    await this.db.meta.put({ key: EXPORTED_THROUGH, value: seq });
  }

  /** Ratings neither acknowledged by the server nor in an export file: what wiping the kiosk would lose. */
  async heldOnlyHere(): Promise<number> {
    const through = ((await this.db.meta.get(EXPORTED_THROUGH))?.value as number | undefined) ?? 0;
    const [open, pending, quarantined] = await Promise.all([
      this.inState('open', through).count(),
      this.waiting(through).count(),
      this.inState('quarantined', through).count(),
    ]);
    return open + pending + quarantined;
  }

  /** How many the server refused, for the notice after every sync (cheap: never counts the synced). */
  quarantinedCount(): Promise<number> {
    return this.inState('quarantined').count();
  }

  /** Quarantined ratings with the server's reasons, for the technician's screen. */
  quarantined(): Promise<QuarantinedRating[]> {
    return this.inState('quarantined').toArray() as Promise<QuarantinedRating[]>; // the index range holds only quarantined records
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

/**
 * A finished rating set aside with the reason: its own fields are kept exactly as stored (not
 * checked again, so a record that fails the schema can still be set aside).
 */
function quarantine(record: QueuedRating, reason: { code: string; message: string; at: string }): QueuedRating {
  const rejection = { code: storableText(reason.code).slice(0, 40), message: storableText(reason.message).slice(0, 500), at: reason.at };
  return { ...record, state: 'quarantined', rejection } as QueuedRating;
}

/** The first rating the server does not have yet (waiting, open or quarantined), if any. */
export async function firstNotSynced(db: KioskDb): Promise<Pick<Rating, 'id' | 'kioskId'> | undefined> {
  const waiting = await db.outbox.toCollection().first();
  if (waiting) return waiting;
  // States sort finished < open < quarantined: this range is exactly the open and the quarantined.
  return db.ratings.where('[state+seq]').between(['open', Dexie.minKey], ['quarantined', Dexie.maxKey]).first();
}
