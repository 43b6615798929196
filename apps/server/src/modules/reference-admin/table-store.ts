import type { ReferenceValues } from '@ccc/domain';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import { iso } from '../../lib/clock';
import type { ColumnDef, DatasetStore, ListQuery, RowWrite, StoredRow, Trx, WriteCtx } from './dataset';

/**
 * The store of a dataset kept in one reference table (with enabled / modified_by_admin / updated_at):
 * all its SQL. Every write marks the row modified_by_admin = 1, so the shipped data's loader leaves it be.
 */

type Cell = string | number | null;
type DbRow = Record<string, Cell>;
type LooseDb = Kysely<Record<string, Record<string, Cell>>>;
const loose = (db: Db | Trx) => db as unknown as LooseDb;

export interface TableStoreSpec {
  table: string;
  /** Primary-key columns; the row's opaque key is their values joined by '|'. */
  pk: string[];
  columns: ColumnDef[];
  /** The edition column, for datasets with editions. */
  editionColumn?: string;
  /** Order of lists and exports. */
  orderBy: string[];
  /** The table row (without bookkeeping) of a row's values; defaults to the editable columns as they are. */
  toDb?: (values: ReferenceValues, edition: string | null) => DbRow;
  /** Free-text conditions: column → LIKE pattern (already lower-cased); default: the `search` columns. */
  searchTerms?: (q: string) => { column: string; like: string }[];
  /** List columns kept in another table (bureau divisions): read and written here. */
  lists?: {
    column: string;
    read: (db: Db | Trx, keys: string[]) => Promise<Map<string, string[]>>;
    write: (trx: Trx, key: string, items: string[]) => Promise<void>;
  }[];
  /** Current edition: newest by default. */
  currentEdition?: (db: Db) => Promise<string | null>;
  /** The dataset names in reference_data_versions whose loads change this table. */
  loaderDatasets: string[];
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function defaultToDb(columns: ColumnDef[]) {
  return (values: ReferenceValues): DbRow => {
    const row: DbRow = {};
    for (const c of columns) {
      if (c.editable === false || c.type === 'list') continue;
      const v = values[c.key];
      row[c.key] = c.type === 'boolean' ? (v === true ? 1 : 0) : ((v as Cell | undefined) ?? null);
    }
    return row;
  };
}

export function tableStore(spec: TableStoreSpec): DatasetStore {
  const toDb = spec.toDb ?? defaultToDb(spec.columns);
  const keyOfDb = (r: DbRow) => spec.pk.map((c) => String(r[c])).join('|');
  const whereKey = (key: string): Record<string, string> | null => {
    const parts = key.split('|');
    if (parts.length !== spec.pk.length) return null;
    return Object.fromEntries(spec.pk.map((c, i) => [c, parts[i]!]));
  };
  const fromDb = (r: DbRow): StoredRow => {
    const values: ReferenceValues = {};
    for (const c of spec.columns) {
      if (c.editable === false || c.type === 'list') continue;
      const v = r[c.key];
      values[c.key] =
        c.type === 'boolean'
          ? Number(v) === 1
          : c.type === 'integer'
            ? v === null || v === undefined
              ? null
              : Number(v)
            : v === undefined || v === null
              ? null
              : String(v);
    }
    return {
      key: keyOfDb(r),
      enabled: Number(r.enabled) === 1,
      modifiedByAdmin: Number(r.modified_by_admin) === 1,
      values,
      updatedAt: r.updated_at === null || r.updated_at === undefined ? null : String(r.updated_at),
      edition: spec.editionColumn ? String(r[spec.editionColumn]) : null,
    };
  };
  const withLists = async (db: Db | Trx, rows: StoredRow[]) => {
    for (const l of spec.lists ?? []) {
      const byKey = await l.read(
        db,
        rows.map((r) => r.key),
      );
      for (const r of rows) r.values[l.column] = byKey.get(r.key) ?? [];
    }
    return rows;
  };
  const searchTerms =
    spec.searchTerms ??
    ((q: string) =>
      spec.columns
        .filter((c) => c.search)
        .map((c) => ({ column: c.key, like: `%${escapeLike(q.toLowerCase())}%` })));

  const base = (db: Db | Trx, edition: string | null) => {
    let qb = loose(db).selectFrom(spec.table);
    if (spec.editionColumn) qb = qb.where(spec.editionColumn, '=', edition ?? '');
    return qb;
  };

  const filtered = (db: Db, query: ListQuery) => {
    let qb = base(db, query.edition);
    if (query.enabled !== 'all') qb = qb.where('enabled', '=', query.enabled === 'enabled' ? 1 : 0);
    const q = query.q?.trim();
    if (q) {
      const terms = searchTerms(q);
      qb = qb.where((eb) =>
        eb.or(
          terms.map(
            (t) =>
              sql<SqlBool>`lower(${sql.ref(t.column)}) like ${t.like} escape '\\'` as Expression<SqlBool>,
          ),
        ),
      );
    }
    return qb;
  };

  const editions = async (db: Db) => {
    if (!spec.editionColumn) return [];
    const rows = await loose(db)
      .selectFrom(spec.table)
      .select(spec.editionColumn)
      .distinct()
      .orderBy(spec.editionColumn, 'desc')
      .execute();
    return rows.map((r) => String(r[spec.editionColumn!]));
  };

  return {
    editions,
    async currentEdition(db) {
      if (!spec.editionColumn) return null;
      if (spec.currentEdition) return spec.currentEdition(db);
      return (await editions(db))[0] ?? null;
    },
    async count(db, edition) {
      const row = await base(db, edition)
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async list(db, query) {
      const [countRow, rows] = await Promise.all([
        filtered(db, query)
          .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
          .executeTakeFirstOrThrow(),
        spec.orderBy
          .reduce((qb, c) => qb.orderBy(c), filtered(db, query).selectAll())
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
      ]);
      return { rows: await withLists(db, rows.map(fromDb)), total: Number(countRow.n) };
    },
    async all(db, edition) {
      const rows = await spec.orderBy
        .reduce((qb, c) => qb.orderBy(c), base(db, edition).selectAll())
        .execute();
      return withLists(db, rows.map(fromDb));
    },
    async find(db, key) {
      const where = whereKey(key);
      if (!where) return undefined;
      let qb = loose(db).selectFrom(spec.table).selectAll();
      for (const [c, v] of Object.entries(where)) qb = qb.where(c, '=', v);
      const row = await qb.executeTakeFirst();
      return row ? (await withLists(db, [fromDb(row)]))[0] : undefined;
    },
    async insert(trx, ctx: WriteCtx, rows: RowWrite[], edition) {
      const now = iso(ctx.clock.now());
      const dbRows = rows.map((r) => ({
        ...toDb(r.values, edition),
        enabled: r.enabled ? 1 : 0,
        modified_by_admin: 1,
        updated_at: now,
      }));
      const width = Object.keys(dbRows[0] ?? {}).length || 1;
      const size = Math.max(1, Math.min(500, Math.floor(30_000 / width)));
      for (let i = 0; i < dbRows.length; i += size) {
        await loose(trx)
          .insertInto(spec.table)
          .values(dbRows.slice(i, i + size))
          .execute();
      }
      for (const l of spec.lists ?? []) {
        for (const r of rows) await l.write(trx, r.key, (r.values[l.column] as string[] | null) ?? []);
      }
    },
    async update(trx, ctx, row, edition) {
      const where = whereKey(row.key);
      if (!where) return;
      const set: DbRow = { ...toDb(row.values, edition) };
      for (const c of spec.pk) delete set[c];
      let qb = loose(trx)
        .updateTable(spec.table)
        .set({
          ...set,
          enabled: row.enabled ? 1 : 0,
          modified_by_admin: 1,
          updated_at: iso(ctx.clock.now()),
        });
      for (const [c, v] of Object.entries(where)) qb = qb.where(c, '=', v);
      await qb.execute();
      for (const l of spec.lists ?? []) {
        await l.write(trx, row.key, (row.values[l.column] as string[] | null) ?? []);
      }
    },
    async setEnabled(trx, ctx, key, enabled) {
      const where = whereKey(key);
      if (!where) return;
      let qb = loose(trx)
        .updateTable(spec.table)
        .set({ enabled: enabled ? 1 : 0, modified_by_admin: 1, updated_at: iso(ctx.clock.now()) });
      for (const [c, v] of Object.entries(where)) qb = qb.where(c, '=', v);
      await qb.execute();
    },
    async externalRevision(db) {
      const rows = await db
        .selectFrom('reference_data_versions')
        .select(['dataset', 'version', 'loaded_at'])
        .where('dataset', 'in', spec.loaderDatasets)
        .orderBy('dataset')
        .execute();
      return rows.map((r) => `${r.dataset}=${r.version}@${r.loaded_at}`).join(';');
    },
  };
}

/** The opaque key of a row of a table store: its primary-key values joined by '|'. */
export function tableKeyOf(spec: Pick<TableStoreSpec, 'pk' | 'columns' | 'toDb'>) {
  const toDb = spec.toDb ?? defaultToDb(spec.columns);
  return (values: ReferenceValues, edition: string | null) =>
    spec.pk.map((c) => String(toDb(values, edition)[c] ?? '')).join('|');
}
