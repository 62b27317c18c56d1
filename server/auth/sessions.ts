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
  /** The session's own key (SHA-256 of its cookie), to tell it from the account's other sessions. */
  sessionHash: string;
  /** After a reset by an administrator: nothing but choosing a password until it is chosen. */
  mustChangePassword: boolean;
}

/**
 * What an account whose password was reset may still do: see who it is, choose its password, sign
 * out. Everything else answers 403 `password_change_required`.
 */
const BEFORE_PASSWORD_CHANGE = new Set(['/api/v1/admin/session', '/api/v1/admin/logout', '/api/v1/admin/me/password']);

export async function startSession(
  store: Store,
  reply: FastifyReply,
  userId: number,
  now: Date,
  secure: boolean,
  userAgent: string | undefined,
) {
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
      user_agent: userAgent?.slice(0, 300) ?? null,
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
    .select([
      'users.id',
      'users.username',
      'users.role',
      'users.ward_id',
      'users.disabled_at',
      'users.must_change_password',
      'sessions.csrf_token',
      'sessions.expires_at',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  // A disabled account's sessions were ended when it was disabled; checked here too, on every request.
  if (!row || row.expires_at <= now.getTime() || row.disabled_at !== null)
    throw new HttpError(401, 'not_signed_in', 'Your session has ended: please sign in again.');
  if (!['GET', 'HEAD'].includes(request.method) && request.headers['x-csrf-token'] !== row.csrf_token) {
    throw new HttpError(403, 'csrf', 'Missing or wrong CSRF token.');
  }
  const mustChangePassword = row.must_change_password === 1;
  if (mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(request.routeOptions.url ?? ''))
    throw new HttpError(403, 'password_change_required', 'Choose a new password first.');
  return {
    id: row.id,
    username: row.username,
    role: Role.parse(row.role),
    wardId: row.ward_id,
    csrfToken: row.csrf_token,
    sessionHash: hashToken(token),
    mustChangePassword,
  };
}

export function requireDistrictAdmin(user: AdminUser) {
  if (user.role !== 'district_admin') throw new HttpError(403, 'forbidden', 'Only a district administrator can do this.');
}

/** Changes within a ward (feedback, alerts, officials' PINs): its leader or the district. */
export function requireWardLeader(user: AdminUser) {
  if (user.role !== 'district_admin' && user.role !== 'ward_leader')
    throw new HttpError(403, 'forbidden', 'Only the ward leader or a district administrator can do this.');
}

/** A ward's leader or viewer sees their own ward only. */
export function wardScope(user: AdminUser, requestedWard: string | undefined): string | undefined {
  if (user.role === 'district_admin') return requestedWard;
  if (requestedWard && requestedWard !== user.wardId) throw new HttpError(403, 'forbidden', 'You can only see your own ward.');
  return user.wardId ?? undefined;
}
