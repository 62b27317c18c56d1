import { sql } from 'kysely';
import { classifyOfficial, classifyUnit, tt01Scores } from '../../shared/report/cells';
import { periodDays } from '../../shared/report/period';
import type { Store } from '../db/connect';
import { latestTemplates } from '../repo/org';
import { countSource } from './query';

export const TT01_TEMPLATE = 'tt01-2018';

/**
 * Circular 01/2018 Art. 15, per quarter: each indicator's score (points over dossiers), the total
 * and the classification, per official (Art. 15.3.a) and per unit (Art. 15.3.b). Units are also
 * scored on indicators collected elsewhere, so a unit's figure here is marked partial.
 */
export async function tt01Report(store: Store, query: { quarter: string; wardId?: string }, options: { minResponses: number }) {
  const days = periodDays({ period: 'quarter', at: query.quarter })!;
  const source = countSource(days);
  let q = store.db
    .selectFrom((source.monthly ? 'monthly_criterion_counts' : 'criterion_counts') as 'criterion_counts')
    .select(['ward_id', 'official_id', 'criterion_id', 'points', sql<number>`sum(count)`.as('count')])
    .where('template_id', '=', TT01_TEMPLATE)
    .where('burst', '=', 0)
    .where(sql.ref(source.column), '>=', source.from)
    .where(sql.ref(source.column), '<=', source.to);
  if (query.wardId) q = q.where('ward_id', '=', query.wardId);
  // A rating taken out of the figures (a repeated dossier under review) leaves count rows at zero.
  const rows = (await q.groupBy(['ward_id', 'official_id', 'criterion_id', 'points']).execute())
    .map((r) => ({ ...r, count: Number(r.count) }))
    .filter((r) => r.count > 0);
  const wardRows = await store.db.selectFrom('wards').select(['id', 'name_vi', 'template_id', 'retired_at']).orderBy('name_vi').execute();
  const wards = new Map(wardRows.map((w) => [w.id, w.name_vi]));
  const officials = new Map((await store.db.selectFrom('officials').select(['id', 'name']).execute()).map((o) => [o.id, o.name]));

  const group = (key: (r: (typeof rows)[number]) => string) => {
    const groups = new Map<string, typeof rows>();
    for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return groups;
  };
  const score = (items: typeof rows) => tt01Scores(items.map((r) => ({ criterionId: r.criterion_id, points: r.points, count: r.count })));

  const units = [...group((r) => r.ward_id)].map(([wardId, items]) => {
    const { indicators, total } = score(items);
    return { wardId, label: wards.get(wardId) ?? wardId, indicators, total, classification: classifyUnit(total), partial: true };
  });
  const people = [...group((r) => `${r.ward_id}|${r.official_id}`)].map(([key, items]) => {
    const [wardId, officialId] = key.split('|') as [string, string];
    const { indicators, total } = score(items);
    const dossiers = Math.max(...indicators.map((i) => i.dossiers));
    const hidden = dossiers < options.minResponses;
    return {
      wardId,
      officialId,
      label: officialId === '' ? 'Chưa ghi nhận công chức' : (officials.get(officialId) ?? officialId),
      dossiers: hidden ? null : dossiers,
      hidden,
      indicators: hidden ? [] : indicators,
      total: hidden ? null : total,
      classification: hidden ? null : classifyOfficial(total),
    };
  });
  // Ratings of a dossier already rated: kept, shown here, never counted twice in the scores.
  let repeats = store.db
    .selectFrom('ratings')
    .select(sql<number>`count(*)`.as('n'))
    .where('template_id', '=', TT01_TEMPLATE)
    .where('dossier_repeat', '=', 1)
    .where('day', '>=', days.from)
    .where('day', '<=', days.to);
  if (query.wardId) repeats = repeats.where('ward_id', '=', query.wardId);
  const repeatedDossiers = Number((await repeats.executeTakeFirstOrThrow()).n);
  // A ward on another survey has no TT01 figures: the report says so instead of leaving it out.
  const scored = new Set(units.map((u) => u.wardId));
  const templates = await latestTemplates(store);
  const otherWards = wardRows
    .filter((w) => w.retired_at === null && !scored.has(w.id) && (!query.wardId || query.wardId === w.id))
    .map((w) => ({
      wardId: w.id,
      label: w.name_vi,
      template: templates.get(w.template_id)?.name.vi ?? w.template_id,
      reason: w.template_id === TT01_TEMPLATE ? ('no_dossiers' as const) : ('other_template' as const),
    }));
  return {
    quarter: query.quarter,
    from: days.from,
    to: days.to,
    minResponses: options.minResponses,
    units,
    officials: people,
    repeatedDossiers,
    otherWards,
  };
}
