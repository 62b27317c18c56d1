import { z } from 'zod';
import { AlertSettings } from '../alerts/rules';
import { IsoDateTime, LocalizedText, Slug, Text } from '../schema/common';
import { Attribution, OfficialPhoto } from '../schema/kiosk-config';
import { IncarnationKey, Seq } from '../schema/sequence';
import { checkTemplate, SurveyTemplate, SurveyTemplateFields } from '../schema/template';
import { OfficialPin } from '../technician/pin';
import { ImportedFile } from './export-file';
import { Heartbeat } from './kiosk-api';
import { route } from './route';

// The dashboard's API (and an integrator's): sign-in, the organisation, the kiosk fleet, templates,
// officials, feedback, alerts and reports. Times are ISO 8601 with their offset; names travel beside
// ids so no client has to show an id to a person.

const Ok = z.strictObject({ ok: z.literal(true) });
const IdParams = z.strictObject({ id: Slug });
const KioskParams = z.strictObject({ id: z.uuid() });
/** A numbered thing's id in the path (alerts, feedback, accounts). */
export const NumberParams = z.strictObject({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});

// ——— Accounts and sessions ———

/** A district administrator; a ward's leader (their ward: reports, feedback, alerts, officials' PINs); a ward's viewer (read only). */
export const Role = z.enum(['district_admin', 'ward_leader', 'ward_viewer']);
export type Role = z.infer<typeof Role>;

export const Login = z.strictObject({ username: Text.min(1).max(64), password: Text.min(1).max(200) });

export const SessionInfo = z.strictObject({
  username: z.string(),
  role: Role,
  wardId: Slug.nullable(),
  /** Sent back in `x-csrf-token` with every change: a cookie alone never authorises one. */
  csrfToken: z.string(),
  /** After a reset by an administrator: the account must choose its own password before anything else. */
  mustChangePassword: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const NewUser = z
  .strictObject({
    username: z
      .string()
      .trim()
      .min(3)
      .max(64)
      .regex(/^[a-z0-9._-]+$/, 'lowercase letters, digits, dot, dash, underscore'),
    password: Text.min(10).max(200),
    role: Role,
    wardId: Slug.nullable(),
  })
  .refine((u) => (u.role !== 'district_admin') === (u.wardId !== null), 'a ward leader or viewer has a ward; a district admin has none');
export const CreatedUser = z.strictObject({ username: z.string(), role: Role, wardId: Slug.nullable() });

// ——— Organisation ———

/** `retired`: kept with its history in reports, offered for nothing new (enrolment, accounts, officials). */
export const Counter = z.strictObject({ id: Slug, label: LocalizedText, retired: z.boolean() });
export const Ward = z.strictObject({
  id: Slug,
  name: LocalizedText,
  templateId: Slug,
  attribution: Attribution,
  retired: z.boolean(),
  counters: z.array(Counter),
});
export type Ward = z.infer<typeof Ward>;

export const Official = z.strictObject({
  id: Slug,
  wardId: Slug,
  name: z.string(),
  title: z.string().nullable(),
  active: z.boolean(),
  photo: OfficialPhoto.nullable(),
  /** Whether a shift PIN is set; the PIN's hash never leaves the server but in kiosk configurations. */
  hasPin: z.boolean(),
});
export type Official = z.infer<typeof Official>;
/** A photo as chosen (a data: URL of up to 5 MB); the server makes it the small JPEG kiosks show. */
export const PhotoUpload = z
  .string()
  .max(7_000_000)
  .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+=*$/, 'a data: URL of a JPEG, PNG or WebP image');
export const OfficialChange = z.strictObject({ pin: OfficialPin.nullable().optional(), photo: PhotoUpload.nullable().optional() });
export type OfficialChange = z.input<typeof OfficialChange>;

// ——— Kiosks ———

/** Numbers of a kiosk's count that are neither on the server nor held by the kiosk. */
export const SequenceGap = z.strictObject({
  first: z.int(),
  last: z.int(),
  count: z.int(),
  /** When the server first knew they were missing. */
  since: IsoDateTime,
  /** What the technician found (a broken disk, a wiped kiosk); null until someone writes it. */
  note: z.string().nullable(),
  notedBy: z.string().nullable(),
});
export type SequenceGap = z.infer<typeof SequenceGap>;

/** One incarnation of a kiosk's count, as the completeness ledger sees it. */
export const IncarnationLedger = z.strictObject({
  /** '' for ratings made before kiosks had incarnations. */
  incarnation: IncarnationKey,
  /** 1 for the kiosk's first count, 2 once its storage was wiped and it counted again, … */
  number: z.int().min(1),
  /** When the kiosk's storage began this count; null when the kiosk never said. */
  startedAt: IsoDateTime.nullable(),
  firstSeq: z.int(),
  highest: z.int(),
  /** Every number from `firstSeq` to here is on the server (received, or refused and set aside on the kiosk). */
  completeThrough: z.int(),
  received: z.int(),
  refused: z.int(),
  /** Held by the kiosk: still to be sent, and set aside there. */
  waiting: z.int(),
  setAside: z.int(),
  gaps: z.array(SequenceGap),
});
export type IncarnationLedger = z.infer<typeof IncarnationLedger>;

export const GapNote = z.strictObject({
  incarnation: IncarnationKey,
  /** The first number of the gap, as listed. */
  first: Seq,
  note: Text.trim().min(1, 'say what happened').max(500),
});

export const Kiosk = z.strictObject({
  id: z.uuid(),
  wardId: Slug,
  wardName: z.string(),
  counterId: Slug,
  counterLabel: z.string(),
  enrolledAt: IsoDateTime,
  revokedAt: IsoDateTime.nullable(),
  lastSeenAt: IsoDateTime.nullable(),
  appVersion: z.string().nullable(),
  /** The kiosk's clock minus the server's at its last heartbeat. */
  clockOffsetMs: z.number().nullable(),
  heartbeat: Heartbeat.nullable(),
  /** Not revoked and not heard from for more than a day. */
  silent: z.boolean(),
  /** The completeness ledger: per incarnation (newest last), what arrived and what is missing. */
  ledger: z.array(IncarnationLedger),
});
export type Kiosk = z.infer<typeof Kiosk>;

export const NewEnrolment = z.strictObject({ wardId: Slug, counterId: Slug });
export const EnrolmentCodeCreated = z.strictObject({
  /** Shown once, to be typed or scanned at the kiosk: the server keeps only its hash. */
  code: z.string(),
  expiresAt: IsoDateTime,
  /** What the QR code encodes: opening it on a browser kiosk enrols it. */
  link: z.string(),
  qrSvg: z.string(),
});
export type EnrolmentCodeCreated = z.infer<typeof EnrolmentCodeCreated>;

export const ImportSummary = z.strictObject({
  kioskId: z.uuid(),
  wardId: Slug,
  ratings: z.int(),
  accepted: z.int(),
  duplicate: z.int(),
  rejected: z.int(),
  /** The first few rejections, for the person importing. */
  rejections: z.array(z.strictObject({ id: z.string().nullable(), code: z.string(), message: z.string() })),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

// ——— Templates ———

/**
 * A new version of a template. The server numbers versions: a `version` sent (a template exported as
 * JSON and edited) is ignored.
 */
export const TemplateDraft = SurveyTemplateFields.extend({ version: z.int().min(1).optional() }).superRefine(checkTemplate);
export const TemplateWithVersions = SurveyTemplateFields.extend({ versions: z.array(z.int().min(1)) });
export const TemplateAssignment = z.strictObject({ templateId: Slug });
export const WardTemplate = z.strictObject({ wardId: Slug, templateId: Slug });
export const AttributionChange = z.strictObject({ attribution: Attribution });
export const WardAttribution = z.strictObject({ wardId: Slug, attribution: Attribution });

// ——— Feedback ———

/** Handling citizens' feedback is itself an evaluated criterion: each comment is tracked to an answer. */
export const FeedbackStatus = z.enum(['moi', 'dang-xu-ly', 'da-xu-ly']);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

export const FeedbackItem = z.strictObject({
  id: z.int(),
  ratingId: z.string(),
  wardId: Slug,
  wardName: z.string(),
  counterLabel: z.string(),
  overall: z.int(),
  scaleSize: z.int(),
  /** When the citizen rated, as the kiosk recorded it (with its offset). */
  ratedAt: IsoDateTime,
  /** The rating's other answers, in the survey's words (both languages): what the comment is about. */
  criteria: z.array(z.strictObject({ label: LocalizedText, answer: LocalizedText })),
  reasons: z.array(LocalizedText),
  comment: z.string(),
  status: FeedbackStatus,
  assignee: z.string().nullable(),
  responseNote: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Still open after the district's working days for an answer (HAILONG_FEEDBACK_DUE_DAYS). */
  overdue: z.boolean(),
});
export type FeedbackItem = z.infer<typeof FeedbackItem>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD');
/** A worklist: filters, a search in the comments, and pages of 20 (newest first). */
export const FeedbackQuery = z.strictObject({
  status: FeedbackStatus.optional(),
  wardId: Slug.optional(),
  overall: z.coerce.number().int().min(1).max(5).optional(),
  from: Day.optional(),
  to: Day.optional(),
  assignee: Text.trim().max(100).optional(),
  q: Text.trim().max(100).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const FeedbackPage = z.strictObject({
  items: z.array(FeedbackItem),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  /** Working days an item may stay open before it is overdue. */
  dueWorkingDays: z.int(),
});
export type FeedbackPage = z.infer<typeof FeedbackPage>;
export const FeedbackUpdate = z
  .strictObject({
    status: FeedbackStatus.optional(),
    assignee: Text.trim().max(100).nullable().optional(),
    responseNote: Text.trim().max(2000).nullable().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, 'nothing to change');
export type FeedbackUpdate = z.infer<typeof FeedbackUpdate>;

// ——— Alerts ———

export const AlertKind = z.enum([
  'very-dissatisfied-comment',
  'satisfaction-drop',
  'silent-kiosk',
  'kiosk-ceiling',
  'sequence-gap',
  'kiosk-recounting',
  'storage-full',
]);
export const AlertItem = z.strictObject({
  id: z.int(),
  kind: AlertKind,
  /** '' for what concerns the whole district (the server's disk): shown to district admins only. */
  wardId: Slug.or(z.literal('')),
  wardName: z.string(),
  kioskId: z.string().nullable(),
  ratingId: z.string().nullable(),
  createdAt: IsoDateTime,
  emailedAt: IsoDateTime.nullable(),
  emailError: z.string().nullable(),
  acknowledgedAt: IsoDateTime.nullable(),
  acknowledgedBy: z.string().nullable(),
  note: z.string().nullable(),
  /** The citizen's words, for a very dissatisfied rating with a comment. */
  comment: z.string().nullable(),
  details: z.strictObject({
    share: z.number().optional(),
    window: z.int().optional(),
    silentMinutes: z.number().optional(),
    ratings: z.int().optional(),
    minutes: z.int().optional(),
    /** A gap's first and last missing numbers. */
    first: z.int().optional(),
    last: z.int().optional(),
    /** Which count of the kiosk (1, 2, …): for a gap, and for a kiosk whose storage started counting again. */
    incarnationNumber: z.int().optional(),
    /** Since when the server's disk was full. */
    since: IsoDateTime.optional(),
  }),
});
export type AlertItem = z.infer<typeof AlertItem>;
export const AlertsQuery = z.strictObject({ status: z.enum(['open', 'acknowledged']).default('open'), wardId: Slug.optional() });
export const Acknowledgement = z.strictObject({ note: Text.trim().min(1, 'say what was done').max(1000) });
export const Acknowledged = z.strictObject({ id: z.int(), acknowledged: z.literal(true) });

// ——— Repeated dossiers ———

/** A dossier rated more than once in its ward: every rating of it, and the district's decision. */
export const DossierReview = z.strictObject({
  wardId: Slug,
  wardName: z.string(),
  dossierCode: z.string(),
  ratings: z.array(
    z.strictObject({
      id: z.string(),
      kioskId: z.string(),
      counterLabel: z.string(),
      ratedAt: IsoDateTime,
      overall: z.int(),
      /** Whether it counts in the figures now. */
      counted: z.boolean(),
    }),
  ),
  decision: z.strictObject({ countedRatingId: z.string().nullable(), decidedBy: z.string(), decidedAt: IsoDateTime }).nullable(),
});
export type DossierReview = z.infer<typeof DossierReview>;
export const DossierDecision = z.strictObject({ wardId: Slug, dossierCode: Text.min(1).max(60), countedRatingId: z.uuid().nullable() });

// ——— Reports ———

export const ReportGrouping = z.enum(['district', 'ward', 'counter', 'official', 'criterion', 'template', 'month']);
export type ReportGrouping = z.infer<typeof ReportGrouping>;

/** A report's period and grouping, as the dashboard and the export links send them. */
export const ReportQuery = z
  .strictObject({
    period: z.enum(['day', 'month', 'quarter', 'year', 'custom']),
    /** 2026-11-22, 2026-11, 2026-Q4 or 2026, by period. */
    at: z.string().max(10).optional(),
    from: Day.optional(),
    to: Day.optional(),
    groupBy: ReportGrouping.default('ward'),
    wardId: Slug.optional(),
    includeBursts: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  })
  .superRefine((q, ctx) => {
    if (q.period === 'custom' && (!q.from || !q.to)) ctx.addIssue({ code: 'custom', message: 'a custom period needs from and to' });
    if (q.period !== 'custom' && !q.at) ctx.addIssue({ code: 'custom', message: `a ${q.period} report needs at` });
  });
export type ReportQuery = z.infer<typeof ReportQuery>;

/** A group's figures. */
/** A row's name in English, for the dashboard's English mode (files and the public page stay Vietnamese). */
const labelEn = z.string().optional();

export const ShownRow = z.strictObject({
  key: z.string(),
  label: z.string(),
  labelEn,
  hidden: z.literal(false),
  count: z.int(),
  /** Count per level value, best first. */
  distribution: z.record(z.string(), z.int()),
  mean: z.number().nullable(),
  /** Share of the top two levels of the scale (the headline figure), 0..1. */
  satisfiedShare: z.number().nullable(),
  scaleSize: z.int(),
});
export type ShownRow = z.infer<typeof ShownRow>;

/**
 * Per-official figures judge people: below the minimum number of responses they are withheld, and a
 * withheld row carries no figure at all (not even its count), only that it is withheld and why.
 */
export const WithheldRow = z.strictObject({
  key: z.string(),
  label: z.string(),
  labelEn,
  hidden: z.literal(true),
  withheld: z.literal('below_minimum'),
});
export const ReportRow = z.discriminatedUnion('hidden', [ShownRow, WithheldRow]);
export type ReportRow = z.infer<typeof ReportRow>;

/** The rows with figures (groupings other than per official never withhold any). */
export const shownRows = (rows: readonly ReportRow[]): ShownRow[] => rows.filter((row): row is ShownRow => !row.hidden);

export const Report = z.strictObject({
  title: z.string(),
  unit: z.string(),
  from: Day,
  to: Day,
  groupBy: ReportGrouping,
  includeBursts: z.boolean(),
  minResponses: z.int(),
  rows: z.array(ReportRow),
});
export type Report = z.infer<typeof Report>;

/** The quarter's completeness statement for one ward: what its kiosks counted and what arrived. */
export const CompletenessQuery = z.strictObject({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter is written 2026-Q4'),
  wardId: Slug,
});
export const CompletenessStatement = z.strictObject({
  wardId: Slug,
  wardName: z.string(),
  quarter: z.string(),
  from: Day,
  to: Day,
  generatedAt: IsoDateTime,
  kiosks: z.array(
    z.strictObject({
      kioskId: z.uuid(),
      counterLabel: z.string(),
      /** Ratings of the quarter stored from this kiosk. */
      ratings: z.int(),
      /** Ratings sent again (a retry after a lost answer, an export imported after sync) and not counted twice. */
      duplicatesRefused: z.int(),
      burstsFlagged: z.int(),
      repeatsFlagged: z.int(),
      /** Each count of the kiosk with numbers in the quarter: the numbers, and whether all arrived. */
      counts: z.array(
        z.strictObject({
          number: z.int().min(1),
          startedAt: IsoDateTime.nullable(),
          firstSeq: z.int(),
          lastSeq: z.int(),
          received: z.int(),
          refused: z.int(),
          waiting: z.int(),
          setAside: z.int(),
          missing: z.int(),
          gaps: z.array(SequenceGap),
        }),
      ),
    }),
  ),
  totals: z.strictObject({
    ratings: z.int(),
    missing: z.int(),
    waiting: z.int(),
    duplicatesRefused: z.int(),
    burstsFlagged: z.int(),
    repeatsFlagged: z.int(),
  }),
});
export type CompletenessStatement = z.infer<typeof CompletenessStatement>;

/** The report page's analysis of a period: when, why, compared with what. */
export const InsightsQuery = z
  .strictObject({
    period: z.enum(['month', 'quarter', 'year', 'custom']),
    at: z.string().max(10).optional(),
    from: Day.optional(),
    to: Day.optional(),
    wardId: Slug.optional(),
    includeBursts: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .superRefine((q, ctx) => {
    if (q.period === 'custom' && (!q.from || !q.to)) ctx.addIssue({ code: 'custom', message: 'a custom period needs from and to' });
    if (q.period !== 'custom' && !q.at) ctx.addIssue({ code: 'custom', message: `a ${q.period} period needs at` });
  });
const Headline = z.strictObject({ from: Day, to: Day, count: z.int(), satisfiedShare: z.number().nullable() });
export const Insights = z.strictObject({
  current: Headline,
  /** The period before, of the same kind (the month, quarter or year before; a range as long). */
  previous: Headline,
  /** The whole district's share in the same period, for a ward's comparison. */
  districtShare: z.number().nullable(),
  /** Weekday 1 (Monday) to 7 (Sunday) × hour of the day (Vietnam time): where the ratings fall, and how satisfied. */
  heatmap: z.array(
    z.strictObject({ weekday: z.int().min(1).max(7), hour: z.int().min(0).max(23), count: z.int(), satisfiedShare: z.number().nullable() }),
  ),
  /** Reasons chosen with ratings below "Hài lòng", most chosen first, in words; each split by level, worst first. */
  reasons: z.array(
    z.strictObject({
      label: z.string(),
      labelEn,
      count: z.int(),
      byLevel: z.array(z.strictObject({ level: z.string(), levelEn: z.string().optional(), count: z.int() })),
    }),
  ),
  unsatisfied: z.int(),
  /** Left out unless included: ratings too fast to be people queueing, and repeated dossiers. */
  excluded: z.strictObject({ bursts: z.int(), repeats: z.int() }),
});
export type Insights = z.infer<typeof Insights>;

export const Tt01Query = z.strictObject({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter is written 2026-Q4'),
  wardId: Slug.optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
});
const Indicator = z.strictObject({ criterionId: z.string(), dossiers: z.int(), score: z.number() });
export const Tt01Report = z.strictObject({
  quarter: z.string(),
  from: Day,
  to: Day,
  minResponses: z.int(),
  repeatedDossiers: z.int(),
  /** Wards in view without a score, and why (another survey, or no dossier rated): said, never silently left out. */
  otherWards: z.array(
    z.strictObject({ wardId: Slug, label: z.string(), template: z.string(), reason: z.enum(['other_template', 'no_dossiers']) }),
  ),
  units: z.array(
    z.strictObject({
      wardId: Slug,
      label: z.string(),
      indicators: z.array(Indicator),
      total: z.number(),
      classification: z.enum(['xuat-sac', 'tot', 'kha', 'trung-binh', 'yeu']),
      /** Units are also scored on indicators collected elsewhere: a unit's figure here is partial. */
      partial: z.boolean(),
    }),
  ),
  officials: z.array(
    z.strictObject({
      wardId: Slug,
      officialId: z.string(),
      label: z.string(),
      /** Null when withheld (below the minimum number of dossiers): no figure of a withheld official is given. */
      dossiers: z.int().nullable(),
      hidden: z.boolean(),
      indicators: z.array(Indicator),
      total: z.number().nullable(),
      classification: z.enum(['du-100', 'tu-70-den-duoi-100', 'duoi-70']).nullable(),
    }),
  ),
});
export type Tt01Report = z.infer<typeof Tt01Report>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const adminApi = {
  login: route({
    method: 'POST',
    path: '/api/v1/admin/login',
    summary: 'Sign in: a session cookie (HttpOnly, SameSite=Strict) and the CSRF token for changes',
    access: 'public',
    body: Login,
    status: 200,
    response: SessionInfo,
    errors: ['bad_credentials', 'account_disabled', 'rate_limited'],
  }),
  logout: route({
    method: 'POST',
    path: '/api/v1/admin/logout',
    summary: 'Sign out: the session ends on the server',
    access: 'signed-in',
    status: 200,
    response: Ok,
    errors: ['not_signed_in', 'csrf'],
  }),
  session: route({
    method: 'GET',
    path: '/api/v1/admin/session',
    summary: 'Who is signed in',
    access: 'signed-in',
    status: 200,
    response: SessionInfo,
    errors: ['not_signed_in'],
  }),
  createUser: route({
    method: 'POST',
    path: '/api/v1/admin/users',
    summary: 'Create an account (a district administrator, or a ward leader or viewer of one ward)',
    access: 'district-admin',
    body: NewUser,
    status: 201,
    response: CreatedUser,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_ward', 'username_taken', 'weak_password'],
  }),
  wards: route({
    method: 'GET',
    path: '/api/v1/admin/wards',
    summary: 'Wards with their counters (a ward viewer sees their own)',
    access: 'signed-in',
    status: 200,
    response: z.array(Ward),
    errors: ['not_signed_in'],
  }),
  assignTemplate: route({
    method: 'PUT',
    path: '/api/v1/admin/wards/:id/template',
    summary: 'The survey template a ward’s kiosks show (its latest version; kiosks switch at their next start screen)',
    access: 'district-admin',
    params: IdParams,
    body: TemplateAssignment,
    status: 200,
    response: WardTemplate,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_ward', 'unknown_template'],
  }),
  setAttribution: route({
    method: 'PUT',
    path: '/api/v1/admin/wards/:id/attribution',
    summary: 'How a ward attributes ratings to officials: none, by shift sign-in, or by the citizen’s choice',
    access: 'district-admin',
    params: IdParams,
    body: AttributionChange,
    status: 200,
    response: WardAttribution,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_ward'],
  }),
  officials: route({
    method: 'GET',
    path: '/api/v1/admin/officials',
    summary: 'Officials of a ward (or of every ward for the district)',
    access: 'signed-in',
    query: z.strictObject({ wardId: Slug.optional() }),
    status: 200,
    response: z.array(Official),
    errors: ['not_signed_in', 'forbidden'],
  }),
  updateOfficial: route({
    method: 'PUT',
    path: '/api/v1/admin/officials/:id',
    summary: 'Set or clear an official’s shift PIN (hashed; checked offline by kiosks) and photo (made a 256×256 JPEG without metadata)',
    access: 'ward-leader',
    params: IdParams,
    body: OfficialChange,
    status: 200,
    response: z.strictObject({ id: Slug, hasPin: z.boolean().optional() }),
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_official', 'not_an_image', 'body_too_large'],
  }),
  enrolmentCode: route({
    method: 'POST',
    path: '/api/v1/admin/enrolment-codes',
    summary: 'A single-use enrolment code (24 h) for a counter, with its link and QR code',
    access: 'district-admin',
    body: NewEnrolment,
    status: 201,
    response: EnrolmentCodeCreated,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_counter', 'ward_retired', 'counter_retired'],
  }),
  reenrolmentCode: route({
    method: 'POST',
    path: '/api/v1/admin/kiosks/:id/reenrolment-code',
    summary: 'A code that re-enrols this kiosk with a new token, keeping its identity (its unsent ratings still count)',
    access: 'district-admin',
    params: KioskParams,
    status: 201,
    response: EnrolmentCodeCreated,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_kiosk'],
  }),
  kiosks: route({
    method: 'GET',
    path: '/api/v1/admin/kiosks',
    summary: 'The kiosk fleet with each kiosk’s last heartbeat; silent kiosks stand out',
    access: 'signed-in',
    status: 200,
    response: z.array(Kiosk),
    errors: ['not_signed_in'],
  }),
  noteGap: route({
    method: 'POST',
    path: '/api/v1/admin/kiosks/:id/gap-note',
    summary: 'Write what was found about a gap in a kiosk’s count (shown in the ledger and the completeness statement)',
    access: 'ward-leader',
    params: KioskParams,
    body: GapNote,
    status: 200,
    response: Ok,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_gap'],
  }),
  revokeKiosk: route({
    method: 'POST',
    path: '/api/v1/admin/kiosks/:id/revoke',
    summary: 'Revoke a kiosk’s device token: it sends nothing more until re-enrolled',
    access: 'district-admin',
    params: KioskParams,
    status: 200,
    response: Ok,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_kiosk'],
  }),
  importExport: route({
    method: 'POST',
    path: '/api/v1/admin/imports',
    summary: 'Import a kiosk’s signed export file (USB); stored exactly once, like sync',
    access: 'district-admin',
    body: ImportedFile,
    status: 200,
    response: ImportSummary,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_kiosk', 'bad_signature', 'legacy_export', 'body_too_large', 'storage_full'],
  }),
  templates: route({
    method: 'GET',
    path: '/api/v1/admin/templates',
    summary: 'Every survey template at its latest version, with its versions',
    access: 'signed-in',
    status: 200,
    response: z.array(TemplateWithVersions),
    errors: ['not_signed_in'],
  }),
  saveTemplate: route({
    method: 'POST',
    path: '/api/v1/admin/templates',
    summary: 'Save a template as its next version (ratings keep the version they were given on)',
    access: 'district-admin',
    body: TemplateDraft,
    status: 201,
    response: SurveyTemplate,
    errors: ['not_signed_in', 'csrf', 'forbidden'],
  }),
  feedback: route({
    method: 'GET',
    path: '/api/v1/admin/feedback',
    summary: 'Citizens’ comments to handle (the newest 500)',
    access: 'signed-in',
    query: FeedbackQuery,
    status: 200,
    response: FeedbackPage,
    errors: ['not_signed_in', 'forbidden'],
  }),
  updateFeedback: route({
    method: 'PATCH',
    path: '/api/v1/admin/feedback/:id',
    summary: 'Handle a comment: status, assignee, the answer given',
    access: 'ward-leader',
    params: NumberParams,
    body: FeedbackUpdate,
    status: 200,
    response: Ok,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_feedback'],
  }),
  alerts: route({
    method: 'GET',
    path: '/api/v1/admin/alerts',
    summary: 'Open or acknowledged alerts (silent kiosks and gaps in kiosks’ counts are looked for on the way)',
    access: 'signed-in',
    query: AlertsQuery,
    status: 200,
    response: z.array(AlertItem),
    errors: ['not_signed_in', 'forbidden'],
  }),
  acknowledgeAlert: route({
    method: 'POST',
    path: '/api/v1/admin/alerts/:id/acknowledge',
    summary: 'Acknowledge an alert with a note of what was done (the district, or the ward’s own account)',
    access: 'ward-leader',
    params: NumberParams,
    body: Acknowledgement,
    status: 200,
    response: Acknowledged,
    errors: ['not_signed_in', 'csrf', 'unknown_alert'],
  }),
  alertSettings: route({
    method: 'GET',
    path: '/api/v1/admin/alert-settings',
    summary: 'Alert thresholds',
    access: 'signed-in',
    status: 200,
    response: AlertSettings,
    errors: ['not_signed_in'],
  }),
  saveAlertSettings: route({
    method: 'PUT',
    path: '/api/v1/admin/alert-settings',
    summary: 'Set the alert thresholds',
    access: 'district-admin',
    body: AlertSettings,
    status: 200,
    response: AlertSettings,
    errors: ['not_signed_in', 'csrf', 'forbidden'],
  }),
  dossierReviews: route({
    method: 'GET',
    path: '/api/v1/admin/dossier-reviews',
    summary: 'Dossiers rated more than once in their ward, waiting for (or with) the district’s decision on which rating counts',
    access: 'signed-in',
    query: z.strictObject({ wardId: Slug.optional() }),
    status: 200,
    response: z.array(DossierReview),
    errors: ['not_signed_in', 'forbidden'],
  }),
  decideDossier: route({
    method: 'POST',
    path: '/api/v1/admin/dossier-reviews/decision',
    summary: 'Decide which rating of a repeated dossier counts (or none); the others stay out of the figures',
    access: 'district-admin',
    body: DossierDecision,
    status: 200,
    response: Ok,
    errors: ['not_signed_in', 'csrf', 'forbidden', 'unknown_dossier'],
  }),
  insights: route({
    method: 'GET',
    path: '/api/v1/reports/insights',
    summary: 'A period analysed: against the period before and the district, by weekday and hour, and the reasons chosen',
    access: 'signed-in',
    query: InsightsQuery,
    status: 200,
    response: Insights,
    errors: ['not_signed_in', 'forbidden', 'invalid_period'],
  }),
  report: route({
    method: 'GET',
    path: '/api/v1/reports',
    summary: 'Satisfaction report for a period, grouped (JSON; format=csv or xlsx downloads a file)',
    access: 'signed-in',
    query: ReportQuery,
    status: 200,
    response: Report,
    files: { 'text/csv': 'The report as CSV (UTF-8 with BOM)', [XLSX]: 'The report as an Excel workbook' },
    errors: ['not_signed_in', 'forbidden', 'invalid_period'],
  }),
  completeness: route({
    method: 'GET',
    path: '/api/v1/reports/completeness',
    summary:
      'A ward’s completeness statement for a quarter: kiosks, ratings received, sequence coverage, gaps, duplicates, bursts and repeats',
    access: 'signed-in',
    query: CompletenessQuery,
    status: 200,
    response: CompletenessStatement,
    errors: ['not_signed_in', 'forbidden', 'unknown_ward'],
  }),
  tt01: route({
    method: 'GET',
    path: '/api/v1/reports/tt01',
    summary: 'Circular 01/2018 scores for a quarter, per unit and per official',
    access: 'signed-in',
    query: Tt01Query,
    status: 200,
    response: Tt01Report,
    files: { [XLSX]: 'The scores as an Excel workbook laid out as an official report' },
    errors: ['not_signed_in', 'forbidden'],
  }),
} as const;
