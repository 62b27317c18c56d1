import { z } from 'zod';
import { PlaceName } from './names';
import { sameName } from './slug';

// A district's organisation from a spreadsheet: what its rows would create or change, and every
// row's problem, before anything is changed. Pure: the server reads the file and applies the plan.
// Rows are matched to what exists by name (within their ward), so importing the same file twice
// changes nothing. An empty optional cell leaves what exists as it is.

export const SHEETS = { wards: 'Phường', counters: 'Quầy', officials: 'Công chức' } as const;
export type SheetKey = keyof typeof SHEETS;

export const COLUMNS = {
  wards: { name: 'Tên phường', nameEn: 'Tên tiếng Anh', leaderEmail: 'Thư điện tử lãnh đạo phường', template: 'Mẫu khảo sát' },
  counters: { ward: 'Phường', name: 'Tên quầy', nameEn: 'Tên tiếng Anh' },
  officials: { ward: 'Phường', name: 'Họ tên', title: 'Chức danh', active: 'Đang làm việc' },
} as const;
const REQUIRED = { wards: ['name'], counters: ['ward', 'name'], officials: ['ward', 'name'] } as const;

/** More rows than any district has: a file beyond it is a mistake (or an attack), refused whole. */
export const MAX_ROWS = 2000;

export const ImportProblemCode = z.enum([
  'missing_sheet',
  'missing_column',
  'too_many_rows',
  'required',
  'bad_name',
  'bad_email',
  'bad_active',
  'unknown_template',
  'unknown_ward',
  'retired_ward',
  'duplicate_row',
  'ambiguous_official',
]);
export type ImportProblemCode = z.infer<typeof ImportProblemCode>;

export const ImportProblem = z.strictObject({
  sheet: z.string(),
  /** The sheet's own row number, as Excel shows it; null for the sheet as a whole. */
  row: z.number().int().nullable(),
  /** The column's header; null for the row or sheet as a whole. */
  column: z.string().nullable(),
  problem: ImportProblemCode,
  value: z.string().nullable(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportStep = z.strictObject({
  sheet: z.string(),
  row: z.number().int(),
  kind: z.enum(['create', 'change', 'same']),
  what: z.enum(['ward', 'counter', 'official']),
  /** "UBND Phường 1", "UBND Phường 1 — Quầy số 2", "Nguyễn Văn An (UBND Phường 1)". */
  name: z.string(),
  /** The fields a change changes, with their old and new values. */
  fields: z.array(z.strictObject({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
});
export type ImportStep = z.infer<typeof ImportStep>;

/** One row of a sheet: its number in Excel and its cells by column key. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}
/** The workbook as read: each sheet's header names and rows; null when the sheet is missing. */
export type ReadWorkbook = Record<SheetKey, { headers: string[]; rows: SheetRow[] } | null>;

export interface ExistingOrganisation {
  wards: { id: string; name: string; nameEn: string; leaderEmail: string | null; templateId: string; retired: boolean }[];
  counters: { wardId: string; id: string; name: string; nameEn: string; retired: boolean }[];
  officials: { id: string; wardId: string; name: string; title: string | null; active: boolean }[];
  templates: { id: string; name: string }[];
  /** A new ward's survey when its row names none. */
  defaultTemplateId: string;
}

/** What applying does, in order; `ref` names a ward by its id, or by the sheet row that creates it. */
export type WardRef = { id: string } | { newRow: number };
export interface Plan {
  steps: ImportStep[];
  problems: ImportProblem[];
  wards: (
    | { kind: 'create'; row: number; name: string; nameEn: string; leaderEmail: string | null; templateId: string }
    | {
        kind: 'change';
        id: string;
        name: string;
        set: { nameEn?: string; leaderEmail?: string; templateId?: string };
        /** The same in words, for the audit log. */
        after: Record<string, string>;
      }
  )[];
  counters: (
    | { kind: 'create'; ward: WardRef; name: string; nameEn: string }
    | { kind: 'change'; wardId: string; id: string; name: string; nameEn: string }
  )[];
  officials: (
    | { kind: 'create'; ward: WardRef; name: string; title: string | null; active: boolean }
    | { kind: 'change'; id: string; name: string; set: { title?: string; active?: boolean } }
  )[];
}

const Email = z.email();
const YES = ['có', 'co', 'x', 'yes', '1', 'đang làm việc'];
const NO = ['không', 'khong', 'no', '0', 'đã nghỉ', 'nghỉ'];
const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

export function planImport(book: ReadWorkbook, existing: ExistingOrganisation): Plan {
  const plan: Plan = { steps: [], problems: [], wards: [], counters: [], officials: [] };
  const problem = (sheet: SheetKey, row: number | null, column: string | null, code: ImportProblemCode, value: string | null = null) =>
    plan.problems.push({ sheet: SHEETS[sheet], row, column: column === null ? null : header(sheet, column), problem: code, value });
  const header = (sheet: SheetKey, column: string) => (COLUMNS[sheet] as Record<string, string>)[column] ?? column;

  // The sheets and their columns: without them nothing else can be read.
  for (const sheet of Object.keys(SHEETS) as SheetKey[]) {
    const read = book[sheet];
    if (!read) {
      problem(sheet, null, null, 'missing_sheet');
      continue;
    }
    for (const column of REQUIRED[sheet])
      if (!read.headers.some((h) => sameName(h, header(sheet, column)))) problem(sheet, null, column, 'missing_column');
    if (read.rows.length > MAX_ROWS) problem(sheet, null, null, 'too_many_rows', String(read.rows.length));
  }
  if (plan.problems.length > 0) return plan;
  const sheet = (key: SheetKey) => book[key]!.rows.filter((r) => Object.values(r.cells).some((v) => norm(v) !== ''));

  /** A name cell: required or optional, checked like the dashboard's forms. */
  const nameCell = (key: SheetKey, r: SheetRow, column: string, required: boolean): string | null | undefined => {
    const value = norm(r.cells[column] ?? '');
    if (value === '') {
      if (required) problem(key, r.row, column, 'required');
      return required ? undefined : null;
    }
    if (!PlaceName.safeParse(value).success) {
      problem(key, r.row, column, 'bad_name', value.slice(0, 60));
      return undefined;
    }
    return value;
  };

  // ——— Wards ———
  const wardsByName = new Map<string, WardRef & { retired: boolean }>();
  for (const w of existing.wards) wardsByName.set(key(w.name), { id: w.id, retired: w.retired });
  const seenWards = new Set<string>();
  for (const r of sheet('wards')) {
    const name = nameCell('wards', r, 'name', true);
    const nameEn = nameCell('wards', r, 'nameEn', false);
    const email = norm(r.cells.leaderEmail ?? '');
    const templateName = norm(r.cells.template ?? '');
    if (email !== '' && !Email.safeParse(email).success) problem('wards', r.row, 'leaderEmail', 'bad_email', email.slice(0, 60));
    const template = templateName === '' ? null : existing.templates.find((t) => sameName(t.name, templateName) || t.id === templateName);
    if (templateName !== '' && !template) problem('wards', r.row, 'template', 'unknown_template', templateName.slice(0, 60));
    if (!name) continue;
    if (seenWards.has(key(name))) {
      problem('wards', r.row, 'name', 'duplicate_row', name);
      continue;
    }
    seenWards.add(key(name));
    const found = existing.wards.find((w) => sameName(w.name, name));
    if (found?.retired) {
      problem('wards', r.row, 'name', 'retired_ward', name);
      continue;
    }
    if (nameEn === undefined || (email !== '' && !Email.safeParse(email).success) || (templateName !== '' && !template)) continue;
    if (!found) {
      plan.wards.push({
        kind: 'create',
        row: r.row,
        name,
        nameEn: nameEn ?? name,
        leaderEmail: email || null,
        templateId: template?.id ?? existing.defaultTemplateId,
      });
      wardsByName.set(key(name), { newRow: r.row, retired: false });
      plan.steps.push({ sheet: SHEETS.wards, row: r.row, kind: 'create', what: 'ward', name, fields: [] });
      continue;
    }
    const set: { nameEn?: string; leaderEmail?: string; templateId?: string } = {};
    const fields: ImportStep['fields'] = [];
    if (nameEn && nameEn !== found.nameEn) {
      set.nameEn = nameEn;
      fields.push({ field: 'nameEn', from: found.nameEn, to: nameEn });
    }
    if (email && email !== found.leaderEmail) {
      set.leaderEmail = email;
      fields.push({ field: 'leaderEmail', from: found.leaderEmail, to: email });
    }
    if (template && template.id !== found.templateId) {
      set.templateId = template.id;
      fields.push({ field: 'template', from: existing.templates.find((t) => t.id === found.templateId)?.name ?? null, to: template.name });
    }
    const after = Object.fromEntries(fields.map((f) => [f.field, f.to ?? '']));
    if (fields.length > 0) plan.wards.push({ kind: 'change', id: found.id, name: found.name, set, after });
    plan.steps.push({ sheet: SHEETS.wards, row: r.row, kind: fields.length > 0 ? 'change' : 'same', what: 'ward', name, fields });
  }

  /** The ward a counter's or official's row names: in the sheet or already there, and not retired. */
  const wardOf = (key_: SheetKey, r: SheetRow): { ref: WardRef; name: string } | null => {
    const name = nameCell(key_, r, 'ward', true);
    if (!name) return null;
    const ref = wardsByName.get(key(name));
    if (!ref) return (problem(key_, r.row, 'ward', 'unknown_ward', name), null);
    if (ref.retired) return (problem(key_, r.row, 'ward', 'retired_ward', name), null);
    return { ref: 'id' in ref ? { id: ref.id } : { newRow: ref.newRow }, name };
  };

  // ——— Counters ———
  const seenCounters = new Set<string>();
  for (const r of sheet('counters')) {
    const ward = wardOf('counters', r);
    const name = nameCell('counters', r, 'name', true);
    const nameEn = nameCell('counters', r, 'nameEn', false);
    if (!ward || !name || nameEn === undefined) continue;
    const seen = `${key(ward.name)}|${key(name)}`;
    if (seenCounters.has(seen)) {
      problem('counters', r.row, 'name', 'duplicate_row', name);
      continue;
    }
    seenCounters.add(seen);
    const label = `${ward.name} — ${name}`;
    const found =
      'id' in ward.ref ? existing.counters.find((c) => c.wardId === (ward.ref as { id: string }).id && sameName(c.name, name)) : undefined;
    if (!found) {
      plan.counters.push({ kind: 'create', ward: ward.ref, name, nameEn: nameEn ?? name });
      plan.steps.push({ sheet: SHEETS.counters, row: r.row, kind: 'create', what: 'counter', name: label, fields: [] });
    } else if (found.retired) {
      problem('counters', r.row, 'name', 'retired_ward', name);
    } else if (nameEn && nameEn !== found.nameEn) {
      plan.counters.push({ kind: 'change', wardId: found.wardId, id: found.id, name: label, nameEn });
      plan.steps.push({
        sheet: SHEETS.counters,
        row: r.row,
        kind: 'change',
        what: 'counter',
        name: label,
        fields: [{ field: 'nameEn', from: found.nameEn, to: nameEn }],
      });
    } else {
      plan.steps.push({ sheet: SHEETS.counters, row: r.row, kind: 'same', what: 'counter', name: label, fields: [] });
    }
  }

  // ——— Officials ———
  const seenOfficials = new Set<string>();
  for (const r of sheet('officials')) {
    const ward = wardOf('officials', r);
    const name = nameCell('officials', r, 'name', true);
    const title = nameCell('officials', r, 'title', false);
    const activeText = norm(r.cells.active ?? '').toLocaleLowerCase('vi');
    const active = activeText === '' ? null : YES.includes(activeText) ? true : NO.includes(activeText) ? false : undefined;
    if (active === undefined) problem('officials', r.row, 'active', 'bad_active', activeText.slice(0, 30));
    if (!ward || !name || title === undefined || active === undefined) continue;
    const seen = `${key(ward.name)}|${key(name)}`;
    if (seenOfficials.has(seen)) {
      problem('officials', r.row, 'name', 'duplicate_row', name);
      continue;
    }
    seenOfficials.add(seen);
    const label = `${name} (${ward.name})`;
    const matches =
      'id' in ward.ref ? existing.officials.filter((o) => o.wardId === (ward.ref as { id: string }).id && sameName(o.name, name)) : [];
    if (matches.length > 1) {
      problem('officials', r.row, 'name', 'ambiguous_official', name);
      continue;
    }
    const found = matches[0];
    if (!found) {
      plan.officials.push({ kind: 'create', ward: ward.ref, name, title, active: active ?? true });
      plan.steps.push({ sheet: SHEETS.officials, row: r.row, kind: 'create', what: 'official', name: label, fields: [] });
      continue;
    }
    const set: { title?: string; active?: boolean } = {};
    const fields: ImportStep['fields'] = [];
    if (title && title !== found.title) {
      set.title = title;
      fields.push({ field: 'title', from: found.title, to: title });
    }
    if (active !== null && active !== found.active) {
      set.active = active;
      fields.push({ field: 'active', from: found.active ? 'Có' : 'Không', to: active ? 'Có' : 'Không' });
    }
    if (fields.length > 0) plan.officials.push({ kind: 'change', id: found.id, name: label, set });
    plan.steps.push({
      sheet: SHEETS.officials,
      row: r.row,
      kind: fields.length > 0 ? 'change' : 'same',
      what: 'official',
      name: label,
      fields,
    });
  }
  return plan;
}

/** Names compare as people read them: case, spacing and Unicode composition aside. */
function key(name: string) {
  return norm(name).toLocaleLowerCase('vi');
}

/** The header of a sheet's column, matched leniently, to its key ("Tên phường" → "name"). */
export function columnKeys(sheet: SheetKey, headers: readonly string[]): (string | null)[] {
  const columns = Object.entries(COLUMNS[sheet]) as [string, string][];
  return headers.map((h) => columns.find(([, title]) => sameName(title, h))?.[0] ?? null);
}
