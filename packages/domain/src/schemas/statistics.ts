import { z } from 'zod';
import { applicationStatuses } from '../workflows/application-workflow';
import { dateQuery, textQuery } from './applications';

/**
 * 统计分析 (SPEC §6): the administrator's (all bureaus, or one) and a bureau's own (its officers). `from` and
 * `to` are China dates, both included; the default is the last 12 months (the first day of the month 11
 * months back to today). Application figures are the cohort FIRST SUBMITTED in the range; certificate
 * figures count certificates issued (revoked) in the range; pending and overdue are as of now.
 */

/** The longest range one request may cover (months of the by-month table). */
export const STATISTICS_MAX_MONTHS = 120;

export const statisticsQuerySchema = z
  .object({
    from: dateQuery,
    to: dateQuery,
    /** The administrator's bureau filter (ignored for an officer: always the officer's own bureau). */
    bureau: textQuery(32),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'v.invalid', path: ['to'] });
export type StatisticsQuery = z.output<typeof statisticsQuerySchema>;

const count = z.number().int();
const codeName = { code: z.string(), name: z.string() };

/**
 * Working days to decision (the bureau's days over all rounds, frozen at 予以免办 / 不予免办). Percentiles are
 * nearest-rank: the p-th percentile of n sorted values is the value at rank ⌈p/100 · n⌉ (so the median of
 * 1, 2, 3, 4 is 2); null when nothing was decided.
 */
export const decisionTimeSchema = z.object({
  decided: count,
  median: z.number().int().nullable(),
  p90: z.number().int().nullable(),
});
export type DecisionTime = z.infer<typeof decisionTimeSchema>;

export const statisticsResponseSchema = z.object({
  scope: z.object({
    from: z.string(),
    to: z.string(),
    /** The bureau the figures are limited to (null: all bureaus). */
    bureauCode: z.string().nullable(),
    bureauName: z.string().nullable(),
    generatedAt: z.string(),
  }),
  totals: z.object({
    /** Applications first submitted in the range. */
    submitted: count,
    /** Original certificates (N) issued in the range. */
    certificatesIssued: count,
    /** Modified certificates (M) issued in the range. */
    certificatesModified: count,
    /** Certificates revoked in the range. */
    certificatesRevoked: count,
    /** Of the submitted cohort: 不予免办. */
    refused: count,
    /** Now 待受理 or 审核中 (whenever submitted). */
    pending: count,
    /** Now past 受理时限 or 办结时限. */
    overdue: count,
  }),
  byState: z.array(z.object({ status: z.enum(applicationStatuses), count })),
  byClause: z.array(z.object({ ...codeName, count })),
  /** Administrator only (empty for a bureau). */
  byBureau: z.array(z.object({ ...codeName, count })),
  /** Every month of the range ('YYYY-MM', China time), even with 0. */
  byMonth: z.array(z.object({ month: z.string(), count })),
  /** 2-digit HS chapters of the product lines: applications with a line in it, and lines. */
  byChapter: z.array(z.object({ chapter: z.string(), name: z.string(), applications: count, lines: count })),
  certificatesByMonth: z.array(
    z.object({ month: z.string(), original: count, modified: count, revoked: count }),
  ),
  decisionTime: z.object({
    overall: decisionTimeSchema,
    byBureau: z.array(decisionTimeSchema.extend(codeName)),
    byClause: z.array(decisionTimeSchema.extend(codeName)),
  }),
  /** Open cases now past their limits; `total` counts a case once. */
  overdue: z.object({
    accept: count,
    decide: count,
    total: count,
    byBureau: z.array(z.object({ ...codeName, accept: count, decide: count, total: count })),
  }),
});
export type StatisticsResponse = z.infer<typeof statisticsResponseSchema>;
