import ExcelJS from 'exceljs';
import type { Report, ShownRow, Tt01Report } from '../../shared/contract/admin-api';
import type { District } from '../../shared/contract/district-api';
import { summarise } from '../../shared/report/cells';
import { officialClassification, TT01_INDICATORS, unitClassification } from '../../shared/report/tt01-words';
import { fiveLevelScale, threeLevelScale } from '../../shared/templates/scales';
import { addOfficialSheet } from './official-sheet';

/** Who issues a report, where and when: the unit above it, the place of the date line, the period's name. */
export interface Issuer {
  district: District | null;
  /** "Quý 4/2026 (từ 01/10/2026 đến 31/12/2026)". */
  period: string;
  now: Date;
}

/** "UBND Quận Gò Vấp" → "Gò Vấp": the place a document's date line names. */
export const placeOf = (district: District | null) =>
  (district?.name ?? '').replace(/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/i, '').replace(/^(Quận|Huyện|Thị xã|Thành phố)\s+/i, '') ||
  '……';

const levelNames = (scaleSize: number) =>
  new Map((scaleSize === 3 ? threeLevelScale : fiveLevelScale).map((level) => [level.value, level.label.vi]));

/** The table both exports share: columns named in words, levels by their names when one scale is used. */
function table(report: Report) {
  const shown = report.rows.filter((row): row is ShownRow => !row.hidden);
  const sizes = new Set(shown.map((row) => row.scaleSize));
  const oneScale = sizes.size <= 1 && report.groupBy !== 'criterion' ? ([...sizes][0] ?? 5) : null;
  const levels = oneScale ?? Math.max(5, ...shown.map((row) => row.scaleSize));
  const names = oneScale ? levelNames(oneScale) : null;
  const levelValues = Array.from({ length: levels }, (_, i) => levels - i);
  const columns = [
    { header: 'Nhóm', width: 40 },
    { header: 'Số lượt đánh giá', width: 12, numFmt: '#,##0' },
    { header: 'Tỷ lệ hài lòng', width: 12, numFmt: '0.0%' },
    { header: 'Điểm trung bình', width: 12, numFmt: '0.00' },
    ...levelValues.map((v) => ({ header: names?.get(v) ?? `Mức ${v}`, width: 12, numFmt: '#,##0' })),
  ];
  const rows = report.rows.map((row): (string | number | null)[] =>
    row.hidden
      ? [row.label, null, `Ẩn: dưới ${report.minResponses} lượt đánh giá`, null, ...levelValues.map(() => null)]
      : [row.label, row.count, row.satisfiedShare, row.mean, ...levelValues.map((v) => row.distribution[String(v)] ?? null)],
  );
  // Totals of the rows shown (a withheld row stays withheld: no total reveals it by subtraction).
  const count = shown.reduce((sum, row) => sum + row.count, 0);
  const satisfied = shown.reduce((sum, row) => sum + Math.round((row.satisfiedShare ?? 0) * row.count), 0);
  const pooled = oneScale
    ? summarise(
        shown.flatMap((row) => Object.entries(row.distribution).map(([level, n]) => ({ overall: Number(level), count: n }))),
        oneScale,
      )
    : null;
  const totals =
    report.groupBy === 'district' || shown.length === 0
      ? undefined
      : [
          'Tổng cộng',
          count,
          count ? satisfied / count : null,
          pooled?.mean ?? null,
          ...levelValues.map((v) => (pooled ? (pooled.distribution[String(v)] ?? 0) : null)),
        ];
  return { columns, rows, totals, mixedScales: !oneScale && sizes.size > 1 };
}

function notes(report: Report, mixedScales: boolean): string[] {
  const lines = [
    report.includeBursts
      ? 'Ghi chú: số liệu gồm cả các lượt đánh giá dồn dập (quá nhanh) và hồ sơ đánh giá lặp lại.'
      : 'Ghi chú: không tính các lượt đánh giá dồn dập (quá nhanh) và các hồ sơ đánh giá lặp lại đang chờ xem xét.',
    'Tỷ lệ hài lòng: tỷ lệ lượt chọn hai mức cao nhất của thang đánh giá (Rất hài lòng, Hài lòng).',
  ];
  if (report.rows.some((row) => row.hidden))
    lines.push(`Số liệu của công chức có dưới ${report.minResponses} lượt đánh giá được ẩn để bảo đảm ẩn danh; dòng tổng cộng không tính các dòng này.`);
  if (mixedScales) lines.push('Các nhóm dùng thang đánh giá khác nhau (3 hoặc 5 mức): điểm trung bình chỉ so sánh được trong cùng một thang.');
  return lines;
}

const vietnameseNumber = (value: number, digits: number) =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: digits, useGrouping: false }).format(value);

const csvField = (value: string | number, separator: string) => {
  const text = String(value);
  // Quote what needs it, and defuse cells Excel would run as formulas.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return safe.includes(separator) || /["\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** CSV with a BOM, so Excel opens the Vietnamese text correctly. */
export function csvOf(rows: readonly (readonly (string | number)[])[], separator = ','): string {
  return `\uFEFF${rows.map((row) => row.map((cell) => csvField(cell, separator)).join(separator)).join('\r\n')}\r\n`;
}

/**
 * The report as Vietnamese Excel reads a CSV: fields separated by ";", decimals with a comma
 * ("77,1"), percentages as numbers of percent. The XLSX is the format for any other locale.
 */
export function reportCsv(report: Report): string {
  const { columns, rows, totals } = table(report);
  const header = columns.map((c) => (c.numFmt === '0.0%' ? `${c.header} (%)` : c.header));
  const cells = [...rows, ...(totals ? [totals] : [])].map((row) =>
    row.map((cell, i) => {
      if (typeof cell !== 'number') return cell ?? '';
      if (columns[i]!.numFmt === '0.0%') return vietnameseNumber(cell * 100, 1);
      return vietnameseNumber(cell, columns[i]!.numFmt === '0.00' ? 2 : 0);
    }),
  );
  return csvOf([header, ...cells], ';');
}

/** The report as an official document's table (server/reports/official-sheet.ts). */
export async function reportXlsx(report: Report, issuer: Issuer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hài Lòng';
  const { columns, rows, totals, mixedScales } = table(report);
  const { district } = issuer;
  const forWard = district !== null && report.unit !== district.unit;
  addOfficialSheet(workbook, 'Báo cáo', {
    superior: forWard ? district.unit : district ? `UBND ${district.province}` : '',
    unit: report.unit,
    title: report.title,
    period: issuer.period,
    columns,
    rows,
    totals,
    notes: notes(report, mixedScales),
    place: placeOf(district),
    date: issuer.now,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Circular 01/2018 scores per unit and per official, as two official tables in one workbook. */
export async function tt01Xlsx(report: Tt01Report, issuer: Issuer & { unit: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hài Lòng';
  const score = (indicators: Tt01Report['units'][number]['indicators'], id: string) => indicators.find((i) => i.criterionId === id)?.score ?? null;
  const columns = [
    { header: 'Đơn vị / Công chức', width: 36 },
    ...TT01_INDICATORS.map((indicator) => ({ header: indicator.label.vi, width: 16, numFmt: '0.00' })),
    { header: 'Tổng điểm', width: 12, numFmt: '0.00' },
    { header: 'Xếp loại', width: 18 },
  ];
  const common = {
    superior: issuer.district ? (report.otherWards.length + report.units.length === 1 ? issuer.district.unit : `UBND ${issuer.district.province}`) : '',
    unit: issuer.unit,
    period: issuer.period,
    columns,
    place: placeOf(issuer.district),
    date: issuer.now,
  };
  const notes = [
    'Ghi chú: điểm các chỉ số 1, 3, 4 và 7 thu từ thiết bị đánh giá tại Bộ phận Một cửa; điểm của đơn vị chỉ gồm các chỉ số này.',
    'Không tính các lượt đánh giá dồn dập; hồ sơ được đánh giá lặp lại không tính lại vào điểm' +
      (report.repeatedDossiers > 0 ? ` (${report.repeatedDossiers} lượt trong kỳ).` : '.'),
    ...report.otherWards.map((w) =>
      w.reason === 'no_dossiers'
        ? `${w.label}: chưa có phiếu đánh giá nào trong kỳ.`
        : `${w.label}: dùng mẫu "${w.template}", không chấm điểm theo Thông tư 01/2018.`,
    ),
  ];
  addOfficialSheet(workbook, 'Đơn vị', {
    ...common,
    title: 'Kết quả đánh giá việc giải quyết thủ tục hành chính theo Thông tư 01/2018/TT-VPCP',
    rows: report.units.map((u) => [
      u.label,
      ...TT01_INDICATORS.map((i) => score(u.indicators, i.id)),
      u.total,
      unitClassification[u.classification].vi,
    ]),
    notes,
  });
  addOfficialSheet(workbook, 'Công chức', {
    ...common,
    title: 'Kết quả đánh giá cán bộ, công chức theo Thông tư 01/2018/TT-VPCP',
    rows: report.officials.map((o) =>
      o.hidden
        ? [o.label, `Ẩn: dưới ${report.minResponses} hồ sơ`, ...TT01_INDICATORS.slice(1).map(() => null), null, null]
        : [
            o.label,
            ...TT01_INDICATORS.map((i) => score(o.indicators, i.id)),
            o.total,
            o.classification ? officialClassification[o.classification].vi : null,
          ],
    ),
    notes: [`Số liệu của công chức có dưới ${report.minResponses} hồ sơ được ẩn để bảo đảm ẩn danh.`],
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
