import type { FormInstance } from 'antd';
import type { CalendarDay, CalendarResponse } from '@ccc/domain';
import dayjs from 'dayjs';
import type { ApiError } from '../../../lib/api-client';

/** 工作日历's form: its values, how they compare with what was loaded, and where the server's errors go. */

/** A row while it is edited: the date may not be chosen yet. */
export interface DayRow {
  date?: string;
  kind: CalendarDay['kind'];
  name?: string;
}
export interface CalendarValues {
  published: boolean;
  days: DayRow[];
}

export const thisYear = () => dayjs().year();

export function yearFromParams(params: URLSearchParams): number {
  const y = Number(params.get('year'));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : thisYear();
}

export function isWeekendDate(date: string): boolean {
  const d = dayjs(date).day();
  return d === 0 || d === 6;
}

/** What the form holds, comparable with what was loaded (to know whether there are unsaved changes). */
export function comparable(v: Partial<CalendarValues> | undefined): string {
  return JSON.stringify({
    published: !!v?.published,
    days: (v?.days ?? []).map((d) => [d?.date ?? '', d?.kind ?? '', (d?.name ?? '').trim()]),
  });
}

export function fromResponse(r: CalendarResponse): CalendarValues {
  return { published: r.published, days: r.days.map((d) => ({ ...d })) };
}

/** The server's field errors onto the rows ('days.3.date' → row 4's 日期); what has no field comes back. */
export function applyFieldErrors(
  form: FormInstance<CalendarValues>,
  err: ApiError,
  rowCount: number,
): string[] {
  type RowField = 'date' | 'kind' | 'name';
  const unplaced: string[] = [];
  const placed: { name: ['published'] | ['days', number, RowField]; errors: string[] }[] = [];
  for (const f of err.fields) {
    const parts = f.path.split('.');
    const index = Number(parts[1]);
    if (
      parts[0] === 'days' &&
      Number.isInteger(index) &&
      index < rowCount &&
      ['date', 'kind', 'name'].includes(parts[2] ?? '')
    ) {
      placed.push({ name: ['days', index, parts[2] as RowField], errors: [f.message] });
    } else if (parts[0] === 'days' && Number.isInteger(index) && index < rowCount) {
      placed.push({ name: ['days', index, 'date'], errors: [f.message] });
    } else if (f.path === 'published') {
      placed.push({ name: ['published'], errors: [f.message] });
    } else unplaced.push(f.message);
  }
  form.setFields(placed);
  if (placed[0]) form.scrollToField(placed[0].name, { block: 'center' });
  return unplaced;
}
