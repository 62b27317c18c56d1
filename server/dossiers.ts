import type { Transaction } from 'kysely';
import type { DossierReview } from '../shared/contract/admin-api';
import type { SurveyTemplate } from '../shared/schema/template';
import { addToCounts } from './counts';
import type { Store } from './db/connect';
import type { Database, RatingsTable } from './db/tables';
import { HttpError } from './http/errors';
import { isoAt } from './time';

export type TemplateOf = (id: string, version: number) => Promise<SurveyTemplate>;

const storedColumns = [
  'id',
  'ward_id',
  'counter_id',
  'official_id',
  'template_id',
  'template_version',
  'day',
  'scale_size',
  'overall',
  'burst',
  'dossier_repeat',
  'criteria',
] as const;
type StoredRating = Pick<RatingsTable, (typeof storedColumns)[number]>;

/** Moves stored ratings in or out of the counted figures (`dossier_repeat` 0 counts, 1 does not). */
async function setRepeat(trx: Transaction<Database>, ratings: readonly StoredRating[], repeat: 0 | 1, templateOf: TemplateOf) {
  const changing = ratings.filter((r) => r.dossier_repeat !== repeat);
  if (changing.length === 0) return;
  const templates = await Promise.all(changing.map((r) => templateOf(r.template_id, r.template_version)));
  const counted = (r: StoredRating, i: number, dossier_repeat: number) => ({
    row: { ...r, dossier_repeat },
    criteria: JSON.parse(r.criteria) as Record<string, number>,
    template: templates[i]!,
  });
  await addToCounts(
    trx,
    changing.map((r, i) => counted(r, i, r.dossier_repeat)),
    -1,
  );
  await addToCounts(
    trx,
    changing.map((r, i) => counted(r, i, repeat)),
  );
  await trx
    .updateTable('ratings')
    .set({ dossier_repeat: repeat })
    .where(
      'id',
      'in',
      changing.map((r) => r.id),
    )
    .execute();
}

/**
 * One rating per dossier, judged within the ward that received it: a rating from another ward never
 * makes one a repeat (a kiosk could send codes before their citizens come). When a dossier's code
 * comes again in the same ward, every rating of it is set aside for the district to review, the first
 * one too, so a code claimed in advance cannot keep the genuine rating out; after the district's
 * decision, a later rating of that dossier is a repeat. Sets `dossier_repeat` on the new rows (before
 * they are inserted and counted), and moves stored ones out of the figures.
 */
export async function judgeDossierRepeats(trx: Transaction<Database>, rows: RatingsTable[], templateOf: TemplateOf) {
  const withCode = rows.filter((r) => r.dossier_code !== null);
  if (withCode.length === 0) return;
  for (const wardId of new Set(withCode.map((r) => r.ward_id))) {
    const fresh = withCode.filter((r) => r.ward_id === wardId);
    const codes = [...new Set(fresh.map((r) => r.dossier_code!))];
    const stored = await trx
      .selectFrom('ratings')
      .select(storedColumns)
      .select('dossier_code')
      .where('ward_id', '=', wardId)
      .where('dossier_code', 'in', codes)
      .execute();
    const decided = new Set(
      (
        await trx
          .selectFrom('dossier_decisions')
          .select('dossier_code')
          .where('ward_id', '=', wardId)
          .where('dossier_code', 'in', codes)
          .execute()
      ).map((d) => d.dossier_code),
    );
    for (const code of codes) {
      const before = stored.filter((r) => r.dossier_code === code);
      const now = fresh.filter((r) => r.dossier_code === code);
      if (before.length + now.length < 2) continue;
      for (const row of now) row.dossier_repeat = 1;
      if (!decided.has(code)) await setRepeat(trx, before, 1, templateOf);
    }
  }
}

/** Dossiers rated more than once in a ward, undecided first, with every rating of each. */
export async function listDossierReviews(store: Store, wardId: string | undefined): Promise<DossierReview[]> {
  let repeated = store.db
    .selectFrom('ratings')
    .select(['ward_id', 'dossier_code'])
    .where('dossier_code', 'is not', null)
    .groupBy(['ward_id', 'dossier_code'])
    .having((eb) => eb.fn.countAll(), '>', 1);
  if (wardId) repeated = repeated.where('ward_id', '=', wardId);
  const pairs = (await repeated.limit(500).execute()) as { ward_id: string; dossier_code: string }[];
  if (pairs.length === 0) return [];
  const wards = new Map((await store.db.selectFrom('wards').select(['id', 'name_vi']).execute()).map((w) => [w.id, w.name_vi]));
  const counters = new Map(
    (await store.db.selectFrom('counters').select(['ward_id', 'id', 'label_vi']).execute()).map((c) => [
      `${c.ward_id}|${c.id}`,
      c.label_vi,
    ]),
  );
  const reviews: DossierReview[] = [];
  for (const pair of pairs) {
    const ratings = await store.db
      .selectFrom('ratings')
      .select(['id', 'kiosk_id', 'counter_id', 'completed_at_ms', 'corrected_at_ms', 'overall', 'dossier_repeat'])
      .where('ward_id', '=', pair.ward_id)
      .where('dossier_code', '=', pair.dossier_code)
      .orderBy('corrected_at_ms')
      .execute();
    const decision = await store.db
      .selectFrom('dossier_decisions')
      .selectAll()
      .where('ward_id', '=', pair.ward_id)
      .where('dossier_code', '=', pair.dossier_code)
      .executeTakeFirst();
    reviews.push({
      wardId: pair.ward_id,
      wardName: wards.get(pair.ward_id) ?? pair.ward_id,
      dossierCode: pair.dossier_code,
      ratings: ratings.map((r) => ({
        id: r.id,
        kioskId: r.kiosk_id,
        counterLabel: counters.get(`${pair.ward_id}|${r.counter_id}`) ?? r.counter_id,
        ratedAt: isoAt(r.corrected_at_ms),
        overall: r.overall,
        counted: r.dossier_repeat === 0,
      })),
      decision: decision
        ? { countedRatingId: decision.counted_rating_id, decidedBy: decision.decided_by, decidedAt: isoAt(decision.decided_at) }
        : null,
    });
  }
  return reviews.sort((a, b) => Number(a.decision !== null) - Number(b.decision !== null) || a.dossierCode.localeCompare(b.dossierCode));
}

/** The district decides which rating of a repeated dossier counts (or none); the others stay out. */
export async function decideDossier(
  store: Store,
  decision: { wardId: string; dossierCode: string; countedRatingId: string | null },
  by: string,
  at: Date,
  templateOf: TemplateOf,
) {
  await store.db.transaction().execute(async (trx) => {
    const ratings = await trx
      .selectFrom('ratings')
      .select(storedColumns)
      .where('ward_id', '=', decision.wardId)
      .where('dossier_code', '=', decision.dossierCode)
      .execute();
    if (ratings.length < 2) throw new HttpError(404, 'unknown_dossier', 'No dossier rated more than once with that code in that ward.');
    if (decision.countedRatingId !== null && !ratings.some((r) => r.id === decision.countedRatingId)) {
      throw new HttpError(404, 'unknown_dossier', 'That rating is not one of this dossier’s.');
    }
    await setRepeat(
      trx,
      ratings.filter((r) => r.id === decision.countedRatingId),
      0,
      templateOf,
    );
    await setRepeat(
      trx,
      ratings.filter((r) => r.id !== decision.countedRatingId),
      1,
      templateOf,
    );
    const values = { counted_rating_id: decision.countedRatingId, decided_by: by, decided_at: at.getTime() };
    await trx
      .insertInto('dossier_decisions')
      .values({ ward_id: decision.wardId, dossier_code: decision.dossierCode, ...values })
      .onConflict((oc) => oc.columns(['ward_id', 'dossier_code']).doUpdateSet(values))
      .execute();
  });
}
