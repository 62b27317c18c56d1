import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { engines, testServer } from './support/server-harness';

// A district of a dozen wards is typed into a spreadsheet, not a form: the workbook the dashboard
// offers, filled in, previewed with every row's problem, applied all at once, and idempotent.

type Server = Awaited<ReturnType<typeof testServer>>;

async function admin(server: Server) {
  const session = await server.login();
  return (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    server.app.inject({
      method,
      url,
      headers: { cookie: session.cookie, ...(method !== 'GET' && { 'x-csrf-token': session.csrf }) },
      ...(payload !== undefined && { payload: payload as object }),
    });
}

async function workbook(sheets: Record<string, string[][]>) {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = book.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

const WARDS = ['Tên phường', 'Tên tiếng Anh', 'Thư điện tử lãnh đạo phường', 'Mẫu khảo sát'];
const COUNTERS = ['Phường', 'Tên quầy', 'Tên tiếng Anh'];
const OFFICIALS = ['Phường', 'Họ tên', 'Chức danh', 'Đang làm việc'];

const district = (fix: boolean) => ({
  Phường: [
    WARDS,
    ['UBND Phường 1', 'Ward 1', 'lanhdao.p1@govap.gov.vn', ''],
    ['UBND Phường 3', '', fix ? 'lanhdao.p3@govap.gov.vn' : 'lanh dao p3', 'Đánh giá nhanh'],
    ['UBND Phường 5', '', '', ''],
  ],
  Quầy: [
    COUNTERS,
    ['UBND Phường 1', 'Quầy số 1', ''],
    ['UBND Phường 1', 'Quầy tiếp nhận hồ sơ đất đai', ''],
    [fix ? 'UBND Phường 3' : 'UBND Phường 30', 'Quầy số 1', ''],
    ['UBND Phường 5', 'Quầy số 1', 'Counter 1'],
  ],
  'Công chức': [
    OFFICIALS,
    ['UBND Phường 1', 'Nguyễn Văn An', 'Công chức địa chính', 'Có'],
    ['UBND Phường 1', 'Trần Thị Bình', 'Công chức tư pháp', ''],
    ['UBND Phường 5', 'Lê Văn Cường', '', fix ? 'Không' : 'nghỉ hưu rồi'],
  ],
});

describe.each(engines())('the organisation from a spreadsheet (%s)', (engine) => {
  it('previews every row’s problem and changes nothing; applies all at once once fixed; a second import changes nothing', async () => {
    const server = await testServer(engine, undefined, { demo: false });
    try {
      const send = await admin(server);
      const preview = await send('POST', '/api/v1/admin/organisation/spreadsheet', { file: await workbook(district(false)), apply: true });
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toMatchObject({ applied: false });
      expect(preview.json().problems).toEqual([
        { sheet: 'Phường', row: 3, column: 'Thư điện tử lãnh đạo phường', problem: 'bad_email', value: 'lanh dao p3' },
        { sheet: 'Quầy', row: 4, column: 'Phường', problem: 'unknown_ward', value: 'UBND Phường 30' },
        { sheet: 'Công chức', row: 4, column: 'Đang làm việc', problem: 'bad_active', value: 'nghỉ hưu rồi' },
      ]);
      // Asked to apply with problems: nothing at all was changed.
      expect((await send('GET', '/api/v1/admin/organisation')).json()).toEqual([]);

      const file = await workbook(district(true));
      const fixed = (await send('POST', '/api/v1/admin/organisation/spreadsheet', { file, apply: false })).json();
      expect(fixed).toMatchObject({ problems: [], applied: false, created: 10, changed: 0, unchanged: 0 });
      expect(fixed.steps.map((s: { what: string; name: string }) => `${s.what}: ${s.name}`)).toContain(
        'counter: UBND Phường 1 — Quầy tiếp nhận hồ sơ đất đai',
      );
      expect((await send('GET', '/api/v1/admin/organisation')).json()).toEqual([]);

      const applied = (await send('POST', '/api/v1/admin/organisation/spreadsheet', { file, apply: true })).json();
      expect(applied).toMatchObject({ applied: true, created: 10 });
      const org = (await send('GET', '/api/v1/admin/organisation')).json() as {
        name: string;
        nameEn: string;
        leaderEmail: string | null;
        templateId: string;
        counters: { name: string }[];
        officials: number;
      }[];
      expect(org.map((w) => [w.name, w.nameEn, w.leaderEmail, w.templateId, w.counters.map((c) => c.name), w.officials])).toEqual([
        ['UBND Phường 1', 'Ward 1', 'lanhdao.p1@govap.gov.vn', 'sipas-5', ['Quầy số 1', 'Quầy tiếp nhận hồ sơ đất đai'], 2],
        ['UBND Phường 3', 'UBND Phường 3', 'lanhdao.p3@govap.gov.vn', 'quick', ['Quầy số 1'], 0],
        ['UBND Phường 5', 'UBND Phường 5', null, 'sipas-5', ['Quầy số 1'], 1],
      ]);
      const officials = (await send('GET', '/api/v1/admin/officials')).json() as { name: string; active: boolean }[];
      expect(officials.find((o) => o.name === 'Lê Văn Cường')?.active).toBe(false);
      const logged = (await send('GET', '/api/v1/admin/audit')).json().length;
      expect(logged).toBe(10);

      // The same file again: nothing to do, nothing changed, nothing logged.
      const again = (await send('POST', '/api/v1/admin/organisation/spreadsheet', { file, apply: true })).json();
      expect(again).toMatchObject({ applied: false, created: 0, changed: 0, unchanged: 10, problems: [] });
      expect((await send('GET', '/api/v1/admin/audit')).json().length).toBe(logged);

      // The workbook the dashboard offers holds what is there, and imports back as unchanged.
      const download = await send('GET', '/api/v1/admin/organisation/spreadsheet');
      expect(download.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Phường', 'Quầy', 'Công chức']);
      expect(book.getWorksheet('Phường')!.getRow(1).values).toEqual([undefined, ...WARDS]);
      const roundTrip = (
        await send('POST', '/api/v1/admin/organisation/spreadsheet', { file: download.rawPayload.toString('base64'), apply: false })
      ).json();
      expect(roundTrip).toMatchObject({ problems: [], created: 0, changed: 0, unchanged: 10 });

      // A change in the sheet is a change, shown with its old and new value.
      const changed = district(true);
      changed['Công chức'][3]![3] = 'Có';
      const step = (await send('POST', '/api/v1/admin/organisation/spreadsheet', { file: await workbook(changed), apply: false })).json();
      expect(step.steps.filter((s: { kind: string }) => s.kind === 'change')).toEqual([
        {
          sheet: 'Công chức',
          row: 4,
          kind: 'change',
          what: 'official',
          name: 'Lê Văn Cường (UBND Phường 5)',
          fields: [{ field: 'active', from: 'Không', to: 'Có' }],
        },
      ]);
    } finally {
      await server.close();
    }
  });

  it('refuses a workbook without its sheets, a CSV, a CSV in another encoding, and an oversized file, with a reason', async () => {
    const server = await testServer(engine, undefined, { demo: false });
    try {
      const send = await admin(server);
      const missing = (
        await send('POST', '/api/v1/admin/organisation/spreadsheet', { file: await workbook({ Sheet1: [['a']] }), apply: true })
      ).json();
      expect(missing.problems.map((p: { sheet: string; problem: string }) => `${p.sheet}: ${p.problem}`)).toEqual([
        'Phường: missing_sheet',
        'Quầy: missing_sheet',
        'Công chức: missing_sheet',
      ]);
      const noColumn = await workbook({ Phường: [['Tên']], Quầy: [COUNTERS], 'Công chức': [OFFICIALS] });
      expect((await send('POST', '/api/v1/admin/organisation/spreadsheet', { file: noColumn, apply: false })).json().problems).toEqual([
        { sheet: 'Phường', row: null, column: 'Tên phường', problem: 'missing_column', value: null },
      ]);

      const csv = Buffer.from('Tên phường\nUBND Phường 1\n', 'utf8').toString('base64');
      const asCsv = await send('POST', '/api/v1/admin/organisation/spreadsheet', { file: csv, apply: false });
      expect([asCsv.statusCode, asCsv.json().error.code]).toEqual([400, 'not_a_spreadsheet']);
      // "Phường" in Windows-1258 (Vietnamese ANSI): P h 0xFD 0xF5 0xE0 n g — not UTF-8.
      const ansi = Buffer.from([0x54, 0xea, 0x6e, 0x20, 0x50, 0x68, 0xfd, 0xf5, 0xe0, 0x6e, 0x67, 0x0a]).toString('base64');
      const asAnsi = await send('POST', '/api/v1/admin/organisation/spreadsheet', { file: ansi, apply: false });
      expect([asAnsi.statusCode, asAnsi.json().error.code]).toEqual([400, 'wrong_encoding']);
      const huge = await send('POST', '/api/v1/admin/organisation/spreadsheet', { file: 'A'.repeat(9_000_000), apply: false });
      expect(huge.statusCode).toBe(413);
      expect((await send('GET', '/api/v1/admin/organisation')).json()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
