import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
type Db = Kysely<any>;

/**
 * Administration and statistics: the labels an application was submitted with, the working days each
 * decision took, reference-data imports awaiting their apply, the indexes of the audit search and the
 * statistics, and an audit log that PostgreSQL's TRUNCATE cannot empty either.
 */
export async function up(db: Db): Promise<void> {
  const pg = isPostgres(db);

  await db.schema
    .alterTable('applications')
    // JSON of the reference names (clause, second-level clause, applicant type, address type, bureau) as they
    // read at the latest submission: later edits of the reference data never change what a submitted
    // application says (applications/application-labels.ts).
    .addColumn('reference_labels', 'text')
    .execute();
  await db.schema
    .alterTable('applications')
    // Working days the bureau held the case over all its rounds, frozen at 予以免办 / 不予免办.
    .addColumn('decision_working_days', 'integer')
    .execute();
  await db.schema
    .createIndex('applications_status_bureau')
    .on('applications')
    .columns(['status', 'bureau_code'])
    .execute();
  await db.schema
    .createIndex('applications_first_submitted')
    .on('applications')
    .columns(['first_submitted_at', 'bureau_code'])
    .execute();
  await db.schema
    .createIndex('certificates_issued')
    .on('certificates')
    .columns(['issued_at', 'bureau_code'])
    .execute();
  await db.schema
    .createIndex('applications_decided')
    .on('applications')
    .columns(['decided_at', 'bureau_code'])
    .execute();

  // An import is previewed first and applied later, possibly by another instance: the parsed changes wait here.
  await db.schema
    .createTable('reference_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset', 'text', (c) => c.notNull())
    // The HS / CCC edition the rows go into (null for datasets without editions).
    .addColumn('edition', 'text')
    .addColumn('filename', 'text', (c) => c.notNull())
    // previewed | applied | discarded
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON: counts of added / changed / unchanged / error rows.
    .addColumn('summary', 'text', (c) => c.notNull())
    // JSON: the validated rows to write (only when the file has no error row).
    .addColumn('changes', 'text', (c) => c.notNull())
    // The dataset's revision the preview was computed against: apply refuses when it moved.
    .addColumn('base_revision', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('applied_by', 'text', (c) => c.references('users.id'))
    .addColumn('applied_at', 'text')
    .execute();
  await db.schema
    .createIndex('reference_imports_dataset')
    .on('reference_imports')
    .columns(['dataset', 'created_at'])
    .execute();

  // Audit search: by bureau, by action, by actor name, each newest first.
  await db.schema.createIndex('audit_bureau').on('audit_log').columns(['bureau_code', 'at']).execute();
  await db.schema.createIndex('audit_action').on('audit_log').columns(['action', 'at']).execute();
  await db.schema.createIndex('audit_actor_name').on('audit_log').columns(['actor_username', 'at']).execute();

  // 单位与用户: the administrator's organisation and user lists, newest first, page by page.
  await db.schema
    .createIndex('organisations_created')
    .on('organisations')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema.createIndex('users_created').on('users').columns(['created_at', 'id']).execute();

  // 0001 made the log refuse UPDATE and DELETE on both engines; PostgreSQL's TRUNCATE bypasses row triggers.
  if (pg) {
    await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable()`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('0006-administration cannot be undone');
}
