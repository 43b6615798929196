import { addDays, isWorkingDay, type WorkingCalendar } from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { applicationsRepository } from '../applications/applications.repository';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import { certificatesOfBases, type CertificateOfBase } from '../certificates/certificate-ledger';
import { fullyReported, loadDeadlineRules, ruleFor } from './record-deadlines';
import { usageRecordsRepository as records } from './usage-records.repository';
import {
  reportingStateRepository as repo,
  type ClauseCutoff,
  type ReportingFacts,
} from './reporting-state.repository';

/**
 * The overdue list and the reminder job need the certificates whose reporting deadline can fall in a window,
 * not every valid certificate in the country. certificate_reporting keeps, per certificate number, whether it
 * is valid and fully reported and the dates a deadline can count from (issue, end of display, first
 * export). Triggers mark a number dirty with every change to its certificates or records; a reader first
 * recomputes the dirty rows, then asks SQL for the candidates, then assesses only those exactly
 * (assessCertificates). The cut-offs are generous by a week: SQL narrows, the assessment decides.
 */

const BATCH = 200;
const MAX_BATCHES = 50;
const MARGIN_DAYS = 7;

/** Recomputes the rows that changes marked dirty; returns how many were stored. */
export async function refreshReportingStates(ctx: Pick<ServiceContext, 'db'>): Promise<number> {
  let stored = 0;
  for (let round = 0; round < MAX_BATCHES; round++) {
    const dirty = await repo.dirty(ctx.db, BATCH);
    if (dirty.length === 0) break;
    const bases = dirty.map((d) => d.base_number);
    const [certs, lines, writeoffs] = await Promise.all([
      certificatesOfBases(ctx.db, bases),
      records.ledgerLinesOfBases(ctx.db, bases),
      records.writeoffsOfBases(ctx.db, bases),
    ]);
    const displayEnds = await applicationsRepository.displayEndDates(
      ctx.db,
      certs.map((c) => c.current.application_id),
    );
    const byBase = new Map(certs.map((c) => [c.current.base_number, c]));
    for (const d of dirty) {
      const cert = byBase.get(d.base_number);
      const facts = cert
        ? factsOf(
            cert,
            lines.filter((l) => l.base_number === d.base_number),
            writeoffs.filter((w) => w.base_number === d.base_number),
            displayEnds.get(cert.current.application_id) ?? null,
          )
        : NO_CERTIFICATE;
      await repo.store(ctx.db, d.base_number, d.change_seq, facts);
      stored++;
    }
    if (dirty.length < BATCH) break;
  }
  return stored;
}

const NO_CERTIFICATE: ReportingFacts = {
  valid: 0,
  fully_reported: 0,
  bureau_code: null,
  clause_code: null,
  issue_date: null,
  display_end_date: null,
  first_export_date: null,
};

function factsOf(
  cert: CertificateOfBase,
  lines: Parameters<typeof fullyReported>[1],
  writeoffs: Parameters<typeof fullyReported>[2],
  displayEnd: string | null,
): ReportingFacts {
  const exportDates = writeoffs.map((w) => w.export_date).filter((d): d is string => !!d);
  return {
    valid: cert.current.status === 'valid' ? 1 : 0,
    fully_reported: fullyReported(cert, lines, writeoffs) ? 1 : 0,
    bureau_code: cert.current.bureau_code,
    clause_code: cert.currentContent.clause.code,
    issue_date: cert.originalContent.issueDate,
    display_end_date: displayEnd,
    first_export_date: exportDates.length ? [...exportDates].sort()[0]! : null,
  };
}

/**
 * The latest date a deadline of `days` working days may count from and still fall before `before`: the
 * day before the `days`-th working day counted back from the day before `before`.
 */
export function latestFromDueBefore(before: string, days: number, calendar: WorkingCalendar): string {
  let date = before;
  for (let left = days; left > 0;) {
    date = addDays(date, -1);
    if (isWorkingDay(date, calendar)) left--;
  }
  return addDays(date, -1);
}

/**
 * Valid, not fully reported certificates (of one bureau, or of all) whose deadline may fall before
 * `dueBefore` (a China date), recomputing dirty rows first. A superset of the answer: assess them.
 */
export async function reportingCandidates(
  ctx: Pick<ServiceContext, 'db'>,
  bureauCode: string | null,
  dueBefore: string,
): Promise<CertificateOfBase[]> {
  await refreshReportingStates(ctx);
  const rules = await loadDeadlineRules(ctx);
  const longest = Math.max(...[...rules.values()].map((r) => r.days), ruleFor(rules, '').days);
  const calendar = await loadWorkingCalendar(ctx, addDays(dueBefore, -(longest * 2 + 60)), dueBefore);
  const cutoff = (days: number) => addDays(latestFromDueBefore(dueBefore, days, calendar), MARGIN_DAYS);
  const cutoffs: ClauseCutoff[] = [
    ...[...rules].map(([clauseCode, r]) => ({
      clauseCode,
      basis: r.basis,
      latestFrom: cutoff(r.days),
    })),
    { clauseCode: null, basis: ruleFor(rules, '').basis, latestFrom: cutoff(ruleFor(rules, '').days) },
  ];
  const bases = await repo.candidates(ctx.db, bureauCode, cutoffs);
  return (await certificatesOfBases(ctx.db, bases)).filter(
    (c) => c.current.status === 'valid' && (!bureauCode || c.current.bureau_code === bureauCode),
  );
}
