import type { AlertItem } from '../../shared/contract/admin-api';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../server/alerts/mailer';
import { engines, testServer } from './support/server-harness';

type Server = Awaited<ReturnType<typeof testServer>>;

async function alertsOf(server: Server, status: 'open' | 'acknowledged' = 'open') {
  const admin = await server.login();
  const res = await server.app.inject({ method: 'GET', url: `/api/v1/admin/alerts?status=${status}`, headers: { cookie: admin.cookie } });
  expect(res.statusCode).toBe(200);
  return res.json() as AlertItem[];
}

describe.each(engines())('alerts for ward leaders on %s', (engine) => {
  let server: Server;
  afterEach(async () => server?.close());

  it('raises one alert per "Rất không hài lòng" with a comment, however often it is retried or imported', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk('trang-tien', 'quay-1');
    const angry = server.rating(kiosk, { overall: 1, comment: 'Chờ ba tiếng không ai tiếp' });
    const silentAngry = server.rating(kiosk, { overall: 1, comment: '' });
    const content = server.rating(kiosk, { overall: 5, comment: 'Tốt' });
    await server.sendBatch(kiosk, [angry, silentAngry, content]);
    await server.sendBatch(kiosk, [angry]); // a retry
    const open = await alertsOf(server);
    expect(open.map((a) => [a.kind, a.ratingId, a.comment])).toEqual([
      ['very-dissatisfied-comment', angry.id, 'Chờ ba tiếng không ai tiếp'],
    ]);
  });

  it('raises a satisfaction drop once when the share falls below the threshold, and again only after it recovered', async () => {
    server = await testServer(engine);
    const admin = await server.login();
    const settings = { window: 10, minSatisfiedShare: 0.7, silentAfterMinutes: 120 };
    expect(
      (
        await server.app.inject({
          method: 'PUT',
          url: '/api/v1/admin/alert-settings',
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
          payload: settings,
        })
      ).statusCode,
    ).toBe(200);
    const kiosk = await server.enrolKiosk('trang-tien', 'quay-1');
    const send = (levels: number[]) =>
      server.sendBatch(
        kiosk,
        levels.map((overall) => server.rating(kiosk, { overall, comment: '' })),
      );
    await send([5, 5, 5, 5, 5, 5, 5, 5, 4, 4]); // 100 %
    await send([2, 2, 2]); // 7/10 = 70 %: not below
    expect(await alertsOf(server)).toEqual([]);
    await send([3]); // 6/10
    await send([2, 1]); // still low: no second alert
    let drops = (await alertsOf(server)).filter((a) => a.kind === 'satisfaction-drop');
    expect(drops.map((a) => a.details.share)).toEqual([0.6]);
    await send([5, 5, 5, 5, 5, 5, 5, 5, 5, 5]); // recovered
    await send([1, 1, 1, 1]); // 6/10 again: a new drop
    drops = (await alertsOf(server)).filter((a) => a.kind === 'satisfaction-drop');
    expect(drops).toHaveLength(2);
  });

  it('raises a fleet alert for a kiosk silent through opening hours, once per silence', async () => {
    // Monday 08:00 in Vietnam.
    server = await testServer(engine, new Date('2026-11-23T01:00:00Z'));
    const kiosk = await server.enrolKiosk('cua-nam', 'quay-1');
    await server.sendBatch(kiosk, [server.rating(kiosk)]);
    server.advance(90 * 60_000); // 09:30: 90 open minutes
    expect((await alertsOf(server)).filter((a) => a.kind === 'silent-kiosk')).toEqual([]);
    server.advance(60 * 60_000); // 10:30: 150 open minutes > 120
    const silent = (await alertsOf(server)).filter((a) => a.kind === 'silent-kiosk');
    expect(silent.map((a) => a.kioskId)).toEqual([kiosk.kioskId]);
    server.advance(60 * 60_000);
    expect((await alertsOf(server)).filter((a) => a.kind === 'silent-kiosk')).toHaveLength(1);
    // Heard again, then silent again: a new alert.
    await server.sendBatch(kiosk, [server.rating(kiosk)]);
    server.advance(26 * 60 * 60_000); // to Tuesday 13:30: 11:30 → 17:00 and 07:30 → 11:30 open
    expect((await alertsOf(server)).filter((a) => a.kind === 'silent-kiosk')).toHaveLength(2);
  });

  it('is acknowledged with a note, by the district or the ward’s own leader only', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk('trang-tien', 'quay-1');
    await server.sendBatch(kiosk, [server.rating(kiosk, { overall: 1, comment: 'Thái độ không tốt' })]);
    const [alert] = await alertsOf(server);
    const admin = await server.login();
    const make = (username: string, wardId: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/admin/users',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        payload: { username, password: 'mot-mat-khau-dai', role: 'ward_leader', wardId },
      });
    await make('lanh-dao.hangbac', 'hang-bac');
    await make('lanh-dao.trangtien', 'trang-tien');
    const ack = async (username: string, password: string, payload: object) => {
      const who = await server.login(username, password);
      return server.app.inject({
        method: 'POST',
        url: `/api/v1/admin/alerts/${alert!.id}/acknowledge`,
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
        payload,
      });
    };
    expect((await ack('lanh-dao.hangbac', 'mot-mat-khau-dai', { note: 'Đã xử lý' })).statusCode).toBe(404);
    expect((await ack('lanh-dao.trangtien', 'mot-mat-khau-dai', { note: '  ' })).statusCode).toBe(400);
    expect((await ack('lanh-dao.trangtien', 'mot-mat-khau-dai', { note: 'Đã gọi điện xin lỗi công dân' })).statusCode).toBe(200);
    expect((await ack('lanh-dao.trangtien', 'mot-mat-khau-dai', { note: 'lần nữa' })).statusCode).toBe(404);
    expect(await alertsOf(server)).toEqual([]);
    const done = await alertsOf(server, 'acknowledged');
    expect(done.map((a) => [a.note, a.acknowledgedBy])).toEqual([['Đã gọi điện xin lỗi công dân', 'lanh-dao.trangtien']]);
  });
});

describe('alerts by e-mail', () => {
  let close: () => Promise<void> = async () => undefined;
  afterEach(() => close());

  it('e-mails the district’s and the ward’s leaders through SMTP, and a mail server that refuses does not fail the kiosk’s batch', async () => {
    const received: { to: string[]; body: string }[] = [];
    let refuse = false;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo: (address, _session, callback) => callback(refuse ? new Error('mailbox unavailable') : null),
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
          callback();
        });
      },
    });
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    const port = (smtp.server.address() as AddressInfo).port;
    const mailer = smtpMailer({
      url: `smtp://127.0.0.1:${port}`,
      from: 'Hài Lòng <hailong@quan.example>',
      to: ['lanhdao@trangtien.example'],
    })!;
    const server = await testServer('sqlite', undefined, { mailer });
    close = async () => {
      await server.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    };
    const kiosk = await server.enrolKiosk('trang-tien', 'quay-1');
    // The ward's own leader, set on the ward, gets its alerts too.
    const admin = await server.login();
    await server.app.inject({
      method: 'PATCH',
      url: '/api/v1/admin/organisation/wards/trang-tien',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { leaderEmail: 'chutich@trangtien.example' },
    });
    await server.sendBatch(kiosk, [server.rating(kiosk, { overall: 1, comment: 'Phải chờ quá lâu' })]);
    await expect.poll(() => received.length, { timeout: 5_000 }).toBe(1);
    expect(received[0]!.to).toEqual(['lanhdao@trangtien.example', 'chutich@trangtien.example']);
    expect(received[0]!.body).toContain('Subject: =?UTF-8?');

    refuse = true;
    const batch = await server.sendBatch(kiosk, [server.rating(kiosk, { overall: 1, comment: 'Lại chờ lâu' })]);
    expect(batch.statusCode).toBe(200);
    expect(batch.json().accepted).toHaveLength(1);
    await expect
      .poll(
        async () =>
          (await server.store.db.selectFrom('alerts').select('email_error').where('email_error', 'is not', null).execute()).length,
        { timeout: 5_000 },
      )
      .toBe(1);
  });
});
