import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
type Db = Kysely<any>;

/**
 * How many applications each organisation has, by status and clause, kept by triggers on `applications`.
 * The list's total (「共 N 条」) for an unfiltered query or one by status / clause is then a sum over a few
 * rows instead of an index scan of up to 10,001 entries on every page. Triggers, not the services, keep it,
 * so no write path (nor a bulk load by SQL) can forget it.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('application_counts')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('clause_code', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_counts_pk', ['organisation_id', 'status', 'clause_code'])
    .execute();

  // Adds `delta` to one counter, creating it at `delta` when absent.
  const bump = (row: 'NEW' | 'OLD', delta: 1 | -1) =>
    `INSERT INTO application_counts (organisation_id, status, clause_code, count)
       VALUES (${row}.organisation_id, ${row}.status, ${row}.clause_code, ${delta})
       ON CONFLICT (organisation_id, status, clause_code)
       DO UPDATE SET count = application_counts.count + excluded.count;`;

  if (isPostgres(db)) {
    // An UPDATE touches two counters; taking them in key order means two transactions moving cases of one
    // organisation in opposite directions (提交 and 撤回, say) cannot deadlock on them.
    await sql
      .raw(
        `CREATE FUNCTION application_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            ${bump('NEW', 1)}
          ELSIF TG_OP = 'DELETE' THEN
            ${bump('OLD', -1)}
          ELSIF (OLD.organisation_id, OLD.status, OLD.clause_code)
                IS DISTINCT FROM (NEW.organisation_id, NEW.status, NEW.clause_code) THEN
            IF (OLD.organisation_id, OLD.status, OLD.clause_code)
               < (NEW.organisation_id, NEW.status, NEW.clause_code) THEN
              ${bump('OLD', -1)}
              ${bump('NEW', 1)}
            ELSE
              ${bump('NEW', 1)}
              ${bump('OLD', -1)}
            END IF;
          END IF;
          RETURN NULL;
        END $$`,
      )
      .execute(db);
    await sql`CREATE TRIGGER application_counts_track
      AFTER INSERT OR DELETE OR UPDATE OF organisation_id, status, clause_code ON applications
      FOR EACH ROW EXECUTE FUNCTION application_counts_track()`.execute(db);
  } else {
    await sql
      .raw(
        `CREATE TRIGGER application_counts_insert AFTER INSERT ON applications BEGIN ${bump('NEW', 1)} END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER application_counts_delete AFTER DELETE ON applications BEGIN ${bump('OLD', -1)} END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER application_counts_update
           AFTER UPDATE OF organisation_id, status, clause_code ON applications
           WHEN OLD.organisation_id IS NOT NEW.organisation_id OR OLD.status IS NOT NEW.status
             OR OLD.clause_code IS NOT NEW.clause_code
         BEGIN ${bump('OLD', -1)} ${bump('NEW', 1)} END`,
      )
      .execute(db);
  }

  await sql`INSERT INTO application_counts (organisation_id, status, clause_code, count)
    SELECT organisation_id, status, clause_code, count(*) FROM applications
    GROUP BY organisation_id, status, clause_code`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0007-application-counts cannot be undone');
}
