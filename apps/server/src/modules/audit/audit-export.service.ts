import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  AUDIT_EXPORT_MAX_ROWS,
  auditEntityLabels,
  auditRoleLabels,
  chinaDate,
  type AuditEntry,
  type AuditFilter,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { formatChinaTime } from '../../locales/mail';
import { auditRepository } from './audit.repository';
import { presentAuditRows, resolveFilter } from './audit-search.service';

const BATCH = 1000;

const COLUMNS = [
  { header: '编号', key: 'id', width: 10 },
  { header: '时间', key: 'at', width: 18 },
  { header: '操作人', key: 'actor', width: 18 },
  { header: '角色', key: 'role', width: 12 },
  { header: '单位代码', key: 'orgCode', width: 22 },
  { header: '单位名称', key: 'orgName', width: 30 },
  { header: '受理机构代码', key: 'bureauCode', width: 14 },
  { header: '受理机构', key: 'bureauName', width: 28 },
  { header: '对象类型', key: 'entityType', width: 12 },
  { header: '对象', key: 'entity', width: 26 },
  { header: '操作', key: 'action', width: 20 },
  { header: '操作代码', key: 'actionCode', width: 26 },
  { header: '变更前', key: 'before', width: 40 },
  { header: '变更后', key: 'after', width: 40 },
  { header: 'IP', key: 'ip', width: 16 },
] as const;
type Key = (typeof COLUMNS)[number]['key'];

export const capNote = (max: number) =>
  `结果超过 ${max} 条，仅导出最新的 ${max} 条，请缩小查询范围后再导出。`;

function cells(e: AuditEntry): Record<Key, string | number> {
  return {
    id: e.id,
    at: formatChinaTime(e.at),
    actor: e.actorUsername ?? '',
    role: e.actorRole ? (auditRoleLabels[e.actorRole]?.zh ?? e.actorRole) : '',
    orgCode: e.organisation?.code ?? '',
    orgName: e.organisation?.name ?? '',
    bureauCode: e.bureau?.code ?? '',
    bureauName: e.bureau?.name ?? '',
    entityType: auditEntityLabels[e.entityType]?.zh ?? e.entityType,
    entity: e.entityLabel ?? e.entityId ?? '',
    action: e.actionLabel ?? e.action,
    actionCode: e.action,
    before: e.before ? JSON.stringify(e.before) : '',
    after: e.after ? JSON.stringify(e.after) : '',
    ip: e.ip ?? '',
  };
}

/** A CSV field: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditExportFilename(ctx: ServiceContext, format: 'xlsx' | 'csv'): string {
  return `审计日志_${chinaDate(ctx.clock.now())}.${format}`;
}

/**
 * The matching rows, newest first, as .xlsx or .csv (UTF-8 with BOM), streamed: fetched by keyset in
 * batches of 1,000. At most `max` rows (AUDIT_EXPORT_MAX_ROWS); when there are more, the file ends with a
 * line that says so.
 */
export function exportAudit(
  ctx: ServiceContext,
  query: Partial<AuditFilter>,
  format: 'xlsx' | 'csv',
  max = AUDIT_EXPORT_MAX_ROWS,
): Readable {
  const out = new PassThrough();
  let writeRow: (values: (string | number)[]) => void;
  let finish: () => Promise<void>;
  if (format === 'xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('审计日志');
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    writeRow = (values) => sheet.addRow(values).commit();
    finish = async () => {
      sheet.commit();
      await workbook.commit();
    };
  } else {
    out.write('\ufeff' + COLUMNS.map((c) => csvField(c.header)).join(',') + '\r\n');
    writeRow = (values) => out.write(values.map(csvField).join(',') + '\r\n');
    finish = async () => {
      out.end();
    };
  }

  const run = async () => {
    const filter = await resolveFilter(ctx, query);
    let after: { at: string; id: number } | null = null;
    let written = 0;
    let capped = false;
    while (filter) {
      const rows = await auditRepository.searchAfter(
        ctx.db,
        filter,
        after,
        Math.min(BATCH, max - written + 1),
      );
      if (rows.length === 0) break;
      const take = rows.slice(0, max - written);
      if (take.length < rows.length) capped = true;
      for (const entry of await presentAuditRows(ctx, take)) {
        const c = cells(entry);
        writeRow(COLUMNS.map((col) => c[col.key]));
        written++;
      }
      if (capped || rows.length < BATCH) break;
      const last = rows[rows.length - 1]!;
      after = { at: last.at, id: Number(last.id) };
    }
    if (capped) writeRow([capNote(max)]);
    await finish();
  };
  run().catch((err: unknown) => {
    ctx.log.error({ err }, 'audit export failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}
