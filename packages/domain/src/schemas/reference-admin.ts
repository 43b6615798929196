import { z } from 'zod';
import { pageQuerySchema } from './common';

/**
 * 基础数据管理: the administrator's generic view of every reference dataset. The server describes each
 * dataset (its columns, key and editions), so one set of screens lists, edits, imports and exports them all.
 *
 * A row travels as `values`: column key → value (text, number, 0/1 flags as booleans, lists as string arrays,
 * null when empty). Each row carries `key`, an opaque string naming it in URLs (e.g. the code, or
 * "2026|8501101000" for an edition-scoped HS code): clients pass it back as they got it.
 */

export const referenceDatasetKeys = [
  'hs-codes',
  'ccc-categories',
  'ccc-products',
  'ccc-hs-mappings',
  'bureaus',
  'clauses',
  'sub-clauses',
  'applicant-types',
  'attachment-types',
  'clause-attachment-requirements',
  'address-types',
  'calendar-days',
] as const;
export const referenceDatasetKeySchema = z.enum(referenceDatasetKeys);
export type ReferenceDatasetKey = z.infer<typeof referenceDatasetKeySchema>;

export const referenceColumnTypeSchema = z.enum(['text', 'integer', 'boolean', 'list', 'date', 'enum']);
export type ReferenceColumnType = z.infer<typeof referenceColumnTypeSchema>;

export const referenceColumnSchema = z.object({
  /** The column's key in `values` (snake_case, as in the table). */
  key: z.string(),
  /** The header in CSV / Excel files (Chinese, fixed: it is the file format) and the default label. */
  header: z.string(),
  type: referenceColumnTypeSchema,
  required: z.boolean(),
  /** Part of the row's identity: set on create, never changed by edit or import. */
  isKey: z.boolean(),
  /** False for derived columns shown read-only (e.g. an HS code's CCC category), never imported. */
  editable: z.boolean(),
  maxLength: z.number().int().nullable(),
  /** For `enum`: the allowed values. */
  options: z.array(z.string()).nullable(),
});
export type ReferenceColumn = z.infer<typeof referenceColumnSchema>;

export const referenceDatasetSchema = z.object({
  key: referenceDatasetKeySchema,
  /** Chinese name, e.g. HS编码; the web app may show its own translation. */
  name: z.string(),
  columns: z.array(referenceColumnSchema),
  /** Rows can be enabled / disabled (all but the calendar). */
  hasEnabled: z.boolean(),
  /** Rows belong to an edition (HS codes, CCC catalogue): lists, imports and exports take `edition`. */
  hasEditions: z.boolean(),
  /** The editions present, newest first, and the one in force (hasEditions only). */
  editions: z.array(z.string()),
  currentEdition: z.string().nullable(),
  rowCount: z.number().int(),
});
export type ReferenceDataset = z.infer<typeof referenceDatasetSchema>;

export const referenceDatasetListResponseSchema = z.object({ items: z.array(referenceDatasetSchema) });
export type ReferenceDatasetListResponse = z.infer<typeof referenceDatasetListResponseSchema>;

export const referenceValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  z.null(),
]);
export type ReferenceValue = z.infer<typeof referenceValueSchema>;
export const referenceValuesSchema = z.record(z.string(), referenceValueSchema);
export type ReferenceValues = z.infer<typeof referenceValuesSchema>;

export const referenceRowSchema = z.object({
  key: z.string(),
  enabled: z.boolean(),
  /** Changed by an administrator: the shipped data's loader never overwrites it. */
  modifiedByAdmin: z.boolean(),
  values: referenceValuesSchema,
  updatedAt: z.string().nullable(),
});
export type ReferenceRow = z.infer<typeof referenceRowSchema>;

export const referenceRowsQuerySchema = pageQuerySchema.extend({
  /** Free text over the key and name columns. */
  q: z.string().trim().max(100).optional(),
  enabled: z.enum(['all', 'enabled', 'disabled']).default('all'),
  /** hasEditions datasets: defaults to the current edition. */
  edition: z.string().trim().max(20).optional(),
});
export type ReferenceRowsQuery = z.input<typeof referenceRowsQuerySchema>;

export const referenceRowsResponseSchema = z.object({
  items: z.array(referenceRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  edition: z.string().nullable(),
});
export type ReferenceRowsResponse = z.infer<typeof referenceRowsResponseSchema>;

/** 新增 / 修改 of one row; the server validates each value against its column (400 with `fields` per column). */
export const referenceRowBodySchema = z.object({
  values: referenceValuesSchema,
  edition: z.string().trim().max(20).optional(),
});
export type ReferenceRowBody = z.infer<typeof referenceRowBodySchema>;

export const referenceExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  edition: z.string().trim().max(20).optional(),
});
export type ReferenceExportQuery = z.input<typeof referenceExportQuerySchema>;

export const referenceImportActionSchema = z.enum(['add', 'change', 'unchanged', 'error']);
export type ReferenceImportAction = z.infer<typeof referenceImportActionSchema>;

export const referenceImportRowSchema = z.object({
  /** Line in the file (the header is line 1). */
  line: z.number().int(),
  action: referenceImportActionSchema,
  /** The row's key as read from the file (may be empty on an error row). */
  key: z.string(),
  /** For `change`: the columns that differ. */
  changes: z.array(
    z.object({ column: z.string(), before: referenceValueSchema, after: referenceValueSchema }),
  ),
  /** For `error`: what is wrong, per column ('' for the row as a whole), in the request's language. */
  errors: z.array(z.object({ column: z.string(), message: z.string() })),
});
export type ReferenceImportRow = z.infer<typeof referenceImportRowSchema>;

export const referenceImportSummarySchema = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  errors: z.number().int(),
});
export type ReferenceImportSummary = z.infer<typeof referenceImportSummarySchema>;

/** 导入 preview: nothing is written until apply; a file with any error row cannot be applied. */
export const referenceImportPreviewSchema = z.object({
  id: z.string(),
  dataset: referenceDatasetKeySchema,
  edition: z.string().nullable(),
  filename: z.string(),
  status: z.enum(['previewed', 'applied', 'discarded']),
  summary: referenceImportSummarySchema,
  /** Error rows first, then added and changed rows; at most 500 (the summary counts them all). */
  rows: z.array(referenceImportRowSchema),
  canApply: z.boolean(),
  createdAt: z.string(),
});
export type ReferenceImportPreview = z.infer<typeof referenceImportPreviewSchema>;

/** Query of the upload (the file itself is multipart `file`, CSV or .xlsx, at most 20 MB). */
export const referenceImportQuerySchema = z.object({
  edition: z.string().trim().max(20).optional(),
});

export const referenceCurrentEditionBodySchema = z.object({ edition: z.string().trim().min(1).max(20) });
