import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
type Db = Kysely<any>;

/**
 * CCC exemption applications and their product lines. The numbers come from `counters` (0001).
 *
 * Indexes serve the enterprise list at a million rows: every list query is scoped to one organisation and
 * ordered newest first, so each index leads with organisation_id and ends with the sort key.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('bureau_code', 'text', (c) => c.notNull().references('bureaus.code'))
    .addColumn('clause_code', 'text', (c) => c.notNull().references('clauses.code'))
    .addColumn('sub_clause_code', 'text')
    .addColumn('applicant_type_code', 'text')
    .addColumn('location_division_code', 'text', (c) => c.notNull())
    .addColumn('location_address_type_code', 'text')
    .addColumn('location_address', 'text')
    .addColumn('use_division_code', 'text')
    .addColumn('use_address', 'text')
    .addColumn('bill_of_lading_no', 'text')
    .addColumn('contract_no', 'text')
    .addColumn('invoice_no', 'text')
    .addColumn('product_features', 'text')
    .addColumn('exemption_reason', 'text')
    .addColumn('safety_assurance', 'text')
    .addColumn('display_start_date', 'text')
    .addColumn('display_end_date', 'text')
    .addColumn('post_display_disposal', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // Filled when a certificate is issued (next issue); searched in the list.
    .addColumn('certificate_number', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('refuse_reason', 'text')
    // Kept with every product change, so the list needs no join or count per row.
    .addColumn('product_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_product_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('first_submitted_at', 'text')
    // The latest submission (提交日期); null while a draft.
    .addColumn('submitted_at', 'text')
    // submitted_at once submitted, else created_at: the date the list's date range filters on.
    .addColumn('listed_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('returned_at', 'text')
    .addColumn('decided_at', 'text')
    .execute();

  await db.schema
    .createIndex('applications_org_created')
    .on('applications')
    .columns(['organisation_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('applications_org_status_created')
    .on('applications')
    .columns(['organisation_id', 'status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('applications_org_listed')
    .on('applications')
    .columns(['organisation_id', 'listed_at', 'id'])
    .execute();
  await db.schema
    .createIndex('applications_org_clause_created')
    .on('applications')
    .columns(['organisation_id', 'clause_code', 'created_at', 'id'])
    .execute();
  // The bureau's inbox (next issue): its applications by state, oldest submission first.
  await db.schema
    .createIndex('applications_bureau_status')
    .on('applications')
    .columns(['bureau_code', 'status', 'submitted_at'])
    .execute();
  // Partial 申请编号 / 证明号 searches scan these narrow entries of one organisation, not its wide rows.
  await db.schema
    .createIndex('applications_org_number')
    .on('applications')
    .columns(['organisation_id', 'number', 'id'])
    .execute();
  await db.schema
    .createIndex('applications_org_certificate')
    .on('applications')
    .columns(['organisation_id', 'certificate_number', 'id'])
    .execute();
  // Certificate verification and the certificates module look a number up across organisations.
  await db.schema
    .createIndex('applications_certificate_number')
    .on('applications')
    .column('certificate_number')
    .execute();

  await db.schema
    .createTable('application_products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    // Denormalised from the application: 历史查询 groups an organisation's HS codes without a join.
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('hs_code', 'text', (c) => c.notNull())
    // HS名称 copied when the line was saved: later edits of the HS table do not change the application.
    .addColumn('hs_name', 'text', (c) => c.notNull())
    .addColumn('product_name', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('brand', 'text')
    // Canonical decimal string (up to 3 decimals), never a float.
    .addColumn('quantity', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('manufacturer', 'text')
    .addColumn('origin_country', 'text')
    .addColumn('purpose', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('application_products_line', ['application_id', 'line_no'])
    .execute();
  // 历史查询 (group by hs_code) and the list's HS-code search, index-only within one organisation.
  await db.schema
    .createIndex('application_products_org_hs')
    .on('application_products')
    .columns(['organisation_id', 'hs_code', 'application_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The applications migration cannot be reverted; restore a backup instead.');
}
