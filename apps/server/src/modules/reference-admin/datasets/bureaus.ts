import { bureauLevels } from '@ccc/domain';
import type { ColumnDef, DatasetDef, FieldProblem } from '../dataset';
import { tableKeyOf, tableStore, type TableStoreSpec } from '../table-store';
import { codeSets, unknownCode } from './lookups';

/** 市场监督管理局: contact, service levels and the divisions they accept applications from (bureau_divisions). */

const days = (key: string, header: string): ColumnDef => ({
  key,
  header,
  type: 'integer',
  required: true,
  min: 1,
  max: 60,
  default: key === 'accept_days' ? 2 : 5,
});

const columns: ColumnDef[] = [
  {
    key: 'code',
    header: '机构代码',
    type: 'text',
    required: true,
    isKey: true,
    maxLength: 32,
    pattern: { re: /^[0-9A-Za-z_-]{1,32}$/, message: 'v.refadm.code' },
    search: true,
  },
  { key: 'name', header: '机构名称', type: 'text', required: true, maxLength: 100, search: true },
  { key: 'level', header: '级别', type: 'enum', required: true, options: bureauLevels, default: 'province' },
  { key: 'parent_code', header: '上级机构代码', type: 'text', maxLength: 32 },
  { key: 'phone', header: '联系电话', type: 'text', maxLength: 50 },
  { key: 'address', header: '地址', type: 'text', maxLength: 200 },
  days('accept_days', '受理时限（工作日）'),
  days('decide_days', '办结时限（工作日）'),
  {
    key: 'divisions',
    header: '受理地区代码',
    type: 'list',
    pattern: { re: /^\d{6}$/, message: 'v.refadm.divisionCode' },
  },
];

const spec: TableStoreSpec = {
  table: 'bureaus',
  pk: ['code'],
  columns,
  orderBy: ['code'],
  loaderDatasets: ['bureaus'],
  lists: [
    {
      column: 'divisions',
      async read(db, keys) {
        const out = new Map<string, string[]>();
        if (keys.length === 0) return out;
        const rows = await db
          .selectFrom('bureau_divisions')
          .select(['bureau_code', 'division_code'])
          .where('bureau_code', 'in', keys)
          .orderBy('division_code')
          .execute();
        for (const r of rows) out.set(r.bureau_code, [...(out.get(r.bureau_code) ?? []), r.division_code]);
        return out;
      },
      async write(trx, key, items) {
        await trx.deleteFrom('bureau_divisions').where('bureau_code', '=', key).execute();
        if (items.length === 0) return;
        await trx
          .insertInto('bureau_divisions')
          .values(items.map((d) => ({ bureau_code: key, division_code: d })))
          .execute();
      },
    },
  ],
};

export const bureausDataset: DatasetDef = {
  key: 'bureaus',
  name: '市场监督管理局',
  columns,
  hasEnabled: true,
  hasEditions: false,
  keyOf: tableKeyOf(spec),
  store: tableStore(spec),
  async checker(db, ctx) {
    const { bureaus, divisions } = await codeSets(db, ['bureaus', 'divisions']);
    return (v) => {
      const out: FieldProblem[] = [];
      const parent = v.parent_code as string | null;
      if (parent && parent === v.code) out.push({ column: 'parent_code', message: 'v.refadm.selfParent' });
      else if (parent && !bureaus.has(parent)) out.push(unknownCode(ctx, 'parent_code', v));
      const missing = ((v.divisions as string[] | null) ?? []).find((d) => !divisions.has(d));
      if (missing) out.push(unknownCode(ctx, 'divisions', { divisions: missing }));
      if (
        typeof v.accept_days === 'number' &&
        typeof v.decide_days === 'number' &&
        v.accept_days > v.decide_days
      ) {
        out.push({ column: 'decide_days', message: 'v.serviceDays.order' });
      }
      return out;
    };
  },
};
