import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
type Db = Kysely<any>;

/**
 * What the reporting deadlines need to know of each certificate number, so that the overdue list and the
 * reminder job read the few certificates that can be due instead of every valid one
 * (usage-records/reporting-state.ts): whether it is valid, whether it is fully reported, and the dates its
 * deadline can count from. Triggers on certificates, usage_records and usage_record_lines mark a number
 * `dirty` (and bump `change_seq`) in the transaction of every change; readers recompute the dirty rows first.
 * No write path can forget it.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('certificate_reporting')
    .addColumn('base_number', 'text', (c) => c.primaryKey())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('dirty', 'integer', (c) => c.notNull())
    // The facts, as of the last recomputation (null until the first).
    .addColumn('valid', 'integer')
    .addColumn('fully_reported', 'integer')
    .addColumn('bureau_code', 'text')
    .addColumn('clause_code', 'text')
    .addColumn('issue_date', 'text')
    .addColumn('display_end_date', 'text')
    .addColumn('first_export_date', 'text')
    .execute();
  await db.schema
    .createIndex('certificate_reporting_open')
    .on('certificate_reporting')
    .columns(['valid', 'fully_reported', 'bureau_code', 'clause_code'])
    .execute();
  await db.schema
    .createIndex('certificate_reporting_dirty')
    .on('certificate_reporting')
    .column('dirty')
    .execute();

  const bump = (base: string) =>
    `INSERT INTO certificate_reporting (base_number, change_seq, dirty) VALUES (${base}, 1, 1)
       ON CONFLICT (base_number)
       DO UPDATE SET change_seq = certificate_reporting.change_seq + 1, dirty = 1;`;

  if (isPostgres(db)) {
    await sql
      .raw(
        `CREATE FUNCTION certificate_reporting_bump() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            ${bump('OLD.base_number')}
          ELSE
            ${bump('NEW.base_number')}
          END IF;
          RETURN NULL;
        END $$`,
      )
      .execute(db);
    await sql`CREATE TRIGGER certificate_reporting_certificates
      AFTER INSERT OR UPDATE OF status ON certificates
      FOR EACH ROW EXECUTE FUNCTION certificate_reporting_bump()`.execute(db);
    for (const table of ['usage_records', 'usage_record_lines']) {
      await sql
        .raw(
          `CREATE TRIGGER certificate_reporting_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table}
           FOR EACH ROW EXECUTE FUNCTION certificate_reporting_bump()`,
        )
        .execute(db);
    }
  } else {
    const triggers: [string, string, string][] = [
      ['certificates_insert', 'AFTER INSERT ON certificates', 'NEW'],
      ['certificates_status', 'AFTER UPDATE OF status ON certificates', 'NEW'],
      ['usage_records_insert', 'AFTER INSERT ON usage_records', 'NEW'],
      ['usage_records_update', 'AFTER UPDATE ON usage_records', 'NEW'],
      ['usage_records_delete', 'AFTER DELETE ON usage_records', 'OLD'],
      ['usage_record_lines_insert', 'AFTER INSERT ON usage_record_lines', 'NEW'],
      ['usage_record_lines_update', 'AFTER UPDATE ON usage_record_lines', 'NEW'],
      ['usage_record_lines_delete', 'AFTER DELETE ON usage_record_lines', 'OLD'],
    ];
    for (const [name, when, row] of triggers) {
      await sql
        .raw(`CREATE TRIGGER certificate_reporting_${name} ${when} BEGIN ${bump(`${row}.base_number`)} END`)
        .execute(db);
    }
  }

  // Every number issued so far, to be computed by the first reader.
  await sql`INSERT INTO certificate_reporting (base_number, change_seq, dirty)
    SELECT DISTINCT base_number, 1, 1 FROM certificates`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0009-certificate-reporting cannot be undone');
}
