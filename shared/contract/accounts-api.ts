import { z } from 'zod';
import { IsoDateTime, Slug, Text } from '../schema/common';
import { NumberParams, Role } from './admin-api';
import { route } from './route';

// The dashboard's accounts: a district administrator lists, disables and resets them; everyone
// changes their own password and sees and ends their own sessions. Passwords are at least 10
// characters and not common (the server checks them against zxcvbn's lists).

const Ok = z.strictObject({ ok: z.literal(true) });
const AccountParams = NumberParams;

export const Password = Text.min(10, 'at least 10 characters').max(200);

export const Account = z.strictObject({
  id: z.number().int(),
  username: z.string(),
  role: Role,
  wardId: Slug.nullable(),
  /** The ward's name, for people (ids are never shown). */
  wardName: z.string().nullable(),
  createdAt: IsoDateTime,
  disabledAt: IsoDateTime.nullable(),
  mustChangePassword: z.boolean(),
  /** Sessions open now. */
  sessions: z.number().int(),
});
export type Account = z.infer<typeof Account>;

export const PasswordReset = z.strictObject({ password: Password });
export const OwnPasswordChange = z.strictObject({ current: Text.min(1).max(200), next: Password });

export const OwnSession = z.strictObject({
  /** Not the cookie nor its hash: a name for it that can only end it. */
  id: z.string(),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type OwnSession = z.infer<typeof OwnSession>;

export const accountsApi = {
  accounts: route({
    method: 'GET',
    path: '/api/v1/admin/users',
    summary: 'Every account, with its role, ward, whether it is disabled and how many sessions it has open',
    access: 'district-admin',
    status: 200,
    response: z.array(Account),
    errors: ['not_signed_in', 'forbidden'],
  }),
  disableAccount: route({
    method: 'POST',
    path: '/api/v1/admin/users/:id/disable',
    summary: 'Disable an account: its sessions end at once and it cannot sign in (never one’s own)',
    access: 'district-admin',
    params: AccountParams,
    status: 200,
    response: Account,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_account'],
  }),
  enableAccount: route({
    method: 'POST',
    path: '/api/v1/admin/users/:id/enable',
    summary: 'Enable a disabled account again',
    access: 'district-admin',
    params: AccountParams,
    status: 200,
    response: Account,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_account'],
  }),
  resetPassword: route({
    method: 'POST',
    path: '/api/v1/admin/users/:id/password',
    summary: 'Give an account a new password, which it must change at its next sign-in; its sessions end',
    access: 'district-admin',
    params: AccountParams,
    body: PasswordReset,
    status: 200,
    response: Account,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_account', 'weak_password'],
  }),
  changeOwnPassword: route({
    method: 'PUT',
    path: '/api/v1/admin/me/password',
    summary: 'Change one’s own password (the current one is asked for); one’s other sessions end',
    access: 'signed-in',
    body: OwnPasswordChange,
    status: 200,
    response: Ok,
    errors: ['not_signed_in', 'csrf', 'wrong_password', 'weak_password', 'rate_limited'],
  }),
  ownSessions: route({
    method: 'GET',
    path: '/api/v1/admin/me/sessions',
    summary: 'One’s own open sessions: when and in which browser each was opened',
    access: 'signed-in',
    status: 200,
    response: z.array(OwnSession),
    errors: ['not_signed_in'],
  }),
  endOwnSession: route({
    method: 'POST',
    path: '/api/v1/admin/me/sessions/:id/end',
    summary: 'End one of one’s own sessions (a browser left signed in elsewhere)',
    access: 'signed-in',
    params: z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{16}$/) }),
    status: 200,
    response: Ok,
    errors: ['not_signed_in', 'csrf', 'unknown_session'],
  }),
} as const;
