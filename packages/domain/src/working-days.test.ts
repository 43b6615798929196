import { describe, expect, it } from 'vitest';
import { calendarDayProblems } from './schemas/calendar';
import {
  addDays,
  addWorkingDays,
  isWeekend,
  isWorkingDay,
  spansUnpublishedYear,
  workingDaysBetween,
  type CalendarDayKind,
  type WorkingCalendar,
} from './working-days';

/**
 * The autumn of 2026 as the State Council's notice on the 2026 public holidays sets it, written
 * out by hand: 中秋 on Friday 25 September; 国庆节 1–7 October (Thursday to Wednesday); make-up working days
 * on Sunday 20 September and Saturday 10 October. Weekend days of the holidays need no entry.
 */
const autumn2026: WorkingCalendar = {
  days: new Map<string, CalendarDayKind>([
    ['2026-09-20', 'workday'],
    ['2026-09-25', 'holiday'],
    ['2026-10-01', 'holiday'],
    ['2026-10-02', 'holiday'],
    ['2026-10-05', 'holiday'],
    ['2026-10-06', 'holiday'],
    ['2026-10-07', 'holiday'],
    ['2026-10-10', 'workday'],
  ]),
  publishedYears: new Set([2025, 2026]),
};
const weekendsOnly: WorkingCalendar = { days: new Map(), publishedYears: new Set() };

describe('dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30'); // no daylight-saving step anywhere
    expect(addDays('2026-10-12', 0)).toBe('2026-10-12');
  });

  it('knows Saturdays and Sundays', () => {
    expect(isWeekend('2026-10-10')).toBe(true); // Saturday
    expect(isWeekend('2026-09-20')).toBe(true); // Sunday
    expect(isWeekend('2026-10-12')).toBe(false); // Monday
    expect(isWeekend('2026-10-09')).toBe(false); // Friday
    // One full week: exactly two weekend days, whatever the start.
    const week = Array.from({ length: 7 }, (_, i) => addDays('2026-12-28', i));
    expect(week.filter(isWeekend)).toEqual(['2027-01-02', '2027-01-03']);
  });
});

describe('working days', () => {
  it('skips weekday holidays and counts make-up working days on weekends', () => {
    expect(isWorkingDay('2026-10-01', autumn2026)).toBe(false); // 国庆节, a Thursday
    expect(isWorkingDay('2026-10-03', autumn2026)).toBe(false); // Saturday within the holiday
    expect(isWorkingDay('2026-10-10', autumn2026)).toBe(true); // 调休 Saturday
    expect(isWorkingDay('2026-09-20', autumn2026)).toBe(true); // 调休 Sunday
    expect(isWorkingDay('2026-10-11', autumn2026)).toBe(false); // an ordinary Sunday
    expect(isWorkingDay('2026-10-08', autumn2026)).toBe(true); // an ordinary Thursday
    expect(isWorkingDay('2026-10-01', weekendsOnly)).toBe(true);
    expect(isWorkingDay('2026-10-10', weekendsOnly)).toBe(false);
  });

  it('counts the working days after the start up to and including the end, across the National Day week', () => {
    // 30 Sep (Wed) → 12 Oct (Mon): 8, 9, 10 (Saturday worked) and 12 October.
    expect(workingDaysBetween('2026-09-30', '2026-10-12', autumn2026)).toBe(4);
    // The same span by the weekend rule alone: 1, 2, 5, 6, 7, 8, 9, 12 October.
    expect(workingDaysBetween('2026-09-30', '2026-10-12', weekendsOnly)).toBe(8);
    // The day of submission does not count; the next working day is the first.
    expect(workingDaysBetween('2026-10-09', '2026-10-09', autumn2026)).toBe(0);
    expect(workingDaysBetween('2026-10-09', '2026-10-10', autumn2026)).toBe(1);
    expect(workingDaysBetween('2026-10-09', '2026-10-11', autumn2026)).toBe(1);
    // Submitted on the Sunday worked (20 Sep): Monday to Thursday count, Friday 25 is 中秋.
    expect(workingDaysBetween('2026-09-20', '2026-09-27', autumn2026)).toBe(4);
    // Nothing is counted backwards.
    expect(workingDaysBetween('2026-10-12', '2026-09-30', autumn2026)).toBe(0);
  });

  it('finds the last day of a time limit across the holiday week and the make-up Saturday', () => {
    expect(addWorkingDays('2026-09-30', 0, autumn2026)).toBe('2026-09-30');
    expect(addWorkingDays('2026-09-30', 1, autumn2026)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 2, autumn2026)).toBe('2026-10-09');
    expect(addWorkingDays('2026-09-30', 3, autumn2026)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 4, autumn2026)).toBe('2026-10-12');
    expect(addWorkingDays('2026-09-30', 5, autumn2026)).toBe('2026-10-13');
    // A case submitted on the Friday before the 调休 Saturday: its 2-day limit ends on Monday.
    expect(addWorkingDays('2026-10-09', 2, autumn2026)).toBe('2026-10-12');
    expect(addWorkingDays('2026-10-09', 2, weekendsOnly)).toBe('2026-10-13');
  });

  it('keeps addWorkingDays and workingDaysBetween consistent on every start day of the autumn', () => {
    for (let start = '2026-09-01'; start <= '2026-10-31'; start = addDays(start, 1)) {
      for (let n = 0; n <= 12; n++) {
        const end = addWorkingDays(start, n, autumn2026);
        expect(workingDaysBetween(start, end, autumn2026)).toBe(n);
        if (n > 0) {
          // The limit ends on a working day, and the day before it is one working day short.
          expect(isWorkingDay(end, autumn2026)).toBe(true);
          expect(workingDaysBetween(start, addDays(end, -1), autumn2026)).toBe(n - 1);
        }
      }
    }
  });
});

describe('published years', () => {
  it('flags a span reaching into a year whose official calendar is not loaded', () => {
    expect(spansUnpublishedYear('2026-09-30', '2026-10-12', autumn2026)).toBe(false);
    expect(spansUnpublishedYear('2025-12-30', '2026-01-05', autumn2026)).toBe(false);
    expect(spansUnpublishedYear('2026-12-30', '2027-01-05', autumn2026)).toBe(true);
    expect(spansUnpublishedYear('2024-12-30', '2025-01-05', autumn2026)).toBe(true);
    expect(spansUnpublishedYear('2026-10-01', '2026-10-01', weekendsOnly)).toBe(true);
  });
});

describe("the rules of a year's exceptions (calendarDayProblems)", () => {
  it('accepts weekday holidays and weekend make-up days of the year', () => {
    const days = [...autumn2026.days].map(([date, kind]) => ({ date, kind }));
    expect(calendarDayProblems(2026, days)).toEqual([]);
    expect(calendarDayProblems(2026, [])).toEqual([]);
  });

  it('names each offending date: outside the year, twice, a weekend holiday, a weekday make-up day', () => {
    const problems = calendarDayProblems(2026, [
      { date: '2026-10-01', kind: 'holiday' },
      { date: '2027-01-01', kind: 'holiday' },
      { date: '2026-10-01', kind: 'holiday' },
      { date: '2026-10-03', kind: 'holiday' },
      { date: '2026-10-12', kind: 'workday' },
      { date: 'not-a-date', kind: 'holiday' },
    ]);
    expect(problems).toEqual([
      { path: 'days.1.date', message: 'v.calendar.dateNotInYear' },
      { path: 'days.2.date', message: 'v.calendar.duplicateDate' },
      { path: 'days.3.date', message: 'v.calendar.holidayOnWeekend' },
      { path: 'days.4.date', message: 'v.calendar.workdayOnWeekday' },
    ]);
  });
});
