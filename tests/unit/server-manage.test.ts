import { toIsoWithOffset } from '../../shared/time';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinTemplate } from '../../shared/templates/builtin';
import { engines, testServer } from './support/server-harness';

describe.each(engines())('district administration on %s', (engine) => {
  let server: Awaited<ReturnType<typeof testServer>>;
  afterEach(async () => server?.close());

  it('sets a dossier rated again in its ward aside from the TT01 scores, every rating of it, and shows the repeats', async () => {
    server = await testServer(engine);
    const first = await server.enrolKiosk('hang-bac', 'quay-1');
    const second = await server.enrolKiosk('hang-bac', 'quay-2');
    const code = '000.00.15.H26-241122-0001';
    const answers = (value: number) => ({ criteria: { 'chi-so-1': value }, dossierCode: code });
    // The same dossier twice in one batch, then again from the other counter's kiosk; one other dossier.
    const batch = await server.sendBatch(first, [server.rating(first, answers(3)), server.rating(first, answers(1))]);
    expect(batch.json().accepted).toHaveLength(2);
    const repeat = server.rating(second, answers(1));
    await server.sendBatch(second, [
      repeat,
      server.rating(second, { criteria: { 'chi-so-1': 2 }, dossierCode: '000.00.15.H26-241122-0002' }),
    ]);
    const admin = await server.login();
    const report = (
      await server.app.inject({ method: 'GET', url: '/api/v1/reports/tt01?quarter=2026-Q4', headers: { cookie: admin.cookie } })
    ).json();
    // The three ratings of the repeated dossier wait for the district's review (tests/unit/dossier-review
    // .test.ts); only the other dossier is scored meanwhile.
    expect(report.units[0].indicators).toEqual([{ criterionId: 'chi-so-1', dossiers: 1, score: 1 }]);
    expect(report.repeatedDossiers).toBe(3);
    const stored = await server.store.db
      .selectFrom('ratings')
      .select(['dossier_code', 'dossier_repeat'])
      .orderBy('received_at')
      .orderBy('seq')
      .execute();
    expect(stored.map((r) => r.dossier_repeat)).toEqual([1, 1, 1, 0]);
    // A retry of a repeat is a duplicate like any retry: nothing new is stored or counted.
    const again = await server.sendBatch(second, [repeat]);
    expect(again.json()).toMatchObject({ accepted: [], duplicate: [repeat.id], rejected: [] });
    expect(await server.counts()).toEqual({ ratings: 4, aggregated: 4 });
  });

  it('scores Circular 01/2018 indicators per unit and per official for a quarter', async () => {
    server = await testServer(engine);
    const burstMinute = toIsoWithOffset(new Date('2026-11-22T02:30:00Z'), 420);
    const kiosk = await server.enrolKiosk('hang-bac', 'quay-1');
    await server.sendBatch(kiosk, [
      server.rating(kiosk, { criteria: { 'chi-so-1': 3, 'chi-so-3': 3 } }),
      server.rating(kiosk, { criteria: { 'chi-so-1': 3, 'chi-so-3': 1 } }),
      server.rating(kiosk, { criteria: { 'chi-so-1': 2 } }),
      // Seven in one minute: a burst, left out.
      ...Array.from({ length: 7 }, () =>
        server.rating(kiosk, { criteria: { 'chi-so-1': 1 }, startedAt: burstMinute, completedAt: burstMinute }),
      ),
    ]);
    const admin = await server.login();
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/reports/tt01?quarter=2026-Q4', headers: { cookie: admin.cookie } });
    const report = res.json();
    // chi-so-1: (2 + 2 + 1) / 3 = 1.67; chi-so-3: (2 + 0) / 2 = 1; the burst rating is left out.
    const indicators = [
      { criterionId: 'chi-so-1', dossiers: 3, score: 1.67 },
      { criterionId: 'chi-so-3', dossiers: 2, score: 1 },
    ];
    expect(report.units).toEqual([
      { wardId: 'hang-bac', label: 'UBND Phường Hàng Bạc', indicators, total: 2.67, classification: 'yeu', partial: true },
    ]);
    expect(report.officials).toEqual([
      {
        wardId: 'hang-bac',
        officialId: '',
        label: 'Chưa ghi nhận công chức',
        dossiers: 3,
        hidden: false,
        indicators,
        total: 2.67,
        classification: 'duoi-70',
      },
    ]);
    expect(
      (await server.app.inject({ method: 'GET', url: '/api/v1/reports/tt01?quarter=2026-Q5', headers: { cookie: admin.cookie } }))
        .statusCode,
    ).toBe(400);
  });

  it('edits a template as a new version; kiosks get it, ratings keep theirs', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const old = server.rating(kiosk);
    await server.sendBatch(kiosk, [old]);
    const admin = await server.login();
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const sipas = builtinTemplate('sipas-5')!;
    const edited = { ...sipas, version: 99, idleTimeoutSeconds: 30 };
    const created = await server.app.inject({ method: 'POST', url: '/api/v1/admin/templates', headers, payload: edited });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'sipas-5', version: 2, idleTimeoutSeconds: 30 });
    const bad = await server.app.inject({ method: 'POST', url: '/api/v1/admin/templates', headers, payload: { ...sipas, scale: [] } });
    expect(bad.statusCode).toBe(400);
    const config = await server.app.inject({
      method: 'GET',
      url: '/api/v1/kiosk/config',
      headers: { authorization: `Bearer ${kiosk.token}` },
    });
    expect(config.json().config.template).toMatchObject({ version: 2, idleTimeoutSeconds: 30 });
    // A rating given on version 1 after the edit is still accepted (the kiosk had not pulled yet).
    expect((await server.sendBatch(kiosk, [server.rating(kiosk)])).json().accepted).toHaveLength(1);
    const list = (await server.app.inject({ method: 'GET', url: '/api/v1/admin/templates', headers })).json();
    expect(list.find((t: { id: string }) => t.id === 'sipas-5').versions).toEqual([1, 2]);

    const assign = await server.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/wards/trang-tien/template',
      headers,
      payload: { templateId: 'dvc-3' },
    });
    expect(assign.statusCode).toBe(200);
    const after = await server.app.inject({
      method: 'GET',
      url: '/api/v1/kiosk/config',
      headers: { authorization: `Bearer ${kiosk.token}` },
    });
    expect(after.json().config.template.id).toBe('dvc-3');
    expect(
      (await server.app.inject({ method: 'PUT', url: '/api/v1/admin/wards/trang-tien/template', headers, payload: { templateId: 'nope' } }))
        .statusCode,
    ).toBe(404);
  });

  it('tracks feedback from comments to a response', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    await server.sendBatch(kiosk, [
      server.rating(kiosk, {
        overall: 1,
        comment: 'Cán bộ hẹn lại nhiều lần',
        reasons: ['cho-doi-lau'],
        criteria: { 'tiep-can-dich-vu': 2 },
      }),
      server.rating(kiosk),
    ]);
    const admin = await server.login();
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const list = (await server.app.inject({ method: 'GET', url: '/api/v1/admin/feedback?status=moi', headers })).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 20, dueWorkingDays: 5 });
    // The rating behind the comment, in words.
    expect(list.items[0]).toMatchObject({
      wardName: 'UBND Phường Tràng Tiền',
      counterLabel: 'Quầy số 1',
      overall: 1,
      reasons: [{ vi: 'Chờ đợi lâu', en: 'Long wait' }],
      criteria: [{ label: { vi: 'Tiếp cận dịch vụ', en: expect.any(String) }, answer: { vi: 'Không hài lòng', en: 'Dissatisfied' } }],
      overdue: false,
    });
    const patched = await server.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/feedback/${list.items[0].id}`,
      headers,
      payload: { status: 'da-xu-ly', assignee: 'Trần Văn Minh', responseNote: 'Đã trao đổi với công dân.' },
    });
    expect(patched.json()).toEqual({ ok: true });
    const done = (await server.app.inject({ method: 'GET', url: '/api/v1/admin/feedback?status=da-xu-ly', headers })).json();
    expect(done.items[0]).toMatchObject({ status: 'da-xu-ly', assignee: 'Trần Văn Minh', responseNote: 'Đã trao đổi với công dân.' });
    expect(
      (
        await server.app.inject({
          method: 'PATCH',
          url: `/api/v1/admin/feedback/${list.items[0].id}`,
          headers,
          payload: { status: 'xong' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await server.app.inject({ method: 'PATCH', url: `/api/v1/admin/feedback/${list.items[0].id}`, headers, payload: {} })).statusCode,
    ).toBe(400);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/admin/feedback?status=moi', headers })).json().total).toBe(0);
  });

  it('is a worklist: filters, a search in the comments, pages, and open items overdue after five working days', async () => {
    server = await testServer(engine); // Sunday 22 November 2026, 10:00 in Vietnam
    const kiosk = await server.enrolKiosk();
    const comments = Array.from(
      { length: 23 },
      (_, i) => `Góp ý số ${i + 1}${i === 7 ? ': phòng chờ nóng' : i === 3 ? ': THIẾU GHẾ CHỜ, Đợi lâu' : ''}`,
    );
    const sent = await server.sendBatch(
      kiosk,
      comments.map((comment, i) => server.rating(kiosk, { overall: i % 2 ? 2 : 1, comment })),
    );
    expect(sent.json().accepted).toHaveLength(23);
    let admin = await server.login();
    const get = async (query: string) =>
      (await server.app.inject({ method: 'GET', url: `/api/v1/admin/feedback?${query}`, headers: { cookie: admin.cookie } })).json();
    const first = await get('');
    expect(first.total).toBe(23);
    expect(first.items).toHaveLength(20);
    expect((await get('page=2')).items).toHaveLength(3);
    expect((await get('overall=2')).total).toBe(11);
    const found = async (query: string) => (await get(query)).items.map((i: { comment: string }) => i.comment);
    expect(await found('q=PHÒNG CHỜ')).toEqual(['Góp ý số 8: phòng chờ nóng']);
    // Found whatever the case and with or without the marks, as people type on a phone or a laptop.
    for (const q of ['ghế chờ', 'ghe cho', 'GHE CHO', 'đợi lâu', 'doi lau']) {
      expect(await found(`q=${encodeURIComponent(q)}`), q).toEqual(['Góp ý số 4: THIẾU GHẾ CHỜ, Đợi lâu']);
    }
    expect(await found('q=phong%20cho')).toEqual(['Góp ý số 8: phòng chờ nóng']);
    // A "%" or "_" typed is a character, not a wildcard.
    expect((await get('q=%25')).total).toBe(0);
    expect((await get('q=_')).total).toBe(0);
    const item = (await get(`q=${encodeURIComponent('ghế chờ')}`)).items[0] as { id: number };
    const assigned = await server.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/feedback/${item.id}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { assignee: 'Trần Văn Minh' },
    });
    expect(assigned.statusCode).toBe(200);
    expect((await get('assignee=tran%20van')).total).toBe(1);
    expect((await get(`assignee=${encodeURIComponent('TRẦN')}`)).total).toBe(1);
    expect((await get('from=2026-11-23')).total).toBe(0);
    expect(
      (await server.app.inject({ method: 'GET', url: '/api/v1/admin/feedback?pageSize=1000', headers: { cookie: admin.cookie } }))
        .statusCode,
    ).toBe(400);

    // Received on a Sunday: Monday to Friday are its five working days (the Sunday does not count).
    server.advance(5 * 86_400_000); // Friday (a new sign-in: sessions end when idle this long)
    admin = await server.login();
    expect((await get('overdue=true')).total).toBe(0);
    server.advance(86_400_000); // Saturday
    admin = await server.login();
    expect((await get('overdue=true')).total).toBe(23);
    expect((await get('overdue=false')).total).toBe(0);
  });
});

describe.each(engines())('accounts and implausible clocks on %s', (engine) => {
  let server: Awaited<ReturnType<typeof testServer>>;
  afterEach(async () => server?.close());

  it('a district admin creates a ward viewer, who then signs in to its ward only', async () => {
    server = await testServer(engine);
    const admin = await server.login();
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const create = (payload: Record<string, unknown>) =>
      server.app.inject({ method: 'POST', url: '/api/v1/admin/users', headers, payload });
    expect((await create({ username: 'xem.hang-bac', password: 'mat-khau-dai', role: 'ward_viewer', wardId: 'hang-bac' })).statusCode).toBe(
      201,
    );
    expect((await create({ username: 'xem.hang-bac', password: 'mat-khau-dai', role: 'ward_viewer', wardId: 'hang-bac' })).statusCode).toBe(
      409,
    );
    expect((await create({ username: 'x', password: 'short', role: 'ward_viewer', wardId: null })).statusCode).toBe(400);
    expect((await create({ username: 'ghost', password: 'mat-khau-dai', role: 'ward_viewer', wardId: 'khong-co' })).statusCode).toBe(404);
    const viewer = await server.login('xem.hang-bac', 'mat-khau-dai');
    const wards = await server.app.inject({ method: 'GET', url: '/api/v1/admin/wards', headers: { cookie: viewer.cookie } });
    expect(wards.json().map((w: { id: string }) => w.id)).toEqual(['hang-bac']);
    const stored = await server.store.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'xem.hang-bac')
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$/);
  });

  it('refuses dates absurdly far from the batch time, and a batch sent from an absurd clock', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const result = (
      await server.sendBatch(kiosk, [
        server.rating(kiosk, { startedAt: '1970-01-01T07:00:00.000+07:00' }),
        server.rating(kiosk, { completedAt: '2126-01-01T07:00:00.000+07:00' }),
        server.rating(kiosk, { startedAt: '2026-11-25T07:00:00.000+07:00', completedAt: '2026-11-20T07:00:00.000+07:00' }),
      ])
    ).json();
    expect(result.rejected.map((r: { code: string }) => r.code)).toEqual(['invalid', 'invalid', 'invalid']);
    const absurd = await server.sendBatch(kiosk, [server.rating(kiosk)], { sentAt: '2099-01-01T00:00:00.000+07:00' });
    expect(absurd.json().error.code).toBe('implausible_clock');
    expect(await server.counts()).toEqual({ ratings: 0, aggregated: 0 });
  });
});
