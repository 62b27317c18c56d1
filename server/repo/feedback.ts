import { sql, type ExpressionBuilder } from 'kysely';
import { FeedbackStatus, type FeedbackItem, type FeedbackPage, type FeedbackUpdate } from '../../shared/contract/admin-api';
import type { Store } from '../db/connect';
import type { Database, FeedbackTable } from '../db/tables';
import { containsPattern, foldForSearch } from '../../shared/text/fold';
import { loadTemplates } from '../ingest';
import { isoAt, workingDaysBefore } from '../time';

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export interface FeedbackFilter {
  wardId?: string;
  status?: FeedbackStatus;
  overall?: number;
  from?: string;
  to?: string;
  assignee?: string;
  q?: string;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

/**
 * The feedback worklist: filtered, searched in the comment and the assignee whatever the case and
 * the marks, newest first, one page at a time, each item with the rating it came from in words. An
 * open item received more than `dueWorkingDays` working days ago is overdue.
 */
export async function listFeedback(store: Store, filter: FeedbackFilter, now: Date, dueWorkingDays: number): Promise<FeedbackPage> {
  const dueBefore = workingDaysBefore(now, dueWorkingDays);
  let q = store.db.selectFrom('feedback').innerJoin('ratings', 'ratings.id', 'feedback.rating_id');
  if (filter.wardId) q = q.where('feedback.ward_id', '=', filter.wardId);
  if (filter.status) q = q.where('feedback.status', '=', filter.status);
  if (filter.overall) q = q.where('feedback.overall', '=', filter.overall);
  if (filter.from) q = q.where('ratings.day', '>=', filter.from);
  if (filter.to) q = q.where('ratings.day', '<=', filter.to);
  if (filter.assignee) q = q.where(sql<boolean>`feedback.assignee_folded like ${containsPattern(filter.assignee)} escape '\\'`);
  if (filter.q) q = q.where(sql<boolean>`feedback.comment_folded like ${containsPattern(filter.q)} escape '\\'`);
  if (filter.overdue !== undefined) {
    const late = (e: ExpressionBuilder<Database & { feedback: FeedbackTable }, 'feedback'>) =>
      e.and([e('feedback.status', '!=', 'da-xu-ly'), e('feedback.created_at', '<', dueBefore)]);
    q = filter.overdue ? q.where((e) => late(e as never)) : q.where((e) => e.not(late(e as never)));
  }
  const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll('feedback')
    .select([
      'ratings.counter_id',
      'ratings.completed_at',
      'ratings.criteria',
      'ratings.reasons',
      'ratings.scale_size',
      'ratings.template_id',
      'ratings.template_version',
    ])
    .orderBy('feedback.created_at', 'desc')
    .orderBy('feedback.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const words = await loadTemplates(
    store,
    rows.map((r) => ({ templateId: r.template_id, templateVersion: r.template_version })),
  );
  const wards = new Map((await store.db.selectFrom('wards').select(['id', 'name_vi']).execute()).map((w) => [w.id, w.name_vi]));
  const counters = new Map(
    (await store.db.selectFrom('counters').select(['ward_id', 'id', 'label_vi']).execute()).map((c) => [
      `${c.ward_id}/${c.id}`,
      c.label_vi,
    ]),
  );
  const items = rows.map((row): FeedbackItem => {
    const template = words.get(`${row.template_id}@${row.template_version}`);
    const answers = parseJson<Record<string, number>>(row.criteria, {});
    const criteria = (template?.criteria ?? [])
      .filter((c) => answers[c.id] !== undefined)
      .map((c) => {
        const answer = String(answers[c.id]);
        return { label: c.label, answer: c.levels.find((l) => l.value === answers[c.id])?.label ?? { vi: answer, en: answer } };
      });
    const reasons = parseJson<string[]>(row.reasons, []).map(
      (code) => template?.reasons.find((r) => r.code === code)?.label ?? { vi: code, en: code },
    );
    const status = FeedbackStatus.catch('moi').parse(row.status);
    return {
      id: row.id,
      ratingId: row.rating_id,
      wardId: row.ward_id,
      wardName: wards.get(row.ward_id) ?? row.ward_id,
      counterLabel: counters.get(`${row.ward_id}/${row.counter_id}`) ?? row.counter_id,
      overall: row.overall,
      scaleSize: row.scale_size,
      ratedAt: row.completed_at,
      criteria,
      reasons,
      comment: row.comment,
      status,
      assignee: row.assignee,
      responseNote: row.response_note,
      createdAt: isoAt(row.created_at),
      updatedAt: isoAt(row.updated_at),
      overdue: status !== 'da-xu-ly' && row.created_at < dueBefore,
    };
  });
  return { items, total, page: filter.page, pageSize: filter.pageSize, dueWorkingDays };
}

/** The ward a feedback item belongs to, for the access check; undefined when there is none. */
export async function feedbackWard(store: Store, id: number): Promise<string | undefined> {
  return (await store.db.selectFrom('feedback').select('ward_id').where('id', '=', id).executeTakeFirst())?.ward_id;
}

export async function updateFeedback(store: Store, id: number, update: FeedbackUpdate, at: Date): Promise<{ ok: true }> {
  await store.db
    .updateTable('feedback')
    .set({
      ...(update.status !== undefined && { status: update.status }),
      ...(update.assignee !== undefined && {
        assignee: update.assignee,
        assignee_folded: update.assignee === null ? null : foldForSearch(update.assignee),
      }),
      ...(update.responseNote !== undefined && { response_note: update.responseNote }),
      updated_at: at.getTime(),
    })
    .where('id', '=', id)
    .execute();
  return { ok: true as const };
}
