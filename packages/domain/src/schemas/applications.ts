import { z } from 'zod';
import {
  applicationStatuses,
  type ApplicationAction,
  type ApplicationStatus,
} from '../workflows/application-workflow';
import { productSchema } from './application-products';
import { applicationAttachmentSchema } from './attachments';
import { pageQuerySchema } from './common';
import type { AddressType, Clause } from './reference';

/**
 * The application form (SPEC §3.2) and the product form (§3.3): ONE schema for the server and the web.
 *
 * Which clause needs a second-level clause, an applicant type or a display period is reference data, so
 * the form's schema is made from the clause list (as GET /api/reference/clauses returns it) by
 * `makeApplicationBodySchema`. Two strengths:
 * - `draft` (保存): what the number needs (免办条款, 受理市场监督管理局 and the 申请单位所在地 it must cover)
 *   plus every format, length and membership rule on whatever else is filled in; a draft may be incomplete.
 * - `complete` (提交): additionally every required field and conditional requirement. The server runs it
 *   over the stored application in the completeness check, so one list names everything that is missing.
 */

// ---------------------------------------------------------------- building blocks

const blankToNull = (v: string | null | undefined) => (v ? v : null);

/** Optional text: trimmed, '' and absent become null. */
const optionalText = (max: number) =>
  z.string().trim().max(max, { message: 'v.tooLong' }).nullish().transform(blankToNull);

/** Optional code of reference data ('' and absent become null). */
const optionalCode = () =>
  z.string().trim().max(40, { message: 'v.invalid' }).nullish().transform(blankToNull);

const isoDateSchema = z
  .string()
  .trim()
  .nullish()
  .transform(blankToNull)
  .refine((v) => v === null || isCalendarDate(v), { message: 'v.date' });

export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

const optionalDivision = z
  .string()
  .trim()
  .nullish()
  .transform(blankToNull)
  .refine((v) => v === null || /^\d{6}$/.test(v), { message: 'v.division' });

export const LONG_TEXT_MAX = 4000;
export const ADDRESS_MAX = 300;
export const DOCUMENT_NUMBER_MAX = 100;
export const DISPOSAL_MAX = 1000;

/** The paths of 提运单号 / 进口合同号 / 发票号, of which at least one is needed. */
export const documentNumberFields = ['billOfLadingNo', 'contractNo', 'invoiceNo'] as const;

// ---------------------------------------------------------------- the application form

/** Shape, formats and lengths: no reference data needed (the route validates with it). */
export const applicationFieldsSchema = z.object({
  /** 免办条款. Fixed from the first save. */
  clauseCode: z.string({ error: 'v.application.clause' }).trim().min(1, { message: 'v.application.clause' }),
  /** 二级明细条款. */
  subClauseCode: optionalCode(),
  /** 申请人类型. */
  applicantTypeCode: optionalCode(),
  /** 申请单位所在地: division (defaults to the organisation's), 地址类型, detailed address. */
  locationDivisionCode: z
    .string({ error: 'v.division' })
    .trim()
    .regex(/^\d{6}$/, { message: 'v.division' }),
  locationAddressTypeCode: optionalCode(),
  locationAddress: optionalText(ADDRESS_MAX),
  /** 产品最终使用地. */
  useDivisionCode: optionalDivision,
  useAddress: optionalText(ADDRESS_MAX),
  /** 受理市场监督管理局: one of the bureaus covering the location division. Fixed from the first save. */
  bureauCode: z
    .string({ error: 'v.application.bureau' })
    .trim()
    .regex(/^\d{6}$/, { message: 'v.application.bureau' }),
  /** 提运单号 / 进口合同号 / 发票号: at least one. */
  billOfLadingNo: optionalText(DOCUMENT_NUMBER_MAX),
  contractNo: optionalText(DOCUMENT_NUMBER_MAX),
  invoiceNo: optionalText(DOCUMENT_NUMBER_MAX),
  /** 希望免予办理认证的产品特点 / 申请免办的原因、理由 / 安全保证. */
  productFeatures: optionalText(LONG_TEXT_MAX),
  exemptionReason: optionalText(LONG_TEXT_MAX),
  safetyAssurance: optionalText(LONG_TEXT_MAX),
  /** Clauses with a display period (04): 展示开始日期 ≤ 展示结束日期, 展后处置. Ignored for other clauses. */
  displayStartDate: isoDateSchema,
  displayEndDate: isoDateSchema,
  postDisplayDisposal: optionalText(DISPOSAL_MAX),
});
export type ApplicationBody = z.input<typeof applicationFieldsSchema>;
export type ApplicationFields = z.output<typeof applicationFieldsSchema>;

/** What the form's rules need of a clause: the list GET /api/reference/clauses returns will do. */
export type ClauseRules = Pick<
  Clause,
  | 'code'
  | 'requiresSubClause'
  | 'requiresApplicantType'
  | 'requiresDisplayPeriod'
  | 'subClauses'
  | 'applicantTypes'
>;

export interface ApplicationReference {
  /** The clauses that may be chosen (the enabled ones), with their second-level clauses and applicant types. */
  clauses: readonly ClauseRules[];
  /** The address types that may be chosen; when absent, 地址类型 is checked for presence only. */
  addressTypes?: readonly Pick<AddressType, 'code'>[];
}

export type ApplicationSchemaMode = 'draft' | 'complete';

/**
 * The application form's schema for the given reference data. In `complete` mode (提交) every required
 * field is required; in `draft` mode (保存) only those the number needs. Fields of a rule the clause does
 * not have (a display period for a clause other than 04) come out as null.
 */
export function makeApplicationBodySchema(
  reference: ApplicationReference,
  opts: { mode?: ApplicationSchemaMode } = {},
) {
  const complete = (opts.mode ?? 'draft') === 'complete';
  const clauses = new Map(reference.clauses.map((c) => [c.code, c]));
  const addressTypes = reference.addressTypes ? new Set(reference.addressTypes.map((a) => a.code)) : null;

  return applicationFieldsSchema
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) =>
        ctx.addIssue({ code: 'custom', path: [path], message });
      const required = (path: keyof ApplicationFields) => {
        if (complete && (v[path] === null || v[path] === undefined)) issue(path, 'v.required');
      };

      const clause = clauses.get(v.clauseCode);
      if (!clause) {
        issue('clauseCode', 'v.application.clauseUnavailable');
      } else {
        if (v.subClauseCode !== null) {
          if (!clause.subClauses.some((s) => s.code === v.subClauseCode)) {
            issue('subClauseCode', 'v.application.subClauseNotOfClause');
          }
        } else if (complete && clause.requiresSubClause) {
          issue('subClauseCode', 'v.application.subClause');
        }
        if (v.applicantTypeCode !== null) {
          if (!clause.applicantTypes.some((a) => a.code === v.applicantTypeCode)) {
            issue('applicantTypeCode', 'v.application.applicantTypeNotOfClause');
          }
        } else if (complete && clause.requiresApplicantType) {
          issue('applicantTypeCode', 'v.application.applicantType');
        }
        if (clause.requiresDisplayPeriod) {
          if (complete && v.displayStartDate === null) issue('displayStartDate', 'v.required');
          if (complete && v.displayEndDate === null) issue('displayEndDate', 'v.required');
          if (v.displayStartDate && v.displayEndDate && v.displayStartDate > v.displayEndDate) {
            issue('displayEndDate', 'v.application.displayPeriod');
          }
          required('postDisplayDisposal');
        }
      }

      if (v.locationAddressTypeCode === null) {
        if (complete) issue('locationAddressTypeCode', 'v.application.addressType');
      } else if (addressTypes && !addressTypes.has(v.locationAddressTypeCode)) {
        issue('locationAddressTypeCode', 'v.application.addressTypeUnavailable');
      }
      required('locationAddress');
      required('useDivisionCode');
      required('useAddress');
      if (complete && documentNumberFields.every((f) => v[f] === null)) {
        for (const f of documentNumberFields) issue(f, 'v.application.documentNumbers');
      }
      required('productFeatures');
      required('exemptionReason');
      required('safetyAssurance');
    })
    .transform((v) => {
      const clause = clauses.get(v.clauseCode);
      if (clause?.requiresDisplayPeriod) return v;
      return { ...v, displayStartDate: null, displayEndDate: null, postDisplayDisposal: null };
    });
}

// ---------------------------------------------------------------- responses

const actionSchema = z.enum([
  'view',
  'edit',
  'delete',
  'submit',
  'withdraw',
  'accept',
  'return',
  'approve',
  'refuse',
]);
export const applicationActionSchema: z.ZodType<ApplicationAction> = actionSchema;
const statusSchema: z.ZodType<ApplicationStatus> = z.enum(applicationStatuses);

/** One row of 「CCC免办申请」. */
export const applicationListItemSchema = z.object({
  id: z.string(),
  /** 申请编号. */
  number: z.string(),
  /** 证明号 (once issued). */
  certificateNumber: z.string().nullable(),
  clauseCode: z.string(),
  clauseName: z.string(),
  /** 产品: the first product's name and how many there are. */
  firstProductName: z.string().nullable(),
  productCount: z.number().int(),
  bureauCode: z.string(),
  /** 受理市场监督管理局. */
  bureauName: z.string(),
  /** 提交日期 (the latest submission); null for a draft. */
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  status: statusSchema,
  actions: z.array(applicationActionSchema),
});
export type ApplicationListItem = z.infer<typeof applicationListItemSchema>;

/** Pages never go deeper than this many rows; `total` is counted up to it (then `totalCapped`). */
export const APPLICATION_LIST_MAX_ROWS = 10_000;

export const applicationListResponseSchema = z.object({
  items: z.array(applicationListItemSchema),
  /** The number of matching applications, counted up to APPLICATION_LIST_MAX_ROWS. */
  total: z.number().int(),
  /** More match than `total` says: narrow the query (or export) to see them all. */
  totalCapped: z.boolean(),
  /** The exact number of matches where it is known without counting rows (no text or date filter). */
  matches: z.number().int().nullable(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ApplicationListResponse = z.infer<typeof applicationListResponseSchema>;

export const dateQuery = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isCalendarDate(v), { message: 'v.date' });

export const textQuery = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'v.tooLong' })
    .optional()
    .transform((v) => (v ? v : undefined));

/** The query of the list and of its export. Dates are China calendar dates, both ends included. */
export const applicationListFilterSchema = z.object({
  /** 申请编号, partial. */
  number: textQuery(19),
  /** 证明号, partial. */
  certificateNumber: textQuery(13),
  status: z.enum(applicationStatuses).optional(),
  clauseCode: textQuery(10),
  /** HS编码 or 产品名称, partial, over the application's products. */
  product: textQuery(100),
  /** 提交日期 (the created date for drafts) from … to. */
  dateFrom: dateQuery,
  dateTo: dateQuery,
});
export type ApplicationListFilter = z.output<typeof applicationListFilterSchema>;

export const applicationListQuerySchema = pageQuerySchema.extend(applicationListFilterSchema.shape);
export type ApplicationListQuery = z.output<typeof applicationListQuerySchema>;

/** One entry of the history: who (user name and role) did what, when, and why. */
export const applicationHistoryEntrySchema = z.object({
  at: z.string(),
  /** APPLICATION_CREATED, APPLICATION_SUBMITTED, PRODUCT_ADDED, … */
  action: z.string(),
  actorUsername: z.string().nullable(),
  /** The user's contact name, when known. */
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  /** The reason given (退回, 不予免办), if any. */
  reason: z.string().nullable(),
  /** A short subject, e.g. the product or attachment concerned. */
  subject: z.string().nullable(),
});
export type ApplicationHistoryEntry = z.infer<typeof applicationHistoryEntrySchema>;

const named = { code: z.string().nullable(), name: z.string().nullable() };
const nullableString = z.string().nullable();

/** The form's fields as stored (a response schema: no transforms, responses are encoded through it). */
export const applicationStoredFieldsSchema = z.object({
  clauseCode: z.string(),
  subClauseCode: nullableString,
  applicantTypeCode: nullableString,
  locationDivisionCode: z.string(),
  locationAddressTypeCode: nullableString,
  locationAddress: nullableString,
  useDivisionCode: nullableString,
  useAddress: nullableString,
  bureauCode: z.string(),
  billOfLadingNo: nullableString,
  contractNo: nullableString,
  invoiceNo: nullableString,
  productFeatures: nullableString,
  exemptionReason: nullableString,
  safetyAssurance: nullableString,
  displayStartDate: nullableString,
  displayEndDate: nullableString,
  postDisplayDisposal: nullableString,
}) satisfies z.ZodType<ApplicationFields>;

/** The application detail (查看), and the answer to 保存. */
export const applicationDetailSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: statusSchema,
  actions: z.array(applicationActionSchema),
  certificateNumber: z.string().nullable(),
  /** The bureau's reason of the last 退回: shown in red at the top while the enterprise holds the case. */
  returnReason: z.string().nullable(),
  /** The reason of 不予免办. */
  refuseReason: z.string().nullable(),
  organisation: z.object({
    id: z.string(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
  }),
  /** The stored fields as the form edits them. */
  fields: applicationStoredFieldsSchema,
  /** Display names of the coded fields. */
  names: z.object({
    clause: z.object(named),
    subClause: z.object(named),
    applicantType: z.object(named),
    locationAddressType: z.object(named),
    /** '广东省 深圳市 南山区'. */
    locationDivision: z.string(),
    useDivision: z.string().nullable(),
    bureau: z.string(),
  }),
  products: z.array(productSchema),
  /** 附件信息: the types the clause calls for, 必传 marked, each with its current file. */
  attachments: z.array(applicationAttachmentSchema),
  history: z.array(applicationHistoryEntrySchema),
  createdAt: z.string(),
  createdBy: z.object({ username: z.string().nullable(), contactName: z.string().nullable() }),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;
