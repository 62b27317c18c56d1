import ExcelJS from 'exceljs';
import {
  COLUMNS,
  SHEETS,
  columnKeys,
  type ExistingOrganisation,
  type ReadWorkbook,
  type SheetKey,
} from '../shared/organisation/import-plan';
import { HttpError } from './http/errors';

// The organisation as an Excel workbook: written with what exists (a template to fill and import
// back), and read back into rows for shared/organisation/import-plan.ts.

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4EBF6' } };

export async function organisationWorkbook(existing: ExistingOrganisation): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Hài Lòng';
  const guide = book.addWorksheet('Hướng dẫn');
  guide.getColumn(1).width = 110;
  for (const line of [
    'Khai báo các phường, quầy và công chức của đơn vị, rồi nhập tệp này ở trang Tổ chức.',
    'Trang “Phường”: mỗi dòng một phường. Tên phường là bắt buộc; để trống các ô khác thì giữ nguyên như hiện có.',
    'Trang “Quầy”: mỗi dòng một quầy, ghi tên phường đúng như ở trang “Phường” hoặc như đã có trên hệ thống.',
    'Trang “Công chức”: mỗi dòng một công chức; cột “Đang làm việc” ghi Có hoặc Không (để trống là Có).',
    'Dòng trùng với dữ liệu đã có được giữ nguyên: nhập cùng một tệp hai lần không thay đổi gì.',
    'Đổi tên, chuyển công chức sang phường khác và ngừng hoạt động được làm trên trang Tổ chức, không qua tệp.',
    'Trước khi áp dụng, hệ thống cho xem trước những gì sẽ được tạo hay thay đổi và lỗi của từng dòng.',
  ])
    guide.addRow([line]);
  guide.getRow(1).font = { bold: true };

  const templateNames = existing.templates.map((t) => t.name);
  const sheet = (key: SheetKey, rows: string[][], widths: number[]) => {
    const ws = book.addWorksheet(SHEETS[key], { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(Object.values(COLUMNS[key]));
    header.font = { bold: true };
    header.eachCell((cell) => (cell.fill = HEADER_FILL));
    for (const row of rows) ws.addRow(row);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    return ws;
  };
  const open = existing.wards.filter((w) => !w.retired);
  const wardName = new Map(existing.wards.map((w) => [w.id, w.name]));
  const wards = sheet(
    'wards',
    open.map((w) => [
      w.name,
      w.nameEn === w.name ? '' : w.nameEn,
      w.leaderEmail ?? '',
      existing.templates.find((t) => t.id === w.templateId)?.name ?? '',
    ]),
    [36, 30, 34, 40],
  );
  sheet(
    'counters',
    existing.counters
      .filter((c) => !c.retired && open.some((w) => w.id === c.wardId))
      .map((c) => [wardName.get(c.wardId) ?? '', c.name, c.nameEn === c.name ? '' : c.nameEn]),
    [36, 36, 30],
  );
  const officials = sheet(
    'officials',
    existing.officials
      .filter((o) => open.some((w) => w.id === o.wardId))
      .map((o) => [wardName.get(o.wardId) ?? '', o.name, o.title ?? '', o.active ? 'Có' : 'Không']),
    [36, 30, 36, 16],
  );
  // Choices offered in the cells where a typo would otherwise be refused.
  const list = (values: string[]): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',').replaceAll('"', '')}"`],
  });
  for (let r = 2; r <= 500; r++) {
    if (templateNames.join(',').length < 250) wards.getCell(r, 4).dataValidation = list(templateNames);
    officials.getCell(r, 4).dataValidation = list(['Có', 'Không']);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A cell as the text a person sees (hyperlinks, rich text and numbers included). */
const cellText = (cell: ExcelJS.Cell) => (cell.value === null || cell.value === undefined ? '' : cell.text).trim();

/** Reads the workbook's three sheets; a CSV or any other file is refused with what it seems to be. */
export async function readOrganisationWorkbook(bytes: Buffer): Promise<ReadWorkbook> {
  // An XLSX is a zip archive: "PK\x03\x04".
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    if (!isUtf8(bytes))
      throw new HttpError(
        400,
        'wrong_encoding',
        'Tệp không phải Excel (.xlsx) và không ở bảng mã UTF-8. / The file is not an Excel workbook, nor UTF-8 text.',
      );
    throw new HttpError(400, 'not_a_spreadsheet', 'Hãy dùng tệp Excel (.xlsx) theo mẫu. / Use the Excel (.xlsx) template.');
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new HttpError(400, 'not_a_spreadsheet', 'Không đọc được tệp Excel. / The Excel file cannot be read.');
  }
  const read = {} as ReadWorkbook;
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    const ws = book.worksheets.find((w) => w.name.normalize('NFC').trim().toLocaleLowerCase('vi') === SHEETS[key].toLocaleLowerCase('vi'));
    if (!ws) {
      read[key] = null;
      continue;
    }
    const headers: string[] = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cellText(cell)));
    const keys = columnKeys(key, headers);
    const rows: ReadWorkbook[SheetKey] & object = { headers, rows: [] };
    ws.eachRow((row, number) => {
      if (number === 1) return;
      const cells: Record<string, string> = {};
      keys.forEach((k, i) => {
        if (k) cells[k] = cellText(row.getCell(i + 1));
      });
      rows.rows.push({ row: number, cells });
    });
    read[key] = rows;
  }
  return read;
}

function isUtf8(bytes: Buffer) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
