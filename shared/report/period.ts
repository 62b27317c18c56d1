import type { ReportQuery } from '../contract/admin-api';

/** How a report names its period (shared/contract/admin-api.ts `ReportQuery`). */
export type PeriodChoice = Pick<ReportQuery, 'period' | 'at' | 'from' | 'to'>;

/** The first and last day (inclusive) of a report's period; null when `at` does not fit the period. */
export function periodDays(q: PeriodChoice): { from: string; to: string } | null {
  const at = q.at ?? '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  let match: RegExpExecArray | null;
  switch (q.period) {
    case 'day':
      return /^\d{4}-\d{2}-\d{2}$/.test(at) && !Number.isNaN(Date.parse(at)) ? { from: at, to: at } : null;
    case 'month':
      if (!(match = /^(\d{4})-(\d{2})$/.exec(at))) return null;
      if (Number(match[2]) < 1 || Number(match[2]) > 12) return null;
      return { from: `${at}-01`, to: `${at}-${pad(lastDay(Number(match[1]), Number(match[2])))}` };
    case 'quarter': {
      if (!(match = /^(\d{4})-Q([1-4])$/.exec(at))) return null;
      const y = Number(match[1]);
      const first = (Number(match[2]) - 1) * 3 + 1;
      return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}` };
    }
    case 'year':
      return /^\d{4}$/.test(at) ? { from: `${at}-01-01`, to: `${at}-12-31` } : null;
    case 'custom':
      return q.from && q.to && q.from <= q.to ? { from: q.from, to: q.to } : null;
  }
}

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';
export type Period = PeriodChoice & { period: PeriodKind };
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The month, quarter or year that holds `day` (YYYY-MM-DD), as a report names it. */
export function periodHolding(kind: PeriodKind, day: string, to = day): Period {
  const [y, m] = day.split('-').map(Number) as [number, number];
  switch (kind) {
    case 'month':
      return { period: 'month', at: `${y}-${pad2(m)}` };
    case 'quarter':
      return { period: 'quarter', at: `${y}-Q${Math.floor((m - 1) / 3) + 1}` };
    case 'year':
      return { period: 'year', at: String(y) };
    case 'custom':
      return { period: 'custom', from: day, to };
  }
}

/** How many days a range holds, its first and last included. */
export const dayCount = (days: { from: string; to: string }) => Math.round((Date.parse(days.to) - Date.parse(days.from)) / 86_400_000) + 1;

/** The period before or after `p` (a custom range moves by its own length). */
export function shiftPeriod(p: Period, step: -1 | 1): Period {
  const days = periodDays(p)!;
  if (p.period === 'custom') {
    const length = dayCount(days);
    const move = (d: string) => new Date(Date.parse(d) + step * length * 86_400_000).toISOString().slice(0, 10);
    return { period: 'custom', from: move(days.from), to: move(days.to) };
  }
  const [y, m] = days.from.split('-').map(Number) as [number, number];
  const months = { month: 1, quarter: 3, year: 12 }[p.period] * step;
  const first = new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
  return periodHolding(p.period, first);
}
