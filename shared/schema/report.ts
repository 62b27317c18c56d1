import { z } from 'zod';
import { Slug } from './common';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD');

export const ReportGrouping = z.enum(['district', 'ward', 'counter', 'official', 'criterion', 'template', 'month']);
export type ReportGrouping = z.infer<typeof ReportGrouping>;

/** A report's period and grouping, as the dashboard and the export links send them. */
export const ReportQuery = z
  .strictObject({
    period: z.enum(['day', 'month', 'quarter', 'year', 'custom']),
    /** 2026-11-22, 2026-11, 2026-Q4 or 2026, by period. */
    at: z.string().max(10).optional(),
    from: Day.optional(),
    to: Day.optional(),
    groupBy: ReportGrouping.default('ward'),
    wardId: Slug.optional(),
    includeBursts: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  })
  .superRefine((q, ctx) => {
    if (q.period === 'custom' && (!q.from || !q.to)) ctx.addIssue({ code: 'custom', message: 'a custom period needs from and to' });
    if (q.period !== 'custom' && !q.at) ctx.addIssue({ code: 'custom', message: `a ${q.period} report needs at` });
  });
export type ReportQuery = z.infer<typeof ReportQuery>;

/** The first and last day (inclusive) of a report's period; null when `at` does not fit the period. */
export function periodDays(q: Pick<ReportQuery, 'period' | 'at' | 'from' | 'to'>): { from: string; to: string } | null {
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

/** Handling citizens' feedback is itself an evaluated criterion: each comment is tracked to an answer. */
export const FeedbackStatus = z.enum(['moi', 'dang-xu-ly', 'da-xu-ly']);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

export const FeedbackUpdate = z
  .strictObject({
    status: FeedbackStatus.optional(),
    assignee: z.string().trim().max(100).nullable().optional(),
    responseNote: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, 'nothing to change');
export type FeedbackUpdate = z.infer<typeof FeedbackUpdate>;

export const Tt01Query = z.strictObject({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter is written 2026-Q4'),
  wardId: Slug.optional(),
});
