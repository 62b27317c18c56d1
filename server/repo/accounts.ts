import type { Store } from '../db/connect';

export const findUser = (store: Store, username: string) =>
  store.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export async function createUser(
  store: Store,
  user: { username: string; passwordHash: string; role: string; wardId: string | null },
  at: Date,
) {
  await store.db
    .insertInto('users')
    .values({ username: user.username, password_hash: user.passwordHash, role: user.role, ward_id: user.wardId, created_at: at.getTime() })
    .execute();
}

export async function endSession(store: Store, tokenHash: string) {
  await store.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}
