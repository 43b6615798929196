import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Portable column conventions (both SQLite and PostgreSQL):
 * ids are app-generated text UUIDs, times are ISO-8601 UTC text, booleans are 0/1 integers,
 * JSON is text, decimals are text or integer thousandths. Never a float for a quantity.
 */
export interface Database {
  settings: SettingsTable;
  reference_data_versions: ReferenceDataVersionsTable;
  divisions: DivisionsTable;
  hs_chapters: HsChaptersTable;
  hs_codes: HsCodesTable;
  ccc_categories: CccCategoriesTable;
  ccc_products: CccProductsTable;
  ccc_hs_mappings: CccHsMappingsTable;
  bureaus: BureausTable;
  bureau_divisions: BureauDivisionsTable;
  clauses: ClausesTable;
  sub_clauses: SubClausesTable;
  applicant_types: ApplicantTypesTable;
  attachment_types: AttachmentTypesTable;
  clause_attachment_requirements: ClauseAttachmentRequirementsTable;
  address_types: AddressTypesTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  login_history: LoginHistoryTable;
  sessions: SessionsTable;
  captcha_challenges: CaptchaChallengesTable;
  rate_limits: RateLimitsTable;
  password_reset_codes: PasswordResetCodesTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  files: FilesTable;
  file_references: FileReferencesTable;
  announcements: AnnouncementsTable;
  announcement_attachments: AnnouncementAttachmentsTable;
  counters: CountersTable;
  applications: ApplicationsTable;
  application_products: ApplicationProductsTable;
  application_attachments: ApplicationAttachmentsTable;
  certificates: CertificatesTable;
  certificate_checks: CertificateChecksTable;
  calendar_days: CalendarDaysTable;
  calendar_years: CalendarYearsTable;
  certificate_modifications: CertificateModificationsTable;
  usage_records: UsageRecordsTable;
  usage_record_lines: UsageRecordLinesTable;
  report_deadlines: ReportDeadlinesTable;
  report_reminders: ReportRemindersTable;
  reference_imports: ReferenceImportsTable;
  application_counts: ApplicationCountsTable;
  orphaned_files: OrphanedFilesTable;
  certificate_reporting: CertificateReportingTable;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface ReferenceDataVersionsTable {
  dataset: string;
  version: string;
  row_count: number;
  loaded_at: string;
}

/** Reference rows carry `modified_by_admin`: a row an administrator changed is never overwritten by a reload. */
interface ReferenceRow {
  enabled: number;
  modified_by_admin: number;
  updated_at: string;
}

export interface DivisionsTable extends ReferenceRow {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  province_code: string;
  /** admin | placeholder | stat_only | pseudo_county (see the data README). */
  kind: string;
}

export interface HsChaptersTable {
  chapter: string;
  name_zh: string;
  section_no: number;
  section_name_zh: string;
}

export interface HsCodesTable extends ReferenceRow {
  code: string;
  /** The nomenclature edition the row belongs to, e.g. '2020'. A new edition is imported beside the old. */
  edition: string;
  name_zh: string;
  unit1_code: string | null;
  unit1: string | null;
  unit2_code: string | null;
  unit2: string | null;
  supervision_codes: string | null;
  note_zh: string | null;
  chapter: string;
  /** Lower-cased, width-folded text searched by the picker: code, name, category. */
  search_text: string;
}

export interface CccCategoriesTable extends ReferenceRow {
  id: string;
  edition: string;
  category_no: number;
  name: string;
  product_count: number;
}

export interface CccProductsTable extends ReferenceRow {
  id: string;
  edition: string;
  seq: number | null;
  category_no: number | null;
  category_name: string | null;
  marker: string | null;
  product_name: string;
  product_codes: string | null;
}

export interface CccHsMappingsTable extends ReferenceRow {
  id: string;
  hs_prefix: string;
  category_no: number | null;
  category_name: string | null;
  product_code: string | null;
  product_name: string | null;
  confidence: string | null;
  note: string | null;
  /** 1 while the mapping is our provisional one, not the official reference table. */
  provisional: number;
}

export interface BureausTable extends ReferenceRow {
  code: string;
  name: string;
  /** province | city | district | zone */
  level: string;
  parent_code: string | null;
  phone: string | null;
  address: string | null;
  /** Service levels in working days (DOMAIN: accept or return within 2, decide within 5). */
  accept_days: number;
  decide_days: number;
}

export interface BureauDivisionsTable {
  bureau_code: string;
  division_code: string;
}

export interface ClausesTable extends ReferenceRow {
  code: string;
  name: string;
  requires_sub_clause: number;
  requires_applicant_type: number;
  requires_display_period: number;
  sort_order: number;
}

export interface SubClausesTable extends ReferenceRow {
  code: string;
  clause_code: string;
  name: string;
  sort_order: number;
}

export interface ApplicantTypesTable extends ReferenceRow {
  code: string;
  clause_code: string;
  name: string;
  sort_order: number;
}

export interface AttachmentTypesTable extends ReferenceRow {
  code: string;
  name: string;
  /** Taken over from the organisation's previous application under the same clause. */
  reusable: number;
  sort_order: number;
}

export interface ClauseAttachmentRequirementsTable extends ReferenceRow {
  id: string;
  attachment_type_code: string;
  /** null: every clause. */
  clause_code: string | null;
  /** null: every second-level clause of the clause. */
  sub_clause_code: string | null;
  required: number;
}

export interface AddressTypesTable extends ReferenceRow {
  code: string;
  name: string;
  sort_order: number;
}

export interface OrganisationsTable {
  id: string;
  /** 18-character credit code or 9-character organisation code, normalised. */
  code: string;
  /** For an 18-character code, its embedded 9-character organisation code (characters 9–17). */
  org_code9: string | null;
  name_zh: string;
  name_en: string | null;
  division_code: string;
  address: string;
  postcode: string;
  remark: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  /** lower(username): uniqueness is case-insensitive. */
  username_key: string;
  password_hash: string;
  role: string;
  status: string;
  organisation_id: string | null;
  bureau_code: string | null;
  contact_name: string;
  mobile: string;
  email: string;
  phone: string | null;
  fax: string | null;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface LoginHistoryTable {
  id: string;
  user_id: string;
  at: string;
  ip: string;
  user_agent: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the session id in the cookie; the id itself is never stored. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end (12 h after login). Idle end is last_seen_at + 30 min. */
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface CaptchaChallengesTable {
  id: string;
  answer_hash: string;
  expires_at: string;
  used: number;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  reset_at: string;
}

export interface PasswordResetCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  expires_at: string;
  attempts: number;
  used_at: string | null;
}

export interface OutboxTable {
  id: string;
  channel: string;
  recipient: string;
  subject: string;
  body_text: string;
  /** pending | sending | sent | failed */
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  organisation_id: string | null;
  bureau_code: string | null;
  entity_type: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface FilesTable {
  sha256: string;
  size: number;
  mime: string;
  created_at: string;
}

export interface FileReferencesTable {
  sha256: string;
  /** e.g. 'announcement_attachment', 'manual'. */
  owner_type: string;
  owner_id: string;
}

export interface AnnouncementsTable {
  id: string;
  title: string;
  body_html: string;
  pinned: number;
  /** draft | published */
  status: string;
  published_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AnnouncementAttachmentsTable {
  id: string;
  announcement_id: string;
  file_sha256: string;
  filename: string;
  size: number;
  mime: string;
  created_at: string;
}

export interface CountersTable {
  name: string;
  period: string;
  value: number;
}

/** A CCC exemption application (0002). Status values: the domain's applicationStatuses. */
export interface ApplicationsTable {
  id: string;
  /** 申请编号, assigned on the first save, never changed or reused. */
  number: string;
  organisation_id: string;
  created_by: string;
  bureau_code: string;
  clause_code: string;
  sub_clause_code: string | null;
  applicant_type_code: string | null;
  location_division_code: string;
  location_address_type_code: string | null;
  location_address: string | null;
  use_division_code: string | null;
  use_address: string | null;
  bill_of_lading_no: string | null;
  contract_no: string | null;
  invoice_no: string | null;
  product_features: string | null;
  exemption_reason: string | null;
  safety_assurance: string | null;
  display_start_date: string | null;
  display_end_date: string | null;
  post_display_disposal: string | null;
  status: string;
  certificate_number: string | null;
  return_reason: string | null;
  refuse_reason: string | null;
  product_count: number;
  first_product_name: string | null;
  created_at: string;
  updated_at: string;
  first_submitted_at: string | null;
  submitted_at: string | null;
  /** submitted_at once submitted, else created_at: what the list's date range filters on. */
  listed_at: string;
  accepted_at: string | null;
  returned_at: string | null;
  decided_at: string | null;
  /** Working days the bureau held the case in earlier rounds (the clock pauses while 已退回). */
  clock_days_used: Generated<number>;
  /** JSON of the reference names at the latest submission (0006). */
  reference_labels: string | null;
  /** Working days with the bureau over all rounds, frozen at the decision (0006). */
  decision_working_days: number | null;
}

/** A product line of an application. `quantity` is a canonical decimal string, never a float. */
export interface ApplicationProductsTable {
  id: string;
  application_id: string;
  organisation_id: string;
  line_no: number;
  hs_code: string;
  hs_name: string;
  product_name: string;
  model: string;
  brand: string | null;
  quantity: string;
  unit: string;
  manufacturer: string | null;
  origin_country: string | null;
  purpose: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** The current file of one attachment type of an application (0003); unique per (application, type). */
export interface ApplicationAttachmentsTable {
  id: string;
  application_id: string;
  attachment_type_code: string;
  file_sha256: string;
  filename: string;
  size: number;
  mime: string;
  uploaded_by: string;
  uploaded_at: string;
  /** The application it was taken over from (reusable types), else null. */
  taken_over_from: string | null;
}

/** A certificate version (0004). `content` is the frozen JSON the PDF and the verification read. */
export interface CertificatesTable {
  id: string;
  number: string;
  base_number: string;
  /** original | modified */
  version: string;
  /** valid | superseded | revoked */
  status: string;
  application_id: string;
  organisation_id: string;
  bureau_code: string;
  verification_code: string;
  content: string;
  issued_at: string;
  issued_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  superseded_at: string | null;
  superseded_by: string | null;
}

/** One 证明查询 (0004). */
export interface CertificateChecksTable {
  id: string;
  checked_at: string;
  ip: string | null;
  number: string;
  certificate_id: string | null;
  /** valid | superseded | revoked | not_found */
  result: string;
  with_code: number;
  code_valid: number | null;
  /** web | api */
  channel: string;
}

/** An exception to the weekend rule (0004): 'holiday' (weekday off) or 'workday' (weekend worked). */
export interface CalendarDaysTable {
  date: string;
  year: number;
  kind: string;
  name: string;
  updated_at: string;
}

export interface CalendarYearsTable {
  year: number;
  published: number;
  source: string | null;
  modified_by_admin: Generated<number>;
  updated_at: string;
}

/** 申请修改证明 (0005): one per certificate number, ever. `changes` is JSON. */
export interface CertificateModificationsTable {
  id: string;
  base_number: string;
  certificate_id: string;
  application_id: string;
  organisation_id: string;
  bureau_code: string;
  /** draft | submitted | returned | approved | refused */
  status: string;
  changes: string;
  reason: string | null;
  return_reason: string | null;
  refuse_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
  new_certificate_id: string | null;
}

/** 使用 / 退运 / 销毁 / 核销 record (0005). */
export interface UsageRecordsTable {
  id: string;
  base_number: string;
  certificate_id: string;
  application_id: string;
  organisation_id: string;
  bureau_code: string;
  /** usage | reexport | destruction | writeoff */
  kind: string;
  /** draft | submitted | verified | returned */
  status: string;
  user_name: string | null;
  user_address: string | null;
  user_contact: string | null;
  user_phone: string | null;
  period_start: string | null;
  period_end: string | null;
  description: string | null;
  declaration_no: string | null;
  export_date: string | null;
  method: string | null;
  witness: string | null;
  return_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  verified_at: string | null;
  verified_by: string | null;
  returned_at: string | null;
}

export interface UsageRecordLinesTable {
  id: string;
  record_id: string;
  base_number: string;
  line_no: number;
  quantity: string;
  date: string | null;
}

export interface ReportDeadlinesTable {
  clause_code: string;
  days: number;
  /** issue | display_end | export */
  basis: string;
  updated_at: string;
}

/** A reporting-deadline reminder sent (0005): once per certificate number and due date. */
export interface ReportRemindersTable {
  base_number: string;
  due_on: string;
  sent_at: string;
}

/** A reference-data import between its preview and its apply (0006). */
export interface ReferenceImportsTable {
  id: string;
  dataset: string;
  edition: string | null;
  filename: string;
  /** previewed | applied | discarded */
  status: string;
  summary: string;
  changes: string;
  base_revision: string | null;
  created_by: string;
  created_at: string;
  applied_by: string | null;
  applied_at: string | null;
}

/** Applications per organisation, status and clause, kept by triggers on `applications` (0007). */
export interface ApplicationCountsTable {
  organisation_id: string;
  status: string;
  clause_code: string;
  count: number;
}

/** A stored file left without references, awaiting the collector (0008). */
export interface OrphanedFilesTable {
  sha256: string;
  orphaned_at: string;
}

/** Reporting facts per certificate number, marked dirty by triggers and recomputed by readers (0009). */
export interface CertificateReportingTable {
  base_number: string;
  change_seq: number;
  dirty: number;
  valid: number | null;
  fully_reported: number | null;
  bureau_code: string | null;
  clause_code: string | null;
  issue_date: string | null;
  display_end_date: string | null;
  first_export_date: string | null;
}
