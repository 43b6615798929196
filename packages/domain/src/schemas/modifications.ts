import { z } from 'zod';
import { modificationStatuses } from '../workflows/modification-workflow';
import { certificateSummarySchema } from './certificates';
import { pageQuerySchema, requiredText } from './common';
import { quantitySchema } from './application-products';

/**
 * 申请修改证明 (SPEC §3.8): what may be modified is the subject information (主体信息: holder names and address)
 * and, per product line, its name, model, brand, quantity and unit. Lines are changed, never added or removed;
 * HS code and clause stay. A 修改原因 is required.
 */

const optionalNullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'v.tooLong' })
    .nullish()
    .transform((v) => (v ? v : null));

/** 主体信息 as the certificate states it. */
export const modificationHolderSchema = z.object({
  nameZh: requiredText(200),
  nameEn: optionalNullableText(300),
  address: requiredText(500),
});
export type ModificationHolderBody = z.input<typeof modificationHolderSchema>;

/** One product line as it should read (lineNo identifies the certificate's line). */
export const modificationProductBodySchema = z.object({
  lineNo: z.number().int().min(1),
  productName: requiredText(2000),
  model: requiredText(2000),
  brand: optionalNullableText(200),
  quantity: quantitySchema,
  unit: requiredText(20),
});
export type ModificationProductBody = z.input<typeof modificationProductBodySchema>;

/** PUT /api/certificates/:number/modification: 保存 (creates the draft or updates a draft/returned one). */
export const modificationBodySchema = z
  .object({
    holder: modificationHolderSchema,
    products: z.array(modificationProductBodySchema).min(1, { message: 'v.modification.products' }),
    reason: requiredText(1000, 'v.modification.reason'),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<number>();
    body.products.forEach((p, i) => {
      if (seen.has(p.lineNo))
        ctx.addIssue({ code: 'custom', path: ['products', i, 'lineNo'], message: 'v.modification.products' });
      seen.add(p.lineNo);
    });
  });
export type ModificationBody = z.input<typeof modificationBodySchema>;
export type ModificationFields = z.output<typeof modificationBodySchema>;

/** A product line as the certificate states it (HS code and name shown, not modifiable). */
export const modificationProductSchema = z.object({
  lineNo: z.number().int(),
  hsCode: z.string(),
  hsName: z.string(),
  productName: z.string(),
  model: z.string(),
  brand: z.string().nullable(),
  /** Canonical decimal string. */
  quantity: z.string(),
  unit: z.string(),
});
export type ModificationProduct = z.infer<typeof modificationProductSchema>;

/** The modifiable content: the certificate's now (`current`/`before`) or as requested (`after`). */
export const modificationContentSchema = z.object({
  holder: z.object({ nameZh: z.string(), nameEn: z.string().nullable(), address: z.string() }),
  products: z.array(modificationProductSchema),
});
export type ModificationContent = z.infer<typeof modificationContentSchema>;

export const modificationRequestSchema = z.object({
  id: z.string(),
  /** The 12 characters after the letter: the request belongs to the number (N and M versions together). */
  baseNumber: z.string(),
  /** The number of the version the request modifies (the original). */
  certificateNumber: z.string(),
  /** The modified version's number, once approved. */
  newCertificateNumber: z.string().nullable(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  bureauCode: z.string(),
  status: z.enum(modificationStatuses),
  /** The content as requested. */
  changes: modificationContentSchema,
  /** 修改原因. */
  reason: z.string(),
  returnReason: z.string().nullable(),
  refuseReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type ModificationRequest = z.infer<typeof modificationRequestSchema>;

/** Why the enterprise cannot create/edit/submit now: revoked; the single chance used; awaiting the bureau. */
export const modificationBlockedReasons = ['revoked', 'used', 'pending'] as const;
export type ModificationBlockedReason = (typeof modificationBlockedReasons)[number];

/** GET /api/certificates/:number/modification. */
export const modificationStateSchema = z.object({
  /** The current version of the certificate. */
  certificate: certificateSummarySchema,
  /** Its modifiable content as it stands. */
  current: modificationContentSchema,
  request: modificationRequestSchema.nullable(),
  /** Whether the enterprise may 保存 / 提交 now. */
  allowed: z.boolean(),
  blockedReason: z.enum(modificationBlockedReasons).nullable(),
});
export type ModificationState = z.infer<typeof modificationStateSchema>;

// ---------------------------------------------------------------- bureau

export const bureauModificationQuerySchema = pageQuerySchema.extend({
  status: z.enum(modificationStatuses).optional(),
});
export type BureauModificationQuery = z.output<typeof bureauModificationQuerySchema>;

export const bureauModificationItemSchema = z.object({
  id: z.string(),
  certificateNumber: z.string(),
  newCertificateNumber: z.string().nullable(),
  applicationNumber: z.string(),
  organisationCode: z.string(),
  organisationName: z.string(),
  status: z.enum(modificationStatuses),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type BureauModificationItem = z.infer<typeof bureauModificationItemSchema>;

export const bureauModificationListSchema = z.object({
  items: z.array(bureauModificationItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type BureauModificationList = z.infer<typeof bureauModificationListSchema>;

/** One changed field: 'holder.nameZh', 'products.2.quantity' (2 = the line number) … */
export const modificationComparisonSchema = z.object({
  field: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ModificationComparison = z.infer<typeof modificationComparisonSchema>;

/** GET /api/bureau/modifications/:id. */
export const modificationReviewSchema = z.object({
  request: modificationRequestSchema,
  /** The current version of the certificate (the modified one once approved). */
  certificate: certificateSummarySchema,
  /** Only the fields that differ. */
  comparison: z.array(modificationComparisonSchema),
  before: modificationContentSchema,
  after: modificationContentSchema,
});
export type ModificationReview = z.infer<typeof modificationReviewSchema>;

/** The state the officer saw (optional): a request that moved on meanwhile gives 409 DECISION_CONFLICT. */
const expectedStatus = z.enum(modificationStatuses).optional();

export const modificationApproveBodySchema = z.object({ expectedStatus });
export type ModificationApproveBody = z.input<typeof modificationApproveBodySchema>;

export const modificationReasonBodySchema = z.object({
  reason: requiredText(2000, 'v.reason.required'),
  expectedStatus,
});
export type ModificationReasonBody = z.input<typeof modificationReasonBodySchema>;

/** Field labels of the comparison (products get "产品{lineNo} " in front). */
export const modificationFieldLabels = {
  'holder.nameZh': { zh: '申请单位名称（中文）', en: 'Applicant name (Chinese)' },
  'holder.nameEn': { zh: '申请单位名称（英文）', en: 'Applicant name (English)' },
  'holder.address': { zh: '地址', en: 'Address' },
  productName: { zh: '产品名称', en: 'Product name' },
  model: { zh: '型号/规格', en: 'Model / specification' },
  brand: { zh: '品牌/商标', en: 'Brand / trademark' },
  quantity: { zh: '数量', en: 'Quantity' },
  unit: { zh: '单位', en: 'Unit' },
} as const;
