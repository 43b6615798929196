import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
type Db = Kysely<any>;

/**
 * After issue: the one modification of a certificate, the usage / re-export / destruction / write-off records
 * with their product lines, and the per-clause reporting deadlines.
 */
export async function up(db: Db): Promise<void> {
  // 申请修改证明: one request per certificate number, ever (its N and M versions together).
  await db.schema
    .createTable('certificate_modifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('base_number', 'text', (c) => c.notNull().unique())
    // The version the request modifies (the original).
    .addColumn('certificate_id', 'text', (c) => c.notNull().references('certificates.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('bureau_code', 'text', (c) => c.notNull().references('bureaus.code'))
    // draft | submitted | returned | approved | refused
    .addColumn('status', 'text', (c) => c.notNull())
    // The requested content (JSON): the subject information and the products as they should read.
    .addColumn('changes', 'text', (c) => c.notNull())
    // Why the enterprise asks (shown to the officer).
    .addColumn('reason', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('refuse_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('new_certificate_id', 'text', (c) => c.references('certificates.id'))
    .execute();
  await db.schema
    .createIndex('certificate_modifications_bureau')
    .on('certificate_modifications')
    .columns(['bureau_code', 'status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('certificate_modifications_org')
    .on('certificate_modifications')
    .columns(['organisation_id', 'created_at'])
    .execute();

  // 产品使用记录: usage, re-export (退运), destruction (销毁) and, for clause 05, write-off (核销).
  await db.schema
    .createTable('usage_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Records belong to the certificate number (both versions); quantities count against the current one.
    .addColumn('base_number', 'text', (c) => c.notNull())
    // The version current when the record was made.
    .addColumn('certificate_id', 'text', (c) => c.notNull().references('certificates.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('bureau_code', 'text', (c) => c.notNull().references('bureaus.code'))
    // usage | reexport | destruction | writeoff
    .addColumn('kind', 'text', (c) => c.notNull())
    // draft | submitted | verified | returned
    .addColumn('status', 'text', (c) => c.notNull())
    // usage: 使用单位, address, contact, phone, period, description
    .addColumn('user_name', 'text')
    .addColumn('user_address', 'text')
    .addColumn('user_contact', 'text')
    .addColumn('user_phone', 'text')
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('description', 'text')
    // reexport: the export declaration number; writeoff: the finished products' export declaration
    .addColumn('declaration_no', 'text')
    // writeoff: the date the finished products were exported (the 2-week deadline runs from it)
    .addColumn('export_date', 'text')
    // destruction: how, and who witnessed it
    .addColumn('method', 'text')
    .addColumn('witness', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('verified_by', 'text', (c) => c.references('users.id'))
    .addColumn('returned_at', 'text')
    .execute();
  await db.schema
    .createIndex('usage_records_certificate')
    .on('usage_records')
    .columns(['base_number', 'kind', 'created_at'])
    .execute();
  await db.schema
    .createIndex('usage_records_bureau')
    .on('usage_records')
    .columns(['bureau_code', 'status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('usage_records_org')
    .on('usage_records')
    .columns(['organisation_id', 'created_at'])
    .execute();

  // The quantity of each product line a record reports (with its date: 退运时间, 销毁时间, 使用日期).
  await db.schema
    .createTable('usage_record_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('usage_records.id'))
    .addColumn('base_number', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    // Canonical decimal string (up to 3 decimals), never a float.
    .addColumn('quantity', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addUniqueConstraint('usage_record_lines_line', ['record_id', 'line_no'])
    .execute();
  await db.schema
    .createIndex('usage_record_lines_ledger')
    .on('usage_record_lines')
    .columns(['base_number', 'line_no'])
    .execute();

  // Per-clause reporting deadlines the administrator sets (DOMAIN: clause 05 within 2 weeks of the export).
  await db.schema
    .createTable('report_deadlines')
    .addColumn('clause_code', 'text', (c) => c.primaryKey().references('clauses.code'))
    // The days allowed and what they count from: issue | display_end | export
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The reminder mailed before a certificate's reporting deadline: one row per number and due date, so the
  // job sends it once across instances (an INSERT that conflicts sends nothing).
  await db.schema
    .createTable('report_reminders')
    .addColumn('base_number', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_reminders_pk', ['base_number', 'due_on'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The after-issue migration cannot be reverted; restore a backup instead.');
}
