import {
  addDays,
  addWorkingDays,
  chinaDate,
  spansUnpublishedYear,
  workingDaysBetween,
  WRITEOFF_CLAUSE,
  type RecordDeadline,
  type RecordProduct,
  type ReportDeadlineBasis,
  type WorkingCalendar,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { applicationsRepository } from '../applications/applications.repository';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import type { CertificateOfBase } from '../certificates/certificate-ledger';
import { allLinesReported, computeLedger } from './record-ledger';
import { usageRecordsRepository as repo } from './usage-records.repository';

/**
 * Per-clause reporting deadlines (working days) and whether a certificate is fully reported or overdue.
 * Defaults, used for a clause without a report_deadlines row (the administrator's row wins):
 * 01, 02, 03, 06 — 90 working days from the issue date; 04 — 10 working days from the end of the display
 * period (the application's 展示结束日期); 05 — 10 working days (2 weeks) from the finished products' export
 * (the write-off record's export date; no deadline until one is recorded).
 */
export const DEFAULT_DEADLINES: Record<string, { days: number; basis: ReportDeadlineBasis }> = {
  '01': { days: 90, basis: 'issue' },
  '02': { days: 90, basis: 'issue' },
  '03': { days: 90, basis: 'issue' },
  '04': { days: 10, basis: 'display_end' },
  '05': { days: 10, basis: 'export' },
  '06': { days: 90, basis: 'issue' },
};
const FALLBACK = { days: 90, basis: 'issue' as ReportDeadlineBasis };

export type DeadlineRules = Map<
  string,
  { days: number; basis: ReportDeadlineBasis; updatedAt: string | null }
>;

export async function loadDeadlineRules(ctx: Pick<ServiceContext, 'db'>): Promise<DeadlineRules> {
  const rows = await repo.deadlineRules(ctx.db);
  const rules: DeadlineRules = new Map(
    Object.entries(DEFAULT_DEADLINES).map(([code, r]) => [code, { ...r, updatedAt: null }]),
  );
  for (const r of rows)
    rules.set(r.clause_code, {
      days: r.days,
      basis: r.basis as ReportDeadlineBasis,
      updatedAt: r.updated_at,
    });
  return rules;
}

export function ruleFor(rules: DeadlineRules, clauseCode: string) {
  return rules.get(clauseCode) ?? { ...FALLBACK, updatedAt: null };
}

/** What the supervision knows of one certificate number: its ledger and its deadline. */
export interface CertificateAssessment {
  cert: CertificateOfBase;
  products: RecordProduct[];
  deadline: RecordDeadline | null;
  fullyReported: boolean;
}

/** The date the clause's days count from, or null when not known yet (clause 05 before a write-off). */
function basisDate(
  basis: ReportDeadlineBasis,
  issueDate: string,
  displayEnd: string | null,
  exportDates: string[],
): string | null {
  if (basis === 'display_end') return displayEnd ?? issueDate;
  if (basis === 'export') return exportDates.length ? [...exportDates].sort()[0]! : null;
  return issueDate;
}

function deadlineOf(
  rule: { days: number; basis: ReportDeadlineBasis },
  fromDate: string | null,
  fullyReported: boolean,
  today: string,
  calendar: WorkingCalendar,
): RecordDeadline | null {
  if (!fromDate) return null;
  const dueOn = addWorkingDays(fromDate, rule.days, calendar);
  const overdue = !fullyReported && today > dueOn;
  return {
    dueOn,
    basis: rule.basis,
    fromDate,
    days: rule.days,
    fullyReported,
    overdue,
    daysOverdue: overdue ? workingDaysBetween(dueOn, today, calendar) : 0,
    calendarIncomplete: spansUnpublishedYear(fromDate, today > dueOn ? today : dueOn, calendar),
  };
}

type LedgerLines = Awaited<ReturnType<typeof repo.ledgerLinesOfBases>>;
type Writeoffs = Awaited<ReturnType<typeof repo.writeoffsOfBases>>;

/**
 * Every line's submitted or verified quantity reaches its certified quantity, and for clause 05 a write-off
 * is submitted or verified: nothing is left to report. `lines` and `writeoffs` are the certificate's own.
 */
export function fullyReported(cert: CertificateOfBase, lines: LedgerLines, writeoffs: Writeoffs): boolean {
  const content = cert.currentContent;
  const writeoffReported =
    content.clause.code !== WRITEOFF_CLAUSE ||
    writeoffs.some((w) => w.status === 'submitted' || w.status === 'verified');
  return allLinesReported(computeLedger(content.products, lines)) && writeoffReported;
}

/** Ledger and deadline of several certificate numbers, with one query per table and one calendar. */
export async function assessCertificates(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  certs: readonly CertificateOfBase[],
): Promise<CertificateAssessment[]> {
  if (certs.length === 0) return [];
  const bases = certs.map((c) => c.current.base_number);
  const [rules, lines, writeoffs] = await Promise.all([
    loadDeadlineRules(ctx),
    repo.ledgerLinesOfBases(ctx.db, bases),
    repo.writeoffsOfBases(ctx.db, bases),
  ]);
  const today = chinaDate(ctx.clock.now());
  const prepared = await Promise.all(
    certs.map(async (cert) => {
      const content = cert.currentContent;
      const rule = ruleFor(rules, content.clause.code);
      let displayEnd: string | null = null;
      if (rule.basis === 'display_end') {
        const app = await applicationsRepository.find(ctx.db, cert.current.application_id);
        displayEnd = app?.display_end_date ?? null;
      }
      const mine = writeoffs.filter((w) => w.base_number === cert.current.base_number);
      const exportDates = mine.map((w) => w.export_date).filter((d): d is string => !!d);
      const fromDate = basisDate(rule.basis, cert.originalContent.issueDate, displayEnd, exportDates);
      const mineLines = lines.filter((l) => l.base_number === cert.current.base_number);
      return {
        cert,
        rule,
        fromDate,
        products: computeLedger(content.products, mineLines),
        fullyReported: fullyReported(cert, mineLines, mine),
      };
    }),
  );
  const froms = prepared.map((p) => p.fromDate).filter((d): d is string => !!d);
  const maxDays = Math.max(...prepared.map((p) => p.rule.days));
  const start = froms.length ? [...froms].sort()[0]! : today;
  const lastFrom = froms.length ? [...froms].sort().at(-1)! : today;
  const horizon = addDays(lastFrom, maxDays * 2 + 60);
  const calendar = await loadWorkingCalendar(ctx, start, horizon > today ? horizon : today);
  return prepared.map((p) => ({
    cert: p.cert,
    products: p.products,
    fullyReported: p.fullyReported,
    deadline: deadlineOf(p.rule, p.fromDate, p.fullyReported, today, calendar),
  }));
}
