import fs from 'node:fs';
import { createRequire } from 'node:module';
import { isWeekend, type CalendarDayKind } from '@ccc/domain';

/**
 * The official holiday calendar of the State Council (国务院办公厅 annual notice on public holidays), as the npm
 * package `chinese-days` (MIT) ships it in dist/chinese-days.json: `holidays` (every day off, weekends
 * included), `workdays` (make-up working days, 调休上班) and `inLieuDays` (weekdays off in lieu, already among
 * the holidays). Values read "English name,中文名,days".
 */

export interface OfficialDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface OfficialCalendar {
  /** Written into calendar_years.source, e.g. 'chinese-days 1.5.7': a change of it reloads every year. */
  source: string;
  /** The exceptions to the weekend rule per covered year, by date. */
  years: Map<number, OfficialDay[]>;
}

interface PackageFile {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** '国庆节' of 'National Day,国庆节,3' (an English name holding a comma would not confuse it). */
export function chineseName(value: string): string {
  const m = /^(.*),([^,]+),(\d+)$/.exec(value);
  return (m ? m[2]! : value).trim();
}

/**
 * Only what changes the weekend rule is kept: a holiday on a weekday and a make-up working day on a weekend
 * (a holiday falling on a Saturday or Sunday is off anyway). The administrator's screen keeps the same rule.
 */
export function exceptionsOf(file: PackageFile): Map<number, OfficialDay[]> {
  const years = new Map<number, OfficialDay[]>();
  const add = (date: string, kind: CalendarDayKind, value: string) => {
    const year = Number(date.slice(0, 4));
    const list = years.get(year) ?? [];
    list.push({ date, kind, name: chineseName(value) });
    years.set(year, list);
  };
  // A year is covered when the file has any date of it, even one the weekend rule makes redundant.
  for (const date of [...Object.keys(file.holidays), ...Object.keys(file.workdays)]) {
    const year = Number(date.slice(0, 4));
    if (!years.has(year)) years.set(year, []);
  }
  for (const [date, value] of Object.entries(file.holidays))
    if (!isWeekend(date)) add(date, 'holiday', value);
  for (const [date, value] of Object.entries(file.workdays)) if (isWeekend(date)) add(date, 'workday', value);
  for (const list of years.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return years;
}

let cached: OfficialCalendar | undefined;

/** The calendar of the installed `chinese-days` package (read once per process). */
export function shippedOfficialCalendar(): OfficialCalendar {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(fs.readFileSync(require.resolve('chinese-days/package.json'), 'utf8')) as {
    version: string;
  };
  const file = JSON.parse(
    fs.readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8'),
  ) as PackageFile;
  cached = { source: `chinese-days ${pkg.version}`, years: exceptionsOf(file) };
  return cached;
}
