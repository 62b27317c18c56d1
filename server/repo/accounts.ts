import { createHash } from 'node:crypto';
import type { Account, OwnSession } from '../../shared/contract/accounts-api';
import type { AdminUser } from '../auth/sessions';
import type { Store } from '../db/connect';
import { HttpError } from '../http/errors';
import { isoAt } from '../time';
import { recordChange } from './audit';

type Who = Pick<AdminUser, 'id' | 'username'>;

export const findUser = (store: Store, username: string) =>
  store.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export async function createUser(
  store: Store,
  who: Who,
  user: { username: string; passwordHash: string; role: string; wardId: string | null },
  at: Date,
) {
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        username: user.username,
        password_hash: user.passwordHash,
        role: user.role,
        ward_id: user.wardId,
        created_at: at.getTime(),
      })
      .execute();
    const ward = user.wardId ? await trx.selectFrom('wards').select('name_vi').where('id', '=', user.wardId).executeTakeFirst() : undefined;
    const after = { role: user.role, ward: ward?.name_vi ?? null };
    await recordChange(trx, who, { action: 'account.create', subject: user.username, wardId: user.wardId, after }, at);
  });
}

export async function endSession(store: Store, tokenHash: string) {
  await store.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** A session's name for its account: derived from its key, so it can end the session but never open one. */
const sessionId = (tokenHash: string) => createHash('sha256').update(`session:${tokenHash}`).digest('base64url').slice(0, 16);

export async function listAccounts(store: Store, now: Date, onlyId?: number): Promise<Account[]> {
  let q = store.db
    .selectFrom('users')
    .leftJoin('wards', 'wards.id', 'users.ward_id')
    .select([
      'users.id',
      'users.username',
      'users.role',
      'users.ward_id',
      'wards.name_vi',
      'users.created_at',
      'users.disabled_at',
      'users.must_change_password',
    ])
    .orderBy('users.username');
  if (onlyId !== undefined) q = q.where('users.id', '=', onlyId);
  const users = await q.execute();
  const open = await store.db
    .selectFrom('sessions')
    .select('user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('expires_at', '>', now.getTime())
    .groupBy('user_id')
    .execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    role: u.role as Account['role'],
    wardId: u.ward_id,
    wardName: u.name_vi ?? null,
    createdAt: isoAt(u.created_at),
    disabledAt: isoAt(u.disabled_at),
    mustChangePassword: u.must_change_password === 1,
    sessions: Number(open.find((s) => s.user_id === u.id)?.n ?? 0),
  }));
}

async function accountRow(store: Store, id: number) {
  const user = await store.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) throw new HttpError(404, 'unknown_account', `No account ${id}`);
  return user;
}

/** Disabled or enabled; disabling ends every session of the account at once. */
export async function setAccountDisabled(store: Store, who: Who, id: number, disabled: boolean, now: Date) {
  const user = await accountRow(store, id);
  if (disabled && id === who.id) throw new HttpError(403, 'forbidden', 'You cannot disable your own account.');
  await store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ disabled_at: disabled ? now.getTime() : null })
      .where('id', '=', id)
      .execute();
    if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await recordChange(
      trx,
      who,
      { action: disabled ? 'account.disable' : 'account.enable', subject: user.username, wardId: user.ward_id },
      now,
    );
  });
}

/** A new password from an administrator: the account must change it at its next sign-in; its sessions end. */
export async function resetPassword(store: Store, who: Who, id: number, passwordHash: string, now: Date) {
  const user = await accountRow(store, id);
  await store.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: 1 }).where('id', '=', id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await recordChange(trx, who, { action: 'account.reset-password', subject: user.username, wardId: user.ward_id }, now);
  });
}

export const passwordHashOf = async (store: Store, id: number) => (await accountRow(store, id)).password_hash;

/** One's own new password; one's other sessions end (whoever else had it is signed out). */
export async function changeOwnPassword(store: Store, who: AdminUser, passwordHash: string, now: Date) {
  await store.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: 0 }).where('id', '=', who.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', who.id).where('token_hash', '!=', who.sessionHash).execute();
    await recordChange(trx, who, { action: 'account.change-password', subject: who.username, wardId: who.wardId }, now);
  });
}

export async function ownSessions(store: Store, who: AdminUser, now: Date): Promise<OwnSession[]> {
  const rows = await store.db
    .selectFrom('sessions')
    .select(['token_hash', 'created_at', 'expires_at', 'user_agent'])
    .where('user_id', '=', who.id)
    .where('expires_at', '>', now.getTime())
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: sessionId(r.token_hash),
    createdAt: isoAt(r.created_at),
    expiresAt: isoAt(r.expires_at),
    userAgent: r.user_agent,
    current: r.token_hash === who.sessionHash,
  }));
}

export async function endOwnSession(store: Store, who: AdminUser, id: string, now: Date) {
  const rows = await store.db.selectFrom('sessions').select('token_hash').where('user_id', '=', who.id).execute();
  const session = rows.find((r) => sessionId(r.token_hash) === id);
  if (!session) throw new HttpError(404, 'unknown_session', 'No such session of yours.');
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('token_hash', '=', session.token_hash).execute();
    await recordChange(trx, who, { action: 'account.end-session', subject: who.username, wardId: who.wardId }, now);
  });
}
