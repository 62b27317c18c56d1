import type { PublicFigures, PublicResults } from '../../shared/contract/public-api';
import { shownRows, type ReportRow } from '../../shared/contract/admin-api';
import type { Store } from '../db/connect';
import { listWards } from '../repo/wards';
import { vietnamDay } from '../time';
import { buildReport } from './query';

function quarterOf(day: string) {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  return { current: `${y}-Q${q}`, previous: q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`, year: String(y) };
}

/** A group's headline is its main (5-level) scale where it has one. */
function figures(rows: readonly ReportRow[], key: string): PublicFigures {
  const row = shownRows(rows)
    .filter((r) => r.key === key)
    .sort((a, b) => b.scaleSize - a.scaleSize)[0];
  return row ? { count: row.count, satisfiedShare: row.satisfiedShare, mean: row.mean, scaleSize: row.scaleSize } : null;
}

/**
 * What the district publishes (Decree 61 Art. 32.1: on the portal and at the counter): aggregates
 * only, bursts left out, no minimum withheld (no person is judged here).
 */
export async function publicResults(store: Store, now: Date): Promise<PublicResults> {
  const { current, previous, year } = quarterOf(vietnamDay(now.getTime()));
  const options = { minResponses: 0 };
  const report = (period: 'quarter' | 'year', at: string, groupBy: 'ward' | 'district' | 'month') =>
    buildReport(store, { period, at, groupBy, includeBursts: false, format: 'json' }, options);
  const [wardsNow, wardsBefore, districtNow, districtBefore, months, wards] = await Promise.all([
    report('quarter', current, 'ward'),
    report('quarter', previous, 'ward'),
    report('quarter', current, 'district'),
    report('quarter', previous, 'district'),
    report('year', year, 'month'),
    listWards(store),
  ]);
  const mainScale = shownRows(months.rows).some((r) => r.scaleSize === 5) ? 5 : null;
  return {
    unit: districtNow.unit,
    quarter: current,
    previousQuarter: previous,
    district: { current: figures(districtNow.rows, ''), previous: figures(districtBefore.rows, '') },
    wards: wards.map((w) => ({ id: w.id, name: w.name.vi, current: figures(wardsNow.rows, w.id), previous: figures(wardsBefore.rows, w.id) })),
    months: shownRows(months.rows)
      .filter((r) => mainScale === null || r.scaleSize === mainScale)
      .map((r) => ({ month: r.key, figures: { count: r.count, satisfiedShare: r.satisfiedShare, mean: r.mean, scaleSize: r.scaleSize } })),
  };
}
