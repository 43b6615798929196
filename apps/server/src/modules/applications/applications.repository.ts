import { sql, type Insertable, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Db } from '../../db/database';
import { precompiled } from '../../db/precompiled';
import type { ApplicationProductsTable, ApplicationsTable, Database } from '../../db/schema';

/** All SQL of the applications module: `applications` and `application_products`. */

type Tx = Transaction<Database> | Db;
export type ApplicationRow = Selectable<ApplicationsTable>;
export type ProductRow = Selectable<ApplicationProductsTable>;

export interface ApplicationFilter {
  number?: string;
  certificateNumber?: string;
  status?: string;
  clauseCode?: string;
  /** Matched against the products' HS codes (digits) and names. */
  hsCodePattern?: string;
  productNamePattern?: string;
  /** ISO instants: listed_at ≥ from, < to. */
  listedFrom?: string;
  listedBefore?: string;
}

/** `%text%` for LIKE … ESCAPE '\', the wildcards in the text itself escaped. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const listColumns = [
  'a.id',
  'a.number',
  'a.certificate_number',
  'a.clause_code',
  'a.first_product_name',
  'a.product_count',
  'a.bureau_code',
  'a.submitted_at',
  'a.created_at',
  'a.status',
  'a.reference_labels',
] as const;
export type ApplicationListRow = Pick<
  ApplicationRow,
  | 'id'
  | 'number'
  | 'certificate_number'
  | 'clause_code'
  | 'first_product_name'
  | 'product_count'
  | 'bureau_code'
  | 'submitted_at'
  | 'created_at'
  | 'status'
  | 'reference_labels'
>;

/**
 * How the text filters (partial: LIKE '%…%') and the date range are evaluated.
 * - `semi-join`: `a.id IN (…)` over narrow composite indexes — (organisation_id, number, id),
 *   (organisation_id, certificate_number, id), (organisation_id, hs_code, application_id),
 *   (organisation_id, listed_at, id) — scanning index entries of the one organisation, not its wide rows.
 *   Best when few rows match (the ids are few).
 * - `walk`: the same conditions checked row by row while walking the (organisation_id, created_at, id)
 *   index newest first, stopping at the page's end. Best when many rows match.
 * The list counts with `semi-join` (bounded), then pages with whichever suits the count.
 */
export type TextFilterMode = 'semi-join' | 'walk';

/**
 * Up to this many matches the list fetches them by id (≤ 10,000 lookups and a sort); beyond it they are
 * dense enough that walking the newest-first index reaches a page's worth quickly.
 */
const SEMI_JOIN_MAX_MATCHES = 10_000;

const hasSelectiveFilter = (f: ApplicationFilter) =>
  Boolean(
    f.number ||
    f.certificateNumber ||
    f.hsCodePattern ||
    f.productNamePattern ||
    f.listedFrom ||
    f.listedBefore,
  );

/**
 * `count` mode: text filters as semi-joins, the date range as plain conditions (a range scan of
 * (organisation_id, listed_at, id) that the bounded count stops early).
 */
function filtered(
  db: Tx,
  organisationId: string,
  f: ApplicationFilter,
  mode: TextFilterMode | 'count' = 'semi-join',
) {
  let q = db.selectFrom('applications as a').where('a.organisation_id', '=', organisationId);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.clauseCode) q = q.where('a.clause_code', '=', f.clauseCode);

  const numberLike = (col: string, text: string) =>
    sql<boolean>`${sql.ref(col)} like ${containsPattern(text)} escape '\\'`;
  const productLike = (alias: string) =>
    f.hsCodePattern
      ? sql<boolean>`${sql.ref(`${alias}.hs_code`)} like ${containsPattern(f.hsCodePattern)} escape '\\'`
      : sql<boolean>`lower(${sql.ref(`${alias}.product_name`)}) like ${containsPattern(f.productNamePattern ?? '')} escape '\\'`;
  const byProduct = Boolean(f.hsCodePattern || f.productNamePattern);

  if (mode !== 'semi-join') {
    if (f.listedFrom) q = q.where('a.listed_at', '>=', f.listedFrom);
    if (f.listedBefore) q = q.where('a.listed_at', '<', f.listedBefore);
  }
  if (mode === 'walk') {
    if (f.number) q = q.where(numberLike('a.number', f.number));
    if (f.certificateNumber) q = q.where(numberLike('a.certificate_number', f.certificateNumber));
    if (byProduct) {
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('application_products as p')
            .select(sql`1`.as('one'))
            .whereRef('p.application_id', '=', 'a.id')
            .where(productLike('p')),
        ),
      );
    }
    return q;
  }
  if (mode === 'semi-join' && (f.listedFrom || f.listedBefore)) {
    const { listedFrom, listedBefore } = f;
    q = q.where('a.id', 'in', (eb) => {
      let d = eb
        .selectFrom('applications as d')
        .select('d.id')
        .where('d.organisation_id', '=', organisationId);
      if (listedFrom) d = d.where('d.listed_at', '>=', listedFrom);
      if (listedBefore) d = d.where('d.listed_at', '<', listedBefore);
      return d;
    });
  }
  if (f.number) {
    const text = f.number;
    q = q.where('a.id', 'in', (eb) =>
      eb
        .selectFrom('applications as n')
        .select('n.id')
        .where('n.organisation_id', '=', organisationId)
        .where(numberLike('n.number', text)),
    );
  }
  if (f.certificateNumber) {
    const text = f.certificateNumber;
    q = q.where('a.id', 'in', (eb) =>
      eb
        .selectFrom('applications as cn')
        .select('cn.id')
        .where('cn.organisation_id', '=', organisationId)
        .where(numberLike('cn.certificate_number', text)),
    );
  }
  if (byProduct) {
    q = q.where('a.id', 'in', (eb) =>
      eb
        .selectFrom('application_products as p')
        .select('p.application_id')
        .where('p.organisation_id', '=', organisationId)
        .where(productLike('p')),
    );
  }
  return q;
}

/** The list's total by status and clause from `application_counts`: one compiled query for every case. */
const countFromCounters = precompiled(
  (db, organisationId: string, status: string | null, clauseCode: string | null) =>
    db
      .selectFrom('application_counts')
      .select(sql<number>`coalesce(sum(count), 0)`.as('n'))
      .where('organisation_id', '=', organisationId)
      // a null filter matches every row (the columns are NOT NULL)
      .where(sql<boolean>`status = coalesce(${status}, status)`)
      .where(sql<boolean>`clause_code = coalesce(${clauseCode}, clause_code)`),
  ['', null, null],
);

export const applicationsRepository = {
  insert: (trx: Tx, row: Insertable<ApplicationsTable>) =>
    trx.insertInto('applications').values(row).execute(),

  find: (db: Tx, id: string) =>
    db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst(),

  /** 展示结束日期 of the given applications (null where none), for the reporting deadlines. */
  displayEndDates: async (db: Tx, ids: readonly string[]): Promise<Map<string, string | null>> => {
    const map = new Map<string, string | null>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('applications')
        .select(['id', 'display_end_date'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) map.set(r.id, r.display_end_date);
    }
    return map;
  },

  /** The organisation's newest application under a clause (for taking over reusable attachments). */
  findLatestOfClause: (db: Tx, organisationId: string, clauseCode: string) =>
    db
      .selectFrom('applications')
      .select(['id', 'number'])
      .where('organisation_id', '=', organisationId)
      .where('clause_code', '=', clauseCode)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),

  /**
   * Compare-and-set: changes the row only while its status is one of `from`. Returns the row after the
   * change, or undefined when the status moved on meanwhile (the caller answers 409).
   */
  updateIfStatus: (trx: Tx, id: string, from: readonly string[], set: Updateable<ApplicationsTable>) =>
    trx
      .updateTable('applications')
      .set(set)
      .where('id', '=', id)
      .where('status', 'in', from)
      .returningAll()
      .executeTakeFirst(),

  /** Deletes the application while its status is one of `from`; the number of rows removed. */
  deleteIfStatus: async (trx: Tx, id: string, from: readonly string[]) => {
    const res = await trx
      .deleteFrom('applications')
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  },

  /** Product count and first product name, recomputed from the lines in the same transaction. */
  refreshProductSummary: (trx: Tx, id: string) =>
    trx
      .updateTable('applications')
      .set({
        product_count: sql<number>`(select count(*) from application_products where application_id = ${id})`,
        first_product_name: sql<string | null>`(select product_name from application_products
          where application_id = ${id} order by line_no limit 1)`,
      })
      .where('id', '=', id)
      .execute(),

  // ---------------------------------------------------------------- list

  /**
   * A page, newest first. `matches` (the bounded count) picks how text filters run: few matches → the
   * semi-join fetches just those; many → walk newest first and stop at the page's end.
   */
  list: (
    db: Tx,
    organisationId: string,
    f: ApplicationFilter,
    offset: number,
    limit: number,
    matches: number,
  ) =>
    filtered(
      db,
      organisationId,
      f,
      hasSelectiveFilter(f) && matches > SEMI_JOIN_MAX_MATCHES ? 'walk' : 'semi-join',
    )
      .select(listColumns)
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),

  /**
   * The exact number of matches from the counters the database keeps (migration 0007), for a query by
   * status and clause only; undefined when another filter is set (then count with `countUpTo`).
   */
  countFromCounters: async (db: Db, organisationId: string, f: ApplicationFilter) => {
    if (hasSelectiveFilter(f)) return undefined;
    const [row] = await countFromCounters(db, organisationId, f.status ?? null, f.clauseCode ?? null);
    return Number(row?.n ?? 0);
  },

  /** The number of matches, counted up to `cap` (an index range scan that stops there). */
  countUpTo: async (db: Tx, organisationId: string, f: ApplicationFilter, cap: number) => {
    const row = await db
      .selectFrom(
        filtered(db, organisationId, f, 'count')
          .select(sql`1`.as('one'))
          .limit(cap)
          .as('t'),
      )
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Keyset page for the export: the rows after (createdAt, id) in newest-first order. */
  listAfter: (
    db: Tx,
    organisationId: string,
    f: ApplicationFilter,
    after: { createdAt: string; id: string } | null,
    limit: number,
  ) => {
    let q = filtered(db, organisationId, f, 'walk');
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('a.created_at', '<', after.createdAt),
          eb.and([eb('a.created_at', '=', after.createdAt), eb('a.id', '<', after.id)]),
        ]),
      );
    }
    return q
      .select(listColumns)
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
  },

  // ---------------------------------------------------------------- products

  products: (db: Tx, applicationId: string) =>
    db
      .selectFrom('application_products')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('line_no')
      .execute(),

  countProducts: async (db: Tx, applicationId: string) => {
    const row = await db
      .selectFrom('application_products')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .where('application_id', '=', applicationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  findProduct: (db: Tx, applicationId: string, productId: string) =>
    db
      .selectFrom('application_products')
      .selectAll()
      .where('id', '=', productId)
      .where('application_id', '=', applicationId)
      .executeTakeFirst(),

  /** The next line number: one past the highest ever kept (numbers of deleted lines are not reused). */
  nextLineNo: async (trx: Tx, applicationId: string) => {
    const row = await trx
      .selectFrom('application_products')
      .select((eb) => eb.fn.max('line_no').as('max'))
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    return Number(row?.max ?? 0) + 1;
  },

  insertProduct: (trx: Tx, row: Insertable<ApplicationProductsTable>) =>
    trx.insertInto('application_products').values(row).execute(),

  updateProduct: (
    trx: Tx,
    applicationId: string,
    productId: string,
    set: Updateable<ApplicationProductsTable>,
  ) =>
    trx
      .updateTable('application_products')
      .set(set)
      .where('id', '=', productId)
      .where('application_id', '=', applicationId)
      .returningAll()
      .executeTakeFirst(),

  deleteProduct: async (trx: Tx, applicationId: string, productId: string) => {
    const res = await trx
      .deleteFrom('application_products')
      .where('id', '=', productId)
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  },

  deleteProducts: (trx: Tx, applicationId: string) =>
    trx.deleteFrom('application_products').where('application_id', '=', applicationId).execute(),

  // ---------------------------------------------------------------- 历史查询

  /** The organisation's HS codes, most used first, with the newest copied name of each. */
  hsHistory: (db: Tx, organisationId: string, offset: number, limit: number) =>
    db
      .selectFrom('application_products')
      .select((eb) => [
        'hs_code',
        eb.cast<number>(eb.fn.countAll(), 'integer').as('uses'),
        eb.fn.max('hs_name').as('hs_name'),
      ])
      .where('organisation_id', '=', organisationId)
      .groupBy('hs_code')
      .orderBy('uses', 'desc')
      .orderBy('hs_code')
      .offset(offset)
      .limit(limit)
      .execute(),

  countHsHistory: async (db: Tx, organisationId: string) => {
    const row = await db
      .selectFrom('application_products')
      .select(sql<number>`cast(count(distinct hs_code) as integer)`.as('n'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
