import { z } from 'zod';
import { IsoDateTime, Slug, Text } from '../schema/common';
import { ImportProblem, ImportStep } from '../organisation/import-plan';
import { PlaceName } from '../organisation/names';
import { route } from './route';

// The district describes itself (district administrators only): its name and the unit printed on
// reports, its wards, their counters and officials, and the audit log of every change. Ids are slugs
// the server makes from the names; people only ever see the names.

const WardParams = z.strictObject({ id: Slug });
const CounterParams = z.strictObject({ id: Slug, counterId: Slug });

export { PlaceName } from '../organisation/names';

export const District = z.strictObject({
  /** "UBND Quận Gò Vấp" */
  name: PlaceName,
  /** "Thành phố Hồ Chí Minh" */
  province: PlaceName,
  /** The unit printed on reports and the public poster ("Ủy ban nhân dân Quận Gò Vấp"). */
  unit: PlaceName,
});
export type District = z.infer<typeof District>;

export const DistrictState = z.strictObject({
  district: District.nullable(),
  /** The demo district of `npm start`: its figures are made up. */
  demo: z.boolean(),
  /** What the first administrator still has to do: describe the district, then add its wards. */
  setup: z.enum(['district', 'wards', 'done']),
});
export type DistrictState = z.infer<typeof DistrictState>;

const Email = z.email('an e-mail address (name@example.vn)').max(200);

export const NewWard = z.strictObject({
  /** "UBND Phường 1" in Vietnamese; the English name defaults to the same. */
  name: PlaceName,
  nameEn: PlaceName.optional(),
  leaderEmail: Email.nullable().optional(),
  /** Default: the Circular 01/2018-style five-level survey. */
  templateId: Slug.optional(),
});
export const WardChange = z
  .strictObject({ name: PlaceName.optional(), nameEn: PlaceName.optional(), leaderEmail: Email.nullable().optional() })
  .refine((c) => Object.keys(c).length > 0, 'nothing to change');

export const ManagedCounter = z.strictObject({
  id: Slug,
  name: z.string(),
  nameEn: z.string(),
  retiredAt: IsoDateTime.nullable(),
  /** Kiosks enrolled at this counter and not revoked. */
  kiosks: z.array(z.strictObject({ id: z.uuid(), lastSeenAt: IsoDateTime.nullable() })),
});
export type ManagedCounter = z.infer<typeof ManagedCounter>;

export const ManagedWard = z.strictObject({
  id: Slug,
  name: z.string(),
  nameEn: z.string(),
  leaderEmail: z.string().nullable(),
  templateId: Slug,
  retiredAt: IsoDateTime.nullable(),
  counters: z.array(ManagedCounter),
  officials: z.number().int(),
  ratings: z.number().int(),
});
export type ManagedWard = z.infer<typeof ManagedWard>;

export const NewCounter = z.strictObject({ name: PlaceName, nameEn: PlaceName.optional() });
export const CounterChange = z
  .strictObject({ name: PlaceName.optional(), nameEn: PlaceName.optional() })
  .refine((c) => Object.keys(c).length > 0, 'nothing to change');

export const NewOfficial = z.strictObject({ wardId: Slug, name: PlaceName, title: PlaceName.nullable().optional() });
export const OfficialChange = z
  .strictObject({
    name: PlaceName.optional(),
    title: PlaceName.nullable().optional(),
    active: z.boolean().optional(),
    /** Moving an official: their ratings stay with the ward they were given in. */
    wardId: Slug.optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'nothing to change');
export const OfficialRef = z.strictObject({ id: Slug, wardId: Slug, name: z.string() });

export const AuditEntry = z.strictObject({
  id: z.number().int(),
  at: IsoDateTime,
  username: z.string(),
  /** What was done, a stable key ("ward.create", "account.disable"…) the dashboard names in words. */
  action: z.string(),
  /** What it was done to, by name. */
  subject: z.string(),
  wardId: Slug.nullable(),
  /** The ward's name now, for people (ids are never shown). */
  wardName: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  username: Text.max(64).optional(),
  /** An action or its group ("ward" matches "ward.create", "ward.rename"…). */
  action: z
    .string()
    .regex(/^[a-z]+(\.[a-z-]+)?$/)
    .optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** The spreadsheet, base64 (an XLSX of at most 5 MB); `apply`: false for the preview, true to apply it. */
export const OrganisationImport = z.strictObject({
  file: z
    .string()
    .max(7_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  apply: z.boolean(),
});
export const OrganisationImportResult = z.strictObject({
  steps: z.array(ImportStep),
  problems: z.array(ImportProblem),
  /** True when applied: only with no problem, all at once. */
  applied: z.boolean(),
  created: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
export type OrganisationImportResult = z.infer<typeof OrganisationImportResult>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const districtApi = {
  district: route({
    method: 'GET',
    path: '/api/v1/admin/district',
    summary: 'The district: its name, province and unit, whether it is the demo, and what its first set-up still needs',
    access: 'signed-in',
    status: 200,
    response: DistrictState,
    errors: ['not_signed_in'],
  }),
  saveDistrict: route({
    method: 'PUT',
    path: '/api/v1/admin/district',
    summary: 'Name the district, its province and the unit printed on reports and the public poster',
    access: 'district-admin',
    body: District,
    status: 200,
    response: DistrictState,
    errors: ['not_signed_in', 'csrf', 'forbidden'],
  }),
  managedWards: route({
    method: 'GET',
    path: '/api/v1/admin/organisation',
    summary: 'Every ward (retired ones too) with its counters, their kiosks, and how many officials and ratings it has',
    access: 'district-admin',
    status: 200,
    response: z.array(ManagedWard),
    errors: ['not_signed_in', 'forbidden'],
  }),
  createWard: route({
    method: 'POST',
    path: '/api/v1/admin/organisation/wards',
    summary: 'Add a ward (its id is made from its name)',
    access: 'district-admin',
    body: NewWard,
    status: 201,
    response: ManagedWard,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'name_taken', 'unknown_template'],
  }),
  changeWard: route({
    method: 'PATCH',
    path: '/api/v1/admin/organisation/wards/:id',
    summary: 'Rename a ward or set its leader’s e-mail (reports show the new name for all its history)',
    access: 'district-admin',
    params: WardParams,
    body: WardChange,
    status: 200,
    response: ManagedWard,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_ward', 'name_taken', 'ward_retired'],
  }),
  retireWard: route({
    method: 'POST',
    path: '/api/v1/admin/organisation/wards/:id/retire',
    summary: 'Retire a ward: its history stays in every report, it takes no enrolments, and its kiosks stop taking ratings',
    access: 'district-admin',
    params: WardParams,
    status: 200,
    response: ManagedWard,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_ward', 'ward_retired'],
  }),
  createCounter: route({
    method: 'POST',
    path: '/api/v1/admin/organisation/wards/:id/counters',
    summary: 'Add a counter to a ward',
    access: 'district-admin',
    params: WardParams,
    body: NewCounter,
    status: 201,
    response: ManagedCounter,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_ward', 'ward_retired', 'name_taken'],
  }),
  changeCounter: route({
    method: 'PATCH',
    path: '/api/v1/admin/organisation/wards/:id/counters/:counterId',
    summary: 'Rename a counter',
    access: 'district-admin',
    params: CounterParams,
    body: CounterChange,
    status: 200,
    response: ManagedCounter,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_counter', 'ward_retired', 'counter_retired', 'name_taken'],
  }),
  retireCounter: route({
    method: 'POST',
    path: '/api/v1/admin/organisation/wards/:id/counters/:counterId/retire',
    summary: 'Retire a counter: its history stays, it takes no enrolments, its kiosks stop taking ratings',
    access: 'district-admin',
    params: CounterParams,
    status: 200,
    response: ManagedCounter,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_counter', 'counter_retired'],
  }),
  createOfficial: route({
    method: 'POST',
    path: '/api/v1/admin/organisation/officials',
    summary: 'Add an official to a ward',
    access: 'district-admin',
    body: NewOfficial,
    status: 201,
    response: OfficialRef,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_ward', 'ward_retired'],
  }),
  changeOfficial: route({
    method: 'PATCH',
    path: '/api/v1/admin/organisation/officials/:id',
    summary: 'Rename an official, change their title, set them active or not, or move them to another ward',
    access: 'district-admin',
    params: WardParams,
    body: OfficialChange,
    status: 200,
    response: OfficialRef,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_official', 'unknown_ward', 'ward_retired'],
  }),
  spreadsheet: route({
    method: 'GET',
    path: '/api/v1/admin/organisation/spreadsheet',
    summary: 'The organisation as an Excel workbook (sheets Phường, Quầy, Công chức): the template to fill and import',
    access: 'district-admin',
    status: 200,
    response: { contentType: XLSX, description: 'The workbook, with the wards, counters and officials there are now' },
    errors: ['not_signed_in', 'forbidden'],
  }),
  importSpreadsheet: route({
    method: 'POST',
    path: '/api/v1/admin/organisation/spreadsheet',
    summary:
      'Import wards, counters and officials from the workbook: a preview of what would be created or changed and every row’s problem, applied only when asked and only without problems, all or nothing',
    access: 'district-admin',
    body: OrganisationImport,
    status: 200,
    response: OrganisationImportResult,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'not_a_spreadsheet', 'wrong_encoding', 'body_too_large'],
  }),
  auditLog: route({
    method: 'GET',
    path: '/api/v1/admin/audit',
    summary: 'Every change an account made, newest first (who, when, what, before and after); CSV on request',
    access: 'district-admin',
    query: AuditQuery,
    status: 200,
    response: z.array(AuditEntry),
    files: { 'text/csv': 'the same entries as CSV (UTF-8 with BOM, for Excel)' },
    errors: ['not_signed_in', 'forbidden'],
  }),
} as const;
