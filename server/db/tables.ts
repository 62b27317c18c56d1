import type { Generated } from 'kysely';

// Times are integers (milliseconds since the epoch, UTC) in both engines; JSON is stored as text.
// Booleans are 0/1 integers: SQLite has no boolean type.

export interface SettingsTable {
  key: string;
  value: string;
}

export interface WardsTable {
  id: string;
  name_vi: string;
  name_en: string;
  /** The survey template assigned to the ward (its latest version is used). */
  template_id: string;
  created_at: number;
  /** How ratings are attributed to officials: 'none', 'shift' or 'citizen' (shared Attribution). */
  attribution: Generated<string>;
  /** A retired ward keeps its history; it takes no enrolments and its kiosks are told to stop. */
  retired_at: number | null;
  /** The ward leader's address for the ward's alerts. */
  leader_email: string | null;
}

export interface CountersTable {
  ward_id: string;
  id: string;
  label_vi: string;
  label_en: string;
  retired_at: number | null;
}

export interface OfficialsTable {
  id: string;
  ward_id: string;
  name: string;
  title: string | null;
  active: number;
  /** The official's sign-in PIN as a salted PBKDF2 hash (shared StoredPin, JSON); kiosks check it offline. */
  pin: string | null;
  /** A data: URL of the official's photo, shown on the kiosk. */
  photo: string | null;
  created_at: number | null;
}

export interface TemplatesTable {
  id: string;
  version: number;
  /** The SurveyTemplate, validated on the way in. */
  body: string;
  created_at: number;
}

export interface KiosksTable {
  id: string;
  ward_id: string;
  counter_id: string;
  /** SHA-256 of the device token; the token itself is shown once, at enrolment. */
  token_hash: string;
  enrolled_at: number;
  revoked_at: number | null;
  last_seen_at: number | null;
  heartbeat: string | null;
  app_version: string | null;
  /** Server time minus kiosk time, estimated at each exchange. */
  clock_offset_ms: number | null;
}

export interface EnrolmentCodesTable {
  code_hash: string;
  ward_id: string;
  counter_id: string;
  created_by: number | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  kiosk_id: string | null;
  /** Set on a re-enrolment code: redeeming it restores this kiosk with a new token. */
  for_kiosk_id: string | null;
}

export interface RatingsTable {
  id: string;
  kiosk_id: string;
  seq: number;
  ward_id: string;
  counter_id: string;
  official_id: string | null;
  template_id: string;
  template_version: number;
  /** As the kiosk recorded them, with its offset. */
  started_at: string;
  completed_at: string;
  /** The kiosk's instant, and the same corrected by the kiosk's estimated clock offset. */
  completed_at_ms: number;
  corrected_at_ms: number;
  clock_offset_ms: number | null;
  /** The Vietnam calendar day (UTC+7) of the corrected time: what reports group by. */
  day: string;
  locale: string;
  outcome: string;
  overall: number;
  scale_size: number;
  satisfied: number;
  criteria: string;
  reasons: string;
  comment: string;
  flags: string;
  burst: number;
  batch_id: string;
  received_at: number;
  /** SHA-256 of the rating's canonical JSON: tells a retry (same content) from a conflict. */
  content_hash: string;
  /** The receipt's dossier code, when the citizen gave one. */
  dossier_code: string | null;
  /**
   * 1 when another rating (from any kiosk) already gave this dossier code: kept, but counted with
   * the flagged ratings (the counts' `burst` key) so the TT01 scores count each dossier once.
   */
  dossier_repeat: number;
  /** The incarnation of the kiosk's storage that numbered it ('' before kiosks had incarnations). */
  incarnation: string;
}

/** Pre-aggregated counts per day, kept in the same transaction as the ratings they count. */
export interface RatingCountsTable {
  day: string;
  ward_id: string;
  counter_id: string;
  official_id: string;
  template_id: string;
  scale_size: number;
  burst: number;
  overall: number;
  count: number;
}

export interface CriterionCountsTable {
  day: string;
  ward_id: string;
  counter_id: string;
  official_id: string;
  template_id: string;
  burst: number;
  criterion_id: string;
  value: number;
  /** Circular 01/2018 points of the answer, or -1 where the template has none. */
  points: number;
  count: number;
}

/** The same counts per month (YYYY-MM), for reports over whole months, quarters and years. */
export type MonthlyRatingCountsTable = Omit<RatingCountsTable, 'day'> & { month: string };
export type MonthlyCriterionCountsTable = Omit<CriterionCountsTable, 'day'> & { month: string };

export interface BatchesTable {
  id: string;
  kiosk_id: string;
  received_at: number;
  accepted: number;
  duplicate: number;
  rejected: number;
}

export interface FeedbackTable {
  id: Generated<number>;
  rating_id: string;
  ward_id: string;
  overall: number;
  comment: string;
  /** foldForSearch(comment): what the worklist's search compares. */
  comment_folded: string;
  status: string;
  assignee: string | null;
  assignee_folded: string | null;
  response_note: string | null;
  created_at: number;
  updated_at: number;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: string;
  ward_id: string | null;
  created_at: number;
  /** A disabled account cannot sign in; its sessions ended when it was disabled. */
  disabled_at: number | null;
  /** 1 after a password reset: the account must choose its own password before anything else. */
  must_change_password: Generated<number>;
}

/** Every change an account made: who, when, what, before and after (JSON). Never edited or deleted. */
export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  user_id: number | null;
  username: string;
  action: string;
  subject: string;
  ward_id: string | null;
  before: string | null;
  after: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  /** The browser the session was opened in (its User-Agent), shown to its account. */
  user_agent: string | null;
}

/** Something a ward leader should look at; acknowledged with a note, never deleted. */
export interface AlertsTable {
  id: Generated<number>;
  /** shared/alerts/rules.ts: very-dissatisfied-comment, satisfaction-drop, silent-kiosk. */
  kind: string;
  ward_id: string;
  kiosk_id: string | null;
  /** Unique: a rating raises its alert once, however often its batch is retried or imported. */
  rating_id: string | null;
  details: string;
  created_at: number;
  emailed_at: number | null;
  email_error: string | null;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  note: string | null;
  /** The alert's episode (silent since…, a gap, a new count): unique, so two servers raise it once. */
  dedupe_key: string | null;
}

/** A kiosk's export signing keys (Ed25519, public half): every one it ever registered stays valid. */
export interface KioskExportKeysTable {
  kiosk_id: string;
  public_key: string;
  registered_at: number;
}

/** The district's decision on a dossier rated more than once in its ward: which rating counts. */
export interface DossierDecisionsTable {
  ward_id: string;
  dossier_code: string;
  /** Null: none of them counts. */
  counted_rating_id: string | null;
  decided_by: string;
  decided_at: number;
}

/** One incarnation of a kiosk's count (shared/schema/sequence.ts), as the ledger knows it. */
export interface KioskIncarnationsTable {
  kiosk_id: string;
  incarnation: string;
  /** Null until the kiosk says (its first heartbeat): until then the lowest number received stands in. */
  first_seq: number | null;
  started_at: string | null;
  first_seen_at: number;
  /** The highest number the kiosk ever reported giving out in it. */
  highest_reported: number;
}

/** What the server holds of a kiosk's count: runs of consecutive numbers, merged as batches arrive. */
export interface SequenceRunsTable {
  kiosk_id: string;
  incarnation: string;
  first_seq: number;
  last_seq: number;
}

/** Numbers of ratings the server refused: accounted for (set aside on the kiosk), never a gap. */
export interface SequenceRefusalsTable {
  kiosk_id: string;
  incarnation: string;
  seq: number;
  code: string;
  refused_at: number;
}

/** Numbers neither here nor held by the kiosk, since when, whether alerted, and the technician's note. */
export interface SequenceGapsTable {
  kiosk_id: string;
  incarnation: string;
  first_seq: number;
  last_seq: number;
  detected_at: number;
  alerted_at: number | null;
  note: string | null;
  noted_by: string | null;
  noted_at: number | null;
}

export interface Database {
  settings: SettingsTable;
  wards: WardsTable;
  counters: CountersTable;
  officials: OfficialsTable;
  templates: TemplatesTable;
  kiosks: KiosksTable;
  enrolment_codes: EnrolmentCodesTable;
  ratings: RatingsTable;
  rating_counts: RatingCountsTable;
  criterion_counts: CriterionCountsTable;
  monthly_rating_counts: MonthlyRatingCountsTable;
  monthly_criterion_counts: MonthlyCriterionCountsTable;
  batches: BatchesTable;
  feedback: FeedbackTable;
  users: UsersTable;
  sessions: SessionsTable;
  alerts: AlertsTable;
  kiosk_export_keys: KioskExportKeysTable;
  dossier_decisions: DossierDecisionsTable;
  kiosk_incarnations: KioskIncarnationsTable;
  sequence_runs: SequenceRunsTable;
  sequence_refusals: SequenceRefusalsTable;
  sequence_gaps: SequenceGapsTable;
  audit_log: AuditLogTable;
}
