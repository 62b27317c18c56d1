import type { Selectable } from 'kysely';
import { FeedbackStatus, type FeedbackItem, type FeedbackUpdate } from '../../shared/contract/admin-api';
import type { Store } from '../db/connect';
import type { FeedbackTable } from '../db/tables';
import { isoAt } from '../time';

const toItem = (row: Selectable<FeedbackTable>): FeedbackItem => ({
  id: row.id,
  ratingId: row.rating_id,
  wardId: row.ward_id,
  overall: row.overall,
  comment: row.comment,
  status: FeedbackStatus.catch('moi').parse(row.status),
  assignee: row.assignee,
  responseNote: row.response_note,
  createdAt: isoAt(row.created_at),
  updatedAt: isoAt(row.updated_at),
});

export async function listFeedback(store: Store, filter: { wardId?: string; status?: FeedbackStatus }): Promise<FeedbackItem[]> {
  let q = store.db.selectFrom('feedback').selectAll().orderBy('created_at', 'desc').limit(500);
  if (filter.wardId) q = q.where('ward_id', '=', filter.wardId);
  if (filter.status) q = q.where('status', '=', filter.status);
  return (await q.execute()).map(toItem);
}

/** The ward a feedback item belongs to, for the access check; undefined when there is none. */
export async function feedbackWard(store: Store, id: number): Promise<string | undefined> {
  return (await store.db.selectFrom('feedback').select('ward_id').where('id', '=', id).executeTakeFirst())?.ward_id;
}

export async function updateFeedback(store: Store, id: number, update: FeedbackUpdate, at: Date): Promise<FeedbackItem> {
  await store.db
    .updateTable('feedback')
    .set({
      ...(update.status !== undefined && { status: update.status }),
      ...(update.assignee !== undefined && { assignee: update.assignee }),
      ...(update.responseNote !== undefined && { response_note: update.responseNote }),
      updated_at: at.getTime(),
    })
    .where('id', '=', id)
    .execute();
  return toItem(await store.db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
