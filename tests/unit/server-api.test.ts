import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/secrets';
import { toIsoWithOffset } from '../../shared/time';
import { builtinTemplate } from '../../shared/templates/builtin';
import { engines, testServer } from './support/server-harness';

describe.each(engines())('district server on %s', (engine) => {
  let server: Awaited<ReturnType<typeof testServer>>;
  afterEach(async () => server?.close());

  it('enrols a kiosk with a single-use code and gives it its ward, counter and template', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk('hang-bac', 'quay-2');
    expect(kiosk.config).toMatchObject({
      kioskId: kiosk.kioskId,
      ward: { id: 'hang-bac', name: { vi: 'UBND Phường Hàng Bạc' } },
      counter: { id: 'quay-2', label: { vi: 'Quầy số 2' } },
      template: { id: 'tt01-2018', version: 3 },
    });
    // The token is stored only as a hash.
    const row = await server.store.db.selectFrom('kiosks').selectAll().where('id', '=', kiosk.kioskId).executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(kiosk.token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a used, wrong or expired enrolment code', async () => {
    server = await testServer(engine);
    const make = () => server.enrolmentCode('trang-tien', 'quay-1');
    const first = await make();
    expect(first.link).toContain(`/kiosk/?enrol=${first.code}`);
    expect(first.qrSvg).toContain('<svg');
    const enrol = (code: string) => server.app.inject({ method: 'POST', url: '/api/v1/enrol', payload: { code } });
    expect((await enrol(first.code)).statusCode).toBe(201);
    expect((await enrol(first.code)).json().error.code).toBe('code_used');
    expect((await enrol('AAAA-BBBB-CCCC')).json().error.code).toBe('unknown_code');
    expect((await enrol('nonsense')).statusCode).toBe(400);
    const second = await make();
    server.advance(25 * 3_600_000);
    expect((await enrol(second.code)).json().error.code).toBe('code_expired');
  });

  it('stores a batch once: a retried batch is all duplicate and counts never change', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const ratings = [
      server.rating(kiosk, { overall: 5 }),
      server.rating(kiosk, { overall: 2, reasons: ['cho-doi-lau'], comment: 'Chờ lâu quá' }),
    ];
    const first = await server.sendBatch(kiosk, ratings);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ accepted: ratings.map((r) => r.id), duplicate: [], rejected: [] });
    expect(await server.counts()).toEqual({ ratings: 2, aggregated: 2 });
    // The answer was lost; the kiosk sends the same ratings again (in another order, another batch).
    const retry = await server.sendBatch(kiosk, [...ratings].reverse());
    expect(retry.json()).toMatchObject({ accepted: [], duplicate: [ratings[1]!.id, ratings[0]!.id], rejected: [] });
    expect(await server.counts()).toEqual({ ratings: 2, aggregated: 2 });
    // The comment became a feedback item to handle.
    const feedback = await server.store.db.selectFrom('feedback').selectAll().execute();
    expect(feedback).toMatchObject([{ rating_id: ratings[1]!.id, status: 'moi', comment: 'Chờ lâu quá' }]);
  });

  it('rejects bad ratings one by one and keeps the good ones beside them', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const other = await server.enrolKiosk('cua-nam', 'quay-1');
    const good = server.rating(kiosk);
    const stored = server.rating(kiosk);
    await server.sendBatch(kiosk, [stored]);
    const batch = [
      server.rating(kiosk, { overall: 9 }),
      server.rating(other),
      server.rating(kiosk, { templateVersion: 7 }),
      { ...stored, overall: 1 },
      good,
      server.rating(kiosk, { criteria: { 'khong-co': 5 } }),
      'not even an object',
      server.rating(kiosk, { counterId: 'quay-2' }),
    ];
    const result = (await server.sendBatch(kiosk, batch)).json();
    expect(result.accepted).toEqual([good.id]);
    expect(result.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
      [0, 'invalid'],
      [1, 'wrong_kiosk'],
      [2, 'unknown_template'],
      [3, 'id_conflict'],
      [5, 'invalid'],
      [6, 'invalid'],
      [7, 'unknown_place'],
    ]);
    expect(await server.counts()).toEqual({ ratings: 2, aggregated: 2 });
  });

  it('refuses missing, wrong, revoked and other kiosks’ tokens', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const other = await server.enrolKiosk('cua-nam', 'quay-1');
    const rating = server.rating(kiosk);
    expect((await server.sendBatch({ ...kiosk, token: '' }, [rating])).statusCode).toBe(401);
    expect((await server.sendBatch({ ...kiosk, token: 'x'.repeat(43) }, [rating])).json().error.code).toBe('invalid_token');
    expect((await server.sendBatch({ ...kiosk, token: other.token }, [rating])).statusCode).toBe(403);
    const admin = await server.login();
    const revoke = await server.app.inject({
      method: 'POST',
      url: `/api/v1/admin/kiosks/${kiosk.kioskId}/revoke`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(revoke.statusCode).toBe(200);
    expect((await server.sendBatch(kiosk, [rating])).json().error.code).toBe('revoked_token');
    expect(await server.counts()).toEqual({ ratings: 0, aggregated: 0 });
  });

  it('re-enrols a revoked kiosk under its own identity, so the ratings it kept still count', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const admin = await server.login();
    const asAdmin = (url: string) =>
      server.app.inject({ method: 'POST', url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf } });
    expect((await asAdmin(`/api/v1/admin/kiosks/${kiosk.kioskId}/revoke`)).statusCode).toBe(200);
    const kept = server.rating(kiosk);
    expect((await server.sendBatch(kiosk, [kept])).statusCode).toBe(401);

    const enrol = (payload: object) => server.app.inject({ method: 'POST', url: '/api/v1/enrol', payload });
    // A kiosk holding unsent ratings refuses an ordinary code, and the code is not spent by it.
    const ordinary = await server.enrolmentCode('trang-tien', 'quay-1');
    const mismatch = await enrol({ code: ordinary.code, keepKioskId: kiosk.kioskId });
    expect([mismatch.statusCode, mismatch.json().error.code]).toEqual([409, 'kiosk_mismatch']);
    expect((await enrol({ code: ordinary.code })).statusCode).toBe(201);

    const code = await asAdmin(`/api/v1/admin/kiosks/${kiosk.kioskId}/reenrolment-code`);
    expect(code.statusCode).toBe(201);
    expect(code.json().link).toContain('/kiosk/?enrol=');
    const redeemed = await enrol({ code: code.json().code, keepKioskId: kiosk.kioskId });
    expect(redeemed.statusCode).toBe(201);
    const again = redeemed.json();
    expect(again.kioskId).toBe(kiosk.kioskId);
    expect(again.config.counter.id).toBe('quay-1');
    // The new token sends what the kiosk kept; the old one stays refused.
    expect((await server.sendBatch({ ...kiosk, token: again.deviceToken }, [kept])).json()).toMatchObject({ accepted: [kept.id] });
    expect((await server.sendBatch(kiosk, [kept])).json().error.code).toBe('invalid_token');
    expect((await asAdmin(`/api/v1/admin/kiosks/${crypto.randomUUID()}/reenrolment-code`)).statusCode).toBe(404);
  });

  it('refuses malformed, oversized and overlong input with a clear 4xx', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const post = (payload: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/ratings/batches',
        headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json' },
        payload,
      });
    expect((await post('{"batchId":')).statusCode).toBe(400);
    expect((await post(JSON.stringify({ batchId: 'x' }))).json().error.code).toBe('invalid_request');
    const many = Array.from({ length: 501 }, () => server.rating(kiosk));
    expect((await server.sendBatch(kiosk, many)).statusCode).toBe(400);
    expect((await server.sendBatch(kiosk, [server.rating(kiosk)], { extra: 1 })).statusCode).toBe(400);
    expect((await post(`{"pad":"${'x'.repeat(3 * 1024 * 1024)}"}`)).statusCode).toBe(413);
    const longComment = server.rating(kiosk, { comment: 'ư'.repeat(2001) });
    expect((await server.sendBatch(kiosk, [longComment])).json().rejected[0].code).toBe('invalid');
    expect(await server.counts()).toEqual({ ratings: 0, aggregated: 0 });
  });

  it('serves the configuration with an ETag and records heartbeats', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const auth = { authorization: `Bearer ${kiosk.token}` };
    const first = await server.app.inject({ method: 'GET', url: '/api/v1/kiosk/config', headers: auth });
    expect(first.statusCode).toBe(200);
    expect(first.json().config.template.id).toBe('sipas-5');
    const again = await server.app.inject({
      method: 'GET',
      url: '/api/v1/kiosk/config',
      headers: { ...auth, 'if-none-match': first.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    const beat = await server.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/heartbeat',
      headers: auth,
      payload: {
        kioskId: kiosk.kioskId,
        sentAt: '2026-11-22T10:00:00.000+07:00',
        queueDepth: 12,
        oldestPendingAgeSeconds: 3600,
        appVersion: '0.1.0',
        lastError: null,
        storageUsedBytes: 1000,
        storageQuotaBytes: 1_000_000,
      },
    });
    expect(beat.statusCode).toBe(200);
    const admin = await server.login();
    const fleet = (await server.app.inject({ method: 'GET', url: '/api/v1/admin/kiosks', headers: { cookie: admin.cookie } })).json();
    expect(fleet[0]).toMatchObject({
      id: kiosk.kioskId,
      appVersion: '0.1.0',
      heartbeat: { queueDepth: 12 },
      silent: false,
      wardName: 'UBND Phường Tràng Tiền',
    });
  });

  it('puts a rating from a kiosk whose clock is a year off in the right quarter', async () => {
    server = await testServer(engine, new Date('2026-12-31T10:00:00Z')); // 17:00 in Vietnam, Q4
    const kiosk = await server.enrolKiosk();
    const yearAhead = 365 * 86_400_000;
    const rating = server.rating(kiosk, { startedAt: '2027-12-31T16:58:00.000+07:00', completedAt: '2027-12-31T16:59:00.000+07:00' });
    const result = await server.sendBatch(kiosk, [rating], {
      sentAt: new Date(Date.parse('2026-12-31T10:00:00Z') + yearAhead).toISOString(),
    });
    expect(result.json().accepted).toEqual([rating.id]);
    const row = await server.store.db.selectFrom('ratings').selectAll().executeTakeFirstOrThrow();
    expect(row.day).toBe('2026-12-31');
    expect(row.completed_at).toBe('2027-12-31T16:59:00.000+07:00'); // the device time is kept as it was
  });

  it('reports count, distribution, mean and satisfied share, without bursts unless asked', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const levels = [5, 5, 4, 3, 2, 1, 4, 5];
    // Eight ratings people gave, and seven given within one minute: a burst the server sets aside.
    const minute = toIsoWithOffset(new Date('2026-11-22T02:30:00Z'), 420);
    await server.sendBatch(kiosk, [
      ...levels.map((overall) => server.rating(kiosk, { overall })),
      ...Array.from({ length: 7 }, () => server.rating(kiosk, { overall: 1, startedAt: minute, completedAt: minute })),
    ]);
    const admin = await server.login();
    const get = (query: string) => server.app.inject({ method: 'GET', url: `/api/v1/reports?${query}`, headers: { cookie: admin.cookie } });
    const report = (await get('period=month&at=2026-11&groupBy=ward')).json();
    // Every ward has its row; one without a rating shows zero, not a gap.
    expect(report.rows.find((r: { key: string }) => r.key === 'cua-nam')).toMatchObject({ count: 0, mean: null, satisfiedShare: null });
    expect(report.rows.filter((r: { count: number }) => r.count > 0)).toEqual([
      {
        key: 'trang-tien',
        label: 'UBND Phường Tràng Tiền',
        labelEn: 'Trang Tien Ward',
        hidden: false,
        count: 8,
        distribution: { 5: 3, 4: 2, 3: 1, 2: 1, 1: 1 },
        mean: 3.625, // 29 / 8
        satisfiedShare: 0.625, // 5 of 8
        scaleSize: 5,
      },
    ]);
    // A day's report (daily counts) and the month's (monthly counts) agree.
    const day = (await get('period=day&at=2026-11-22&groupBy=ward')).json();
    expect(day.rows).toEqual(report.rows);
    const byCriterion = (await get('period=custom&from=2026-11-20&to=2026-11-25&groupBy=month')).json();
    // Months and surveys by their names, never "2026-11" or "tt01-2018".
    expect(byCriterion.rows[0]).toMatchObject({ key: '2026-11', label: 'Tháng 11/2026', count: 8 });
    const byTemplate = (await get('period=month&at=2026-11&groupBy=template')).json();
    expect(byTemplate.rows.map((r: { label: string; labelEn: string }) => [r.label, r.labelEn])).toEqual([
      ['Chỉ số hài lòng SIPAS (5 tiêu chí)', builtinTemplate('sipas-5')!.name.en],
    ]);
    // In English the dashboard shows each row's English name; the files stay Vietnamese.
    expect((await get('period=month&at=2026-11&groupBy=district')).json().rows[0]).toMatchObject({
      label: 'Toàn quận',
      labelEn: 'Whole district',
    });
    expect(byCriterion.rows[0].labelEn).toBe('November 2026');
    const withBursts = (await get('period=quarter&at=2026-Q4&groupBy=district&includeBursts=true')).json();
    expect(withBursts.rows[0].count).toBe(15);
    expect((await get('period=month&at=2026-10&groupBy=ward')).json().rows.map((r: { count: number }) => r.count)).toEqual([0, 0, 0]);
    expect((await get('period=month&at=2026-13')).statusCode).toBe(400);

    // CSV as Vietnamese Excel reads it: ";" between fields, a decimal comma, names in words.
    const csv = await get('period=month&at=2026-11&groupBy=ward&format=csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="bao-cao-hai-long_quan-hoan-kiem-du-lieu-mau_2026-11.csv"');
    const lines = csv.body.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Nhóm;Số lượt đánh giá;Tỷ lệ hài lòng (%);Điểm trung bình;Rất hài lòng;Hài lòng;Bình thường;Không hài lòng;Rất không hài lòng',
    );
    expect(lines).toContain('UBND Phường Tràng Tiền;8;62,5;3,63;3;2;1;1;1');

    // The XLSX is laid out as an official report (its layout is checked in report-export.test.ts).
    const xlsx = await get('period=month&at=2026-11&groupBy=ward&format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Báo cáo')!;
    expect(sheet.getCell('A4').value).toBe('BÁO CÁO KẾT QUẢ ĐÁNH GIÁ SỰ HÀI LÒNG');
    expect(sheet.getCell('A5').value).toBe('Kỳ báo cáo: Tháng 11/2026 (từ 01/11/2026 đến 30/11/2026)');
    const tranTien = sheet.getRows(8, sheet.rowCount - 7)!.find((row) => row.getCell(1).value === 'UBND Phường Tràng Tiền')!;
    expect(tranTien.values).toEqual([undefined, 'UBND Phường Tràng Tiền', 8, 0.625, 3.625, 3, 2, 1, 1, 1]);
  });

  it('hides per-official figures below the minimum number of responses', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    await server.sendBatch(kiosk, [server.rating(kiosk), server.rating(kiosk)]);
    const admin = await server.login();
    const report = (
      await server.app.inject({
        method: 'GET',
        url: '/api/v1/reports?period=month&at=2026-11&groupBy=official',
        headers: { cookie: admin.cookie },
      })
    ).json();
    expect(report.minResponses).toBe(3);
    // Withheld means withheld: no count, distribution, mean or share, in any format — only why.
    expect(report.rows[0]).toEqual({
      key: '',
      label: 'Chưa ghi nhận công chức',
      labelEn: 'Official not recorded',
      hidden: true,
      withheld: 'below_minimum',
    });
    const url = '/api/v1/reports?period=month&at=2026-11&groupBy=official';
    const csv = (await server.app.inject({ method: 'GET', url: `${url}&format=csv`, headers: { cookie: admin.cookie } })).body;
    expect(csv.split('\r\n')[1]).toBe('Chưa ghi nhận công chức;;Ẩn: dưới 3 lượt đánh giá;;;;;;');
    const xlsx = await server.app.inject({ method: 'GET', url: `${url}&format=xlsx`, headers: { cookie: admin.cookie } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const withheld = workbook.worksheets[0]!.getRow(8).values as unknown[];
    expect(withheld[1]).toBe('Chưa ghi nhận công chức');
    expect(withheld.filter((cell) => typeof cell === 'number')).toEqual([]);
  });

  it('lets a ward viewer read its own ward only, and requires CSRF for changes', async () => {
    server = await testServer(engine);
    await server.store.db
      .insertInto('users')
      .values({
        username: 'xem-cua-nam',
        password_hash: await hashPassword('ward-viewer-pass'),
        role: 'ward_viewer',
        ward_id: 'cua-nam',
        created_at: 0,
      })
      .execute();
    const viewer = await server.login('xem-cua-nam', 'ward-viewer-pass');
    const get = (url: string) => server.app.inject({ method: 'GET', url, headers: { cookie: viewer.cookie } });
    expect((await get('/api/v1/reports?period=month&at=2026-11&wardId=cua-nam')).statusCode).toBe(200);
    expect((await get('/api/v1/reports?period=month&at=2026-11&wardId=trang-tien')).statusCode).toBe(403);
    expect((await get('/api/v1/reports?period=month&at=2026-11')).json().unit).toBe('UBND Phường Cửa Nam');
    expect((await get('/api/v1/admin/wards')).json().map((w: { id: string }) => w.id)).toEqual(['cua-nam']);
    const noCsrf = await server.app.inject({
      method: 'POST',
      url: '/api/v1/admin/enrolment-codes',
      headers: { cookie: viewer.cookie },
      payload: { wardId: 'cua-nam', counterId: 'quay-1' },
    });
    expect(noCsrf.json().error.code).toBe('csrf');
    const notAllowed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/admin/enrolment-codes',
      headers: { cookie: viewer.cookie, 'x-csrf-token': viewer.csrf },
      payload: { wardId: 'cua-nam', counterId: 'quay-1' },
    });
    expect(notAllowed.statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/reports?period=month&at=2026-11' })).statusCode).toBe(401);
    const wrong = await server.app.inject({ method: 'POST', url: '/api/v1/admin/login', payload: { username: 'admin', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('rate-limits sign-in and enrolment attempts from one address', async () => {
    server = await testServer(engine);
    const attempt = () =>
      server.app.inject({ method: 'POST', url: '/api/v1/admin/login', payload: { username: 'admin', password: 'guess' } });
    for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    for (let i = 0; i < 10; i++) await server.app.inject({ method: 'POST', url: '/api/v1/enrol', payload: { code: 'AAAA-BBBB-CCCC' } });
    expect((await server.app.inject({ method: 'POST', url: '/api/v1/enrol', payload: { code: 'AAAA-BBBB-CCCC' } })).statusCode).toBe(429);
  });

  it('serves the public results page and the OpenAPI document', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    await server.sendBatch(kiosk, [server.rating(kiosk, { overall: 5 }), server.rating(kiosk, { overall: 1 })]);
    const page = await server.app.inject({ method: 'GET', url: '/public/' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('UBND Phường Tràng Tiền');
    expect(page.body).toContain('50,0%');
    expect(page.body).not.toMatch(/<script|style=/);
    // The Vietnamese font is served with the page, and nothing else from that folder.
    const css = await server.app.inject({ method: 'GET', url: '/public/style.css' });
    expect(css.body).toContain('/public/fonts/be-vietnam-pro-vietnamese-400-normal.woff2');
    const font = await server.app.inject({ method: 'GET', url: '/public/fonts/be-vietnam-pro-vietnamese-400-normal.woff2' });
    expect(font.statusCode).toBe(200);
    expect(font.rawPayload.subarray(0, 4).toString()).toBe('wOF2');
    expect((await server.app.inject({ method: 'GET', url: '/public/fonts/../package.json' })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/public/fonts/be-vietnam-pro-latin-400-normal.woff' })).statusCode).toBe(404);
    // The same figures as data, for a ward's portal.
    const results = (await server.app.inject({ method: 'GET', url: '/api/v1/public/results' })).json();
    expect(results.wards.find((w: { id: string }) => w.id === 'trang-tien')).toMatchObject({
      name: 'UBND Phường Tràng Tiền',
      current: { count: 2, satisfiedShare: 0.5 },
    });
  });
});
