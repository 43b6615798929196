import {
  calendarDayProblems,
  chinaDateParts,
  type CalendarDayKind,
  type CalendarResponse,
  type CalendarYear,
  type saveCalendarBodySchema,
  type WorkingCalendar,
} from '@ccc/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { ServiceContext } from '../../context';
import { AppError } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { recordAudit } from '../audit/audit.service';
import { calendarRepository as repo } from './calendar.repository';

/**
 * The working calendar of a span of China dates ('YYYY-MM-DD'), read from the database on every call (an
 * administrator's change on one instance is seen by all at once). Load the span a request needs once.
 */
export async function loadWorkingCalendar(
  ctx: Pick<ServiceContext, 'db'>,
  from: string,
  to: string,
): Promise<WorkingCalendar> {
  const [days, years] = await Promise.all([repo.daysBetween(ctx.db, from, to), repo.publishedYears(ctx.db)]);
  return {
    days: new Map(days.map((d) => [d.date, d.kind as CalendarDayKind])),
    publishedYears: new Set(years.map((y) => Number(y.year))),
  };
}

type SaveInput = z.output<typeof saveCalendarBodySchema>;
type CalendarCtx = Pick<ServiceContext, 'db' | 'clock'>;

/** The current year in China. */
export const currentChinaYear = (ctx: Pick<ServiceContext, 'clock'>) => chinaDateParts(ctx.clock.now()).year;

/**
 * Every year the calendar knows, plus the current and the next year (China time) even without a row: a year
 * not covered by the official calendar is published = false, which screens flag.
 */
async function yearList(ctx: CalendarCtx): Promise<CalendarYear[]> {
  const [rows, counts] = await Promise.all([repo.years(ctx.db), repo.dayCounts(ctx.db)]);
  const byYear = new Map<number, CalendarYear>(
    rows.map((r) => [
      r.year,
      { year: r.year, published: r.published === 1, source: r.source, dayCount: counts.get(r.year) ?? 0 },
    ]),
  );
  const current = currentChinaYear(ctx);
  for (const year of [current, current + 1]) {
    if (!byYear.has(year)) byYear.set(year, { year, published: false, source: null, dayCount: 0 });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** GET /api/admin/calendar: one year's holidays and make-up working days, with the list of years. */
export async function getCalendar(ctx: CalendarCtx, year?: number): Promise<CalendarResponse> {
  const y = year ?? currentChinaYear(ctx);
  const [row, days, years] = await Promise.all([
    repo.year(ctx.db, y),
    repo.daysOfYear(ctx.db, y),
    yearList(ctx),
  ]);
  return {
    year: y,
    published: row?.published === 1,
    source: row?.source ?? null,
    days: days.map((d) => ({ date: d.date, kind: d.kind as CalendarDayKind, name: d.name })),
    years,
  };
}

/**
 * PUT /api/admin/calendar/:year: replaces the year's exceptions in one transaction; the year becomes the
 * administrator's (never overwritten by the package on a later start), published as given. Audited with
 * the year's state before and after.
 */
export async function saveCalendar(
  ctx: ServiceContext,
  year: number,
  input: SaveInput,
): Promise<CalendarResponse> {
  const problems = calendarDayProblems(year, input.days);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });

  const now = iso(ctx.clock.now());
  const days = [...input.days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => ({ date: d.date, year, kind: d.kind, name: d.name, updated_at: now }));
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.year(trx, year);
    // The year row first: it locks the year against the seed of another instance starting meanwhile.
    await repo.upsertAdminYear(trx, {
      year,
      published: input.published ? 1 : 0,
      source: 'admin',
      modified_by_admin: 1,
      updated_at: now,
    });
    const beforeDays = await repo.daysOfYear(trx, year);
    await repo.replaceDays(trx, [year], days);
    await recordAudit(trx, ctx, {
      entityType: 'calendar_year',
      entityId: String(year),
      action: 'CALENDAR_YEAR_SAVED',
      before: before ? { published: before.published === 1, source: before.source, days: beforeDays } : null,
      after: {
        published: input.published,
        source: 'admin',
        days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
      },
    });
  });
  return getCalendar(ctx, year);
}

// ---- for 基础数据管理 (reference-admin): the exceptions as one dataset, written day by day

/** Every holiday and make-up working day, oldest first. */
export function listAllCalendarDays(ctx: Pick<ServiceContext, 'db'> | { db: Transaction<Database> }) {
  return repo.allDays(ctx.db);
}

/**
 * Inserts or replaces single days (by date) inside the caller's transaction; their years become the
 * administrator's, so the package's seed never overwrites them. The caller checks each day
 * (calendarDayProblems) first.
 */
export async function writeAdminCalendarDays(
  trx: Transaction<Database>,
  ctx: Pick<ServiceContext, 'clock'>,
  days: { date: string; kind: CalendarDayKind; name: string }[],
): Promise<void> {
  if (days.length === 0) return;
  const now = iso(ctx.clock.now());
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))];
  await repo.markAdminYears(trx, years, now);
  await repo.upsertDays(
    trx,
    days.map((d) => ({
      date: d.date,
      year: Number(d.date.slice(0, 4)),
      kind: d.kind,
      name: d.name,
      updated_at: now,
    })),
  );
}
