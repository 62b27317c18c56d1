import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { testServer } from './support/server-harness';
import type { Report } from '../../shared/contract/admin-api';
import { fileSlug, periodLabel, reportFileName } from '../../shared/report/naming';
import { placeOf, reportCsv, reportXlsx } from '../../server/reports/export';
import { summarise } from '../../shared/report/cells';

const district = { name: 'UBND Quận Gò Vấp', province: 'Thành phố Hồ Chí Minh', unit: 'UBND Quận Gò Vấp' };
const row = (key: string, label: string, levels: [number, number][]) => ({
  key,
  label,
  hidden: false as const,
  ...summarise(
    levels.map(([overall, count]) => ({ overall, count })),
    5,
  ),
});
const report: Report = {
  title: 'Báo cáo kết quả đánh giá sự hài lòng',
  unit: 'UBND Quận Gò Vấp',
  from: '2026-10-01',
  to: '2026-12-31',
  groupBy: 'ward',
  includeBursts: false,
  minResponses: 3,
  rows: [
    row('phuong-1', 'UBND Phường 1', [
      [5, 6],
      [4, 2],
      [2, 2],
    ]),
    row('phuong-3', 'UBND Phường 3', [
      [5, 1],
      [3, 3],
    ]),
  ],
};

async function open(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.getWorksheet('Báo cáo')!;
}

describe('the report as an official document (XLSX)', () => {
  it('has the national heading, the unit, title, period, a bordered table with number formats, totals, notes, date line and signatures, on A4 fitted to width', async () => {
    const sheet = await open(
      await reportXlsx(report, {
        district,
        period: 'Quý 4/2026 (từ 01/10/2026 đến 31/12/2026)',
        now: new Date('2026-12-02T03:00:00Z'),
      }),
    );
    const texts = sheet.getSheetValues().flatMap((values) => (Array.isArray(values) ? values.filter((v) => typeof v === 'string') : []));
    expect(sheet.getCell('A1').value).toBe('UBND THÀNH PHỐ HỒ CHÍ MINH');
    expect(sheet.getCell('A2').value).toBe('UBND QUẬN GÒ VẤP');
    expect(texts).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(texts).toContain('Độc lập – Tự do – Hạnh phúc');
    expect(sheet.getCell('A4').value).toBe('BÁO CÁO KẾT QUẢ ĐÁNH GIÁ SỰ HÀI LÒNG');
    expect(sheet.getCell('A5').value).toBe('Kỳ báo cáo: Quý 4/2026 (từ 01/10/2026 đến 31/12/2026)');

    // The table: named columns, levels by name, borders on every cell, numbers formatted.
    expect(sheet.getRow(7).values).toEqual([
      undefined,
      'Nhóm',
      'Số lượt đánh giá',
      'Tỷ lệ hài lòng',
      'Điểm trung bình',
      'Rất hài lòng',
      'Hài lòng',
      'Bình thường',
      'Không hài lòng',
      'Rất không hài lòng',
    ]);
    const first = sheet.getRow(8);
    expect(first.getCell(1).value).toBe('UBND Phường 1');
    expect(first.getCell(3).value).toBe(0.8);
    expect(first.getCell(3).numFmt).toBe('0.0%');
    expect(first.getCell(4).numFmt).toBe('0.00');
    for (let c = 1; c <= 9; c++) expect(first.getCell(c).border?.bottom?.style).toBe('thin');
    // Totals: 14 ratings, 9 satisfied, the pooled mean and distribution.
    const totals = sheet.getRow(10);
    expect(totals.getCell(1).value).toBe('Tổng cộng');
    expect(totals.getCell(2).value).toBe(14);
    expect(totals.getCell(3).value).toBeCloseTo(9 / 14, 6);
    expect(totals.getCell(5).value).toBe(7);
    expect(totals.font?.bold ?? totals.getCell(1).font?.bold).toBe(true);

    expect(texts.some((t) => t.startsWith('Ghi chú: không tính các lượt đánh giá dồn dập'))).toBe(true);
    expect(texts).toContain('Gò Vấp, ngày 02 tháng 12 năm 2026');
    expect(texts).toEqual(expect.arrayContaining(['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ']));

    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '7:7' });
  });

  it('a ward’s report sits under the district; withheld officials stay out of the totals', async () => {
    const ward: Report = {
      ...report,
      unit: 'UBND Phường 1',
      groupBy: 'official',
      rows: [report.rows[0]!, { key: 'cb-2', label: 'Lê Thị Bình', hidden: true, withheld: 'below_minimum' }],
    };
    const sheet = await open(await reportXlsx(ward, { district, period: 'Tháng 12/2026', now: new Date() }));
    expect(sheet.getCell('A1').value).toBe('UBND QUẬN GÒ VẤP');
    expect(sheet.getCell('A2').value).toBe('UBND PHƯỜNG 1');
    expect(sheet.getRow(9).getCell(3).value).toBe('Ẩn: dưới 3 lượt đánh giá');
    expect(sheet.getRow(10).getCell(2).value).toBe(10);
  });
});

describe('the report as CSV', () => {
  it('is what Vietnamese Excel reads: ";" between fields, decimal commas, a totals line', () => {
    const lines = reportCsv(report).slice(1).split('\r\n');
    expect(lines[1]).toBe('UBND Phường 1;10;80;4,2;6;2;0;2;0');
    expect(lines[2]).toBe('UBND Phường 3;4;25;3,5;1;0;3;0;0');
    expect(lines[3]).toBe('Tổng cộng;14;64,3;4;7;2;3;2;0');
  });
});

describe('names of periods and files', () => {
  it.each([
    [{ period: 'quarter', at: '2026-Q4' }, 'Quý 4/2026', 'bao-cao-hai-long_quan-go-vap_2026-Q4.xlsx'],
    [{ period: 'month', at: '2026-12' }, 'Tháng 12/2026', 'bao-cao-hai-long_quan-go-vap_2026-12.xlsx'],
    [{ period: 'year', at: '2026' }, 'Năm 2026', 'bao-cao-hai-long_quan-go-vap_2026.xlsx'],
    [
      { period: 'custom', from: '2026-10-01', to: '2026-11-15' },
      '01/10/2026 – 15/11/2026',
      'bao-cao-hai-long_quan-go-vap_2026-10-01_2026-11-15.xlsx',
    ],
  ] as const)('%o is "%s", its file %s', (q, label, file) => {
    expect(periodLabel(q)).toBe(label);
    expect(reportFileName('bao-cao-hai-long', 'UBND Quận Gò Vấp', q, 'xlsx')).toBe(file);
  });

  it('slugs Vietnamese without its marks, đ included; places drop the administrative word', () => {
    expect(fileSlug('Phường Đống Đa (thử)')).toBe('phuong-dong-da-thu');
    expect(placeOf(district)).toBe('Gò Vấp');
    expect(placeOf(null)).toBe('……');
  });
});

describe('the TT01 scores, on screen and as an official workbook', () => {
  let server: Awaited<ReturnType<typeof testServer>> | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('say why a ward has no score, and export both tables with the Circular’s names and classifications', async () => {
    server = await testServer('sqlite');
    const kiosk = await server.enrolKiosk('hang-bac', 'quay-1');
    const full = { 'chi-so-1': 3, 'chi-so-3': 3, 'chi-so-4': 3, 'chi-so-7': 3 };
    await server.sendBatch(kiosk, [server.rating(kiosk, { criteria: full }), server.rating(kiosk, { criteria: full })]);
    const admin = await server.login();
    const get = (query: string) =>
      server!.app.inject({ method: 'GET', url: `/api/v1/reports/tt01?quarter=2026-Q4${query}`, headers: { cookie: admin.cookie } });
    const report = (await get('')).json();
    expect(report.units.map((u: { label: string; classification: string }) => [u.label, u.classification])).toEqual([
      ['UBND Phường Hàng Bạc', 'trung-binh'],
    ]);
    // The demo's other wards are on other surveys: each is named, with its survey.
    expect(report.otherWards).toEqual([
      expect.objectContaining({ wardId: 'cua-nam', reason: 'other_template', template: 'Thừa Thiên Huế (3 tiêu chí)' }),
      expect.objectContaining({ wardId: 'trang-tien', reason: 'other_template' }),
    ]);

    const xlsx = await get('&format=xlsx');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="bao-cao-tt01_quan-hoan-kiem-du-lieu-mau_2026-Q4.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const units = workbook.getWorksheet('Đơn vị')!;
    expect(units.getCell('A5').value).toBe('Kỳ báo cáo: Quý 4/2026 (từ 01/10/2026 đến 31/12/2026)');
    expect(units.getRow(7).values).toEqual([
      undefined,
      'Đơn vị / Công chức',
      'Tổng thời gian giải quyết thủ tục hành chính',
      'Số lần phải liên hệ để hoàn thiện hồ sơ',
      'Số cơ quan, đơn vị phải liên hệ',
      'Thái độ của công chức',
      'Tổng điểm',
      'Xếp loại',
    ]);
    expect(units.getRow(8).values).toEqual([undefined, 'UBND Phường Hàng Bạc', 2, 2, 2, 2, 8, 'Trung bình']);
    expect(units.getRow(8).getCell(2).numFmt).toBe('0.00');
    const texts = units.getSheetValues().flatMap((values) => (Array.isArray(values) ? values.filter((v) => typeof v === 'string') : []));
    expect(texts).toContain('UBND Phường Cửa Nam: dùng mẫu "Thừa Thiên Huế (3 tiêu chí)", không chấm điểm theo Thông tư 01/2018.');
    expect(texts).toEqual(expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ']));
    expect(units.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '7:7' });
    // Two ratings are under the minimum of three: the official's row is withheld, in words.
    const officials = workbook.getWorksheet('Công chức')!;
    expect(officials.getRow(8).getCell(2).value).toBe('Ẩn: dưới 3 hồ sơ');
  });
});

describe('a period analysed', () => {
  let server: Awaited<ReturnType<typeof testServer>> | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('against the period before and the district, by weekday and hour, with the reasons of the unsatisfied ranked', async () => {
    server = await testServer('sqlite'); // Sunday 22 November 2026, 10:00 in Vietnam
    const kiosk = await server.enrolKiosk('trang-tien', 'quay-1');
    const other = await server.enrolKiosk('cua-nam', 'quay-1');
    const at = (iso: string) => ({ startedAt: iso, completedAt: iso });
    const sent = await server.sendBatch(kiosk, [
      // Monday 16 November, 08:xx: satisfied; Tuesday 17, 14:xx: two unsatisfied with reasons.
      server.rating(kiosk, { overall: 5, ...at('2026-11-16T08:05:00.000+07:00') }),
      server.rating(kiosk, { overall: 2, reasons: ['cho-doi-lau', 'thai-do-chua-tot'], ...at('2026-11-17T14:10:00.000+07:00') }),
      server.rating(kiosk, { overall: 1, reasons: ['cho-doi-lau'], ...at('2026-11-17T14:40:00.000+07:00') }),
      // October: the month before.
      server.rating(kiosk, { overall: 5, ...at('2026-10-20T09:00:00.000+07:00') }),
    ]);
    expect(sent.json().accepted).toHaveLength(4);
    await server.sendBatch(other, [server.rating(other, { overall: 5, ...at('2026-11-18T10:00:00.000+07:00') })]);
    const admin = await server.login();
    const get = async (query: string) =>
      (await server!.app.inject({ method: 'GET', url: `/api/v1/reports/insights?${query}`, headers: { cookie: admin.cookie } })).json();
    const month = await get('period=month&at=2026-11&wardId=trang-tien');
    expect(month.current).toEqual({ from: '2026-11-01', to: '2026-11-30', count: 3, satisfiedShare: 1 / 3 });
    expect(month.previous).toEqual({ from: '2026-10-01', to: '2026-10-31', count: 1, satisfiedShare: 1 });
    expect(month.districtShare).toBe(0.5);
    expect(month.heatmap).toEqual([
      { weekday: 1, hour: 8, count: 1, satisfiedShare: 1 },
      { weekday: 2, hour: 14, count: 2, satisfiedShare: 0 },
    ]);
    // Each reason split by the level it came with, the worst first.
    expect(month.reasons).toEqual([
      {
        label: 'Chờ đợi lâu',
        labelEn: 'Long wait',
        count: 2,
        byLevel: [
          { level: 'Rất không hài lòng', levelEn: 'Very dissatisfied', count: 1 },
          { level: 'Không hài lòng', levelEn: 'Dissatisfied', count: 1 },
        ],
      },
      {
        label: 'Thái độ chưa tốt',
        labelEn: 'Unfriendly attitude',
        count: 1,
        byLevel: [{ level: 'Không hài lòng', levelEn: 'Dissatisfied', count: 1 }],
      },
    ]);
    expect(month.unsatisfied).toBe(2);
    // A quarter's period before is the quarter before.
    expect((await get('period=quarter&at=2026-Q4')).previous).toMatchObject({ from: '2026-07-01', to: '2026-09-30', count: 0 });
    expect((await get('period=month&at=2026-13')).error.code).toBe('invalid_period');
  });
});
