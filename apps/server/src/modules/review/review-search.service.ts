import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  APPLICATION_LIST_MAX_ROWS,
  applicationStatusLabels,
  certificateStatusLabels,
  chinaDate,
  inboxStatuses,
  type ApplicationStatus,
  type BureauSearchFilter,
  type BureauSearchItem,
  type BureauSearchQuery,
  type BureauSearchResponse,
  type InboxItem,
  type InboxQuery,
  type InboxResponse,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { formatChinaTime } from '../../locales/mail';
import {
  bureauInbox,
  countBureauApplicationsByStatus,
  countBureauApplicationsUpTo,
  searchBureauApplications,
  searchBureauApplicationsAfter,
  toBureauFilter,
  type BureauApplicationRow,
} from '../applications/applications-bureau.service';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import { certificateStatusesByNumber } from '../certificates/certificates.service';
import { getOrganisations } from '../enterprises/enterprises.service';
import { findReferenceNames } from '../reference/reference.service';
import { parseLabels } from '../applications/application-labels';
import { officerBureau, serviceLevelsOf } from './review.service';
import { clockSpan, computeServiceClock } from './service-clock';

/**
 * The bureau's 待办 (inbox: 待受理 and 审核中, oldest submission first, each with its service clock) and its
 * 查询 over all its cases (never drafts), with the Excel export. Always the officer's own bureau.
 */

/** Organisation and clause names of a page of rows, in two queries whatever the page's size. */
async function names(ctx: ServiceContext, rows: readonly BureauApplicationRow[]) {
  const [orgs, reference] = await Promise.all([
    getOrganisations(
      ctx.db,
      rows.map((r) => r.organisation_id),
    ),
    findReferenceNames(ctx),
  ]);
  return (r: BureauApplicationRow) => {
    const org = orgs.get(r.organisation_id);
    return {
      organisationCode: org?.code ?? '',
      organisationName: org?.nameZh ?? '',
      clauseName:
        parseLabels(r.reference_labels)?.clause ?? reference.clauses.get(r.clause_code) ?? r.clause_code,
    };
  };
}

export async function getInbox(ctx: ServiceContext, query: InboxQuery): Promise<InboxResponse> {
  const bureauCode = officerBureau(ctx);
  const statuses = query.status ? [query.status] : [...inboxStatuses];
  const offset = (query.page - 1) * query.pageSize;
  const [rows, counts, levels] = await Promise.all([
    bureauInbox(ctx.db, bureauCode, statuses, offset, query.pageSize),
    countBureauApplicationsByStatus(ctx.db, bureauCode, inboxStatuses),
    serviceLevelsOf(ctx, bureauCode),
  ]);
  const now = ctx.clock.now();
  // One calendar for the whole page: from the oldest submission to the farthest due date.
  const span = clockSpan(
    rows.flatMap((r) => (r.submitted_at ? [chinaDate(new Date(r.submitted_at))] : [])),
    chinaDate(now),
    levels,
  );
  const [calendar, named] = await Promise.all([
    loadWorkingCalendar(ctx, span.from, span.to),
    names(ctx, rows),
  ]);
  const items: InboxItem[] = rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status as ApplicationStatus,
    ...named(r),
    clauseCode: r.clause_code,
    firstProductName: r.first_product_name,
    productCount: Number(r.product_count),
    submittedAt: r.submitted_at ?? r.listed_at,
    firstSubmittedAt: r.first_submitted_at,
    resubmitted: r.returned_at !== null,
    clock: computeServiceClock(
      {
        status: r.status,
        submittedAt: r.submitted_at,
        returnedAt: r.returned_at,
        clockDaysUsed: Number(r.clock_days_used),
      },
      now,
      levels,
      calendar,
    )!,
  }));
  const submitted = counts.get('submitted') ?? 0;
  const underReview = counts.get('under_review') ?? 0;
  return {
    items,
    total: query.status === 'submitted' ? submitted : query.status ? underReview : submitted + underReview,
    page: query.page,
    pageSize: query.pageSize,
    counts: { submitted, underReview },
  };
}

async function present(ctx: ServiceContext, rows: BureauApplicationRow[]): Promise<BureauSearchItem[]> {
  const certificateNumbers = rows.flatMap((r) => (r.certificate_number ? [r.certificate_number] : []));
  const [named, certificates] = await Promise.all([
    names(ctx, rows),
    certificateNumbers.length
      ? certificateStatusesByNumber(ctx, certificateNumbers)
      : Promise.resolve(new Map<string, never>()),
  ]);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status as ApplicationStatus,
    ...named(r),
    clauseCode: r.clause_code,
    firstProductName: r.first_product_name,
    productCount: Number(r.product_count),
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    certificateNumber: r.certificate_number,
    certificateStatus: r.certificate_number ? (certificates.get(r.certificate_number) ?? null) : null,
  }));
}

/** 查询: newest submission first; pages go no deeper than APPLICATION_LIST_MAX_ROWS (the total says so). */
export async function searchApplications(
  ctx: ServiceContext,
  query: BureauSearchQuery,
): Promise<BureauSearchResponse> {
  const bureauCode = officerBureau(ctx);
  const filter = toBureauFilter(ctx.db, query);
  const offset = (query.page - 1) * query.pageSize;
  const limit = Math.max(0, Math.min(query.pageSize, APPLICATION_LIST_MAX_ROWS - offset));
  const counted = await countBureauApplicationsUpTo(
    ctx.db,
    bureauCode,
    filter,
    APPLICATION_LIST_MAX_ROWS + 1,
  );
  const rows =
    limit > 0 && offset < counted
      ? await searchBureauApplications(ctx.db, bureauCode, filter, offset, limit)
      : [];
  return {
    items: await present(ctx, rows),
    total: Math.min(counted, APPLICATION_LIST_MAX_ROWS),
    totalCapped: counted > APPLICATION_LIST_MAX_ROWS,
    page: query.page,
    pageSize: query.pageSize,
  };
}

const EXPORT_BATCH = 1000;
/** A bureau's export stops here (a note in the last row says so): narrow the query for more. */
export const BUREAU_EXPORT_MAX_ROWS = 100_000;

const EXPORT_COLUMNS = [
  { header: '申请编号', key: 'number', width: 24 },
  { header: '申请单位', key: 'organisationName', width: 36 },
  { header: '单位代码', key: 'organisationCode', width: 22 },
  { header: '免办条款', key: 'clause', width: 40 },
  { header: '产品', key: 'product', width: 30 },
  { header: '产品数量', key: 'productCount', width: 10 },
  { header: '提交日期', key: 'submittedAt', width: 18 },
  { header: '办结日期', key: 'decidedAt', width: 18 },
  { header: '状态', key: 'status', width: 12 },
  { header: '证明号', key: 'certificateNumber', width: 16 },
  { header: '证明状态', key: 'certificateStatus', width: 18 },
] as const;

/** 'CCC免办受理查询_2026-03-02.xlsx' (China date). */
export function bureauExportFilename(ctx: ServiceContext): string {
  return `CCC免办受理查询_${chinaDate(ctx.clock.now())}.xlsx`;
}

/**
 * The search's cases as an .xlsx, streamed: fetched by keyset in batches and written as they come, at most
 * BUREAU_EXPORT_MAX_ROWS rows. The officer's bureau is checked before the stream starts.
 */
export function exportApplications(ctx: ServiceContext, query: BureauSearchFilter): Readable {
  const bureauCode = officerBureau(ctx);
  const filter = toBureauFilter(ctx.db, query);
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('CCC免办受理查询');
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  const time = (v: string | null) => (v ? formatChinaTime(v) : null);

  const run = async () => {
    let after: { listedAt: string; id: string } | null = null;
    let written = 0;
    for (;;) {
      const batch = Math.min(EXPORT_BATCH, BUREAU_EXPORT_MAX_ROWS + 1 - written);
      const rows = await searchBureauApplicationsAfter(ctx.db, bureauCode, filter, after, batch);
      if (rows.length === 0) break;
      const items = await present(ctx, rows);
      for (const item of items) {
        if (written === BUREAU_EXPORT_MAX_ROWS) {
          sheet
            .addRow({ number: `仅导出前 ${BUREAU_EXPORT_MAX_ROWS} 条，请缩小查询范围后分批导出` })
            .commit();
          break;
        }
        sheet
          .addRow({
            number: item.number,
            organisationName: item.organisationName,
            organisationCode: item.organisationCode,
            clause: `${item.clauseCode} ${item.clauseName}`,
            product: item.firstProductName,
            productCount: item.productCount,
            submittedAt: time(item.submittedAt),
            decidedAt: time(item.decidedAt),
            status: applicationStatusLabels[item.status].zh,
            certificateNumber: item.certificateNumber,
            certificateStatus: item.certificateStatus
              ? certificateStatusLabels[item.certificateStatus].zh
              : null,
          })
          .commit();
        written++;
      }
      const last = rows[rows.length - 1]!;
      after = { listedAt: last.listed_at, id: last.id };
      if (rows.length < batch || written >= BUREAU_EXPORT_MAX_ROWS) break;
    }
    sheet.commit();
    await workbook.commit();
  };
  run().catch((err: unknown) => {
    ctx.log.error({ err }, 'bureau export failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}
