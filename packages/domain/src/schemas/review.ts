import { z } from 'zod';
import { applicationStatuses } from '../workflows/application-workflow';
import { certificateSummarySchema } from './certificates';
import { pageQuerySchema, requiredText } from './common';
import { applicationDetailSchema, dateQuery, textQuery } from './applications';

/** 受理与审核 (SPEC §4): the bureau's inbox, decisions and search. */

/**
 * The state the officer saw when deciding (optional): when given and the case moved on meanwhile (e.g. another
 * officer accepted it while this one returned it from 待受理), the decision is refused with 409
 * DECISION_CONFLICT instead of being applied to a state the officer did not see.
 */
const expectedStatus = z.enum(applicationStatuses).optional();

/** 受理 and 批准发证: no reason. */
export const decisionBodySchema = z.object({ expectedStatus });
export type DecisionBody = z.input<typeof decisionBodySchema>;

/** 退回 and 不予免办 need a reason, shown to the enterprise. */
export const decisionReasonBodySchema = z.object({
  reason: requiredText(2000, 'v.reason.required'),
  expectedStatus,
});
export type DecisionReasonBody = z.input<typeof decisionReasonBodySchema>;

/**
 * The service clock of a case (DOMAIN.md "Time limits"): working days since the latest submission (the
 * accept-or-return limit), and working days in the bureau's hands since the first submission, without the
 * time the enterprise held it (the decide limit).
 */
export const serviceClockSchema = z.object({
  acceptDays: z.number().int(),
  decideDays: z.number().int(),
  /** Working days since the latest submission. */
  sinceSubmission: z.number().int(),
  /** Working days with the bureau in all rounds together (paused while 已退回). */
  withBureau: z.number().int(),
  /** The last day (China date) to accept or return, while 待受理. */
  acceptDueOn: z.string().nullable(),
  /** The last day (China date) to decide. */
  decideDueOn: z.string().nullable(),
  overdue: z.boolean(),
  /** The span reaches into a year whose official holiday calendar is not loaded (weekends only counted). */
  calendarIncomplete: z.boolean(),
});
export type ServiceClock = z.infer<typeof serviceClockSchema>;

export const inboxStatuses = ['submitted', 'under_review'] as const;

export const inboxQuerySchema = pageQuerySchema.extend({
  status: z.enum(inboxStatuses).optional(),
});
export type InboxQuery = z.output<typeof inboxQuerySchema>;

export const inboxItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(applicationStatuses),
  organisationCode: z.string(),
  organisationName: z.string(),
  clauseCode: z.string(),
  clauseName: z.string(),
  firstProductName: z.string().nullable(),
  productCount: z.number().int(),
  submittedAt: z.string(),
  firstSubmittedAt: z.string().nullable(),
  /** Submitted again after a 退回. */
  resubmitted: z.boolean(),
  clock: serviceClockSchema,
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxResponseSchema = z.object({
  items: z.array(inboxItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({ submitted: z.number().int(), underReview: z.number().int() }),
});
export type InboxResponse = z.infer<typeof inboxResponseSchema>;

/** One change the enterprise made between the bureau's 退回 and its new 提交. */
export const changeSinceReturnSchema = z.object({
  at: z.string(),
  /** APPLICATION_UPDATED, PRODUCT_ADDED, PRODUCT_UPDATED, PRODUCT_REMOVED, ATTACHMENT_UPLOADED, … */
  action: z.string(),
  actorUsername: z.string().nullable(),
  subject: z.string().nullable(),
  /** Field-level differences, where the change has them. */
  fields: z.array(
    z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  ),
});
export type ChangeSinceReturn = z.infer<typeof changeSinceReturnSchema>;

/** What the officer sees of a case. */
export const reviewDetailSchema = z.object({
  application: applicationDetailSchema,
  clock: serviceClockSchema.nullable(),
  /** The reason of the latest 退回 and what changed since, for a resubmitted case; else null. */
  lastReturn: z
    .object({
      at: z.string(),
      reason: z.string(),
      changes: z.array(changeSinceReturnSchema),
    })
    .nullable(),
  certificate: certificateSummarySchema.nullable(),
});
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

/** 查询 over the bureau's applications and certificates (never drafts: a bureau sees submitted cases only). */
export const bureauSearchFilterSchema = z.object({
  number: textQuery(19),
  certificateNumber: textQuery(13),
  /** 申请单位: name or code, partial. */
  organisation: textQuery(100),
  status: z.enum(applicationStatuses).optional(),
  clauseCode: textQuery(10),
  /** 提交日期 from … to, China dates, both included. */
  dateFrom: dateQuery,
  dateTo: dateQuery,
});
export type BureauSearchFilter = z.output<typeof bureauSearchFilterSchema>;
export const bureauSearchQuerySchema = pageQuerySchema.extend(bureauSearchFilterSchema.shape);
export type BureauSearchQuery = z.output<typeof bureauSearchQuerySchema>;

export const bureauSearchItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(applicationStatuses),
  organisationCode: z.string(),
  organisationName: z.string(),
  clauseCode: z.string(),
  clauseName: z.string(),
  firstProductName: z.string().nullable(),
  productCount: z.number().int(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  certificateStatus: z.enum(['valid', 'superseded', 'revoked']).nullable(),
});
export type BureauSearchItem = z.infer<typeof bureauSearchItemSchema>;

export const bureauSearchResponseSchema = z.object({
  items: z.array(bureauSearchItemSchema),
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type BureauSearchResponse = z.infer<typeof bureauSearchResponseSchema>;
