import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../shared/contract/district-api';
import type { AdminUser } from '../auth/sessions';
import type { Database } from '../db/tables';
import type { Store } from '../db/connect';
import { isoAt, vietnamMidnight } from '../time';

export interface Change {
  /** A stable key: "<what>.<verb>" ("ward.create", "account.disable"). */
  action: string;
  /** What was changed, by the name people know it by. */
  subject: string;
  wardId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the audit log, in the transaction of the change it records (a change is never
 * kept without its entry). Nothing in the application updates or deletes the log.
 */
export async function recordChange(db: Kysely<Database>, who: Pick<AdminUser, 'id' | 'username'> | null, change: Change, at: Date) {
  await db
    .insertInto('audit_log')
    .values({
      at: at.getTime(),
      user_id: who?.id ?? null,
      username: who?.username ?? 'system',
      action: change.action,
      subject: change.subject,
      ward_id: change.wardId ?? null,
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === undefined ? null : JSON.stringify(change.after),
    })
    .execute();
}

export async function listChanges(
  store: Store,
  filter: { username?: string; action?: string; from?: string; to?: string; limit: number },
): Promise<AuditEntry[]> {
  let q = store.db
    .selectFrom('audit_log')
    .leftJoin('wards', 'wards.id', 'audit_log.ward_id')
    .selectAll('audit_log')
    .select('wards.name_vi as ward_name')
    .orderBy('audit_log.id', 'desc')
    .limit(filter.limit);
  if (filter.username) q = q.where('username', '=', filter.username);
  if (filter.action)
    q = filter.action.includes('.') ? q.where('action', '=', filter.action) : q.where('action', 'like', `${filter.action}.%`);
  if (filter.from) q = q.where('at', '>=', vietnamMidnight(filter.from));
  if (filter.to) q = q.where('at', '<', vietnamMidnight(filter.to) + 86_400_000);
  return (await q.execute()).map((row) => ({
    id: row.id,
    at: isoAt(row.at)!,
    username: row.username,
    action: row.action,
    subject: row.subject,
    wardId: row.ward_id,
    wardName: row.ward_name ?? null,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  }));
}

/** The same, on its own (the change it records was committed just before). */
export const noteChange = (store: Store, who: Pick<AdminUser, 'id' | 'username'> | null, change: Change, at: Date) =>
  recordChange(store.db, who, change, at);
