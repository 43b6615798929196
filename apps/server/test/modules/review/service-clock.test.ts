import { describe, expect, it } from 'vitest';
import { addDays, type WorkingCalendar } from '@ccc/domain';
import type { AuditEntry } from '../../../src/modules/audit/audit.service';
import { changedFields, lastReturnOf } from '../../../src/modules/review/last-return';
import {
  clockSpan,
  computeServiceClock,
  overdueLimits,
  roundDays,
} from '../../../src/modules/review/service-clock';
import { describeDb } from '../../helpers/build-test-app';

/**
 * The service clock as pure arithmetic (DOMAIN.md "Time limits"). Calendar of the tests: 劳动节 2026 with
 * Fri 1, Mon 4 and Tue 5 May off, and Saturday 9 May a make-up working day (调休上班).
 */
const calendar: WorkingCalendar = {
  days: new Map([
    ['2026-05-01', 'holiday'],
    ['2026-05-04', 'holiday'],
    ['2026-05-05', 'holiday'],
    ['2026-05-09', 'workday'],
  ]),
  publishedYears: new Set([2026]),
};
const levels = { acceptDays: 2, decideDays: 5 };
/** 10:00 in China on that date. */
const at = (date: string) => new Date(`${date}T02:00:00.000Z`);
const facts = (status: string, submitted: string, clockDaysUsed = 0, returned: string | null = null) => ({
  status,
  submittedAt: at(submitted).toISOString(),
  returnedAt: returned ? at(returned).toISOString() : null,
  clockDaysUsed,
});

describe(`service clock (pure) ${describeDb}`, () => {
  it('skips the holiday week and counts the make-up Saturday', () => {
    // Submitted Thu 30 April: Fri 1 (holiday), the weekend, Mon 4 and Tue 5 (holidays) do not count.
    const wed = computeServiceClock(facts('submitted', '2026-04-30'), at('2026-05-06'), levels, calendar)!;
    expect(wed).toEqual({
      acceptDays: 2,
      decideDays: 5,
      sinceSubmission: 1,
      withBureau: 1,
      acceptDueOn: '2026-05-07',
      // Wed 6, Thu 7, Fri 8, Sat 9 (worked), Mon 11
      decideDueOn: '2026-05-11',
      overdue: false,
      calendarIncomplete: false,
    });
    const thu = computeServiceClock(facts('submitted', '2026-04-30'), at('2026-05-07'), levels, calendar)!;
    expect([thu.sinceSubmission, thu.overdue]).toEqual([2, false]);
    const fri = computeServiceClock(facts('submitted', '2026-04-30'), at('2026-05-08'), levels, calendar)!;
    expect([fri.sinceSubmission, fri.overdue]).toEqual([3, true]);
    // The make-up Saturday counts; the Sunday after it does not.
    const sat = computeServiceClock(facts('under_review', '2026-04-30'), at('2026-05-09'), levels, calendar)!;
    expect([sat.sinceSubmission, sat.withBureau, sat.acceptDueOn, sat.overdue]).toEqual([4, 4, null, false]);
    const sun = computeServiceClock(facts('under_review', '2026-04-30'), at('2026-05-10'), levels, calendar)!;
    expect([sun.sinceSubmission, sun.overdue]).toEqual([4, false]);
    const mon = computeServiceClock(facts('under_review', '2026-04-30'), at('2026-05-11'), levels, calendar)!;
    expect([mon.sinceSubmission, mon.overdue]).toEqual([5, false]);
    const tue = computeServiceClock(facts('under_review', '2026-04-30'), at('2026-05-12'), levels, calendar)!;
    expect([tue.sinceSubmission, tue.overdue]).toEqual([6, true]);
  });

  it('the day of submission does not count, nor a weekend without make-up', () => {
    const same = computeServiceClock(facts('submitted', '2026-03-06'), at('2026-03-06'), levels, calendar)!;
    expect(same.sinceSubmission).toBe(0);
    // Fri 6 March → Mon 9 March: one working day.
    const mon = computeServiceClock(facts('submitted', '2026-03-06'), at('2026-03-09'), levels, calendar)!;
    expect([mon.sinceSubmission, mon.acceptDueOn, mon.decideDueOn]).toEqual([1, '2026-03-10', '2026-03-13']);
  });

  it('resumes where the earlier rounds stopped, and pauses while returned', () => {
    // 3 days used before a 退回; resubmitted Wed 13 May.
    const fri = computeServiceClock(facts('submitted', '2026-05-13', 3), at('2026-05-15'), levels, calendar)!;
    expect([fri.sinceSubmission, fri.withBureau, fri.overdue]).toEqual([2, 5, false]);
    expect(fri.decideDueOn).toBe('2026-05-15');
    expect(fri.acceptDueOn).toBe('2026-05-15');
    const mon = computeServiceClock(
      facts('under_review', '2026-05-13', 3),
      at('2026-05-18'),
      levels,
      calendar,
    )!;
    expect([mon.withBureau, mon.overdue]).toEqual([6, true]);
    // Paused: the days used, no due date, never overdue however long the enterprise holds it.
    const paused = computeServiceClock(
      facts('returned', '2026-04-30', 3, '2026-05-08'),
      at('2026-06-30'),
      levels,
      calendar,
    )!;
    expect(paused).toMatchObject({
      sinceSubmission: 3,
      withBureau: 3,
      acceptDueOn: null,
      decideDueOn: null,
      overdue: false,
    });
    expect(roundDays(at('2026-04-30').toISOString(), at('2026-05-08'), calendar)).toBe(3);
  });

  it('has no clock for a draft or a decided case', () => {
    for (const status of ['issued', 'refused']) {
      expect(computeServiceClock(facts(status, '2026-04-30'), at('2026-05-06'), levels, calendar)).toBeNull();
    }
    expect(
      computeServiceClock(
        { ...facts('draft', '2026-04-30'), submittedAt: null },
        at('2026-05-06'),
        levels,
        calendar,
      ),
    ).toBeNull();
  });

  it('flags a span that reaches into a year whose calendar is not published', () => {
    const late = computeServiceClock(facts('submitted', '2026-12-28'), at('2026-12-29'), levels, calendar)!;
    // The due date falls in 2027, not loaded.
    expect(late.decideDueOn).toBe('2027-01-04');
    expect(late.calendarIncomplete).toBe(true);
    const early = computeServiceClock(facts('submitted', '2026-06-01'), at('2026-06-02'), levels, calendar)!;
    expect(early.calendarIncomplete).toBe(false);
  });

  it('loads one span from the oldest submission to the farthest due date', () => {
    const span = clockSpan(['2026-04-30', '2026-03-02', '2026-05-06'], '2026-05-06', levels);
    expect(span.from).toBe('2026-03-02');
    expect(span.to >= '2026-05-20').toBe(true);
    expect(clockSpan([], '2026-05-06', levels).from).toBe('2026-05-06');
  });

  it('overdueLimits agrees with the full clock on every day around the holiday week', () => {
    // Every submission day × every "today" × both open states × days used in earlier rounds × two levels.
    const days = Array.from({ length: 40 }, (_, i) => addDays('2026-04-20', i));
    let overdue = 0;
    for (const l of [levels, { acceptDays: 1, decideDays: 3 }])
      for (const submitted of days)
        for (const today of days.filter((d) => d >= submitted))
          for (const status of ['submitted', 'under_review'])
            for (const used of [0, 2, 6]) {
              const f = facts(status, submitted, used);
              const clock = computeServiceClock(f, at(today), l, calendar)!;
              const past = overdueLimits(f, at(today), l, calendar)!;
              expect(past, `${status} ${submitted} → ${today}, used ${used}`).toEqual({
                accept: clock.acceptDueOn !== null && clock.sinceSubmission > clock.acceptDays,
                decide: clock.withBureau > clock.decideDays,
              });
              if (past.accept || past.decide) overdue++;
            }
    expect(overdue).toBeGreaterThan(1000);
    expect(overdueLimits(facts('returned', '2026-04-30'), at('2026-06-30'), levels, calendar)).toBeNull();
  });
});

const entry = (id: number, action: string, before: object | null, after: object | null): AuditEntry => ({
  id,
  at: `2026-05-0${Math.min(id, 9)}T02:00:00.000Z`,
  actorUserId: 'u1',
  actorUsername: 'user1',
  actorRole: 'enterprise',
  organisationId: 'o1',
  bureauCode: null,
  action,
  before: before as Record<string, unknown> | null,
  after: after as Record<string, unknown> | null,
});

describe(`what changed since the last return (pure) ${describeDb}`, () => {
  const history = [
    entry(1, 'APPLICATION_SUBMITTED', null, { status: 'submitted' }),
    entry(2, 'APPLICATION_RETURNED', { status: 'submitted' }, { status: 'returned', reason: '发票号有误' }),
    entry(
      3,
      'APPLICATION_UPDATED',
      { number: 'A1', status: 'returned', invoiceNo: 'X' },
      { number: 'A1', status: 'returned', invoiceNo: 'Y' },
    ),
    entry(4, 'PRODUCT_ADDED', null, {
      number: 'A1',
      productId: 'p',
      lineNo: 2,
      productName: '显示器',
      quantity: '1',
    }),
    entry(5, 'ATTACHMENT_DELETED', { typeCode: 'other', filename: 'a.pdf', sha256: 'x', size: 1 }, null),
    entry(6, 'ACCESS_DENIED', null, { attempted: 'x' }),
    entry(7, 'APPLICATION_SUBMITTED', { status: 'returned' }, { status: 'submitted' }),
  ];

  it('gives the reason and each change with its fields', () => {
    const last = lastReturnOf('submitted', history)!;
    expect(last.reason).toBe('发票号有误');
    expect(last.at).toBe(history[1]!.at);
    expect(last.changes.map((c) => c.action)).toEqual([
      'APPLICATION_UPDATED',
      'PRODUCT_ADDED',
      'ATTACHMENT_DELETED',
    ]);
    expect(last.changes[0]!.fields).toEqual([{ field: 'invoiceNo', before: 'X', after: 'Y' }]);
    expect(last.changes[1]!.subject).toBe('2. 显示器');
    expect(last.changes[1]!.fields).toEqual([
      { field: 'productName', before: null, after: '显示器' },
      { field: 'quantity', before: null, after: '1' },
    ]);
    expect(last.changes[2]!.subject).toBe('a.pdf');
    expect(changedFields(history[4]!)).toEqual([
      { field: 'typeCode', before: 'other', after: null },
      { field: 'filename', before: 'a.pdf', after: null },
    ]);
  });

  it('is null for a case never returned, or still with the enterprise', () => {
    expect(lastReturnOf('submitted', [history[0]!])).toBeNull();
    expect(lastReturnOf('returned', history.slice(0, 3))).toBeNull();
  });
});
