import { applicationStatusLabels, type StatisticsResponse } from '@ccc/domain';
import type { Locale } from '@ccc/domain';
import type { TFunction } from '../../../lib/i18n';
import type { ChartOption } from './echart';

/** The ECharts options of the statistics page, from the API's figures (labels in the user's language). */

export const PALETTE = [
  '#1f5fae',
  '#3fa56b',
  '#e0a030',
  '#8b1a1a',
  '#6f59c9',
  '#2fa3b5',
  '#b0578d',
  '#7a869a',
];
const STATE_COLORS: Record<string, string> = {
  draft: '#b8c0cc',
  submitted: '#e0a030',
  under_review: '#1f5fae',
  returned: '#b0578d',
  issued: '#3fa56b',
  refused: '#8b1a1a',
};

const tooltipAxis = { trigger: 'axis', axisPointer: { type: 'shadow' } } as const;
const textStyle = { fontFamily: 'inherit' };

/** Cuts a long category name for an axis label (the table shows it whole). */
export function short(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function monthlyOption(s: StatisticsResponse, t: TFunction): ChartOption {
  const months = s.byMonth.map((m) => m.month);
  return {
    color: [PALETTE[0]!, PALETTE[1]!, PALETTE[2]!, PALETTE[3]!],
    textStyle,
    tooltip: tooltipAxis,
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('stats.col.submitted'), type: 'bar', data: s.byMonth.map((m) => m.count), barMaxWidth: 28 },
      {
        name: t('stats.col.original'),
        type: 'bar',
        data: s.certificatesByMonth.map((m) => m.original),
        barMaxWidth: 28,
      },
      {
        name: t('stats.col.modified'),
        type: 'bar',
        data: s.certificatesByMonth.map((m) => m.modified),
        barMaxWidth: 28,
      },
      {
        name: t('stats.col.revoked'),
        type: 'bar',
        data: s.certificatesByMonth.map((m) => m.revoked),
        barMaxWidth: 28,
      },
    ],
  };
}

export function stateOption(s: StatisticsResponse, locale: Locale, t: TFunction): ChartOption {
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const rows = s.byState.filter((r) => r.count > 0);
  return {
    textStyle,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { orient: 'vertical', right: 8, top: 'middle' },
    series: [
      {
        name: t('stats.byState'),
        type: 'pie',
        radius: ['45%', '72%'],
        center: ['36%', '50%'],
        avoidLabelOverlap: true,
        label: { formatter: '{c}' },
        data: rows.map((r) => ({
          name: applicationStatusLabels[r.status][lang],
          value: r.count,
          itemStyle: { color: STATE_COLORS[r.status] },
        })),
      },
    ],
  };
}

/** A vertical bar chart of named counts (clauses, bureaus). */
export function namedBarOption(
  rows: { label: string; value: number }[],
  seriesName: string,
  color: string,
): ChartOption {
  return {
    color: [color],
    textStyle,
    tooltip: tooltipAxis,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { interval: 0, hideOverlap: true, width: 120, overflow: 'truncate' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: seriesName,
        type: 'bar',
        data: rows.map((r) => r.value),
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
      },
    ],
  };
}

/** HS chapters, the 15 with the most applications, largest on top. */
export function chapterOption(s: StatisticsResponse, t: TFunction): ChartOption {
  const top = s.byChapter.slice(0, 15).reverse();
  return {
    color: [PALETTE[0]!, PALETTE[5]!],
    textStyle,
    tooltip: tooltipAxis,
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: top.map((c) => `${c.chapter} ${short(c.name, 14)}`),
    },
    series: [
      {
        name: t('stats.col.applications'),
        type: 'bar',
        data: top.map((c) => c.applications),
        barMaxWidth: 16,
        label: { show: true, position: 'right' },
      },
      {
        name: t('stats.col.lines'),
        type: 'bar',
        data: top.map((c) => c.lines),
        barMaxWidth: 16,
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/** Median and 90th percentile of the working days to decision, per group. */
export function decisionOption(
  rows: { label: string; median: number | null; p90: number | null }[],
  t: TFunction,
): ChartOption {
  return {
    color: [PALETTE[0]!, PALETTE[2]!],
    textStyle,
    tooltip: tooltipAxis,
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { interval: 0, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: t('stats.unit.workingDays'),
      nameTextStyle: { align: 'left' },
    },
    series: [
      {
        name: t('stats.col.median'),
        type: 'bar',
        data: rows.map((r) => r.median ?? 0),
        barMaxWidth: 28,
        label: { show: true, position: 'top' },
      },
      {
        name: t('stats.col.p90'),
        type: 'bar',
        data: rows.map((r) => r.p90 ?? 0),
        barMaxWidth: 28,
        label: { show: true, position: 'top' },
      },
    ],
  };
}
