import ExcelJS from 'exceljs';
import { applicationStatusLabels, type StatisticsResponse } from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { formatChinaTime } from '../../locales/mail';
import { getStatistics } from './statistics.service';
import type { StatisticsQuery } from '@ccc/domain';

/** 统计分析 as one .xlsx: one sheet per table of the page, Chinese headers, the same figures. */

type Column = { header: string; key: string; width: number };

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Column[],
  rows: Record<string, unknown>[],
): void {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
}

const timeColumns: Column[] = [
  { header: '已办结件数', key: 'decided', width: 12 },
  { header: '中位数（工作日）', key: 'median', width: 16 },
  { header: '90百分位（工作日）', key: 'p90', width: 18 },
];

export function statisticsWorkbook(s: StatisticsResponse): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const admin = s.scope.bureauCode === null || s.byBureau.length > 0;
  addSheet(
    workbook,
    '汇总',
    [
      { header: '项目', key: 'item', width: 36 },
      { header: '数值', key: 'value', width: 30 },
    ],
    [
      { item: '统计范围（首次提交日期）', value: `${s.scope.from} 至 ${s.scope.to}` },
      { item: '受理局', value: s.scope.bureauName ?? '全部受理局' },
      { item: '生成时间', value: formatChinaTime(s.scope.generatedAt) },
      { item: '提交申请数', value: s.totals.submitted },
      { item: '签发证明数（原证明）', value: s.totals.certificatesIssued },
      { item: '签发变更证明数', value: s.totals.certificatesModified },
      { item: '撤销证明数', value: s.totals.certificatesRevoked },
      { item: '不予免办数', value: s.totals.refused },
      { item: '当前待处理（待受理+审核中）', value: s.totals.pending },
      { item: '当前超期件数', value: s.totals.overdue },
      { item: '办结用时中位数（工作日）', value: s.decisionTime.overall.median },
      { item: '办结用时90百分位（工作日）', value: s.decisionTime.overall.p90 },
      { item: '百分位算法', value: '最近秩法：第p百分位为升序第⌈p%×n⌉个值' },
    ],
  );
  addSheet(
    workbook,
    '按状态',
    [
      { header: '状态', key: 'label', width: 16 },
      { header: '申请数', key: 'count', width: 10 },
    ],
    s.byState.map((r) => ({ label: applicationStatusLabels[r.status].zh, count: r.count })),
  );
  addSheet(
    workbook,
    '按免办条款',
    [
      { header: '条款代码', key: 'code', width: 10 },
      { header: '条款名称', key: 'name', width: 60 },
      { header: '申请数', key: 'count', width: 10 },
    ],
    s.byClause,
  );
  if (admin) {
    addSheet(
      workbook,
      '按受理局',
      [
        { header: '受理局代码', key: 'code', width: 12 },
        { header: '受理局', key: 'name', width: 36 },
        { header: '申请数', key: 'count', width: 10 },
      ],
      s.byBureau,
    );
  }
  addSheet(
    workbook,
    '按月份',
    [
      { header: '月份', key: 'month', width: 10 },
      { header: '提交申请数', key: 'count', width: 12 },
    ],
    s.byMonth,
  );
  addSheet(
    workbook,
    '按HS章',
    [
      { header: 'HS章', key: 'chapter', width: 8 },
      { header: '章名称', key: 'name', width: 50 },
      { header: '申请数', key: 'applications', width: 10 },
      { header: '产品行数', key: 'lines', width: 10 },
    ],
    s.byChapter,
  );
  addSheet(
    workbook,
    '证明签发按月份',
    [
      { header: '月份', key: 'month', width: 10 },
      { header: '原证明（N）', key: 'original', width: 12 },
      { header: '变更证明（M）', key: 'modified', width: 14 },
      { header: '撤销', key: 'revoked', width: 8 },
    ],
    s.certificatesByMonth,
  );
  const timeRows = [
    { scope: '全部', ...s.decisionTime.overall },
    ...(admin ? s.decisionTime.byBureau.map((b) => ({ scope: `受理局：${b.name}`, ...b })) : []),
    ...s.decisionTime.byClause.map((c) => ({ scope: `条款 ${c.code}：${c.name}`, ...c })),
  ];
  addSheet(workbook, '办结用时', [{ header: '范围', key: 'scope', width: 50 }, ...timeColumns], timeRows);
  addSheet(
    workbook,
    '超期',
    [
      { header: '范围', key: 'scope', width: 40 },
      { header: '超受理时限', key: 'accept', width: 12 },
      { header: '超办结时限', key: 'decide', width: 12 },
      { header: '超期件数', key: 'total', width: 10 },
    ],
    [
      { scope: '全部', ...s.overdue },
      ...s.overdue.byBureau.map((b) => ({ ...b, scope: `受理局：${b.name}` })),
    ],
  );
  return workbook;
}

export async function exportStatistics(
  ctx: ServiceContext,
  query: StatisticsQuery,
): Promise<{ buffer: Buffer; scope: StatisticsResponse['scope'] }> {
  const s = await getStatistics(ctx, query);
  const buffer = Buffer.from(await statisticsWorkbook(s).xlsx.writeBuffer());
  return { buffer, scope: s.scope };
}
