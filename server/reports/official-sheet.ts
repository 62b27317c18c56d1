import type ExcelJS from 'exceljs';
import { vietnamDay } from '../../shared/time';

/**
 * A worksheet laid out as a Vietnamese administrative report (the habits of Circular 01/2018 and
 * Decree 30/2020 on documents): the issuing unit under its superior at the top left, the national
 * heading at the top right, the title and period, a bordered table with its header repeated on every
 * printed page and a totals row, notes on what was left out, the place and date, and the two
 * signatures. A4, fitted to the page's width.
 */
export interface OfficialSheet {
  /** The unit above the issuer ("UBND THÀNH PHỐ HÀ NỘI"); may be empty. */
  superior: string;
  unit: string;
  title: string;
  /** "Quý 4/2026 (từ 01/10/2026 đến 31/12/2026)". */
  period: string;
  columns: { header: string; width: number; numFmt?: string }[];
  rows: (string | number | null)[][];
  totals?: (string | number | null)[];
  notes: string[];
  /** "Hà Nội": the place of the date line. */
  place: string;
  date: Date;
}

const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };

/** The date line as documents write it: "Hà Nội, ngày 02 tháng 12 năm 2026" (Vietnam time). */
export function dateLine(place: string, date: Date): string {
  const [year, month, day] = vietnamDay(date.getTime()).split('-');
  return `${place}, ngày ${day} tháng ${month} năm ${year}`;
}

export function addOfficialSheet(workbook: ExcelJS.Workbook, name: string, content: OfficialSheet): ExcelJS.Worksheet {
  const width = content.columns.length;
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: width > 6 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
  });
  content.columns.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width));
  const split = Math.max(2, Math.floor(width / 2));
  const merged = (row: number, from: number, to: number, value: string, font: Partial<ExcelJS.Font>, align: 'left' | 'center' | 'right' = 'center') => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = value;
    cell.font = { name: 'Times New Roman', size: 12, ...font };
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  };

  merged(1, 1, split, content.superior.toLocaleUpperCase('vi'), {});
  merged(1, split + 1, width, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  merged(2, 1, split, content.unit.toLocaleUpperCase('vi'), { bold: true });
  merged(2, split + 1, width, 'Độc lập – Tự do – Hạnh phúc', { bold: true, underline: true });
  merged(4, 1, width, content.title.toLocaleUpperCase('vi'), { bold: true, size: 14 });
  merged(5, 1, width, `Kỳ báo cáo: ${content.period}`, { italic: true });

  const headerRow = 7;
  const header = sheet.getRow(headerRow);
  content.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { name: 'Times New Roman', size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = box;
  });
  header.height = 36;
  const body = (values: (string | number | null)[], bold = false) => {
    const row = sheet.addRow(values.map((v) => (v === null ? '' : v)));
    content.columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      cell.border = box;
      cell.font = { name: 'Times New Roman', size: 12, bold };
      if (typeof cell.value === 'number' && column.numFmt) cell.numFmt = column.numFmt;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: typeof cell.value === 'number' ? 'right' : 'left' };
    });
    return row;
  };
  for (const values of content.rows) body(values);
  if (content.totals) body(content.totals, true);
  // Printed on several pages, every page repeats the table's header.
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;

  let at = sheet.rowCount + 2;
  for (const note of content.notes) merged(at++, 1, width, note, { italic: true, size: 11 }, 'left');
  at++;
  merged(at, split + 1, width, dateLine(content.place, content.date), { italic: true });
  at++;
  merged(at, 1, split, 'NGƯỜI LẬP BIỂU', { bold: true });
  merged(at, split + 1, width, 'THỦ TRƯỞNG ĐƠN VỊ', { bold: true });
  at++;
  merged(at, 1, split, '(Ký, ghi rõ họ tên)', { italic: true });
  merged(at, split + 1, width, '(Ký tên, đóng dấu)', { italic: true });
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(width).letter}${at + 4}`;
  return sheet;
}
