import type { ColumnDef, DatasetDef, FieldProblem, RowChecker } from '../dataset';
import { tableKeyOf, tableStore, type TableStoreSpec } from '../table-store';
import { codeSets, unknownCode } from './lookups';

/** The lists of DOMAIN.md: clauses, second-level clauses, applicant types, attachment types, address types. */

const CODE = { re: /^[0-9A-Za-z_.-]{1,40}$/, message: 'v.refadm.code' };
const code = (header: string): ColumnDef => ({
  key: 'code',
  header,
  type: 'text',
  required: true,
  isKey: true,
  maxLength: 40,
  pattern: CODE,
  search: true,
});
const name = (header: string): ColumnDef => ({
  key: 'name',
  header,
  type: 'text',
  required: true,
  maxLength: 200,
  search: true,
});
const sortOrder: ColumnDef = {
  key: 'sort_order',
  header: '排序',
  type: 'integer',
  min: 0,
  max: 9999,
  default: 0,
};
const flag = (key: string, header: string): ColumnDef => ({ key, header, type: 'boolean' });
const clauseRef: ColumnDef = {
  key: 'clause_code',
  header: '免办条款代码',
  type: 'text',
  required: true,
  maxLength: 40,
  search: true,
};

function simple(
  key: DatasetDef['key'],
  datasetName: string,
  table: string,
  columns: ColumnDef[],
  extra: Partial<DatasetDef> = {},
): DatasetDef {
  const spec: TableStoreSpec = {
    table,
    pk: ['code'],
    columns,
    orderBy: ['sort_order', 'code'],
    loaderDatasets: [table],
  };
  return {
    key,
    name: datasetName,
    columns,
    hasEnabled: true,
    hasEditions: false,
    keyOf: tableKeyOf(spec),
    store: tableStore(spec),
    ...extra,
  };
}

/** A checker that the clause a row names exists. */
const clauseChecker: DatasetDef['checker'] = async (db, ctx) => {
  const { clauses } = await codeSets(db, ['clauses']);
  return (v) =>
    v.clause_code && !clauses.has(String(v.clause_code)) ? [unknownCode(ctx, 'clause_code', v)] : [];
};

export const clausesDataset = simple('clauses', '免办条款', 'clauses', [
  code('条款代码'),
  name('条款名称'),
  flag('requires_sub_clause', '须选二级明细条款'),
  flag('requires_applicant_type', '须选申请人类型'),
  flag('requires_display_period', '须填展示期'),
  sortOrder,
]);

export const subClausesDataset = simple(
  'sub-clauses',
  '二级明细条款',
  'sub_clauses',
  [code('二级条款代码'), clauseRef, name('二级条款名称'), sortOrder],
  { checker: clauseChecker },
);

export const applicantTypesDataset = simple(
  'applicant-types',
  '申请人类型',
  'applicant_types',
  [code('类型代码'), clauseRef, name('类型名称'), sortOrder],
  { checker: clauseChecker },
);

export const attachmentTypesDataset = simple('attachment-types', '附件类型', 'attachment_types', [
  code('附件类型代码'),
  name('附件类型名称'),
  flag('reusable', '可沿用'),
  sortOrder,
]);

export const addressTypesDataset = simple('address-types', '地址类型', 'address_types', [
  code('地址类型代码'),
  name('地址类型名称'),
  sortOrder,
]);

const requirementColumns: ColumnDef[] = [
  { ...code('附件类型代码'), key: 'attachment_type_code' },
  {
    key: 'clause_code',
    header: '免办条款代码',
    type: 'text',
    isKey: true,
    maxLength: 40,
    pattern: CODE,
    search: true,
  },
  {
    key: 'sub_clause_code',
    header: '二级条款代码',
    type: 'text',
    isKey: true,
    maxLength: 40,
    pattern: CODE,
    search: true,
  },
  flag('required', '必传'),
];
const requirementSpec: TableStoreSpec = {
  table: 'clause_attachment_requirements',
  pk: ['id'],
  columns: requirementColumns,
  orderBy: ['attachment_type_code', 'clause_code', 'sub_clause_code'],
  loaderDatasets: ['clause_attachment_requirements'],
  toDb: (v) => ({
    id: `${String(v.attachment_type_code ?? '')}:${(v.clause_code as string | null) || '*'}:${(v.sub_clause_code as string | null) || '*'}`,
    attachment_type_code: (v.attachment_type_code as string | null) ?? null,
    clause_code: (v.clause_code as string | null) ?? null,
    sub_clause_code: (v.sub_clause_code as string | null) ?? null,
    required: v.required === true ? 1 : 0,
  }),
};

/** 附件要求: which attachment type a clause (or one of its second-level clauses) asks for; key = all three. */
export const requirementsDataset: DatasetDef = {
  key: 'clause-attachment-requirements',
  name: '条款附件要求',
  columns: requirementColumns,
  hasEnabled: true,
  hasEditions: false,
  keyOf: tableKeyOf(requirementSpec),
  store: tableStore(requirementSpec),
  async checker(db, ctx) {
    const { clauses, attachmentTypes, subClauseClause } = await codeSets(db, [
      'clauses',
      'attachmentTypes',
      'subClauses',
    ]);
    const check: RowChecker = (v) => {
      const out: FieldProblem[] = [];
      const att = v.attachment_type_code as string | null;
      const clause = v.clause_code as string | null;
      const sub = v.sub_clause_code as string | null;
      if (att && !attachmentTypes.has(att)) out.push(unknownCode(ctx, 'attachment_type_code', v));
      if (clause && !clauses.has(clause)) out.push(unknownCode(ctx, 'clause_code', v));
      if (sub) {
        const owner = subClauseClause.get(sub);
        if (owner === undefined) out.push(unknownCode(ctx, 'sub_clause_code', v));
        else if (!clause) out.push({ column: 'clause_code', message: 'v.refadm.subClauseNeedsClause' });
        else if (owner !== clause)
          out.push({ column: 'sub_clause_code', message: 'v.application.subClauseNotOfClause' });
      }
      return out;
    };
    return check;
  },
};
