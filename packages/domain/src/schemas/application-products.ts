import { z } from 'zod';
import { parseQuantity } from '../decimal';

/**
 * 产品信息 (SPEC §3.3, DOMAIN "Product lines"): the product form shared by server and web, the product line
 * as stored, and the HS-code picker's 历史查询 and the customs units.
 */

const blankToNull = (v: string | null | undefined) => (v ? v : null);

/** Optional text: trimmed, '' and absent become null. */
const optionalText = (max: number) =>
  z.string().trim().max(max, { message: 'v.tooLong' }).nullish().transform(blankToNull);

/** Full-width digits become ASCII; spaces and dots (8414.30.1300) are dropped. */
export function normaliseHsCode(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\s.．]/g, '');
}

export const hsCodeInputSchema = z
  .string({ error: 'v.hsCode' })
  .transform(normaliseHsCode)
  .refine((v) => /^\d{10}$/.test(v), { message: 'v.hsCode' });

/** 数量: a decimal string (or number) > 0 with at most 3 decimals, normalised ("001.500" → "1.5"). */
export const quantitySchema = z
  .union([z.string(), z.number()], { error: 'v.required' })
  .transform((v, ctx) => {
    if (String(v).trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'v.required' });
      return z.NEVER;
    }
    const parsed = parseQuantity(v);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: `v.quantity.${parsed.problem}` });
      return z.NEVER;
    }
    return parsed.value;
  });

const requiredText = (max: number) =>
  z
    .string({ error: 'v.required' })
    .trim()
    .min(1, { message: 'v.required' })
    .max(max, { message: 'v.tooLong' });

/** 产品信息 (SPEC §3.3). */
export const productBodySchema = z.object({
  /** HS编码, chosen with 选择: 10 digits of an enabled code. */
  hsCode: hsCodeInputSchema,
  /** 产品名称. */
  productName: requiredText(2000),
  /** 型号/规格. */
  model: requiredText(2000),
  /** 品牌/商标. */
  brand: optionalText(200),
  /** 数量. */
  quantity: quantitySchema,
  /** 单位 (customs units are offered; GET /api/reference/units). */
  unit: requiredText(20),
  /** 制造商. */
  manufacturer: optionalText(300),
  /** 原产国（地区）. */
  originCountry: optionalText(100),
  /** 产品用途及特点. */
  purpose: optionalText(10000),
});
export type ProductBody = z.input<typeof productBodySchema>;
export type ProductFields = z.output<typeof productBodySchema>;

export const productSchema = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  hsCode: z.string(),
  /** HS名称 as it was when the line was saved. */
  hsName: z.string(),
  productName: z.string(),
  model: z.string(),
  brand: z.string().nullable(),
  /** Canonical decimal string. */
  quantity: z.string(),
  unit: z.string(),
  manufacturer: z.string().nullable(),
  originCountry: z.string().nullable(),
  purpose: z.string().nullable(),
});
export type Product = z.infer<typeof productSchema>;

/** 历史查询: HS codes this organisation declared before, most used first. */
export const hsHistoryItemSchema = z.object({
  code: z.string(),
  /** The current HS名称 (the copied one when the code is no longer in the table). */
  name: z.string(),
  unit1: z.string().nullable(),
  unit2: z.string().nullable(),
  category: z.string().nullable(),
  /** Whether the code may still be chosen. */
  enabled: z.boolean(),
  /** How many product lines of the organisation named it. */
  uses: z.number().int(),
});
export const hsHistoryResponseSchema = z.object({
  items: z.array(hsHistoryItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** Customs units (单位) for the product form, the most used first. */
export const unitSchema = z.object({ code: z.string().nullable(), name: z.string(), uses: z.number().int() });
export const unitListResponseSchema = z.object({ items: z.array(unitSchema) });
