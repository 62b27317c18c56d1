import type { FastifyInstance } from 'fastify';
import { accountsApi } from '../../shared/contract/accounts-api';
import { requireStrongPassword } from '../auth/password-policy';
import { hashPassword, verifyPassword } from '../auth/secrets';
import type { Store } from '../db/connect';
import { declare, type Callers } from '../http/declare';
import { HttpError } from '../http/errors';
import {
  changeOwnPassword,
  endOwnSession,
  listAccounts,
  ownSessions,
  passwordHashOf,
  resetPassword,
  setAccountDisabled,
} from '../repo/accounts';

/** Accounts: a district administrator manages them; everyone keeps their own password and sessions. */
export async function accountRoutes(
  app: FastifyInstance,
  { store, now, callers, authRateLimit }: { store: Store; now: () => Date; callers: Callers; authRateLimit: number },
) {
  const account = async (id: number) => (await listAccounts(store, now(), id))[0]!;

  declare(app, accountsApi.accounts, callers, async () => listAccounts(store, now()));

  declare(app, accountsApi.disableAccount, callers, async ({ user, params: { id } }) => {
    await setAccountDisabled(store, user, id, true, now());
    return account(id);
  });

  declare(app, accountsApi.enableAccount, callers, async ({ user, params: { id } }) => {
    await setAccountDisabled(store, user, id, false, now());
    return account(id);
  });

  declare(app, accountsApi.resetPassword, callers, async ({ user, params: { id }, body }) => {
    const target = await account(id).catch(() => undefined);
    if (!target) throw new HttpError(404, 'unknown_account', `No account ${id}`);
    requireStrongPassword(body.password, [target.username]);
    await resetPassword(store, user, id, await hashPassword(body.password), now());
    return account(id);
  });

  declare(
    app,
    accountsApi.changeOwnPassword,
    callers,
    async ({ user, body }) => {
      if (!(await verifyPassword(body.current, await passwordHashOf(store, user.id))))
        throw new HttpError(403, 'wrong_password', 'The current password is wrong.');
      if (body.next === body.current) throw new HttpError(400, 'weak_password', 'Chọn một mật khẩu mới. / Choose a new password.');
      requireStrongPassword(body.next, [user.username]);
      await changeOwnPassword(store, user, await hashPassword(body.next), now());
      return { ok: true as const };
    },
    // Guessing the current password is as slow as guessing at sign-in.
    { config: { rateLimit: { max: authRateLimit, timeWindow: '1 minute' } } },
  );

  declare(app, accountsApi.ownSessions, callers, async ({ user }) => ownSessions(store, user, now()));

  declare(app, accountsApi.endOwnSession, callers, async ({ user, params: { id } }) => {
    await endOwnSession(store, user, id, now());
    return { ok: true as const };
  });
}
