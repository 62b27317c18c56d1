import type { FastifyReply, FastifyRequest } from 'fastify';
import { Role } from '../../shared/contract/admin-api';
import type { Store } from '../db/connect';
import { HttpError } from '../http/errors';
import { hashToken, newSecretToken } from './secrets';

export const SESSION_COOKIE = 'hl_session';
const SESSION_MS = 12 * 3_600_000;

export interface AdminUser {
  id: number;
  username: string;
  role: Role;
  wardId: string | null;
  csrfToken: string;
}

export async function startSession(store: Store, reply: FastifyReply, userId: number, now: Date, secure: boolean) {
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  await store.db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.getTime(),
      expires_at: now.getTime() + SESSION_MS,
    })
    .execute();
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: SESSION_MS / 1000 });
  return csrfToken;
}

/**
 * The signed-in admin, or 401. State-changing requests must also carry the session's CSRF token
 * in `x-csrf-token` (a cookie alone never authorises a change).
 */
export async function requireAdmin(store: Store, request: FastifyRequest, now: Date): Promise<AdminUser> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw new HttpError(401, 'not_signed_in', 'Please sign in.');
  const row = await store.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.role', 'users.ward_id', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.getTime()) throw new HttpError(401, 'not_signed_in', 'Your session has ended: please sign in again.');
  if (!['GET', 'HEAD'].includes(request.method) && request.headers['x-csrf-token'] !== row.csrf_token) {
    throw new HttpError(403, 'csrf', 'Missing or wrong CSRF token.');
  }
  return { id: row.id, username: row.username, role: Role.parse(row.role), wardId: row.ward_id, csrfToken: row.csrf_token };
}

export function requireDistrictAdmin(user: AdminUser) {
  if (user.role !== 'district_admin') throw new HttpError(403, 'forbidden', 'Only a district administrator can do this.');
}

/** A ward viewer sees its own ward only. */
export function wardScope(user: AdminUser, requestedWard: string | undefined): string | undefined {
  if (user.role === 'district_admin') return requestedWard;
  if (requestedWard && requestedWard !== user.wardId) throw new HttpError(403, 'forbidden', 'You can only see your own ward.');
  return user.wardId ?? undefined;
}
