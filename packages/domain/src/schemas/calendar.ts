import { z } from 'zod';
import { isCalendarDate } from './applications';
import { isWeekend } from '../working-days';

/** 工作日历 and 服务时限 as the administrator maintains them. */

export const calendarDaySchema = z.object({
  date: z.string().refine(isCalendarDate, { message: 'v.date' }),
  /** 'holiday': a weekday off (法定节假日); 'workday': a weekend day worked (调休上班). */
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().max(50, { message: 'v.tooLong' }),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarYearSchema = z.object({
  year: z.number().int(),
  /** The official calendar of the year is loaded; otherwise weekends only count and screens flag it. */
  published: z.boolean(),
  source: z.string().nullable(),
  dayCount: z.number().int(),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const calendarResponseSchema = z.object({
  year: z.number().int(),
  published: z.boolean(),
  source: z.string().nullable(),
  days: z.array(calendarDaySchema),
  years: z.array(calendarYearSchema),
});
export type CalendarResponse = z.infer<typeof calendarResponseSchema>;

/** Replaces a year's exceptions; `published` marks the year's official calendar as complete. */
export const saveCalendarBodySchema = z.object({
  published: z.boolean(),
  days: z.array(calendarDaySchema).max(366),
});
export type SaveCalendarBody = z.input<typeof saveCalendarBodySchema>;

export const serviceLevelSchema = z.object({
  bureauCode: z.string(),
  bureauName: z.string(),
  acceptDays: z.number().int(),
  decideDays: z.number().int(),
});
export type ServiceLevel = z.infer<typeof serviceLevelSchema>;

export const saveServiceLevelBodySchema = z
  .object({
    acceptDays: z.number().int().min(1, { message: 'v.serviceDays' }).max(60, { message: 'v.serviceDays' }),
    decideDays: z.number().int().min(1, { message: 'v.serviceDays' }).max(60, { message: 'v.serviceDays' }),
  })
  .refine((v) => v.acceptDays <= v.decideDays, { message: 'v.serviceDays.order', path: ['decideDays'] });
export type SaveServiceLevelBody = z.input<typeof saveServiceLevelBodySchema>;

// ---- additions (calendar helper): the year in the admin routes, and the rules of a year's exceptions

/** A calendar year as the admin routes take it (path or query string). */
export const calendarYearValueSchema = z.coerce
  .number({ message: 'v.calendar.year' })
  .int({ message: 'v.calendar.year' })
  .min(2000, { message: 'v.calendar.year' })
  .max(2100, { message: 'v.calendar.year' });

/** GET /api/admin/calendar?year=: the current year (China time) when absent. */
export const calendarQuerySchema = z.object({ year: calendarYearValueSchema.optional() });
export const calendarYearParamsSchema = z.object({ year: calendarYearValueSchema });

/**
 * What is wrong with a year's exceptions, one entry per offending field (`days.<i>.date`): a date outside
 * the year, a date entered twice, a holiday on a weekend (weekends are off anyway) or a make-up working day
 * on a weekday. The server refuses the save with these; a form can show them before sending.
 */
export function calendarDayProblems(
  year: number,
  days: readonly { date: string; kind: string }[],
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  days.forEach((day, i) => {
    const path = `days.${i}.date`;
    if (!isCalendarDate(day.date)) return; // the schema reports it
    if (Number(day.date.slice(0, 4)) !== year) problems.push({ path, message: 'v.calendar.dateNotInYear' });
    else if (seen.has(day.date)) problems.push({ path, message: 'v.calendar.duplicateDate' });
    else if (day.kind === 'holiday' && isWeekend(day.date))
      problems.push({ path, message: 'v.calendar.holidayOnWeekend' });
    else if (day.kind === 'workday' && !isWeekend(day.date))
      problems.push({ path, message: 'v.calendar.workdayOnWeekday' });
    seen.add(day.date);
  });
  return problems;
}
