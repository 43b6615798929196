import type { ColumnDef, DatasetDef } from '../dataset';
import { tableKeyOf, tableStore, type TableStoreSpec } from '../table-store';

/** The CCC catalogue (categories and products, by edition) and the HS-to-CCC mapping. */

const ID = { re: /^[0-9A-Za-z_.-]{1,40}$/, message: 'v.refadm.code' };
const text = (key: string, header: string, maxLength: number, search = false): ColumnDef => ({
  key,
  header,
  type: 'text',
  maxLength,
  search,
});
const int = (key: string, header: string, required = false): ColumnDef => ({
  key,
  header,
  type: 'integer',
  required,
  min: 0,
  max: 9999,
});
const s = (v: unknown) => (v as string | null | undefined) ?? null;
const n = (v: unknown) => (v as number | null | undefined) ?? null;

const categoryColumns: ColumnDef[] = [
  { ...int('category_no', '类别序号', true), isKey: true, min: 1, max: 99 },
  { key: 'name', header: '类别名称', type: 'text', required: true, maxLength: 200, search: true },
  { ...int('product_count', '产品种类数'), default: 0 },
];
const categorySpec: TableStoreSpec = {
  table: 'ccc_categories',
  pk: ['id'],
  columns: categoryColumns,
  editionColumn: 'edition',
  orderBy: ['category_no'],
  loaderDatasets: ['ccc_categories'],
  toDb: (v, edition) => ({
    id: `${edition ?? ''}-${String(v.category_no ?? '').padStart(2, '0')}`,
    edition: edition ?? '',
    category_no: n(v.category_no),
    name: s(v.name),
    product_count: n(v.product_count) ?? 0,
  }),
};

export const cccCategoriesDataset: DatasetDef = {
  key: 'ccc-categories',
  name: 'CCC产品大类',
  columns: categoryColumns,
  hasEnabled: true,
  hasEditions: true,
  keyOf: tableKeyOf(categorySpec),
  store: tableStore(categorySpec),
};

const productColumns: ColumnDef[] = [
  {
    key: 'id',
    header: '产品编号',
    type: 'text',
    required: true,
    isKey: true,
    maxLength: 40,
    pattern: ID,
    search: true,
  },
  int('seq', '目录序号'),
  int('category_no', '类别序号'),
  text('category_name', '类别名称', 200, true),
  text('marker', '标记', 20),
  { key: 'product_name', header: '产品名称', type: 'text', required: true, maxLength: 500, search: true },
  text('product_codes', '产品代码', 100, true),
];
const productSpec: TableStoreSpec = {
  table: 'ccc_products',
  pk: ['id'],
  columns: productColumns,
  editionColumn: 'edition',
  orderBy: ['category_no', 'seq', 'id'],
  loaderDatasets: ['ccc_products'],
  toDb: (v, edition) => ({
    id: s(v.id),
    edition: edition ?? '',
    seq: n(v.seq),
    category_no: n(v.category_no),
    category_name: s(v.category_name),
    marker: s(v.marker),
    product_name: s(v.product_name),
    product_codes: s(v.product_codes),
  }),
};

export const cccProductsDataset: DatasetDef = {
  key: 'ccc-products',
  name: 'CCC产品目录',
  columns: productColumns,
  hasEnabled: true,
  hasEditions: true,
  keyOf: tableKeyOf(productSpec),
  store: tableStore(productSpec),
};

const mappingColumns: ColumnDef[] = [
  {
    key: 'id',
    header: '映射编号',
    type: 'text',
    required: true,
    isKey: true,
    maxLength: 40,
    pattern: ID,
    search: true,
  },
  {
    key: 'hs_prefix',
    header: 'HS编码前缀',
    type: 'text',
    required: true,
    maxLength: 10,
    pattern: { re: /^\d{2,10}$/, message: 'v.refadm.hsPrefix' },
    search: true,
  },
  int('category_no', 'CCC类别序号'),
  text('category_name', 'CCC类别名称', 200, true),
  text('product_code', 'CCC产品代码', 50),
  text('product_name', 'CCC产品名称', 500, true),
  text('confidence', '可信度', 20),
  text('note', '备注', 500),
  { key: 'provisional', header: '暂定', type: 'boolean' },
];
const mappingSpec: TableStoreSpec = {
  table: 'ccc_hs_mappings',
  pk: ['id'],
  columns: mappingColumns,
  orderBy: ['hs_prefix', 'id'],
  loaderDatasets: ['ccc_hs_mappings'],
};

export const cccHsMappingsDataset: DatasetDef = {
  key: 'ccc-hs-mappings',
  name: 'HS编码与CCC产品对应',
  columns: mappingColumns,
  hasEnabled: true,
  hasEditions: false,
  bumpsHsVersion: true,
  keyOf: tableKeyOf(mappingSpec),
  store: tableStore(mappingSpec),
};
