import { sql } from 'kysely';
import type { Store } from '../db/connect';

/** Used and expired enrolment codes are kept this long (a technician may ask about one), then purged. */
export const CODES_KEPT_MS = 30 * 86_400_000;

/**
 * What the server need not keep: ended sessions, enrolment codes used or expired a month ago. The
 * audit log keeps who made each code; ratings, counts and the log are never touched here.
 */
export async function purgeExpired(store: Store, now: Date) {
  const at = now.getTime();
  const sessions = await store.db.deleteFrom('sessions').where('expires_at', '<=', at).executeTakeFirst();
  const codes = await store.db
    .deleteFrom('enrolment_codes')
    .where((eb) =>
      eb.or([eb('used_at', '<', at - CODES_KEPT_MS), eb.and([eb('used_at', 'is', null), eb('expires_at', '<', at - CODES_KEPT_MS)])]),
    )
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), codes: Number(codes.numDeletedRows) };
}

/** The database answers a query: what /readyz asks before a load balancer sends anyone here. */
export async function databaseAnswers(store: Store): Promise<boolean> {
  try {
    await sql`select 1`.execute(store.db);
    return true;
  } catch {
    return false;
  }
}
