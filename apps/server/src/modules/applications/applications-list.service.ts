import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  APPLICATION_LIST_MAX_ROWS,
  applicationActions,
  applicationStatusLabels,
  chinaDate,
  chinaDayStartIso,
  normaliseHsCode,
  type ApplicationListFilter,
  type ApplicationListItem,
  type ApplicationListQuery,
  type ApplicationListResponse,
  type ApplicationStatus,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { formatChinaTime } from '../../locales/mail';
import { requireActiveMember } from '../enterprises/membership';
import { findBureauNames, findReferenceNames, type ReferenceNames } from '../reference/reference.service';
import { labelled } from './application-labels';
import {
  applicationsRepository as repo,
  type ApplicationFilter,
  type ApplicationListRow,
} from './applications.repository';

/**
 * 「CCC免办申请」: the organisation's applications, newest first, and their export to Excel.
 *
 * Paging is by OFFSET over an index that leads with organisation_id and ends with the sort key
 * (created_at, id), so a page costs an index range scan of offset + pageSize entries whatever the table's
 * size. To keep the worst case bounded, pages go no deeper than APPLICATION_LIST_MAX_ROWS (10,000) rows
 * (`totalCapped` says there are more): an organisation with 100,000 applications narrows its query or
 * exports. The total of a query by status and clause alone is exact and costs a few rows of
 * `application_counts` (kept by triggers); with a text or date filter it is counted up to 10,001. The export walks ALL matches by keyset (created_at, id), in
 * batches, streamed to the client.
 */

const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The query as repository conditions: patterns normalised, China dates as UTC instants. */
export function toRepositoryFilter(f: ApplicationListFilter): ApplicationFilter {
  const product = f.product;
  const digits = product && /^[\d０-９.\s．]+$/.test(product) ? normaliseHsCode(product) : undefined;
  return {
    number: f.number?.toUpperCase(),
    certificateNumber: f.certificateNumber?.toUpperCase(),
    status: f.status,
    clauseCode: f.clauseCode,
    hsCodePattern: digits || undefined,
    productNamePattern: product && !digits ? product.toLowerCase() : undefined,
    listedFrom: f.dateFrom ? chinaDayStartIso(f.dateFrom) : undefined,
    listedBefore: f.dateTo ? chinaDayStartIso(nextDay(f.dateTo)) : undefined,
  };
}

const NO_NAMES: ReferenceNames = {
  clauses: new Map(),
  subClauses: new Map(),
  applicantTypes: new Map(),
  addressTypes: new Map(),
};

async function present(ctx: ServiceContext, rows: ApplicationListRow[]): Promise<ApplicationListItem[]> {
  // A submitted application carries the names it was submitted with; only drafts need today's names.
  const unlabelled = rows.filter((r) => !r.reference_labels);
  const [names, bureaus] = unlabelled.length
    ? await Promise.all([
        findReferenceNames(ctx),
        findBureauNames(
          ctx,
          unlabelled.map((r) => r.bureau_code),
        ),
      ])
    : [NO_NAMES, new Map<string, string>()];
  return rows.map((r) => {
    const status = r.status as ApplicationStatus;
    const labels = labelled(r, names, bureaus);
    return {
      id: r.id,
      number: r.number,
      certificateNumber: r.certificate_number,
      clauseCode: r.clause_code,
      clauseName: labels.clause,
      firstProductName: r.first_product_name,
      productCount: Number(r.product_count),
      bureauCode: r.bureau_code,
      bureauName: labels.bureau,
      submittedAt: r.submitted_at,
      createdAt: r.created_at,
      status,
      actions: applicationActions(status, 'enterprise'),
    };
  });
}

export async function listApplications(
  ctx: ServiceContext,
  query: ApplicationListQuery,
): Promise<ApplicationListResponse> {
  const { organisationId } = requireActiveMember(ctx);
  const filter = toRepositoryFilter(query);
  const offset = (query.page - 1) * query.pageSize;
  const limit = Math.max(0, Math.min(query.pageSize, APPLICATION_LIST_MAX_ROWS - offset));
  const exact = await repo.countFromCounters(ctx.db, organisationId, filter);
  const counted =
    exact ?? (await repo.countUpTo(ctx.db, organisationId, filter, APPLICATION_LIST_MAX_ROWS + 1));
  const rows =
    limit > 0 && offset < counted
      ? await repo.list(ctx.db, organisationId, filter, offset, limit, counted)
      : [];
  return {
    items: await present(ctx, rows),
    total: Math.min(counted, APPLICATION_LIST_MAX_ROWS),
    totalCapped: counted > APPLICATION_LIST_MAX_ROWS,
    matches: exact ?? null,
    page: query.page,
    pageSize: query.pageSize,
  };
}

const EXPORT_BATCH = 1000;
/** An .xlsx sheet holds 1,048,576 rows; stay well inside it. */
const EXPORT_MAX_ROWS = 1_000_000;

const EXPORT_COLUMNS = [
  { header: '申请编号', key: 'number', width: 24 },
  { header: '证明号', key: 'certificateNumber', width: 16 },
  { header: '免办条款', key: 'clause', width: 40 },
  { header: '产品', key: 'product', width: 30 },
  { header: '产品数量', key: 'productCount', width: 10 },
  { header: '受理市场监督管理局', key: 'bureau', width: 30 },
  { header: '提交日期', key: 'submittedAt', width: 18 },
  { header: '创建日期', key: 'createdAt', width: 18 },
  { header: '状态', key: 'status', width: 12 },
] as const;

/** The export's file name: 'CCC免办申请_2026-03-02.xlsx' (China date). */
export function exportFilename(ctx: ServiceContext): string {
  return `CCC免办申请_${chinaDate(ctx.clock.now())}.xlsx`;
}

/**
 * The query's applications as an .xlsx, streamed: rows are fetched by keyset in batches and written as
 * they come, so memory stays flat however many match. The organisation is checked before the stream starts.
 */
export function exportApplications(ctx: ServiceContext, query: ApplicationListFilter): Readable {
  const { organisationId } = requireActiveMember(ctx);
  const filter = toRepositoryFilter(query);
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('CCC免办申请');
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };

  const run = async () => {
    let after: { createdAt: string; id: string } | null = null;
    let written = 0;
    for (;;) {
      const rows = await repo.listAfter(ctx.db, organisationId, filter, after, EXPORT_BATCH);
      if (rows.length === 0) break;
      for (const item of await present(ctx, rows)) {
        sheet
          .addRow({
            number: item.number,
            certificateNumber: item.certificateNumber,
            clause: `${item.clauseCode} ${item.clauseName}`,
            product: item.firstProductName,
            productCount: item.productCount,
            bureau: item.bureauName,
            submittedAt: item.submittedAt ? formatChinaTime(item.submittedAt) : null,
            createdAt: formatChinaTime(item.createdAt),
            status: applicationStatusLabels[item.status].zh,
          })
          .commit();
        written++;
      }
      const last = rows[rows.length - 1]!;
      after = { createdAt: last.created_at, id: last.id };
      if (rows.length < EXPORT_BATCH || written >= EXPORT_MAX_ROWS) break;
    }
    sheet.commit();
    await workbook.commit();
  };
  run().catch((err: unknown) => {
    ctx.log.error({ err }, 'application export failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}
