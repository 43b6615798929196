import { foldSearchText, hsSearchText } from '../../reference/search-text';
import {
  findCurrentHsEdition,
  loadHsCategoryResolver,
  pinCurrentHsEdition,
} from '../../hs-codes/hs-codes.service';
import type { ColumnDef, DatasetDef } from '../dataset';
import { escapeLike, tableKeyOf, tableStore, type TableStoreSpec } from '../table-store';

/** HS编码, edition-scoped: a new edition is imported beside the old and switched to when ready. */

const text = (key: string, header: string, maxLength: number): ColumnDef => ({
  key,
  header,
  type: 'text',
  maxLength,
});

const columns: ColumnDef[] = [
  {
    key: 'code',
    header: 'HS编码',
    type: 'text',
    required: true,
    isKey: true,
    maxLength: 10,
    pattern: { re: /^\d{10}$/, message: 'v.hsCode' },
  },
  { key: 'name_zh', header: '商品名称', type: 'text', required: true, maxLength: 500 },
  text('unit1_code', '第一计量单位代码', 10),
  text('unit1', '第一计量单位', 20),
  text('unit2_code', '第二计量单位代码', 10),
  text('unit2', '第二计量单位', 20),
  text('supervision_codes', '监管条件', 50),
  text('note_zh', '备注', 500),
  { key: 'ccc_category', header: 'CCC产品类别', type: 'text', editable: false },
];

const spec: TableStoreSpec = {
  table: 'hs_codes',
  pk: ['edition', 'code'],
  columns,
  editionColumn: 'edition',
  orderBy: ['code'],
  loaderDatasets: ['hs_codes'],
  currentEdition: (db) => findCurrentHsEdition({ db }),
  toDb: (v, edition) => {
    const code = String(v.code ?? '');
    const name = String(v.name_zh ?? '');
    const s = (k: string) => (v[k] as string | null | undefined) ?? null;
    return {
      code,
      edition: edition ?? '',
      name_zh: name,
      unit1_code: s('unit1_code'),
      unit1: s('unit1'),
      unit2_code: s('unit2_code'),
      unit2: s('unit2'),
      supervision_codes: s('supervision_codes'),
      note_zh: s('note_zh'),
      chapter: code.slice(0, 2),
      // Only the administrator's list searches it (the picker has its own index): code and name suffice.
      search_text: hsSearchText([code, name]),
    };
  },
  // Digits: a code prefix; anything else: a fragment of the name (or chapter / category) in the search text.
  searchTerms: (q) =>
    /^\d+$/.test(q)
      ? [{ column: 'code', like: `${escapeLike(q)}%` }]
      : [{ column: 'search_text', like: `%${escapeLike(foldSearchText(q))}%` }],
};

const store = tableStore(spec);

export const hsCodesDataset: DatasetDef = {
  key: 'hs-codes',
  name: 'HS编码',
  columns,
  hasEnabled: true,
  hasEditions: true,
  bumpsHsVersion: true,
  keyOf: tableKeyOf(spec),
  store,
  async decorate(db, rows) {
    const resolve = await loadHsCategoryResolver(db);
    for (const r of rows) r.values.ccc_category = resolve(String(r.values.code)).category;
  },
  async beforeWrite(trx, ctx) {
    await pinCurrentHsEdition(trx, ctx.clock);
  },
};
