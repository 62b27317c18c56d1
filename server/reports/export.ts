import ExcelJS from 'exceljs';
import type { Report } from '../../shared/contract/admin-api';

const percent = (share: number | null) => (share === null ? '' : (share * 100).toFixed(1));

function table(report: Report): (string | number)[][] {
  const levels = Math.max(5, ...report.rows.map((r) => (r.hidden ? 0 : r.scaleSize)));
  const header = ['Nhóm', 'Số lượt', 'Tỷ lệ hài lòng (%)', 'Điểm trung bình', 'Thang'];
  for (let v = levels; v >= 1; v--) header.push(`Mức ${v}`);
  const body = report.rows.map((row) => {
    if (row.hidden) return [row.label, '', `Ẩn: dưới ${report.minResponses} lượt đánh giá`, '', '', ...Array.from({ length: levels }, () => '')];
    const cells: (string | number)[] = [row.label, row.count, percent(row.satisfiedShare), row.mean ?? '', row.scaleSize];
    for (let v = levels; v >= 1; v--) cells.push(row.distribution[String(v)] ?? '');
    return cells;
  });
  return [header, ...body];
}

const csvField = (value: string | number) => {
  const text = String(value);
  // Quote what needs it, and defuse cells Excel would run as formulas.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** CSV with a BOM, so Excel opens the Vietnamese text correctly. */
export function csvOf(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export const reportCsv = (report: Report): string => csvOf(table(report));

/** An XLSX laid out as a report: title, unit, period, then the table. */
export async function reportXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hài Lòng';
  const sheet = workbook.addWorksheet('Báo cáo');
  sheet.addRow([report.title]).font = { bold: true, size: 14 };
  sheet.addRow([`Đơn vị: ${report.unit}`]);
  sheet.addRow([`Kỳ báo cáo: ${report.from} – ${report.to}`]);
  sheet.addRow([report.includeBursts ? 'Bao gồm các lượt đánh giá dồn dập' : 'Không tính các lượt đánh giá dồn dập']);
  sheet.addRow([]);
  const [header, ...rows] = table(report);
  sheet.addRow(header!).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell, i) => (i === 2 && cell !== '' && !Number.isNaN(Number(cell)) ? Number(cell) : cell)));
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 40 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
