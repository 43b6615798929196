/**
 * Working days (工作日) for the bureaus' service levels (DOMAIN.md "Time limits"). Pure arithmetic over a
 * calendar of exceptions: a date is a working day when it is Monday to Friday and not a public holiday, or
 * when it is a make-up working day (调休上班) on a weekend. Dates are China calendar dates 'YYYY-MM-DD'.
 */

export type CalendarDayKind = 'holiday' | 'workday';

export interface WorkingCalendar {
  /** Exceptions to the weekend rule: 'holiday' (a weekday off) or 'workday' (a weekend day worked). */
  days: ReadonlyMap<string, CalendarDayKind>;
  /** Years whose official calendar is loaded; days of other years count by the weekend rule only. */
  publishedYears: ReadonlySet<number>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

export function isWeekend(date: string): boolean {
  const dow = new Date(toUtc(date)).getUTCDay();
  return dow === 0 || dow === 6;
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const kind = calendar.days.get(date);
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  return !isWeekend(date);
}

/**
 * The working days after `from` up to and including `to` (the day of submission itself does not count, as
 * a time limit of "2 working days" starts the next working day). 0 when `to` is not after `from`.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  let count = 0;
  for (let ms = toUtc(from) + DAY_MS, end = toUtc(to); ms <= end; ms += DAY_MS) {
    if (isWorkingDay(fromUtc(ms), calendar)) count++;
  }
  return count;
}

/** The date on which `days` working days after `from` have passed: the last day of a time limit. */
export function addWorkingDays(from: string, days: number, calendar: WorkingCalendar): string {
  let date = from;
  for (let left = days; left > 0;) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) left--;
  }
  return date;
}

/** Whether a span of dates reaches into a year whose official calendar is not loaded. */
export function spansUnpublishedYear(from: string, to: string, calendar: WorkingCalendar): boolean {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  for (let y = first; y <= last; y++) if (!calendar.publishedYears.has(y)) return true;
  return false;
}
