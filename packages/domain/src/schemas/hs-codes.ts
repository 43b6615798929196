import { z } from 'zod';
import { pageQuerySchema } from './common';

/**
 * Where a code's 产品类别 comes from: the CCC catalogue category of the HS-to-CCC mapping (`ccc`), or, for
 * a code the mapping does not name, the Chinese name of the HS chapter (`chapter`).
 */
export const hsCategoryKinds = ['ccc', 'chapter'] as const;
export type HsCategoryKind = (typeof hsCategoryKinds)[number];

/** One HS code as the picker (选择 → 查询) lists it: only what the rows show, so a page stays small. */
export const hsCodeSchema = z.object({
  code: z.string(),
  /** HS名称. */
  name: z.string(),
  /** 第一/第二法定计量单位. */
  unit1: z.string().nullable(),
  unit2: z.string().nullable(),
  /** 产品类别. */
  category: z.string(),
  /** The category comes from the provisional HS-to-CCC mapping, not the official table: show it as such. */
  categoryProvisional: z.boolean(),
});
export type HsCode = z.infer<typeof hsCodeSchema>;

/**
 * 查询: q matches the code digits (prefix or anywhere), HS名称 and 产品类别, partially, ignoring case and
 * full-width/half-width; words separated by spaces must all match. category narrows to the codes whose
 * 产品类别 contains it.
 */
export const HS_PICKER_PAGE_SIZE = 10;
export const hsCodeSearchQuerySchema = pageQuerySchema.extend({
  /** The picker shows 10 rows a page (Ant Design's default). */
  pageSize: z.coerce.number().int().min(1).max(100).default(HS_PICKER_PAGE_SIZE),
  q: z.string().max(100, { message: 'v.tooLong' }).optional(),
  category: z.string().max(100, { message: 'v.tooLong' }).optional(),
});
export type HsCodeSearchQuery = z.input<typeof hsCodeSearchQuerySchema>;

export const hsCodeSearchResponseSchema = z.object({
  items: z.array(hsCodeSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type HsCodeSearchResponse = z.infer<typeof hsCodeSearchResponseSchema>;

/** A 产品类别 with the number of enabled codes under it: the options of the category filter. */
export const hsCategorySchema = z.object({
  name: z.string(),
  kind: z.enum(hsCategoryKinds),
  provisional: z.boolean(),
  count: z.number().int(),
});
export type HsCategory = z.infer<typeof hsCategorySchema>;
export const hsCategoryListResponseSchema = z.object({ items: z.array(hsCategorySchema) });

/** A code of the current edition looked up by its digits (enabled or not: `enabled` tells). */
export const hsCodeDetailSchema = hsCodeSchema.extend({
  unit1Code: z.string().nullable(),
  unit2Code: z.string().nullable(),
  categoryKind: z.enum(hsCategoryKinds),
  enabled: z.boolean(),
});
export type HsCodeDetail = z.infer<typeof hsCodeDetailSchema>;

export const hsCodeParamsSchema = z.object({ code: z.string().regex(/^\d{4,10}$/) });
