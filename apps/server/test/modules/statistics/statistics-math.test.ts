import { describe, expect, it } from 'vitest';
import {
  addMonths,
  decisionTime,
  defaultRange,
  instantRange,
  monthBoundaries,
  monthsOf,
  nearestRank,
} from '../../../src/modules/statistics/statistics-math';
import { describeDb } from '../../helpers/build-test-app';

describe(`statistics arithmetic ${describeDb}`, () => {
  const h = (...values: number[]) => values.map((value) => ({ value, count: 1 }));

  it('nearest-rank percentiles: the value at rank ⌈p·n⌉ of the sorted values, never interpolated', () => {
    expect(nearestRank(h(1, 2, 3, 4), 50)).toBe(2);
    expect(nearestRank(h(4, 3, 2, 1), 90)).toBe(4);
    expect(nearestRank(h(7), 50)).toBe(7);
    expect(nearestRank(h(7), 90)).toBe(7);
    expect(nearestRank([], 50)).toBeNull();
    // 10 values 1..10: the median is the 5th, the 90th percentile the 9th.
    expect(nearestRank(h(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 50)).toBe(5);
    expect(nearestRank(h(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90)).toBe(9);
    // 11 values: rank ⌈9.9⌉ = 10.
    expect(nearestRank(h(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 90)).toBe(10);
    expect(nearestRank(h(3, 1), 0)).toBe(1);
    expect(nearestRank(h(3, 1), 100)).toBe(3);
  });

  it('works on a histogram (repeated buckets and empty ones)', () => {
    const histogram = [
      { value: 5, count: 2 },
      { value: 2, count: 1 },
      { value: 9, count: 0 },
      { value: 5, count: 1 },
      { value: 8, count: 1 },
    ];
    // Sorted: 2, 5, 5, 5, 8 (n = 5): median rank 3 → 5; p90 rank ⌈4.5⌉ = 5 → 8.
    expect(decisionTime(histogram)).toEqual({ decided: 5, median: 5, p90: 8 });
    expect(decisionTime([])).toEqual({ decided: 0, median: null, p90: null });
    // 100 values 1..100 in buckets of 10: median rank 50 → 50; p90 rank 90 → 90.
    const wide = Array.from({ length: 100 }, (_, i) => ({ value: i + 1, count: 1 }));
    expect(decisionTime(wide)).toEqual({ decided: 100, median: 50, p90: 90 });
  });

  it('months of a range, the default range and China month boundaries', () => {
    expect(addMonths('2026-01', -11)).toBe('2025-02');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    // 2026-03-16 10:00 in China; and 2026-03-31 20:00 UTC, which is already 1 April in China.
    expect(defaultRange(new Date('2026-03-16T02:00:00.000Z'))).toEqual({
      from: '2025-04-01',
      to: '2026-03-16',
    });
    expect(defaultRange(new Date('2026-03-31T20:00:00.000Z'))).toEqual({
      from: '2025-05-01',
      to: '2026-04-01',
    });
    expect(instantRange('2026-02-01', '2026-02-28')).toEqual({
      fromIso: '2026-01-31T16:00:00.000Z',
      beforeIso: '2026-02-28T16:00:00.000Z',
    });
    expect(monthBoundaries(['2026-01', '2026-02'])).toEqual([
      { month: '2026-01', endIso: '2026-01-31T16:00:00.000Z' },
      { month: '2026-02', endIso: '2026-02-28T16:00:00.000Z' },
    ]);
  });
});
