import dayjs, { type Dayjs } from 'dayjs';

/** A RangePicker's value: either end may be open. */
export type DateRangeValue = [Dayjs | null, Dayjs | null] | null;

/** The picker's value for a date filter kept as two YYYY-MM-DD strings (e.g. in the address). */
export function toDateRange(from: string | undefined, to: string | undefined): DateRangeValue {
  return from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null;
}

/** The two YYYY-MM-DD strings of a picker's value (undefined for an open end). */
export function fromDateRange(range: DateRangeValue | undefined): {
  from: string | undefined;
  to: string | undefined;
} {
  const [from, to] = range ?? [null, null];
  return { from: from?.format('YYYY-MM-DD'), to: to?.format('YYYY-MM-DD') };
}
