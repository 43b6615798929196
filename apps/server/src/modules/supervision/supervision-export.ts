import ExcelJS from 'exceljs';
import {
  recordKindLabels,
  recordStatusLabels,
  reportDeadlineBasisLabels,
  type SupervisionRecordsQuery,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { formatChinaTime } from '../../locales/mail';
import { listOverdueItems, listSupervisionRecords } from './supervision.service';

/** The supervision lists as .xlsx (at most EXPORT_MAX rows; a last row says when more were left out). */
export const EXPORT_MAX = 5000;
const PAGE = 100;

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportSupervisionRecords(
  ctx: ServiceContext,
  filter: Omit<SupervisionRecordsQuery, 'page' | 'pageSize'>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('后续监管记录');
  sheet.columns = [
    { header: '证明号', key: 'certificateNumber', width: 18 },
    { header: '申请编号', key: 'applicationNumber', width: 24 },
    { header: '申请单位', key: 'organisationName', width: 30 },
    { header: '统一社会信用代码', key: 'organisationCode', width: 22 },
    { header: '免办条款', key: 'clauseCode', width: 10 },
    { header: '记录类型', key: 'kind', width: 12 },
    { header: '状态', key: 'status', width: 10 },
    { header: '产品数', key: 'lineCount', width: 8 },
    { header: '数量合计', key: 'totalQuantity', width: 12 },
    { header: '提交时间', key: 'submittedAt', width: 18 },
    { header: '核查时间', key: 'verifiedAt', width: 18 },
    { header: '退回时间', key: 'returnedAt', width: 18 },
    { header: '退回理由', key: 'returnReason', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  const time = (v: string | null) => (v ? formatChinaTime(v) : null);
  let written = 0;
  for (let page = 1; ; page++) {
    const res = await listSupervisionRecords(ctx, { ...filter, page, pageSize: PAGE });
    for (const i of res.items) {
      if (written === EXPORT_MAX) {
        sheet.addRow({ certificateNumber: `仅导出前 ${EXPORT_MAX} 条，请缩小查询范围后分批导出` });
        return toBuffer(workbook);
      }
      sheet.addRow({
        ...i,
        kind: recordKindLabels[i.kind].zh,
        status: recordStatusLabels[i.status].zh,
        submittedAt: time(i.submittedAt),
        verifiedAt: time(i.verifiedAt),
        returnedAt: time(i.returnedAt),
      });
      written++;
    }
    if (res.items.length < PAGE) break;
  }
  return toBuffer(workbook);
}

export async function exportOverdue(ctx: ServiceContext, q?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('逾期未报');
  sheet.columns = [
    { header: '证明号', key: 'certificateNumber', width: 18 },
    { header: '申请编号', key: 'applicationNumber', width: 24 },
    { header: '申请单位', key: 'organisationName', width: 30 },
    { header: '统一社会信用代码', key: 'organisationCode', width: 22 },
    { header: '免办条款', key: 'clauseCode', width: 10 },
    { header: '发证日期', key: 'issueDate', width: 12 },
    { header: '期限起算', key: 'basis', width: 18 },
    { header: '填报期限', key: 'dueOn', width: 12 },
    { header: '逾期工作日', key: 'daysOverdue', width: 12 },
    { header: '未填报数量', key: 'outstanding', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  const items = await listOverdueItems(ctx, q);
  for (const i of items.slice(0, EXPORT_MAX))
    sheet.addRow({ ...i, basis: reportDeadlineBasisLabels[i.basis].zh });
  if (items.length > EXPORT_MAX)
    sheet.addRow({ certificateNumber: `仅导出前 ${EXPORT_MAX} 条，请缩小查询范围后分批导出` });
  return toBuffer(workbook);
}
