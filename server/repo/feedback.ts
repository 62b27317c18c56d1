import type { FeedbackStatus, FeedbackUpdate } from '../../shared/schema/report';
import type { Store } from '../db/connect';

export function listFeedback(store: Store, filter: { wardId?: string; status?: FeedbackStatus }) {
  let q = store.db.selectFrom('feedback').selectAll().orderBy('created_at', 'desc').limit(500);
  if (filter.wardId) q = q.where('ward_id', '=', filter.wardId);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.execute();
}

/** The ward a feedback item belongs to, for the access check; undefined when there is none. */
export async function feedbackWard(store: Store, id: number): Promise<string | undefined> {
  return (await store.db.selectFrom('feedback').select('ward_id').where('id', '=', id).executeTakeFirst())?.ward_id;
}

export async function updateFeedback(store: Store, id: number, update: FeedbackUpdate, at: Date) {
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
  return store.db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
