import { isSatisfied } from '../rating/satisfied';

/**
 * Report arithmetic, pure: the same numbers for the dashboard, CSV, XLSX and the public page.
 * A cell is one group (a ward, an official, a month…) on one scale size.
 */
export interface LevelCount {
  overall: number;
  count: number;
}

export interface ReportCell {
  count: number;
  /** Count per level value, best first. */
  distribution: Record<string, number>;
  mean: number | null;
  /** Share of the top two levels of the scale (the headline figure), 0..1. */
  satisfiedShare: number | null;
  scaleSize: number;
}

export function summarise(levels: readonly LevelCount[], scaleSize: number): ReportCell {
  const distribution: Record<string, number> = {};
  for (let v = scaleSize; v >= 1; v--) distribution[String(v)] = 0;
  let count = 0;
  let sum = 0;
  for (const { overall, count: n } of levels) {
    distribution[String(overall)] = (distribution[String(overall)] ?? 0) + n;
    count += n;
    sum += overall * n;
  }
  const satisfied = Object.entries(distribution).reduce((sum, [level, n]) => sum + (isSatisfied(Number(level), scaleSize) ? n : 0), 0);
  return {
    count,
    distribution,
    mean: count ? round(sum / count, 3) : null,
    satisfiedShare: count ? round(satisfied / count, 4) : null,
    scaleSize,
  };
}

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Circular 01/2018 Art. 15.3.a: an official's total score → share of duties done. */
export function classifyOfficial(total: number): 'du-100' | 'tu-70-den-duoi-100' | 'duoi-70' {
  if (total >= 5) return 'du-100';
  if (total >= 3.5) return 'tu-70-den-duoi-100';
  return 'duoi-70';
}

/** Circular 01/2018 Art. 15.3.b: a unit's total score → its classification. */
export function classifyUnit(total: number): 'xuat-sac' | 'tot' | 'kha' | 'trung-binh' | 'yeu' {
  if (total >= 15) return 'xuat-sac';
  if (total >= 12) return 'tot';
  if (total >= 9) return 'kha';
  if (total >= 6) return 'trung-binh';
  return 'yeu';
}

export interface IndicatorPoints {
  criterionId: string;
  points: number;
  count: number;
}

/**
 * Art. 15.2: an indicator's score is the sum of the dossiers' points over the number of dossiers;
 * the total is the sum of the indicator scores; indicators without data are left out (Art. 15.4.b).
 */
export function tt01Scores(rows: readonly IndicatorPoints[]) {
  const byIndicator = new Map<string, { points: number; dossiers: number }>();
  for (const row of rows) {
    if (row.points < 0) continue;
    const entry = byIndicator.get(row.criterionId) ?? { points: 0, dossiers: 0 };
    entry.points += row.points * row.count;
    entry.dossiers += row.count;
    byIndicator.set(row.criterionId, entry);
  }
  const indicators = [...byIndicator.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([criterionId, { points, dossiers }]) => ({ criterionId, dossiers, score: round(points / dossiers, 2) }));
  const total = round(
    indicators.reduce((sum, i) => sum + i.score, 0),
    2,
  );
  return { indicators, total };
}
