import { addDays, chinaDate, workingDaysBetween } from '@ccc/domain';
import type { AppDeps, ServiceContext } from '../../context';
import { iso } from '../../lib/clock';
import { recordAudit } from '../audit/audit.service';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import { mailOrganisationUsers } from '../review/review-mail';
import { assessCertificates } from '../usage-records/record-deadlines';
import { reportingCandidates } from '../usage-records/reporting-state';
import { usageRecordsRepository as repo } from '../usage-records/usage-records.repository';
import { portalRecordsUrl } from './supervision.service';

/** Working days before a reporting deadline at which the organisation is reminded (once per due date). */
export const REMINDER_WORKING_DAYS = 3;

/**
 * Mails the holder organisation of every valid certificate that is not fully reported and whose deadline is
 * at most REMINDER_WORKING_DAYS working days away (and not yet passed). Idempotent across instances: the
 * report_reminders row (base number, due date) is inserted in the mail's transaction, and a conflicting insert
 * sends nothing. Returns the certificate numbers reminded.
 */
export async function sendReportReminders(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config' | 'files' | 'log' | 'captchaText'>,
  daysBefore = REMINDER_WORKING_DAYS,
): Promise<string[]> {
  const ctx: ServiceContext = {
    ...deps,
    actor: null,
    ip: null,
    userAgent: 'report-reminders',
    locale: 'zh-CN',
  };
  const today = chinaDate(ctx.clock.now());
  // Candidates due before today + daysBefore working days, with room for the longest holiday (Golden Week);
  // the assessment below decides.
  const candidates = await reportingCandidates(ctx, null, addDays(today, daysBefore + 15));
  const assessed = await assessCertificates(ctx, candidates);
  const due = assessed.filter((a) => a.deadline && !a.fullyReported && a.deadline.dueOn >= today);
  if (due.length === 0) return [];
  const latest = due
    .map((a) => a.deadline!.dueOn)
    .sort()
    .at(-1)!;
  const calendar = await loadWorkingCalendar(ctx, today, addDays(latest, 1));
  const sent: string[] = [];
  for (const a of due) {
    const dueOn = a.deadline!.dueOn;
    const left = workingDaysBetween(today, dueOn, calendar);
    if (left > daysBefore) continue;
    const cert = a.cert.current;
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.claimReminder(trx, cert.base_number, dueOn, iso(ctx.clock.now())))) return;
      await mailOrganisationUsers(trx, ctx, cert.organisation_id, 'reportReminder', (recipientName) => ({
        recipientName,
        certificateNumber: cert.number,
        deadline: dueOn,
        workingDaysLeft: left,
        url: portalRecordsUrl(ctx, cert.number),
      }));
      await recordAudit(trx, ctx, {
        entityType: 'certificate',
        entityId: cert.id,
        action: 'REPORT_REMINDER_SENT',
        after: { number: cert.number, dueOn, workingDaysLeft: left },
        organisationId: cert.organisation_id,
        bureauCode: cert.bureau_code,
      });
      sent.push(cert.number);
    });
  }
  return sent;
}

/** Runs sendReportReminders every hour in the background of a server process. */
export function startReportReminders(deps: AppDeps, everyMs = 60 * 60_000): () => void {
  const run = () => {
    sendReportReminders(deps).catch((err: unknown) => deps.log.warn({ err }, 'report reminders failed'));
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
