import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
type Db = Kysely<any>;

const ref = <T extends string>(t: CreateTableBuilder<T, never>) =>
  t
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('modified_by_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull());

export async function up(db: Db): Promise<void> {
  const pg = isPostgres(db);

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reference_data_versions')
    .addColumn('dataset', 'text', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .execute();

  await ref(
    db.schema
      .createTable('divisions')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'integer', (c) => c.notNull())
      .addColumn('parent_code', 'text')
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('divisions_parent').on('divisions').column('parent_code').execute();

  await db.schema
    .createTable('hs_chapters')
    .addColumn('chapter', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('section_no', 'integer', (c) => c.notNull())
    .addColumn('section_name_zh', 'text', (c) => c.notNull())
    .execute();

  await ref(
    db.schema
      .createTable('hs_codes')
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('unit1_code', 'text')
      .addColumn('unit1', 'text')
      .addColumn('unit2_code', 'text')
      .addColumn('unit2', 'text')
      .addColumn('supervision_codes', 'text')
      .addColumn('note_zh', 'text')
      .addColumn('chapter', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('hs_codes_pk', ['edition', 'code']),
  ).execute();
  await db.schema.createIndex('hs_codes_code').on('hs_codes').column('code').execute();

  await ref(
    db.schema
      .createTable('ccc_categories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('category_no', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('product_count', 'integer', (c) => c.notNull())
      .addUniqueConstraint('ccc_categories_edition_no', ['edition', 'category_no']),
  ).execute();

  await ref(
    db.schema
      .createTable('ccc_products')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer')
      .addColumn('category_no', 'integer')
      .addColumn('category_name', 'text')
      .addColumn('marker', 'text')
      .addColumn('product_name', 'text', (c) => c.notNull())
      .addColumn('product_codes', 'text'),
  ).execute();

  await ref(
    db.schema
      .createTable('ccc_hs_mappings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hs_prefix', 'text', (c) => c.notNull())
      .addColumn('category_no', 'integer')
      .addColumn('category_name', 'text')
      .addColumn('product_code', 'text')
      .addColumn('product_name', 'text')
      .addColumn('confidence', 'text')
      .addColumn('note', 'text')
      .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema.createIndex('ccc_hs_mappings_prefix').on('ccc_hs_mappings').column('hs_prefix').execute();

  await ref(
    db.schema
      .createTable('bureaus')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('parent_code', 'text')
      .addColumn('phone', 'text')
      .addColumn('address', 'text')
      .addColumn('accept_days', 'integer', (c) => c.notNull().defaultTo(2))
      .addColumn('decide_days', 'integer', (c) => c.notNull().defaultTo(5)),
  ).execute();

  await db.schema
    .createTable('bureau_divisions')
    .addColumn('bureau_code', 'text', (c) => c.notNull().references('bureaus.code'))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bureau_divisions_pk', ['bureau_code', 'division_code'])
    .execute();
  await db.schema
    .createIndex('bureau_divisions_division')
    .on('bureau_divisions')
    .column('division_code')
    .execute();

  await ref(
    db.schema
      .createTable('clauses')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('requires_sub_clause', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('requires_applicant_type', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('requires_display_period', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sort_order', 'integer', (c) => c.notNull()),
  ).execute();

  await ref(
    db.schema
      .createTable('sub_clauses')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('clause_code', 'text', (c) => c.notNull().references('clauses.code'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull()),
  ).execute();

  await ref(
    db.schema
      .createTable('applicant_types')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('clause_code', 'text', (c) => c.notNull().references('clauses.code'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull()),
  ).execute();

  await ref(
    db.schema
      .createTable('attachment_types')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('reusable', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sort_order', 'integer', (c) => c.notNull()),
  ).execute();

  await ref(
    db.schema
      .createTable('clause_attachment_requirements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('attachment_type_code', 'text', (c) => c.notNull().references('attachment_types.code'))
      .addColumn('clause_code', 'text', (c) => c.references('clauses.code'))
      .addColumn('sub_clause_code', 'text', (c) => c.references('sub_clauses.code'))
      .addColumn('required', 'integer', (c) => c.notNull()),
  ).execute();

  await ref(
    db.schema
      .createTable('address_types')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull()),
  ).execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('org_code9', 'text')
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('remark', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organisations_code9').on('organisations').column('org_code9').execute();
  await db.schema.createIndex('organisations_name').on('organisations').column('name_zh').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('bureau_code', 'text', (c) => c.references('bureaus.code'))
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('fax', 'text')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_organisation').on('users').column('organisation_id').execute();
  await db.schema.createIndex('users_bureau').on('users').column('bureau_code').execute();
  await db.schema.createIndex('users_email').on('users').column('email').execute();

  await db.schema
    .createTable('login_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema
    .createIndex('login_history_user_at')
    .on('login_history')
    .columns(['user_id', 'at'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('captcha_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('answer_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('captcha_expires').on('captcha_challenges').column('expires_at').execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('reset_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_reset').on('rate_limits').column('reset_at').execute();

  await db.schema
    .createTable('password_reset_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('password_reset_codes_user')
    .on('password_reset_codes')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_username', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('organisation_id', 'text')
    .addColumn('bureau_code', 'text')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute();
  await db.schema.createIndex('audit_actor').on('audit_log').columns(['actor_user_id', 'at']).execute();
  await db.schema.createIndex('audit_org').on('audit_log').columns(['organisation_id', 'at']).execute();

  await db.schema
    .createTable('files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Who refers to a stored file: a file is removed only when its last reference is gone.
  await db.schema
    .createTable('file_references')
    .addColumn('sha256', 'text', (c) => c.notNull().references('files.sha256'))
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('file_references_pk', ['sha256', 'owner_type', 'owner_id'])
    .execute();
  await db.schema
    .createIndex('file_references_owner')
    .on('file_references')
    .columns(['owner_type', 'owner_id'])
    .execute();

  await db.schema
    .createTable('announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('announcements_public')
    .on('announcements')
    .columns(['status', 'pinned', 'published_at'])
    .execute();

  await db.schema
    .createTable('announcement_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('announcement_id', 'text', (c) => c.notNull().references('announcements.id'))
    .addColumn('file_sha256', 'text', (c) => c.notNull().references('files.sha256'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('announcement_attachments_announcement')
    .on('announcement_attachments')
    .column('announcement_id')
    .execute();

  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('counters_pk', ['name', 'period'])
    .execute();

  // Audit rows are append-only: the database refuses to change or remove them.
  if (pg) {
    await sql`create function audit_log_immutable() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_immutable()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted; restore a backup instead.');
}
