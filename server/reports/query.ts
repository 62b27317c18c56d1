import { latestTemplates } from '../repo/org';
import { readDistrict } from '../repo/organisation';
import { sql } from 'kysely';
import { summarise } from '../../shared/report/cells';
import type { Report, ReportQuery, ReportRow, ShownRow } from '../../shared/contract/admin-api';
import { periodLabel } from '../../shared/report/naming';
import { periodDays } from '../../shared/report/period';
import type { SurveyTemplate } from '../../shared/schema/template';
import type { Store } from '../db/connect';
import { HttpError } from '../http/errors';

/**
 * Where a period's counts are read from: whole months come from the monthly table (about thirty
 * times fewer rows for a year), anything else from the daily one.
 */
export function countSource(days: { from: string; to: string }) {
  const lastOfMonth = (day: string) => {
    const [y, m] = day.split('-').map(Number) as [number, number];
    return Number(day.slice(8)) === new Date(Date.UTC(y, m, 0)).getUTCDate();
  };
  if (days.from.endsWith('-01') && lastOfMonth(days.to)) {
    return { monthly: true, column: 'month', from: days.from.slice(0, 7), to: days.to.slice(0, 7), monthOf: sql<string>`month` } as const;
  }
  return { monthly: false, column: 'day', from: days.from, to: days.to, monthOf: sql<string>`substr(day, 1, 7)` } as const;
}

/** Builds a report from the pre-aggregated daily counts: fast at any number of ratings. */
export async function buildReport(store: Store, query: ReportQuery, options: { minResponses: number }): Promise<Report> {
  const days = periodDays(query);
  if (!days) throw new HttpError(400, 'invalid_period', 'The period does not fit its "at", "from" and "to".');
  const wards = await store.db.selectFrom('wards').select(['id', 'name_vi', 'name_en', 'retired_at']).orderBy('name_vi').execute();
  const wardName = new Map(wards.map((w) => [w.id, w.name_vi]));
  const wardNameEn = new Map(wards.map((w) => [w.id, w.name_en]));
  const district = (await readDistrict(store))?.unit ?? '';
  const unit = query.wardId ? (wardName.get(query.wardId) ?? query.wardId) : district;

  const figures =
    query.groupBy === 'criterion'
      ? await criterionRows(store, query, days)
      : await overallRows(store, query, days, { vi: wardName, en: wardNameEn });
  // By ward, every ward in view has its row: a ward without a rating is a finding, not a gap.
  if (query.groupBy === 'ward') {
    const present = new Set(figures.map((row) => row.key));
    for (const ward of wards) {
      if (present.has(ward.id) || ward.retired_at !== null || (query.wardId && query.wardId !== ward.id)) continue;
      figures.push({ key: ward.id, label: ward.name_vi, labelEn: ward.name_en, hidden: false, ...summarise([], 5) });
    }
    figures.sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  }
  const rows: ReportRow[] = figures.map((row) =>
    query.groupBy === 'official' && row.count < options.minResponses
      ? { key: row.key, label: row.label, labelEn: row.labelEn, hidden: true, withheld: 'below_minimum' }
      : row,
  );
  return {
    title: 'Báo cáo kết quả đánh giá sự hài lòng',
    unit,
    from: days.from,
    to: days.to,
    groupBy: query.groupBy,
    includeBursts: query.includeBursts,
    minResponses: options.minResponses,
    rows,
  };
}

async function overallRows(
  store: Store,
  query: ReportQuery,
  days: { from: string; to: string },
  wardNames: { vi: Map<string, string>; en: Map<string, string> },
) {
  const source = countSource(days);
  const keyExpr = {
    district: sql<string>`''`,
    ward: sql<string>`ward_id`,
    counter: sql<string>`ward_id || '/' || counter_id`,
    official: sql<string>`official_id`,
    template: sql<string>`template_id`,
    month: source.monthOf,
    criterion: sql<string>`''`,
  }[query.groupBy];
  // The two tables have the same columns but for the period's: typed as the daily one.
  let q = store.db
    .selectFrom((source.monthly ? 'monthly_rating_counts' : 'rating_counts') as 'rating_counts')
    .select([keyExpr.as('key'), 'scale_size', 'overall', sql<number>`sum(count)`.as('count')])
    .where(sql.ref(source.column), '>=', source.from)
    .where(sql.ref(source.column), '<=', source.to);
  if (query.wardId) q = q.where('ward_id', '=', query.wardId);
  if (!query.includeBursts) q = q.where('burst', '=', 0);
  // PostgreSQL refuses a constant in GROUP BY: the district-wide key is not grouped on.
  const constantKey = query.groupBy === 'district' || query.groupBy === 'criterion';
  const raw = await (constantKey ? q.groupBy(['scale_size', 'overall']) : q.groupBy([keyExpr, 'scale_size', 'overall'])).execute();

  const officials = new Map(
    (await store.db.selectFrom('officials').select(['id', 'name']).execute()).map((o) => [o.id, o.name]),
  );
  const counters = new Map(
    (await store.db.selectFrom('counters').select(['ward_id', 'id', 'label_vi', 'label_en']).execute()).map((c) => [
      `${c.ward_id}/${c.id}`,
      { vi: c.label_vi, en: c.label_en },
    ]),
  );
  const templates = query.groupBy === 'template' ? await latestTemplates(store) : new Map<string, SurveyTemplate>();
  const grouped = new Map<string, { key: string; scaleSize: number; levels: { overall: number; count: number }[] }>();
  // A rating taken out of the figures (a repeated dossier under review) leaves count rows at zero.
  for (const r of raw.filter((row) => Number(row.count) > 0)) {
    const id = `${r.key}|${r.scale_size}`;
    const g = grouped.get(id) ?? { key: r.key, scaleSize: r.scale_size, levels: [] };
    g.levels.push({ overall: r.overall, count: Number(r.count) });
    grouped.set(id, g);
  }
  // Each row's name in both languages: Vietnamese for files and tables, English for the dashboard's English mode.
  const label = (key: string, locale: 'vi' | 'en'): string => {
    const ward = (id: string) => wardNames[locale].get(id) ?? id;
    switch (query.groupBy) {
      case 'district':
        return locale === 'vi' ? 'Toàn quận' : 'Whole district';
      case 'ward':
        return ward(key);
      case 'counter': {
        const [wardId, counter] = key.split('/');
        return `${ward(wardId!)} – ${counters.get(key)?.[locale] ?? counter}`;
      }
      case 'official':
        return key === '' ? (locale === 'vi' ? 'Chưa ghi nhận công chức' : 'Official not recorded') : (officials.get(key) ?? key);
      case 'template':
        return templates.get(key)?.name[locale] ?? key;
      case 'month':
        return periodLabel({ period: 'month', at: key }, locale);
      default:
        return key;
    }
  };
  return [...grouped.values()]
    .sort((a, b) => a.key.localeCompare(b.key) || b.scaleSize - a.scaleSize)
    .map(
      (g): ShownRow => ({
        key: g.key,
        label: label(g.key, 'vi'),
        labelEn: label(g.key, 'en'),
        hidden: false,
        ...summarise(g.levels, g.scaleSize),
      }),
    );
}

async function criterionRows(store: Store, query: ReportQuery, days: { from: string; to: string }) {
  const source = countSource(days);
  let q = store.db
    .selectFrom((source.monthly ? 'monthly_criterion_counts' : 'criterion_counts') as 'criterion_counts')
    .select(['template_id', 'criterion_id', 'value', sql<number>`sum(count)`.as('count')])
    .where(sql.ref(source.column), '>=', source.from)
    .where(sql.ref(source.column), '<=', source.to);
  if (query.wardId) q = q.where('ward_id', '=', query.wardId);
  if (!query.includeBursts) q = q.where('burst', '=', 0);
  const raw = await q.groupBy(['template_id', 'criterion_id', 'value']).execute();
  const templates = await latestTemplates(store);
  const grouped = new Map<string, { levels: { overall: number; count: number }[]; template: string; criterion: string }>();
  for (const r of raw.filter((row) => Number(row.count) > 0)) {
    const id = `${r.template_id}/${r.criterion_id}`;
    const g = grouped.get(id) ?? { levels: [], template: r.template_id, criterion: r.criterion_id };
    g.levels.push({ overall: r.value, count: Number(r.count) });
    grouped.set(id, g);
  }
  // Each template's criteria together, in the order its survey asks them, named with the survey.
  const order = (g: { template: string; criterion: string }) => templates.get(g.template)?.criteria.findIndex((c) => c.id === g.criterion) ?? 99;
  return [...grouped.entries()]
    .sort(([, a], [, b]) => a.template.localeCompare(b.template) || order(a) - order(b))
    .map(([key, g]) => {
      const template = templates.get(g.template);
      const criterion = template?.criteria.find((c) => c.id === g.criterion);
      const name = (locale: 'vi' | 'en') => `${template?.name[locale] ?? g.template}: ${criterion?.label[locale] ?? g.criterion}`;
      return { key, label: name('vi'), labelEn: name('en'), hidden: false as const, ...summarise(g.levels, criterion?.levels.length ?? 5) };
    });
}

