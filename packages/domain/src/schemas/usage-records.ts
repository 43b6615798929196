import { z } from 'zod';
import { recordKinds, recordStatuses } from '../workflows/record-workflow';
import { certificateSummarySchema } from './certificates';
import { pageQuerySchema, requiredText } from './common';
import { quantitySchema } from './application-products';
import { isCalendarDate, textQuery } from './applications';

/** 产品使用记录 (SPEC §3.9) and 后续监管 (SPEC §4): the API contract. Quantities are canonical decimal strings. */

export const RECORD_TEXT_MAX = 200;
export const RECORD_ADDRESS_MAX = 300;
export const RECORD_LONG_MAX = 4000;
export const DECLARATION_NO_MAX = 100;

/** 'YYYY-MM-DD', required. */
export const recordDateSchema = z
  .string({ error: 'v.required' })
  .trim()
  .min(1, { message: 'v.required' })
  .refine(isCalendarDate, { message: 'v.date' });

/** 'YYYY-MM-DD' or absent/'' (→ null). */
const optionalRecordDate = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isCalendarDate(v), { message: 'v.date' });

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'v.tooLong' })
    .nullish()
    .transform((v) => (v ? v : null));

const phone = z
  .string()
  .trim()
  .max(30, { message: 'v.tooLong' })
  .regex(/^[0-9+\-() ]*$/, { message: 'v.phone' })
  .nullish()
  .transform((v) => (v ? v : null));

/** One product line of a record: the certificate's line number, the quantity and its date. */
export const usageLineInputSchema = z.object({
  lineNo: z.number().int().min(1),
  quantity: quantitySchema,
  /** 使用日期: optional (the period says when). */
  date: optionalRecordDate,
});
/** 退运 / 销毁: 退运时间 / 销毁时间 per line is required. */
export const datedLineInputSchema = z.object({
  lineNo: z.number().int().min(1),
  quantity: quantitySchema,
  date: recordDateSchema,
});
export type RecordLineInput = z.input<typeof datedLineInputSchema>;

function uniqueLines<T extends { lineNo: number }>(lines: T[], ctx: z.RefinementCtx) {
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (seen.has(l.lineNo))
      ctx.addIssue({ code: 'custom', path: [i, 'lineNo'], message: 'v.record.lineDuplicate' });
    seen.add(l.lineNo);
  });
}
const linesOf = <T extends z.ZodType<{ lineNo: number }>>(line: T) =>
  z.array(line).min(1, { message: 'v.record.lines' }).max(500).superRefine(uniqueLines);

/** 填写使用记录: 使用单位, address, contact, period, description, quantity per product. */
export const usageRecordBodySchema = z
  .object({
    kind: z.literal('usage'),
    userName: requiredText(RECORD_TEXT_MAX),
    userAddress: requiredText(RECORD_ADDRESS_MAX),
    userContact: requiredText(50),
    userPhone: phone,
    periodStart: recordDateSchema,
    periodEnd: recordDateSchema,
    description: requiredText(RECORD_LONG_MAX),
    lines: linesOf(usageLineInputSchema),
  })
  .refine((b) => b.periodStart <= b.periodEnd, { path: ['periodEnd'], message: 'v.record.period' });

/** 填写退运记录: quantity and date per product, and the export declaration number. */
export const reexportRecordBodySchema = z.object({
  kind: z.literal('reexport'),
  declarationNo: requiredText(DECLARATION_NO_MAX),
  description: optional(RECORD_LONG_MAX),
  lines: linesOf(datedLineInputSchema),
});

/** 填写销毁记录: quantity and date per product, how and by whom. */
export const destructionRecordBodySchema = z.object({
  kind: z.literal('destruction'),
  method: requiredText(1000),
  witness: requiredText(RECORD_TEXT_MAX),
  description: optional(RECORD_LONG_MAX),
  lines: linesOf(datedLineInputSchema),
});

/**
 * 核销 (clause 05 only): the export of the finished products — declaration number and export date. It reports no
 * quantities (the parts' consumption is reported by usage records); `lines` must be absent or empty.
 */
export const writeoffRecordBodySchema = z.object({
  kind: z.literal('writeoff'),
  declarationNo: requiredText(DECLARATION_NO_MAX),
  exportDate: recordDateSchema,
  description: optional(RECORD_LONG_MAX),
  lines: z.array(z.never()).max(0, { message: 'v.record.writeoffLines' }).optional().default([]),
});

/** POST /api/certificates/:number/records and PUT /api/records/:id (the kind cannot change on PUT). */
export const recordBodySchema = z.discriminatedUnion('kind', [
  usageRecordBodySchema,
  reexportRecordBodySchema,
  destructionRecordBodySchema,
  writeoffRecordBodySchema,
]);
export type RecordBody = z.input<typeof recordBodySchema>;
export type RecordBodyParsed = z.output<typeof recordBodySchema>;

export const recordLineSchema = z.object({
  lineNo: z.number().int(),
  hsCode: z.string(),
  productName: z.string(),
  model: z.string(),
  unit: z.string(),
  quantity: z.string(),
  date: z.string().nullable(),
});
export type RecordLine = z.infer<typeof recordLineSchema>;

export const usageRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(recordKinds),
  status: z.enum(recordStatuses),
  /** The certificate number's 12 digits (records belong to both versions). */
  baseNumber: z.string(),
  /** The number of the current version of the certificate. */
  certificateNumber: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  clauseCode: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  organisationCode: z.string(),
  bureauCode: z.string(),
  userName: z.string().nullable(),
  userAddress: z.string().nullable(),
  userContact: z.string().nullable(),
  userPhone: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  description: z.string().nullable(),
  declarationNo: z.string().nullable(),
  exportDate: z.string().nullable(),
  method: z.string().nullable(),
  witness: z.string().nullable(),
  /** The latest 退回's reason (kept after resubmission until verified). */
  returnReason: z.string().nullable(),
  lines: z.array(recordLineSchema),
  /** Sum of the lines' quantities. */
  totalQuantity: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  /** What the current user may do: view, edit, delete, submit (enterprise) / verify, return (officer). */
  actions: z.array(z.enum(['view', 'edit', 'delete', 'submit', 'verify', 'return'])),
});
export type UsageRecord = z.infer<typeof usageRecordSchema>;

/** A product line of the current version with its ledger. */
export const recordProductSchema = z.object({
  lineNo: z.number().int(),
  hsCode: z.string(),
  productName: z.string(),
  model: z.string(),
  unit: z.string(),
  certified: z.string(),
  used: z.string(),
  reexported: z.string(),
  destroyed: z.string(),
  /** certified − (used + reexported + destroyed), counting every record not deleted (drafts included). */
  remaining: z.string(),
  /** Quantity in submitted or verified records (what counts as reported for the deadline). */
  reported: z.string(),
});
export type RecordProduct = z.infer<typeof recordProductSchema>;

export const reportDeadlineBases = ['issue', 'display_end', 'export'] as const;
export type ReportDeadlineBasis = (typeof reportDeadlineBases)[number];
export const reportDeadlineBasisLabels: Record<ReportDeadlineBasis, { zh: string; en: string }> = {
  issue: { zh: '自发证之日起', en: 'From the issue date' },
  display_end: { zh: '自展示结束之日起', en: 'From the end of the display period' },
  export: { zh: '自整机出口之日起', en: 'From the export of the finished products' },
};

/** The certificate's reporting deadline (working days), or null when its basis date is not known yet. */
export const recordDeadlineSchema = z.object({
  /** The last day (China date) to report. */
  dueOn: z.string(),
  basis: z.enum(reportDeadlineBases),
  /** The date the days count from. */
  fromDate: z.string(),
  /** Working days allowed. */
  days: z.number().int(),
  fullyReported: z.boolean(),
  overdue: z.boolean(),
  /** Working days past dueOn (0 unless overdue). */
  daysOverdue: z.number().int(),
  calendarIncomplete: z.boolean(),
});
export type RecordDeadline = z.infer<typeof recordDeadlineSchema>;

/** GET /api/certificates/:number/records */
export const certificateRecordsResponseSchema = z.object({
  /** The current version (the M version after a modification). */
  certificate: certificateSummarySchema,
  clauseCode: z.string(),
  products: z.array(recordProductSchema),
  records: z.array(usageRecordSchema),
  deadline: recordDeadlineSchema.nullable(),
  /** Kinds the enterprise may create now ([] for the bureau and for a revoked certificate). */
  allowedKinds: z.array(z.enum(recordKinds)),
});
export type CertificateRecordsResponse = z.infer<typeof certificateRecordsResponseSchema>;

/** 退回 a record: the reason is required and shown to the enterprise. */
export const returnRecordBodySchema = z.object({ reason: requiredText(2000, 'v.reason.required') });
export type ReturnRecordBody = z.input<typeof returnRecordBodySchema>;

/** 后续监管 worklist: submitted records (oldest first) by default. */
export const supervisionRecordsFilterSchema = z.object({
  status: z.enum(['submitted', 'verified', 'returned']).optional().default('submitted'),
  kind: z.enum(recordKinds).optional(),
  /** Organisation name or code, or certificate number, partial. */
  q: textQuery(100),
});
export const supervisionRecordsQuerySchema = pageQuerySchema.extend(supervisionRecordsFilterSchema.shape);
export type SupervisionRecordsQuery = z.output<typeof supervisionRecordsQuerySchema>;

export const supervisionRecordItemSchema = z.object({
  id: z.string(),
  kind: z.enum(recordKinds),
  status: z.enum(recordStatuses),
  certificateNumber: z.string(),
  baseNumber: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  clauseCode: z.string(),
  organisationName: z.string(),
  organisationCode: z.string(),
  lineCount: z.number().int(),
  totalQuantity: z.string(),
  submittedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
});
export type SupervisionRecordItem = z.infer<typeof supervisionRecordItemSchema>;

export const supervisionRecordsResponseSchema = z.object({
  items: z.array(supervisionRecordItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({ submitted: z.number().int(), overdue: z.number().int() }),
});
export type SupervisionRecordsResponse = z.infer<typeof supervisionRecordsResponseSchema>;

/** What the officer sees of one record: the record and its certificate's ledger. */
export const supervisionRecordDetailSchema = z.object({
  record: usageRecordSchema,
  certificate: certificateSummarySchema,
  products: z.array(recordProductSchema),
  deadline: recordDeadlineSchema.nullable(),
});
export type SupervisionRecordDetail = z.infer<typeof supervisionRecordDetailSchema>;

export const overdueQuerySchema = pageQuerySchema.extend({ q: textQuery(100) });
export type OverdueQuery = z.output<typeof overdueQuerySchema>;

export const overdueItemSchema = z.object({
  certificateNumber: z.string(),
  baseNumber: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  clauseCode: z.string(),
  organisationName: z.string(),
  organisationCode: z.string(),
  issueDate: z.string(),
  dueOn: z.string(),
  basis: z.enum(reportDeadlineBases),
  daysOverdue: z.number().int(),
  /** Sum of certified − reported over the lines. */
  outstanding: z.string(),
});
export type OverdueItem = z.infer<typeof overdueItemSchema>;

export const overdueResponseSchema = z.object({
  items: z.array(overdueItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OverdueResponse = z.infer<typeof overdueResponseSchema>;

/** Admin: per-clause reporting deadlines (working days from the basis date). */
export const reportDeadlineRuleSchema = z.object({
  clauseCode: z.string(),
  clauseName: z.string(),
  days: z.number().int(),
  basis: z.enum(reportDeadlineBases),
  updatedAt: z.string(),
});
export type ReportDeadlineRule = z.infer<typeof reportDeadlineRuleSchema>;
export const reportDeadlinesResponseSchema = z.object({ items: z.array(reportDeadlineRuleSchema) });
export type ReportDeadlinesResponse = z.infer<typeof reportDeadlinesResponseSchema>;

export const reportDeadlinesBodySchema = z.object({
  items: z
    .array(
      z.object({
        clauseCode: z.string().trim().min(1).max(10),
        days: z.coerce
          .number()
          .int()
          .min(1, { message: 'v.record.deadlineDays' })
          .max(365, { message: 'v.record.deadlineDays' }),
        basis: z.enum(reportDeadlineBases),
      }),
    )
    .min(1)
    .max(50),
});
export type ReportDeadlinesBody = z.input<typeof reportDeadlinesBodySchema>;
