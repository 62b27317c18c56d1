import { sql, type Transaction } from 'kysely';
import type { SurveyTemplate } from '../shared/schema/template';
import type { Database, RatingsTable } from './db/tables';

/** A stored rating as the count tables see it. */
export interface Counted {
  row: Pick<
    RatingsTable,
    'day' | 'ward_id' | 'counter_id' | 'official_id' | 'template_id' | 'scale_size' | 'overall' | 'burst' | 'dossier_repeat'
  >;
  criteria: Record<string, number>;
  template: SurveyTemplate;
}

const RATING_KEYS = ['ward_id', 'counter_id', 'official_id', 'template_id', 'scale_size', 'burst', 'overall'] as const;
const CRITERION_KEYS = ['ward_id', 'counter_id', 'official_id', 'template_id', 'burst', 'criterion_id', 'value', 'points'] as const;

/**
 * Adds (`sign` 1) or takes away (−1) ratings from the daily and monthly counts reports read, in the
 * caller's transaction. `burst` in the counts means "flagged, left out by default": a burst, or a
 * dossier under review or not counted. Every upsert goes in one fixed key order, so two batches that
 * touch the same count rows lock them in the same order and never deadlock (PostgreSQL).
 */
export async function addToCounts(trx: Transaction<Database>, items: readonly Counted[], sign: 1 | -1 = 1) {
  // Pre-aggregate in memory first: one upsert row per key (PostgreSQL refuses to touch a row twice).
  const counts = new Map<string, Database['rating_counts']>();
  const criterionCounts = new Map<string, Database['criterion_counts']>();
  for (const { row, criteria, template } of items) {
    const base = {
      day: row.day,
      ward_id: row.ward_id,
      counter_id: row.counter_id,
      official_id: row.official_id ?? '',
      template_id: row.template_id,
      burst: row.burst || row.dossier_repeat ? 1 : 0,
    };
    const place = `${base.day}|${base.ward_id}|${base.counter_id}|${base.official_id}|${base.template_id}|${base.burst}`;
    const key = `${place}|${row.scale_size}|${row.overall}`;
    const count = counts.get(key) ?? { ...base, scale_size: row.scale_size, overall: row.overall, count: 0 };
    count.count += sign;
    counts.set(key, count);
    for (const [criterionId, value] of Object.entries(criteria)) {
      const points = template.criteria.find((c) => c.id === criterionId)?.levels.find((l) => l.value === value)?.points ?? -1;
      const ckey = `${place}|${criterionId}|${value}|${points}`;
      const c = criterionCounts.get(ckey) ?? { ...base, criterion_id: criterionId, value, points, count: 0 };
      c.count += sign;
      criterionCounts.set(ckey, c);
    }
  }
  const daily = inKeyOrder(counts);
  const dailyCriteria = inKeyOrder(criterionCounts);
  if (daily.length) {
    await trx
      .insertInto('rating_counts')
      .values(daily)
      .onConflict((oc) => oc.columns(['day', ...RATING_KEYS]).doUpdateSet({ count: sql<number>`rating_counts.count + excluded.count` }))
      .execute();
    await trx
      .insertInto('monthly_rating_counts')
      .values(byMonth(daily, RATING_KEYS))
      .onConflict((oc) =>
        oc.columns(['month', ...RATING_KEYS]).doUpdateSet({ count: sql<number>`monthly_rating_counts.count + excluded.count` }),
      )
      .execute();
  }
  if (dailyCriteria.length) {
    await trx
      .insertInto('criterion_counts')
      .values(dailyCriteria)
      .onConflict((oc) =>
        oc.columns(['day', ...CRITERION_KEYS]).doUpdateSet({ count: sql<number>`criterion_counts.count + excluded.count` }),
      )
      .execute();
    await trx
      .insertInto('monthly_criterion_counts')
      .values(byMonth(dailyCriteria, CRITERION_KEYS))
      .onConflict((oc) =>
        oc.columns(['month', ...CRITERION_KEYS]).doUpdateSet({ count: sql<number>`monthly_criterion_counts.count + excluded.count` }),
      )
      .execute();
  }
}

/** The map's values sorted by their keys: the order every transaction takes the count rows in. */
function inKeyOrder<T>(byKey: Map<string, T>): T[] {
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}

/** Daily counts summed per month, with the same keys, in key order. */
function byMonth<T extends { day: string; count: number }, K extends keyof T>(rows: T[], keys: readonly K[]) {
  const months = new Map<string, Omit<T, 'day'> & { month: string }>();
  for (const { day, ...row } of rows) {
    const month = day.slice(0, 7);
    const key = [month, ...keys.map((k) => String(row[k as unknown as keyof typeof row]))].join('|');
    const existing = months.get(key);
    if (existing) existing.count += row.count;
    else months.set(key, { ...row, month } as Omit<T, 'day'> & { month: string });
  }
  return inKeyOrder(months);
}
