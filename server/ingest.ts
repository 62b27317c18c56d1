import type SQLite from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { answersProblem } from '../shared/rating/validate';
import { isSatisfied } from '../shared/rating/satisfied';
import { BURST_MAX_PER_MINUTE, judgeBursts } from '../shared/rating/burst';
import { AlertSettings } from '../shared/alerts/rules';
import { ALERT_SETTINGS_KEY } from './alerts/service';
import type { BatchResult, RatingBatch, Rejection } from '../shared/contract/kiosk-api';
import { Rating } from '../shared/schema/rating';
import { SurveyTemplate } from '../shared/schema/template';
import { foldForSearch } from '../shared/text/fold';
import { addToCounts } from './counts';
import { judgeDossierRepeats } from './dossiers';
import { numberOf, recordReceived, recordRefused, refreshGaps } from './ledger/record';
import type { Store } from './db/connect';
import { ClientGone, inTransaction } from './db/transaction';
import type { Database, KiosksTable, RatingsTable } from './db/tables';
import { serverTimeIso, vietnamDay } from './time';

// One statement per batch of 500: 500 rows × 30 columns stays under both engines' parameter limits.
const INSERT_CHUNK = 500;
/** A batch's ratings are checked and (on SQLite) inserted in slices this long, the event loop free between them. */
const YIELD_EVERY = 100;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Kiosk clocks can be a year off; further than this from the server's time, a date is nonsense. */
export const PLAUSIBLE_CLOCK_SKEW_MS = 2 * 366 * 86_400_000;

/**
 * The fingerprint that tells a retry (same content) from a conflict. A parsed rating's keys are in
 * schema order already, so only the criteria (a free-form record) need sorting to be canonical.
 */
export function contentHash(rating: Rating): string {
  const criteria = Object.fromEntries(Object.entries(rating.criteria).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return createHash('sha256')
    .update(JSON.stringify({ ...rating, criteria }))
    .digest('hex');
}

interface Candidate {
  index: number;
  rating: Rating;
  hash: string;
  template: SurveyTemplate;
}

/**
 * Stores a kiosk's batch exactly once in effect. The rating id is the idempotency key: a rating
 * already stored with the same content is `duplicate` (a retry after a lost answer), with other
 * content `rejected` (id_conflict). Bad ratings are rejected one by one and never block the valid
 * ones beside them. One transaction per batch: a crash leaves all of it or none of it.
 */
export async function ingestBatch(
  store: Store,
  kiosk: Pick<KiosksTable, 'id' | 'ward_id' | 'counter_id'>,
  batch: RatingBatch,
  now: Date,
  // A file carried from the kiosk (an export) arrives days after it was written: its sentAt says
  // nothing about the kiosk's clock, so the offset last measured by sync is used instead.
  imported?: { clockOffsetMs: number },
  options: { clientGone?: () => boolean } = {},
): Promise<BatchResult & { ceilingCrossed: boolean }> {
  const receivedAt = now.getTime();
  const offsetMs = imported ? imported.clockOffsetMs : receivedAt - Date.parse(batch.sentAt);
  const rejected: Rejection[] = [];
  const reject = (index: number, id: string | null, code: Rejection['code'], message: string) =>
    rejected.push({ index, id, code, message });

  const templates = await loadTemplates(store, batch.ratings);
  const candidates: Candidate[] = [];
  const check = (raw: unknown, index: number) => {
    const rawId = typeof (raw as { id?: unknown })?.id === 'string' ? ((raw as { id: string }).id as string) : null;
    const parsed = Rating.safeParse(raw);
    if (!parsed.success) return reject(index, rawId, 'invalid', z.prettifyError(parsed.error).slice(0, 300));
    const rating = parsed.data;
    if (rating.kioskId !== kiosk.id) return reject(index, rating.id, 'wrong_kiosk', 'the rating belongs to another kiosk');
    if (rating.wardId !== kiosk.ward_id || rating.counterId !== kiosk.counter_id) {
      return reject(index, rating.id, 'unknown_place', 'the rating names a ward or counter this kiosk is not enrolled at');
    }
    const started = Date.parse(rating.startedAt);
    const completed = Date.parse(rating.completedAt);
    if ([started, completed].some((t) => Math.abs(t - Date.parse(batch.sentAt)) > PLAUSIBLE_CLOCK_SKEW_MS)) {
      return reject(index, rating.id, 'invalid', 'a date is implausibly far from the time the batch was sent');
    }
    if (completed < started - 86_400_000) return reject(index, rating.id, 'invalid', 'completedAt is before startedAt');
    const template = templates.get(`${rating.templateId}@${rating.templateVersion}`);
    if (!template) {
      return reject(index, rating.id, 'unknown_template', `template ${rating.templateId} v${rating.templateVersion} is unknown`);
    }
    const problem = answersProblem(rating, template);
    if (problem) return reject(index, rating.id, 'invalid', problem);
    candidates.push({ index, rating, hash: contentHash(rating), template });
  };
  for (let index = 0; index < batch.ratings.length; index++) {
    // Let other requests (the health check, the dashboard) in between slices of the work.
    if (index > 0 && index % YIELD_EVERY === 0) await yieldToOthers();
    check(batch.ratings[index], index);
  }

  const outcome = await inTransaction(
    store,
    async (trx) => {
      if (store.engine === 'postgres') {
        // Serialise batches of one kiosk: two retries racing must not both count.
        await sql`select id from kiosks where id = ${kiosk.id} for update`.execute(trx);
      }
      const ids = candidates.map((c) => c.rating.id);
      const existing = new Map<string, string>();
      for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
        const rows = await trx
          .selectFrom('ratings')
          .select(['id', 'content_hash'])
          .where('id', 'in', ids.slice(i, i + INSERT_CHUNK))
          .execute();
        for (const row of rows) existing.set(row.id, row.content_hash);
      }
      const fresh: Candidate[] = [];
      const accepted: string[] = [];
      const duplicate: string[] = [];
      const conflicts: Rejection[] = [];
      for (const candidate of candidates) {
        const stored = existing.get(candidate.rating.id);
        if (stored === undefined) {
          existing.set(candidate.rating.id, candidate.hash);
          fresh.push(candidate);
          accepted.push(candidate.rating.id);
        } else if (stored === candidate.hash) {
          duplicate.push(candidate.rating.id);
        } else {
          const message = 'another rating with this id is already stored';
          conflicts.push({ index: candidate.index, id: candidate.rating.id, code: 'id_conflict', message });
        }
      }
      const ceilingCrossed = await insertRatings(store, trx, kiosk.id, fresh, batch.batchId, receivedAt, offsetMs);
      await trx
        .insertInto('batches')
        .values({
          id: batch.batchId,
          kiosk_id: kiosk.id,
          received_at: receivedAt,
          accepted: accepted.length,
          duplicate: duplicate.length,
          rejected: rejected.length + conflicts.length,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      if (!imported) {
        await trx.updateTable('kiosks').set({ last_seen_at: receivedAt, clock_offset_ms: offsetMs }).where('id', '=', kiosk.id).execute();
      }
      // The completeness ledger: the numbers stored and refused, and what is missing now.
      const refused = [...rejected, ...conflicts].flatMap((r) => {
        const number = numberOf(batch.ratings[r.index], kiosk.id);
        return number ? [{ ...number, code: r.code }] : [];
      });
      await recordReceived(
        trx,
        kiosk.id,
        fresh.map(({ rating }) => ({ incarnation: rating.incarnation ?? '', seq: rating.seq })),
        receivedAt,
      );
      await recordRefused(trx, kiosk.id, refused, receivedAt);
      if (fresh.length > 0 || refused.length > 0) await refreshGaps(trx, kiosk.id, receivedAt);
      return { accepted, duplicate, conflicts, ceilingCrossed };
    },
    {
      // A kiosk that gave up waiting will send this batch again: no transaction for nobody.
      before: () => {
        if (options.clientGone?.()) throw new ClientGone();
      },
    },
  );
  const { accepted, duplicate, ceilingCrossed } = outcome;
  rejected.push(...outcome.conflicts);
  rejected.sort((a, b) => a.index - b.index);
  return { batchId: batch.batchId, accepted, duplicate, rejected, serverTime: serverTimeIso(now), ceilingCrossed };
}

/**
 * The server's own burst verdict for a kiosk's new rows (shared/rating/burst.ts): counted against
 * the kiosk's ratings already stored around them, in every batch and import, whatever the kiosk's
 * flag says. Sets `burst` on the rows; true when the kiosk crossed its ceiling.
 */
async function judgeBurstRows(trx: Transaction<Database>, kioskId: string, rows: RatingsTable[]): Promise<boolean> {
  if (rows.length === 0) return false;
  const row = await trx.selectFrom('settings').select('value').where('key', '=', ALERT_SETTINGS_KEY).executeTakeFirst();
  const parsed = AlertSettings.safeParse(row ? JSON.parse(row.value) : {});
  const settings = parsed.success ? parsed.data : AlertSettings.parse({});
  const ceiling = { ratings: settings.ceilingRatings, minutes: settings.ceilingMinutes };
  const order = rows.map((_, i) => i).sort((a, b) => rows[a]!.corrected_at_ms - rows[b]!.corrected_at_ms || rows[a]!.seq - rows[b]!.seq);
  const first = rows[order[0]!]!.corrected_at_ms;
  const last = rows[order.at(-1)!]!.corrected_at_ms;
  // Per minute, counted by the database: bounded by the minutes the batch spans.
  const minute = sql<number>`corrected_at_ms / 60000`;
  const stored = await trx
    .selectFrom('ratings')
    .select((eb) => [minute.as('minute'), eb.fn.countAll<number>().as('n')])
    .where('kiosk_id', '=', kioskId)
    .where('corrected_at_ms', '>=', first - ceiling.minutes * 60_000)
    .where('corrected_at_ms', '<', last + 60_000)
    .groupBy(minute)
    .execute();
  const verdict = judgeBursts(
    new Map(stored.map((r) => [Number(r.minute), Number(r.n)])),
    order.map((i) => rows[i]!.corrected_at_ms),
    { maxPerMinute: BURST_MAX_PER_MINUTE, ceiling },
  );
  order.forEach((i, k) => (rows[i]!.burst = verdict.burst[k] ? 1 : 0));
  return verdict.ceilingCrossed;
}

/**
 * A rating names the official who served only as an official of its own ward; any other name (an
 * official since removed, a kiosk's stale list) is dropped, never the rating: it counts unattributed.
 */
async function attributeOfficials(trx: Transaction<Database>, rows: RatingsTable[]) {
  const named = rows.filter((r) => r.official_id !== null);
  if (named.length === 0) return;
  const known = new Set(
    (
      await trx
        .selectFrom('officials')
        .select(['id', 'ward_id'])
        .where('id', 'in', [...new Set(named.map((r) => r.official_id!))])
        .execute()
    ).map((o) => `${o.ward_id}|${o.id}`),
  );
  for (const row of named) if (!known.has(`${row.ward_id}|${row.official_id}`)) row.official_id = null;
}

const insertStatements = new WeakMap<object, SQLite.Statement<unknown[]>>();

/**
 * Inserts stored rating rows inside the batch's transaction. On SQLite a cached prepared statement
 * on Kysely's own connection (so the same transaction) is several times faster than compiling a
 * 14,000-parameter statement per batch; PostgreSQL takes the rows as one multi-row insert.
 */
export async function insertRatingRows(store: Store, trx: Transaction<Database>, rows: RatingsTable[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!) as (keyof RatingsTable)[];
  if (store.sqlite) {
    let statement = insertStatements.get(store.sqlite);
    if (!statement) {
      statement = store.sqlite.prepare<unknown[]>(
        `insert into ratings (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      insertStatements.set(store.sqlite, statement);
    }
    for (let i = 0; i < rows.length; i++) {
      // better-sqlite3 is synchronous: slices, so a batch of 500 never holds the event loop long.
      if (i > 0 && i % YIELD_EVERY === 0) await yieldToOthers();
      statement.run(...columns.map((c) => rows[i]![c]));
    }
    return;
  }
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await trx
      .insertInto('ratings')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
}

/** The stored row of a rating: its fields, the corrected time and day, and what reports need. */
export function ratingRow(
  rating: Rating,
  template: SurveyTemplate,
  hash: string,
  batchId: string,
  receivedAt: number,
  offsetMs: number,
): RatingsTable {
  const completedAtMs = Date.parse(rating.completedAt);
  const correctedAtMs = completedAtMs + offsetMs;
  return {
    id: rating.id,
    kiosk_id: rating.kioskId,
    seq: rating.seq,
    ward_id: rating.wardId,
    counter_id: rating.counterId,
    official_id: rating.officialId ?? null,
    template_id: rating.templateId,
    template_version: rating.templateVersion,
    started_at: rating.startedAt,
    completed_at: rating.completedAt,
    completed_at_ms: completedAtMs,
    corrected_at_ms: correctedAtMs,
    clock_offset_ms: offsetMs,
    day: vietnamDay(correctedAtMs),
    locale: rating.locale,
    outcome: rating.outcome,
    overall: rating.overall,
    scale_size: template.scale.length,
    satisfied: isSatisfied(rating.overall, template.scale.length) ? 1 : 0,
    criteria: JSON.stringify(rating.criteria),
    reasons: JSON.stringify(rating.reasons),
    comment: rating.comment,
    flags: JSON.stringify(rating.flags),
    // The server's verdict (judgeBurstRows); the kiosk's own flag stays in `flags`, as advice.
    burst: 0,
    batch_id: batchId,
    received_at: receivedAt,
    content_hash: hash,
    dossier_code: rating.dossierCode ?? null,
    dossier_repeat: 0,
    incarnation: rating.incarnation ?? '',
  };
}

// A template version never changes once stored, so each is parsed once per process.
const parsedTemplates = new WeakMap<Store, Map<string, SurveyTemplate>>();

/** One stored template version, parsed once per process (a rating is never stored without its template). */
export async function templateOf(store: Store, id: string, version: number): Promise<SurveyTemplate> {
  const template = (await loadTemplates(store, [{ templateId: id, templateVersion: version }])).get(`${id}@${version}`);
  if (!template) throw new Error(`template ${id} v${version} is not stored`);
  return template;
}

/**
 * The stored templates the given ratings were made on, parsed once per store (a stored version never
 * changes), keyed `id@version`. Reports and the feedback list read their words through it too.
 */
export async function loadTemplates(store: Store, ratings: readonly unknown[]) {
  const cache = parsedTemplates.get(store) ?? new Map<string, SurveyTemplate>();
  parsedTemplates.set(store, cache);
  const missing = new Set<string>();
  for (const raw of ratings) {
    const r = raw as { templateId?: unknown; templateVersion?: unknown } | null;
    if (typeof r?.templateId === 'string' && typeof r.templateVersion === 'number' && !cache.has(`${r.templateId}@${r.templateVersion}`)) {
      missing.add(r.templateId);
    }
  }
  if (missing.size > 0) {
    const rows = await store.db
      .selectFrom('templates')
      .select(['id', 'version', 'body'])
      .where('id', 'in', [...missing])
      .execute();
    for (const row of rows) cache.set(`${row.id}@${row.version}`, SurveyTemplate.parse(JSON.parse(row.body)));
  }
  return cache;
}

async function insertRatings(
  store: Store,
  trx: Transaction<Database>,
  kioskId: string,
  fresh: Candidate[],
  batchId: string,
  receivedAt: number,
  offsetMs: number,
): Promise<boolean> {
  if (fresh.length === 0) return false;
  const rows = fresh.map(({ rating, hash, template }) => ratingRow(rating, template, hash, batchId, receivedAt, offsetMs));
  const ceilingCrossed = await judgeBurstRows(trx, kioskId, rows);
  await judgeDossierRepeats(trx, rows, (id, version) => templateOf(store, id, version));
  await attributeOfficials(trx, rows);
  await insertRatingRows(store, trx, rows);

  await addToCounts(
    trx,
    fresh.map(({ rating, template }, i) => ({ row: rows[i]!, criteria: rating.criteria, template })),
  );
  const feedback = fresh
    .filter(({ rating }) => rating.comment.trim() !== '')
    .map(({ rating }) => ({
      rating_id: rating.id,
      ward_id: rating.wardId,
      overall: rating.overall,
      comment: rating.comment,
      comment_folded: foldForSearch(rating.comment),
      status: 'moi',
      assignee: null,
      assignee_folded: null,
      response_note: null,
      created_at: receivedAt,
      updated_at: receivedAt,
    }));
  for (const chunk of chunks(feedback, INSERT_CHUNK)) await trx.insertInto('feedback').values(chunk).execute();
  return ceilingCrossed;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
