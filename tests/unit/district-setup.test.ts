import { describe, expect, it } from 'vitest';
import { engines, testServer } from './support/server-harness';

// A real district sets itself up from an empty server: the district, its wards, counters and
// officials, each change in the audit log; renamed and retired things keep their history.

type Server = Awaited<ReturnType<typeof testServer>>;

async function adminClient(server: Server) {
  const admin = await server.login();
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
    server.app.inject({
      method,
      url,
      headers: { cookie: admin.cookie, ...(method !== 'GET' && { 'x-csrf-token': admin.csrf }) },
      ...(payload !== undefined && { payload: payload as object }),
    });
  return { send, admin };
}

/** The report's rows that have ratings (by ward, every ward has a row, zero included). */
const reportRows = async (send: Awaited<ReturnType<typeof adminClient>>['send'], groupBy: string) =>
  (
    (await send('GET', `/api/v1/reports?period=month&at=2026-11&groupBy=${groupBy}`)).json().rows as {
      key: string;
      label: string;
      count: number;
    }[]
  ).filter((row) => row.count > 0);

describe.each(engines())('a district sets itself up from an empty server (%s)', (engine) => {
  it('starts empty, is described by hand, enrols a kiosk at a new counter, and reports under the names typed', async () => {
    const server = await testServer(engine, undefined, { demo: false });
    try {
      const { send } = await adminClient(server);
      // Nothing but the first administrator and the built-in templates.
      expect((await send('GET', '/api/v1/admin/district')).json()).toEqual({ district: null, demo: false, setup: 'district' });
      expect((await send('GET', '/api/v1/admin/wards')).json()).toEqual([]);

      const district = { name: 'UBND Quận Gò Vấp', province: 'Thành phố Hồ Chí Minh', unit: 'Ủy ban nhân dân Quận Gò Vấp' };
      expect((await send('PUT', '/api/v1/admin/district', district)).json()).toEqual({ district, demo: false, setup: 'wards' });

      const created = await send('POST', '/api/v1/admin/organisation/wards', {
        name: 'UBND Phường 1',
        leaderEmail: 'lanhdao.p1@govap.gov.vn',
      });
      expect(created.statusCode).toBe(201);
      const ward = created.json();
      expect(ward).toMatchObject({
        name: 'UBND Phường 1',
        nameEn: 'UBND Phường 1',
        leaderEmail: 'lanhdao.p1@govap.gov.vn',
        retiredAt: null,
        counters: [],
      });
      expect(ward.id).toMatch(/^[a-z0-9-]+$/);
      expect((await send('GET', '/api/v1/admin/district')).json().setup).toBe('done');

      const counter = await send('POST', `/api/v1/admin/organisation/wards/${ward.id}/counters`, { name: 'Quầy tiếp nhận hồ sơ đất đai' });
      expect(counter.statusCode).toBe(201);
      const counterId = counter.json().id as string;
      const official = (
        await send('POST', '/api/v1/admin/organisation/officials', { wardId: ward.id, name: 'Nguyễn Văn An', title: 'Công chức địa chính' })
      ).json();

      // The counter's enrolment link, as the dashboard's QR code carries it, enrols a kiosk there.
      const kiosk = await server.enrolKiosk(ward.id, counterId);
      expect(kiosk.config.ward.name.vi).toBe('UBND Phường 1');
      expect(kiosk.config.counter.label.vi).toBe('Quầy tiếp nhận hồ sơ đất đai');
      expect(kiosk.config.retired).toBe(false);
      const org = (await send('GET', '/api/v1/admin/organisation')).json();
      expect(org[0].counters[0].kiosks.map((k: { id: string }) => k.id)).toEqual([kiosk.kioskId]);

      const sent = await server.sendBatch(kiosk, [
        server.rating(kiosk, { overall: 5, officialId: official.id }),
        server.rating(kiosk, { overall: 4, officialId: official.id }),
        server.rating(kiosk, { overall: 2 }),
      ]);
      expect(sent.json().accepted).toHaveLength(3);
      expect(await reportRows(send, 'ward')).toMatchObject([{ key: ward.id, label: 'UBND Phường 1', count: 3 }]);
      expect((await send('GET', '/api/v1/reports?period=month&at=2026-11&groupBy=ward')).json().unit).toBe('Ủy ban nhân dân Quận Gò Vấp');

      // Renamed: every report shows the new name, for all its history.
      const renamed = await send('PATCH', `/api/v1/admin/organisation/wards/${ward.id}`, { name: 'UBND Phường An Nhơn' });
      expect(renamed.statusCode).toBe(200);
      expect(await reportRows(send, 'ward')).toMatchObject([{ key: ward.id, label: 'UBND Phường An Nhơn', count: 3 }]);

      // Moved to another ward: the official's ratings stay with the ward they were given in.
      const second = (await send('POST', '/api/v1/admin/organisation/wards', { name: 'UBND Phường 3' })).json();
      expect((await send('PATCH', `/api/v1/admin/organisation/officials/${official.id}`, { wardId: second.id })).json()).toEqual({
        id: official.id,
        wardId: second.id,
        name: 'Nguyễn Văn An',
      });
      const byOfficial = (await send('GET', `/api/v1/reports?period=month&at=2026-11&groupBy=official&wardId=${ward.id}`)).json();
      expect(byOfficial.rows.find((r: { key: string }) => r.key === official.id)).toBeDefined();
      expect(await reportRows(send, 'ward')).toMatchObject([{ key: ward.id, count: 3 }]);

      // Every change is in the audit log, newest first, with who and before/after.
      const log = (await send('GET', '/api/v1/admin/audit')).json() as {
        action: string;
        username: string;
        subject: string;
        before: unknown;
        after: unknown;
      }[];
      expect(log.map((e) => e.action)).toEqual([
        'official.move',
        'ward.create',
        'ward.change',
        'kiosk.enrolment-code',
        'official.create',
        'counter.create',
        'ward.create',
        'district.change',
      ]);
      expect(log.every((e) => e.username === 'admin')).toBe(true);
      // People read names there, never ids.
      expect(log.find((e) => e.action === 'kiosk.enrolment-code')?.subject).toBe('UBND Phường 1 — Quầy tiếp nhận hồ sơ đất đai');
      expect(log.find((e) => e.action === 'ward.change')).toMatchObject({
        before: { name: 'UBND Phường 1' },
        after: { name: 'UBND Phường An Nhơn' },
      });
      const wardOnly = (await send('GET', '/api/v1/admin/audit?action=ward')).json() as { action: string }[];
      expect(wardOnly.map((e) => e.action)).toEqual(['ward.create', 'ward.change', 'ward.create']);
      const csv = await send('GET', '/api/v1/admin/audit?format=csv');
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body.startsWith('\uFEFFThời điểm,Tài khoản,Thao tác')).toBe(true);
      expect(csv.body).toContain('UBND Phường An Nhơn');
      // Actions and wards by name, never by key or id.
      expect(csv.body).toContain('Thêm phường');
      expect(csv.body).not.toContain('ward.create');
      expect(csv.body).not.toContain(`,${ward.id},`);
    } finally {
      await server.close();
    }
  });

  it('refuses bad input with a code and changes nothing: taken names, a counter in a retired ward, broken text', async () => {
    const server = await testServer(engine, undefined, { demo: false });
    try {
      const { send } = await adminClient(server);
      const ward = (await send('POST', '/api/v1/admin/organisation/wards', { name: 'UBND Phường 7' })).json();
      const auditBefore = (await send('GET', '/api/v1/admin/audit')).json().length;
      const cases: [string, 'POST' | 'PATCH', string, unknown, number, string][] = [
        [
          'the same name, other case and spacing',
          'POST',
          '/api/v1/admin/organisation/wards',
          { name: '  ubnd  phường 7 ' },
          409,
          'name_taken',
        ],
        ['a NUL character', 'POST', '/api/v1/admin/organisation/wards', { name: 'UBND\u0000Phường 8' }, 400, 'invalid_request'],
        ['a name on two lines', 'POST', '/api/v1/admin/organisation/wards', { name: 'UBND\nPhường 8' }, 400, 'invalid_request'],
        ['an empty name', 'POST', '/api/v1/admin/organisation/wards', { name: ' ' }, 400, 'invalid_request'],
        [
          'an unknown template',
          'POST',
          '/api/v1/admin/organisation/wards',
          { name: 'UBND Phường 9', templateId: 'khong-co' },
          404,
          'unknown_template',
        ],
        [
          'not an e-mail',
          'POST',
          '/api/v1/admin/organisation/wards',
          { name: 'UBND Phường 9', leaderEmail: 'lanh dao' },
          400,
          'invalid_request',
        ],
        ['nothing to change', 'PATCH', `/api/v1/admin/organisation/wards/${ward.id}`, {}, 400, 'invalid_request'],
        ['a counter of no ward', 'POST', '/api/v1/admin/organisation/wards/khong-co/counters', { name: 'Quầy số 1' }, 404, 'unknown_ward'],
        [
          'an official of no ward',
          'POST',
          '/api/v1/admin/organisation/officials',
          { wardId: 'khong-co', name: 'Lê Văn B' },
          404,
          'unknown_ward',
        ],
      ];
      for (const [what, method, url, payload, status, code] of cases) {
        const res = await send(method, url, payload);
        expect([what, res.statusCode, res.json().error.code]).toEqual([what, status, code]);
      }
      await send('POST', `/api/v1/admin/organisation/wards/${ward.id}/counters`, { name: 'Quầy số 1' });
      const twice = await send('POST', `/api/v1/admin/organisation/wards/${ward.id}/counters`, { name: 'quầy số 1' });
      expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'name_taken']);

      expect((await send('POST', `/api/v1/admin/organisation/wards/${ward.id}/retire`)).statusCode).toBe(200);
      for (const [method, url, payload] of [
        ['POST', `/api/v1/admin/organisation/wards/${ward.id}/counters`, { name: 'Quầy số 2' }],
        ['PATCH', `/api/v1/admin/organisation/wards/${ward.id}`, { name: 'UBND Phường 70' }],
        ['POST', `/api/v1/admin/organisation/wards/${ward.id}/retire`, undefined],
        ['POST', '/api/v1/admin/organisation/officials', { wardId: ward.id, name: 'Lê Văn C' }],
      ] as const) {
        const res = await send(method, url, payload);
        expect([url, res.statusCode, res.json().error.code]).toEqual([url, 409, 'ward_retired']);
      }
      const org = (await send('GET', '/api/v1/admin/organisation')).json();
      expect(org).toHaveLength(1);
      expect(org[0].counters.map((c: { name: string }) => c.name)).toEqual(['Quầy số 1']);
      // Only the counter and the retirement were recorded.
      expect((await send('GET', '/api/v1/admin/audit')).json().length).toBe(auditBefore + 2);
    } finally {
      await server.close();
    }
  });

  it('a retired ward keeps its history, takes no new kiosk, and tells its kiosks to stop taking ratings', async () => {
    const server = await testServer(engine);
    try {
      const { send } = await adminClient(server);
      const kiosk = await server.enrolKiosk('hang-bac', 'quay-1');
      expect((await server.sendBatch(kiosk, [server.rating(kiosk, { overall: 5 })])).json().accepted).toHaveLength(1);
      const unused = await server.enrolmentCode('hang-bac', 'quay-2');

      const retired = await send('POST', '/api/v1/admin/organisation/wards/hang-bac/retire');
      expect(retired.json().retiredAt).not.toBeNull();

      // No new enrolment: neither a new code nor one made before.
      const code = await send('POST', '/api/v1/admin/enrolment-codes', { wardId: 'hang-bac', counterId: 'quay-1' });
      expect([code.statusCode, code.json().error.code]).toEqual([409, 'ward_retired']);
      const redeem = await server.app.inject({ method: 'POST', url: '/api/v1/enrol', payload: { code: unused.code } });
      expect(redeem.statusCode).toBeGreaterThanOrEqual(400);
      expect(redeem.statusCode).toBeLessThan(500);

      // Its kiosk learns it with its configuration, and what it still held is still counted.
      const config = await server.app.inject({
        method: 'GET',
        url: '/api/v1/kiosk/config',
        headers: { authorization: `Bearer ${kiosk.token}` },
      });
      expect(config.json().config.retired).toBe(true);
      expect((await server.sendBatch(kiosk, [server.rating(kiosk, { overall: 4 })])).json().accepted).toHaveLength(1);
      expect((await reportRows(send, 'ward')).find((r) => r.key === 'hang-bac')).toMatchObject({ label: 'UBND Phường Hàng Bạc', count: 2 });
      // A re-enrolment code for its own kiosk still works (a kiosk that lost its token brings its ratings in).
      const again = await send('POST', `/api/v1/admin/kiosks/${kiosk.kioskId}/reenrolment-code`);
      expect(again.statusCode).toBe(201);
      expect(await server.counts()).toMatchObject({ ratings: 2 });
    } finally {
      await server.close();
    }
  });

  it('only a district administrator describes the district or reads the audit log', async () => {
    const server = await testServer(engine);
    try {
      const { send } = await adminClient(server);
      await send('POST', '/api/v1/admin/users', {
        username: 'xem.hangbac',
        password: 'mot-mat-khau-dai',
        role: 'ward_viewer',
        wardId: 'hang-bac',
      });
      const viewer = await server.login('xem.hangbac', 'mot-mat-khau-dai');
      const headers = { cookie: viewer.cookie, 'x-csrf-token': viewer.csrf };
      for (const [method, url, payload] of [
        ['PUT', '/api/v1/admin/district', { name: 'UBND Quận X', province: 'Tỉnh Y', unit: 'UBND Quận X' }],
        ['POST', '/api/v1/admin/organisation/wards', { name: 'UBND Phường Z' }],
        ['GET', '/api/v1/admin/audit', undefined],
        ['GET', '/api/v1/admin/organisation', undefined],
      ] as const) {
        const res = await server.app.inject({ method, url, headers, ...(payload && { payload }) });
        expect([url, res.statusCode]).toEqual([url, 403]);
      }
      // The demo district says it is the demo.
      expect((await server.app.inject({ method: 'GET', url: '/api/v1/admin/district', headers })).json()).toMatchObject({
        demo: true,
        setup: 'done',
      });
      // Nothing edits or deletes the log: no route but the one that reads it.
      const auditRoutes = server.app.routeTable.filter((r) => r.url.startsWith('/api/v1/admin/audit') && r.method !== 'HEAD');
      expect(auditRoutes.map((r) => r.method)).toEqual(['GET']);
    } finally {
      await server.close();
    }
  });
});
