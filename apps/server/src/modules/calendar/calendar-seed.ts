import { chinaDateParts } from '@ccc/domain';
import type { AppDeps } from '../../context';
import { iso } from '../../lib/clock';
import { calendarRepository as repo, type CalendarDayRow, type CalendarYearRow } from './calendar.repository';
import { shippedOfficialCalendar, type OfficialCalendar } from './official-calendar';

export interface CalendarSeedReport {
  /** skipped: every covered year already holds this source (or an administrator's save). */
  action: 'skipped' | 'loaded';
  source: string;
  /** Years whose days were (re)written from the package. */
  loadedYears: number[];
  /** Covered years left alone because an administrator saved them. */
  adminYears: number[];
  /** Years added unpublished because the package does not cover them (the current and the next year). */
  unpublishedYearsAdded: number[];
  ms: number;
}

export interface CalendarSeedOptions {
  /** The official calendar to seed from; the installed `chinese-days` package by default (tests pass another). */
  official?: OfficialCalendar;
}

/**
 * Seeds the working calendar on start (after the reference data):
 * - every year the official calendar covers gets its weekday holidays and weekend make-up working days and a
 *   calendar_years row (published = 1, source 'chinese-days <version>'), unless an administrator saved that
 *   year (modified_by_admin = 1): such a year is never overwritten;
 * - a year already seeded from the same source is left alone: a restart with nothing new costs one query;
 * - the current and the next year (China time) always have a calendar_years row, published = 0 when the
 *   package does not cover them, so that screens flag them;
 * - nothing is deleted but the days of a year being reseeded.
 */
export async function seedWorkingCalendar(
  deps: Pick<AppDeps, 'db' | 'clock'> & { log?: Pick<AppDeps['log'], 'info'> },
  opts: CalendarSeedOptions = {},
): Promise<CalendarSeedReport> {
  const started = performance.now();
  const official = opts.official ?? shippedOfficialCalendar();
  const now = iso(deps.clock.now());
  const current = chinaDateParts(deps.clock.now()).year;

  const existing = new Map((await repo.years(deps.db)).map((r) => [r.year, r]));
  const adminYears = [...official.years.keys()].filter((y) => existing.get(y)?.modified_by_admin === 1);
  const stale = [...official.years.keys()].filter((y) => {
    const row = existing.get(y);
    return !row || (row.modified_by_admin !== 1 && (row.source !== official.source || row.published !== 1));
  });
  const absent = [current, current + 1].filter((y) => !existing.has(y) && !official.years.has(y));

  let loadedYears: number[] = [];
  if (stale.length > 0) {
    const yearRows: CalendarYearRow[] = stale.map((year) => ({
      year,
      published: 1,
      source: official.source,
      modified_by_admin: 0,
      updated_at: now,
    }));
    loadedYears = await deps.db.transaction().execute(async (trx) => {
      const written = (await repo.upsertSeedYears(trx, yearRows)).sort((a, b) => a - b);
      const days: CalendarDayRow[] = written.flatMap((year) =>
        (official.years.get(year) ?? []).map((d) => ({ ...d, year, updated_at: now })),
      );
      await repo.replaceDays(trx, written, days);
      return written;
    });
  }
  await repo.insertMissingYears(
    deps.db,
    absent.map((year) => ({ year, published: 0, source: null, modified_by_admin: 0, updated_at: now })),
  );

  const report: CalendarSeedReport = {
    action: stale.length > 0 || absent.length > 0 ? 'loaded' : 'skipped',
    source: official.source,
    loadedYears,
    adminYears,
    unpublishedYearsAdded: absent,
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
  deps.log?.info(
    { ms: report.ms, loadedYears, unpublishedYearsAdded: absent },
    report.action === 'loaded' ? 'working calendar seeded' : 'working calendar up to date',
  );
  return report;
}
