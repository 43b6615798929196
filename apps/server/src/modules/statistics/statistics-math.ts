import { addDays, chinaDate, chinaDateParts, chinaDayStartIso, type DecisionTime } from '@ccc/domain';

/** Pure arithmetic of 统计分析: the date range, its months, and percentiles over a histogram. */

/** One bucket of a histogram: `count` values equal to `value`. */
export interface HistogramBucket {
  value: number;
  count: number;
}

/**
 * Nearest-rank percentile: of the n values sorted ascending, the one at rank ⌈p/100 · n⌉ (1-based; rank 1
 * for p = 0). It is always one of the values (no interpolation): the median of 1, 2, 3, 4 is 2. Null for
 * an empty histogram.
 */
export function nearestRank(histogram: readonly HistogramBucket[], p: number): number | null {
  const sorted = histogram.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, b) => sum + b.count, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  let seen = 0;
  for (const b of sorted) {
    seen += b.count;
    if (seen >= rank) return b.value;
  }
  return sorted[sorted.length - 1]!.value;
}

/** Count, median and 90th percentile (nearest-rank) of a histogram. */
export function decisionTime(histogram: readonly HistogramBucket[]): DecisionTime {
  return {
    decided: histogram.reduce((sum, b) => sum + b.count, 0),
    median: nearestRank(histogram, 50),
    p90: nearestRank(histogram, 90),
  };
}

/** Adds `n` months to a 'YYYY-MM'. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every 'YYYY-MM' from the month of `from` to the month of `to` (China dates), in order. */
export function monthsOf(from: string, to: string): string[] {
  const last = to.slice(0, 7);
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The default range: the first day of the month 11 months back, to today (12 months in all). */
export function defaultRange(now: Date): { from: string; to: string } {
  const { year, month } = chinaDateParts(now);
  const start = addMonths(`${year}-${String(month).padStart(2, '0')}`, -11);
  return { from: `${start}-01`, to: chinaDate(now) };
}

/** The range as UTC instants: [start of `from` in China, start of the day after `to`). */
export function instantRange(from: string, to: string): { fromIso: string; beforeIso: string } {
  return { fromIso: chinaDayStartIso(from), beforeIso: chinaDayStartIso(addDays(to, 1)) };
}

/**
 * The months of a range with the UTC instant each one ends at (the start of the next month in China): what
 * a portable CASE expression buckets ISO instants by (substr() of a UTC instant would put the first eight
 * hours of a China month into the month before).
 */
export function monthBoundaries(months: readonly string[]): { month: string; endIso: string }[] {
  return months.map((month) => ({ month, endIso: chinaDayStartIso(`${addMonths(month, 1)}-01`) }));
}
