import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

export interface CalendarDayRow {
  date: string;
  year: number;
  kind: string;
  name: string;
  updated_at: string;
}

export interface CalendarYearRow {
  year: number;
  published: number;
  source: string | null;
  modified_by_admin: number;
  updated_at: string;
}

/** Rows per INSERT: well under SQLite's bound-parameter limit (5 columns a row). */
const BATCH = 500;

/** All the SQL of the working calendar (calendar_days, calendar_years). */
export const calendarRepository = {
  /** The exceptions to the weekend rule between two China dates, both included. */
  daysBetween(db: Db, from: string, to: string) {
    return db
      .selectFrom('calendar_days')
      .select(['date', 'kind'])
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute();
  },

  publishedYears(db: Db) {
    return db.selectFrom('calendar_years').select('year').where('published', '=', 1).execute();
  },

  /** Every year row, oldest first (a few dozen rows). */
  async years(db: Executor): Promise<CalendarYearRow[]> {
    const rows = await db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
    return rows.map((r) => ({
      ...r,
      year: Number(r.year),
      published: Number(r.published),
      modified_by_admin: Number(r.modified_by_admin),
    }));
  },

  async year(db: Executor, year: number): Promise<CalendarYearRow | undefined> {
    const row = await db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
    return row && { ...row, year: Number(row.year), published: Number(row.published) };
  },

  /** The number of exceptions per year. */
  async dayCounts(db: Executor): Promise<Map<number, number>> {
    const rows = await db
      .selectFrom('calendar_days')
      .select((eb) => ['year', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
      .groupBy('year')
      .execute();
    return new Map(rows.map((r) => [Number(r.year), Number(r.n)]));
  },

  daysOfYear(db: Executor, year: number) {
    return db
      .selectFrom('calendar_days')
      .select(['date', 'kind', 'name'])
      .where('year', '=', year)
      .orderBy('date')
      .execute();
  },

  /** Years that have no row yet get one (a second instance starting at the same moment is harmless). */
  async insertMissingYears(db: Executor, rows: CalendarYearRow[]): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('calendar_years')
      .values(rows)
      .onConflict((oc) => oc.column('year').doNothing())
      .execute();
  },

  /**
   * Writes the seed's year rows over those no administrator saved; the `modified_by_admin = 0` condition is
   * checked by the database in the same statement (which also locks the row against a concurrent save).
   * Returns the years actually written: only their days may be replaced.
   */
  async upsertSeedYears(trx: Transaction<Database>, rows: CalendarYearRow[]): Promise<number[]> {
    if (rows.length === 0) return [];
    const written = await trx
      .insertInto('calendar_years')
      .values(rows)
      .onConflict((oc) =>
        oc
          .column('year')
          .doUpdateSet((eb) => ({
            published: eb.ref('excluded.published'),
            source: eb.ref('excluded.source'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where('calendar_years.modified_by_admin', '=', 0),
      )
      .returning('year')
      .execute();
    return written.map((r) => Number(r.year));
  },

  /** An administrator's save of a year: always written, and marked as theirs. */
  async upsertAdminYear(trx: Transaction<Database>, row: CalendarYearRow): Promise<void> {
    await trx
      .insertInto('calendar_years')
      .values(row)
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({
          published: row.published,
          source: row.source,
          modified_by_admin: row.modified_by_admin,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  },

  /** Replaces every exception of the given years with `rows` (each row's year is one of them). */
  async replaceDays(trx: Transaction<Database>, years: number[], rows: CalendarDayRow[]): Promise<void> {
    if (years.length === 0) return;
    await trx.deleteFrom('calendar_days').where('year', 'in', years).execute();
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto('calendar_days')
        .values(rows.slice(i, i + BATCH))
        .execute();
    }
  },

  /** Every exception, oldest first (a few hundred rows): 基础数据管理's list. */
  allDays(db: Executor) {
    return db
      .selectFrom('calendar_days as d')
      .leftJoin('calendar_years as y', 'y.year', 'd.year')
      .select(['d.date', 'd.kind', 'd.name', 'd.updated_at', 'y.modified_by_admin'])
      .orderBy('d.date')
      .execute();
  },

  /** Inserts or replaces single days by date. */
  async upsertDays(trx: Transaction<Database>, rows: CalendarDayRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto('calendar_days')
        .values(rows.slice(i, i + BATCH))
        .onConflict((oc) =>
          oc.column('date').doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            name: eb.ref('excluded.name'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  },

  /** The years become the administrator's (never reseeded); a year without a row gets one, unpublished. */
  async markAdminYears(trx: Transaction<Database>, years: number[], now: string): Promise<void> {
    if (years.length === 0) return;
    await trx
      .insertInto('calendar_years')
      .values(
        years.map((year) => ({ year, published: 0, source: 'admin', modified_by_admin: 1, updated_at: now })),
      )
      .onConflict((oc) => oc.column('year').doUpdateSet({ modified_by_admin: 1, updated_at: now }))
      .execute();
  },
};
