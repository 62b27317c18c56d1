import { describe, expect, it } from 'vitest';
import { judgePassword } from '../../server/auth/password-policy';
import { engines, testServer } from './support/server-harness';

// The dashboard's accounts: roles, disabling (sessions end at once), resets that force a new
// password, one's own password and sessions, every change in the audit log.

type Server = Awaited<ReturnType<typeof testServer>>;
type Session = { cookie: string; csrf: string };

const as = (server: Server, session: Session) => (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  server.app.inject({
    method,
    url,
    headers: { cookie: session.cookie, 'user-agent': 'Test browser', ...(method !== 'GET' && { 'x-csrf-token': session.csrf }) },
    ...(payload !== undefined && { payload: payload as object }),
  });

async function withAccounts(server: Server) {
  const admin = as(server, await server.login());
  for (const account of [
    { username: 'lanhdao.hangbac', role: 'ward_leader', wardId: 'hang-bac' },
    { username: 'xem.hangbac', role: 'ward_viewer', wardId: 'hang-bac' },
  ]) {
    const created = await admin('POST', '/api/v1/admin/users', { ...account, password: 'mot-mat-khau-dai' });
    expect(created.statusCode, created.body).toBe(201);
  }
  const accounts = (await admin('GET', '/api/v1/admin/users')).json() as { id: number; username: string }[];
  const idOf = (username: string) => accounts.find((a) => a.username === username)!.id;
  return { admin, idOf };
}

describe('a password is at least 10 characters and not common or easy to guess', () => {
  it.each([
    ['short1!', 'too_short'],
    ['password123', 'common'],
    ['1234567890', 'common'],
    ['qwertyuiop', 'common'],
    ['hailong2026!', 'guessable'],
    ['admin123456', 'guessable'],
    ['lanhdao.hangbac1', 'guessable'],
    ['mot-mat-khau-dai', 'ok'],
    ['Cây đa giếng nước sân đình', 'ok'],
  ])('%s → %s', (password, verdict) => {
    expect(judgePassword(password, ['lanhdao.hangbac'])).toBe(verdict);
  });
});

describe.each(engines())('accounts (%s)', (engine) => {
  it('roles: a ward leader changes things in their ward only; a ward viewer only reads', async () => {
    const server = await testServer(engine);
    try {
      await withAccounts(server);
      const leader = as(server, await server.login('lanhdao.hangbac', 'mot-mat-khau-dai'));
      const viewer = as(server, await server.login('xem.hangbac', 'mot-mat-khau-dai'));
      const officials = (await leader('GET', '/api/v1/admin/officials')).json() as { id: string; wardId: string }[];
      expect(new Set(officials.map((o) => o.wardId))).toEqual(new Set(['hang-bac']));
      expect((await leader('PUT', `/api/v1/admin/officials/${officials[0]!.id}`, { pin: '246813' })).statusCode).toBe(200);
      // Another ward's official, the organisation, accounts: not theirs.
      expect((await leader('PUT', '/api/v1/admin/officials/trang-tien-cb-1', { pin: '246813' })).statusCode).toBe(403);
      expect((await leader('POST', '/api/v1/admin/organisation/wards', { name: 'UBND Phường Mới' })).statusCode).toBe(403);
      expect((await leader('GET', '/api/v1/admin/users')).statusCode).toBe(403);
      // A viewer reads, and changes nothing.
      expect((await viewer('GET', '/api/v1/reports?period=month&at=2026-11&groupBy=ward')).statusCode).toBe(200);
      expect((await viewer('PUT', `/api/v1/admin/officials/${officials[0]!.id}`, { pin: '135792' })).statusCode).toBe(403);
      expect((await viewer('POST', '/api/v1/admin/alerts/1/acknowledge', { note: 'Đã xem' })).statusCode).toBe(403);
      expect((await viewer('PATCH', '/api/v1/admin/feedback/1', { status: 'in_progress' })).statusCode).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('a disabled account is refused at its very next request, and cannot sign in until enabled', async () => {
    const server = await testServer(engine);
    try {
      const { admin, idOf } = await withAccounts(server);
      const viewer = as(server, await server.login('xem.hangbac', 'mot-mat-khau-dai'));
      expect((await viewer('GET', '/api/v1/admin/session')).statusCode).toBe(200);

      const disabled = await admin('POST', `/api/v1/admin/users/${idOf('xem.hangbac')}/disable`);
      expect(disabled.json()).toMatchObject({ username: 'xem.hangbac', sessions: 0 });
      expect(disabled.json().disabledAt).not.toBeNull();
      expect((await viewer('GET', '/api/v1/reports?period=month&at=2026-11&groupBy=ward')).statusCode).toBe(401);
      const again = await server.app.inject({
        method: 'POST',
        url: '/api/v1/admin/login',
        payload: { username: 'xem.hangbac', password: 'mot-mat-khau-dai' },
      });
      expect([again.statusCode, again.json().error.code]).toEqual([403, 'account_disabled']);
      // Never one's own account: a district is never left without its administrator by a slip.
      expect((await admin('POST', `/api/v1/admin/users/${idOf('admin')}/disable`)).statusCode).toBe(403);

      await admin('POST', `/api/v1/admin/users/${idOf('xem.hangbac')}/enable`);
      await server.login('xem.hangbac', 'mot-mat-khau-dai');
    } finally {
      await server.close();
    }
  });

  it('a reset password must be changed before anything else; the new one must be strong', async () => {
    const server = await testServer(engine);
    try {
      const { admin, idOf } = await withAccounts(server);
      const before = as(server, await server.login('lanhdao.hangbac', 'mot-mat-khau-dai'));
      const weak = await admin('POST', `/api/v1/admin/users/${idOf('lanhdao.hangbac')}/password`, { password: 'password123' });
      expect([weak.statusCode, weak.json().error.code]).toEqual([400, 'weak_password']);
      const reset = await admin('POST', `/api/v1/admin/users/${idOf('lanhdao.hangbac')}/password`, { password: 'tam-thoi-doi-ngay' });
      expect(reset.json()).toMatchObject({ mustChangePassword: true, sessions: 0 });
      expect((await before('GET', '/api/v1/admin/session')).statusCode).toBe(401);

      const leader = as(server, await server.login('lanhdao.hangbac', 'tam-thoi-doi-ngay'));
      expect((await leader('GET', '/api/v1/admin/session')).json().mustChangePassword).toBe(true);
      const blocked = await leader('GET', '/api/v1/reports?period=month&at=2026-11&groupBy=ward');
      expect([blocked.statusCode, blocked.json().error.code]).toEqual([403, 'password_change_required']);
      const wrong = await leader('PUT', '/api/v1/admin/me/password', { current: 'khong-dung-dau', next: 'mat-khau-rieng-cua-toi' });
      expect([wrong.statusCode, wrong.json().error.code]).toEqual([403, 'wrong_password']);
      const common = await leader('PUT', '/api/v1/admin/me/password', { current: 'tam-thoi-doi-ngay', next: 'qwertyuiop' });
      expect([common.statusCode, common.json().error.code]).toEqual([400, 'weak_password']);
      expect(
        (await leader('PUT', '/api/v1/admin/me/password', { current: 'tam-thoi-doi-ngay', next: 'mat-khau-rieng-cua-toi' })).statusCode,
      ).toBe(200);
      expect((await leader('GET', '/api/v1/reports?period=month&at=2026-11&groupBy=ward')).statusCode).toBe(200);
      await server.login('lanhdao.hangbac', 'mat-khau-rieng-cua-toi');
    } finally {
      await server.close();
    }
  });

  it('everyone sees their own sessions and ends one left open elsewhere; a new password ends the others', async () => {
    const server = await testServer(engine);
    try {
      await withAccounts(server);
      const here = as(server, await server.login('xem.hangbac', 'mot-mat-khau-dai'));
      const elsewhere = as(server, await server.login('xem.hangbac', 'mot-mat-khau-dai'));
      const third = as(server, await server.login('xem.hangbac', 'mot-mat-khau-dai'));
      const sessions = (await here('GET', '/api/v1/admin/me/sessions')).json() as {
        id: string;
        current: boolean;
        userAgent: string | null;
      }[];
      expect(sessions).toHaveLength(3);
      expect(sessions.filter((s) => s.current)).toHaveLength(1);
      const other = (await elsewhere('GET', '/api/v1/admin/me/sessions')).json().find((s: { current: boolean }) => s.current).id as string;
      expect((await here('POST', `/api/v1/admin/me/sessions/${other}/end`)).statusCode).toBe(200);
      expect((await elsewhere('GET', '/api/v1/admin/session')).statusCode).toBe(401);
      expect((await here('POST', '/api/v1/admin/me/sessions/AAAAAAAAAAAAAAAA/end')).statusCode).toBe(404);

      expect(
        (await here('PUT', '/api/v1/admin/me/password', { current: 'mot-mat-khau-dai', next: 'mat-khau-moi-cua-toi' })).statusCode,
      ).toBe(200);
      expect((await third('GET', '/api/v1/admin/session')).statusCode).toBe(401);
      expect((await here('GET', '/api/v1/admin/session')).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('every account change is in the audit log, and no password is', async () => {
    const server = await testServer(engine);
    try {
      const { admin, idOf } = await withAccounts(server);
      await admin('POST', `/api/v1/admin/users/${idOf('xem.hangbac')}/disable`);
      await admin('POST', `/api/v1/admin/users/${idOf('lanhdao.hangbac')}/password`, { password: 'tam-thoi-doi-ngay' });
      await admin('PUT', '/api/v1/admin/officials/hang-bac-cb-1', { pin: '975310' });
      const log = await admin('GET', '/api/v1/admin/audit?format=csv');
      const entries = (await admin('GET', '/api/v1/admin/audit')).json() as { action: string; subject: string }[];
      expect(entries.map((e) => e.action)).toEqual([
        'official.pin',
        'account.reset-password',
        'account.disable',
        'account.create',
        'account.create',
      ]);
      expect(entries[0]!.subject).toBe('Phạm Quốc Huy');
      for (const secret of ['mot-mat-khau-dai', 'tam-thoi-doi-ngay', '975310', 'scrypt$', 'pbkdf2']) expect(log.body).not.toContain(secret);
    } finally {
      await server.close();
    }
  });
});
