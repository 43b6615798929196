import { sql, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import type { Cell, DataRow, ReferenceTable } from './reference-source';

/** All SQL of the reference module. */

type Executor = Kysely<Database> | Transaction<Database>;
/** The loader writes any reference table with the same code: a view of the database without column types. */
type LooseDb = Kysely<Record<string, Record<string, Cell>>>;
const loose = (db: Executor) => db as unknown as LooseDb;

/**
 * Rows per INSERT: at most 500, and never more bound parameters than SQLite's limit (32,766 in the bundled
 * SQLite ≥ 3.32; PostgreSQL allows 65,535), with room to spare.
 */
const MAX_ROWS = 500;
const MAX_PARAMS = 30_000;
export const batchSize = (columns: number) =>
  Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns)));

function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

// ---------------------------------------------------------------- loader

export async function findRecordedVersions(db: Executor) {
  const rows = await db.selectFrom('reference_data_versions').selectAll().execute();
  return new Map(rows.map((r) => [r.dataset, r]));
}

/** Row counts of several tables in one round trip. */
export async function countRows(db: Executor, tables: ReferenceTable[]): Promise<Map<string, number>> {
  if (tables.length === 0) return new Map();
  const parts = tables.map(
    (t) =>
      sql<{ t: string; n: number }>`select ${t} as t, cast(count(*) as integer) as n from ${sql.table(t)}`,
  );
  const { rows } = await sql<{ t: string; n: number }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return new Map(rows.map((r) => [r.t, Number(r.n)]));
}

export async function selectColumns(
  db: Executor,
  table: ReferenceTable,
  columns: string[],
): Promise<DataRow[]> {
  return loose(db).selectFrom(table).select(columns).execute();
}

/** Inserts rows whose key is not taken yet (a second instance starting at the same moment is harmless). */
export async function insertMissing(db: Executor, table: ReferenceTable, keys: string[], rows: DataRow[]) {
  if (rows.length === 0) return;
  const size = batchSize(Object.keys(rows[0]!).length);
  for (const chunk of chunks(rows, size)) {
    await loose(db)
      .insertInto(table)
      .values(chunk)
      .onConflict((oc) => oc.columns(keys).doNothing())
      .execute();
  }
}

/**
 * Writes rows over existing ones, except where an administrator modified the row meanwhile: the
 * `modified_by_admin = 0` condition is checked by the database, in the same statement.
 */
export async function overwriteUnmodified(
  db: Executor,
  table: ReferenceTable,
  keys: string[],
  rows: DataRow[],
  adminFlag: boolean,
) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const updated = columns.filter((c) => !keys.includes(c) && c !== 'modified_by_admin');
  const size = batchSize(columns.length);
  for (const chunk of chunks(rows, size)) {
    await loose(db)
      .insertInto(table)
      .values(chunk)
      .onConflict((oc) => {
        const set = oc
          .columns(keys)
          .doUpdateSet(Object.fromEntries(updated.map((c) => [c, sql.ref(`excluded.${c}`)])));
        return adminFlag ? set.where(sql.ref(`${table}.modified_by_admin`), '=', 0) : set;
      })
      .execute();
  }
}

/** Keys of the rows an administrator modified. */
export async function findAdminModifiedKeys(
  db: Executor,
  table: ReferenceTable,
  key: string,
): Promise<Set<string>> {
  const rows = await loose(db).selectFrom(table).select(key).where('modified_by_admin', '=', 1).execute();
  return new Set(rows.map((r) => String(r[key])));
}

export async function recordVersion(
  db: Executor,
  v: { dataset: string; version: string; rowCount: number; loadedAt: string },
) {
  const row = { dataset: v.dataset, version: v.version, row_count: v.rowCount, loaded_at: v.loadedAt };
  await db
    .insertInto('reference_data_versions')
    .values(row)
    .onConflict((oc) =>
      oc.column('dataset').doUpdateSet({ version: v.version, row_count: v.rowCount, loaded_at: v.loadedAt }),
    )
    .execute();
}

// ---------------------------------------------------------------- divisions

export async function findDivisionRows(db: Db) {
  return db
    .selectFrom('divisions')
    .select(['code', 'name', 'level', 'parent_code', 'kind', 'enabled'])
    .orderBy('code')
    .execute();
}

export async function findDivisionRow(db: Db, code: string) {
  return db
    .selectFrom('divisions')
    .select(['code', 'name', 'level', 'parent_code', 'kind', 'enabled'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** What changes when any division changes: the tree's cache key and ETag. */
export async function findDivisionsState(db: Db) {
  const [state, version] = await Promise.all([
    db
      .selectFrom('divisions')
      .select((eb) => [
        eb.cast<number>(eb.fn.countAll(), 'integer').as('count'),
        eb.fn.max('updated_at').as('lastUpdate'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('reference_data_versions')
      .select('version')
      .where('dataset', '=', 'divisions')
      .executeTakeFirst(),
  ]);
  return { count: Number(state.count), lastUpdate: state.lastUpdate ?? '', version: version?.version ?? '' };
}

// ---------------------------------------------------------------- bureaus

const bureauColumns = [
  'code',
  'name',
  'level',
  'parent_code',
  'phone',
  'address',
  'accept_days',
  'decide_days',
  'enabled',
] as const;

export async function findBureauRows(db: Db, opts: { codes?: string[]; enabledOnly?: boolean } = {}) {
  let q = db.selectFrom('bureaus').select(bureauColumns).orderBy('code');
  if (opts.codes) {
    if (opts.codes.length === 0) return [];
    q = q.where('code', 'in', opts.codes);
  }
  if (opts.enabledOnly) q = q.where('enabled', '=', 1);
  return q.execute();
}

export async function findBureauCoverage(db: Db, bureauCodes?: string[]) {
  let q = db.selectFrom('bureau_divisions').select(['bureau_code', 'division_code']).orderBy('division_code');
  if (bureauCodes) {
    if (bureauCodes.length === 0) return [];
    q = q.where('bureau_code', 'in', bureauCodes);
  }
  return q.execute();
}

/** Enabled bureaus having one of `divisionCodes` in their coverage, with the covering code. */
export async function findBureausCovering(db: Db, divisionCodes: string[]) {
  return db
    .selectFrom('bureau_divisions as bd')
    .innerJoin('bureaus as b', 'b.code', 'bd.bureau_code')
    .select(['b.code', 'bd.division_code'])
    .where('bd.division_code', 'in', divisionCodes)
    .where('b.enabled', '=', 1)
    .execute();
}

/**
 * An administrator's change of a bureau's service levels (服务时限): the row becomes the administrator's, so
 * a later reference-data version does not overwrite it.
 */
export async function updateBureauServiceLevels(
  db: Executor,
  code: string,
  levels: { acceptDays: number; decideDays: number; updatedAt: string },
) {
  await db
    .updateTable('bureaus')
    .set({
      accept_days: levels.acceptDays,
      decide_days: levels.decideDays,
      modified_by_admin: 1,
      updated_at: levels.updatedAt,
    })
    .where('code', '=', code)
    .execute();
}

// ---------------------------------------------------------------- clauses, attachments, address types

export async function findClauseRows(db: Db) {
  const [clauses, subClauses, applicantTypes, attachmentTypes, requirements] = await Promise.all([
    db
      .selectFrom('clauses')
      .selectAll()
      .where('enabled', '=', 1)
      .orderBy('sort_order')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('sub_clauses')
      .selectAll()
      .where('enabled', '=', 1)
      .orderBy('sort_order')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('applicant_types')
      .selectAll()
      .where('enabled', '=', 1)
      .orderBy('sort_order')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('attachment_types')
      .selectAll()
      .where('enabled', '=', 1)
      .orderBy('sort_order')
      .orderBy('code')
      .execute(),
    db.selectFrom('clause_attachment_requirements').selectAll().where('enabled', '=', 1).execute(),
  ]);
  return { clauses, subClauses, applicantTypes, attachmentTypes, requirements };
}

export async function findAddressTypeRows(db: Db) {
  return db
    .selectFrom('address_types')
    .select(['code', 'name'])
    .where('enabled', '=', 1)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

// ---------------------------------------------------------------- names (enabled or not), units

/** Code → name of clauses, second-level clauses, applicant types and address types, disabled ones too. */
/** The names of the four small code tables an application refers to, in one round trip. */
export async function findNameRows(db: Db) {
  const { rows } = await sql<{ kind: string; code: string; name: string }>`
    select 'clause' as kind, code, name from clauses
    union all select 'subClause', code, name from sub_clauses
    union all select 'applicantType', code, name from applicant_types
    union all select 'addressType', code, name from address_types`.execute(db);
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  return {
    clauses: of('clause'),
    subClauses: of('subClause'),
    applicantTypes: of('applicantType'),
    addressTypes: of('addressType'),
  };
}

export async function findBureauNameRows(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('bureaus').select(['code', 'name']).where('code', 'in', codes).execute();
}

/** The customs units of the enabled HS codes (first and second unit), the most frequent first. */
export async function findUnitRows(db: Db) {
  const { rows } = await sql<{ code: string | null; name: string; uses: number }>`
    select u.code as code, u.name as name, cast(count(*) as integer) as uses from (
      select unit1_code as code, unit1 as name from hs_codes where enabled = 1 and unit1 is not null and unit1 <> ''
      union all
      select unit2_code as code, unit2 as name from hs_codes where enabled = 1 and unit2 is not null and unit2 <> ''
    ) u
    group by u.code, u.name
    order by uses desc, u.name`.execute(db);
  return rows.map((r) => ({ code: r.code, name: r.name, uses: Number(r.uses) }));
}
