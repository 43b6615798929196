import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
type Db = Kysely<any>;

/**
 * The bureau's review and the certificate: the service clock of an application, the certificates, every
 * public verification check, and the working calendar (holidays and make-up working days) with the years it
 * covers.
 */
export async function up(db: Db): Promise<void> {
  // Working days the bureau already held the case in earlier rounds (before a 退回): the clock resumes there.
  await db.schema
    .alterTable('applications')
    .addColumn('clock_days_used', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The bureau's search: its cases newest first, and by number.
  await db.schema
    .createIndex('applications_bureau_listed')
    .on('applications')
    .columns(['bureau_code', 'listed_at', 'id'])
    .execute();
  await db.schema
    .createIndex('applications_bureau_number')
    .on('applications')
    .columns(['bureau_code', 'number'])
    .execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    // The 12 characters after the letter: the N version and its M version share them.
    .addColumn('base_number', 'text', (c) => c.notNull())
    // original | modified
    .addColumn('version', 'text', (c) => c.notNull())
    // valid | superseded | revoked
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('bureau_code', 'text', (c) => c.notNull().references('bureaus.code'))
    .addColumn('verification_code', 'text', (c) => c.notNull())
    // What the certificate says, frozen at issue (JSON): the PDF and the verification read only this.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .addColumn('revoke_reason', 'text')
    .addColumn('superseded_at', 'text')
    .addColumn('superseded_by', 'text')
    // The one modification per certificate (DOMAIN.md): one row per base number and version.
    .addUniqueConstraint('certificates_base_version', ['base_number', 'version'])
    .execute();
  await db.schema
    .createIndex('certificates_application')
    .on('certificates')
    .columns(['application_id', 'issued_at'])
    .execute();
  await db.schema
    .createIndex('certificates_bureau_issued')
    .on('certificates')
    .columns(['bureau_code', 'issued_at', 'id'])
    .execute();
  await db.schema
    .createIndex('certificates_org_issued')
    .on('certificates')
    .columns(['organisation_id', 'issued_at', 'id'])
    .execute();

  // Every 证明查询, kept for supervision: who asked (IP) for which number and what they were told.
  await db.schema
    .createTable('certificate_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('certificate_id', 'text')
    // valid | superseded | revoked | not_found
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('with_code', 'integer', (c) => c.notNull())
    .addColumn('code_valid', 'integer')
    // web | api
    .addColumn('channel', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('certificate_checks_certificate')
    .on('certificate_checks')
    .columns(['certificate_id', 'checked_at'])
    .execute();
  await db.schema
    .createIndex('certificate_checks_at')
    .on('certificate_checks')
    .column('checked_at')
    .execute();

  // Exceptions to the weekend rule; a date absent here is a working day from Monday to Friday.
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    // holiday | workday
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calendar_days_year').on('calendar_days').columns(['year', 'date']).execute();
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('published', 'integer', (c) => c.notNull())
    // 'chinese-days 1.5.7' when seeded from the package; 'admin' once an administrator saved it.
    .addColumn('source', 'text')
    .addColumn('modified_by_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The review migration cannot be reverted; restore a backup instead.');
}
