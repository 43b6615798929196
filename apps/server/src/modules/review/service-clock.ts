import {
  addDays,
  addWorkingDays,
  chinaDate,
  spansUnpublishedYear,
  workingDaysBetween,
  type ServiceClock,
  type WorkingCalendar,
} from '@ccc/domain';

/**
 * The service clock of a case (DOMAIN.md "Time limits"), pure arithmetic over a loaded calendar:
 * - sinceSubmission: working days since the latest 提交 (the day of submission does not count);
 * - withBureau: the working days of earlier rounds (clock_days_used, added at each 退回) plus this round's;
 * - acceptDueOn: while 待受理, the last day to accept or return;
 * - decideDueOn: the last day to decide, counting the days the bureau already used;
 * - overdue: 待受理 beyond the accept limit, or in the bureau's hands beyond the decide limit.
 * While 已退回 the clock is paused (the enterprise holds the case): it shows the days used and no due date.
 * A final case (已发证, 不予免办) and a draft have no clock (null).
 */

export interface ServiceLevels {
  acceptDays: number;
  decideDays: number;
}

export interface ClockFacts {
  /** The application's status (a workflow state). */
  status: string;
  /** The latest submission (ISO instant). */
  submittedAt: string | null;
  /** When it was returned (ISO), for a paused clock. */
  returnedAt: string | null;
  /** Working days the bureau held it in earlier rounds. */
  clockDaysUsed: number;
}

/** Calendar days beyond the later of today and a case's start that a due date can need. */
export function calendarLookahead(levels: ServiceLevels): number {
  // A working day is at most a few calendar days away, even across 国庆 with its weekends.
  return Math.max(levels.acceptDays, levels.decideDays) * 2 + 30;
}

/**
 * The span of dates the calendar must cover to compute the clocks of cases submitted on `startDates`
 * (China dates) today: from the earliest start to the farthest possible due date.
 */
export function clockSpan(
  startDates: readonly string[],
  today: string,
  levels: ServiceLevels,
): { from: string; to: string } {
  const from = startDates.reduce((min, d) => (d < min ? d : min), today);
  const latest = startDates.reduce((max, d) => (d > max ? d : max), today);
  return { from, to: addDays(latest, calendarLookahead(levels)) };
}

export function computeServiceClock(
  facts: ClockFacts,
  now: Date,
  levels: ServiceLevels,
  calendar: WorkingCalendar,
): ServiceClock | null {
  if (!facts.submittedAt) return null;
  const used = Math.max(0, facts.clockDaysUsed);
  const start = chinaDate(new Date(facts.submittedAt));
  const today = chinaDate(now);

  if (facts.status === 'returned') {
    const returnedOn = facts.returnedAt ? chinaDate(new Date(facts.returnedAt)) : today;
    return {
      acceptDays: levels.acceptDays,
      decideDays: levels.decideDays,
      sinceSubmission: workingDaysBetween(start, returnedOn, calendar),
      withBureau: used,
      acceptDueOn: null,
      decideDueOn: null,
      overdue: false,
      calendarIncomplete: spansUnpublishedYear(start, returnedOn, calendar),
    };
  }
  if (facts.status !== 'submitted' && facts.status !== 'under_review') return null;

  const sinceSubmission = workingDaysBetween(start, today, calendar);
  const withBureau = used + sinceSubmission;
  const awaitingAcceptance = facts.status === 'submitted';
  const acceptDueOn = awaitingAcceptance ? addWorkingDays(start, levels.acceptDays, calendar) : null;
  const decideDueOn = addWorkingDays(start, Math.max(0, levels.decideDays - used), calendar);
  const overdue =
    (awaitingAcceptance && sinceSubmission > levels.acceptDays) || withBureau > levels.decideDays;
  const spanEnd = [today, decideDueOn, acceptDueOn ?? today].reduce((a, b) => (b > a ? b : a));
  return {
    acceptDays: levels.acceptDays,
    decideDays: levels.decideDays,
    sinceSubmission,
    withBureau,
    acceptDueOn,
    decideDueOn,
    overdue,
    calendarIncomplete: spansUnpublishedYear(start, spanEnd, calendar),
  };
}

/** The working days of the round that a 退回 now ends: from the latest submission to today. */
export function roundDays(submittedAt: string, now: Date, calendar: WorkingCalendar): number {
  return workingDaysBetween(chinaDate(new Date(submittedAt)), chinaDate(now), calendar);
}

/**
 * Which limits an open case (待受理 / 审核中) is past now: the same answer as computeServiceClock's, but with
 * work bounded by the limits rather than by the case's age (counting the days since an old submission walks
 * every day in between), for counting overdue cases in bulk. Null when the case has no running clock.
 */
export function overdueLimits(
  facts: ClockFacts,
  now: Date,
  levels: ServiceLevels,
  calendar: WorkingCalendar,
): { accept: boolean; decide: boolean } | null {
  if (!facts.submittedAt) return null;
  if (facts.status !== 'submitted' && facts.status !== 'under_review') return null;
  const start = chinaDate(new Date(facts.submittedAt));
  const today = chinaDate(now);
  const used = Math.max(0, facts.clockDaysUsed);
  // More than k working days since `start` ⟺ today has reached the (k + 1)-th working day after it.
  const beyond = (k: number) => k < 0 || today >= workingDayAfter(start, k + 1, calendar);
  return {
    accept: facts.status === 'submitted' && beyond(levels.acceptDays),
    decide: beyond(levels.decideDays - used),
  };
}

/** Per loaded calendar: the n-th working day after a date. Cases submitted on one day share their due dates. */
const dueDates = new WeakMap<WorkingCalendar, Map<string, string>>();

function workingDayAfter(start: string, n: number, calendar: WorkingCalendar): string {
  let memo = dueDates.get(calendar);
  if (!memo) {
    memo = new Map();
    dueDates.set(calendar, memo);
  }
  const key = `${start}+${n}`;
  let date = memo.get(key);
  if (date === undefined) {
    date = addWorkingDays(start, n, calendar);
    memo.set(key, date);
  }
  return date;
}
