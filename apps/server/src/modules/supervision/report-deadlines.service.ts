import type { reportDeadlinesBodySchema, ReportDeadlinesResponse } from '@ccc/domain';
import type { z } from 'zod';
import type { ServiceContext } from '../../context';
import { AppError } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { recordAudit } from '../audit/audit.service';
import { loadDeadlineRules, ruleFor } from '../usage-records/record-deadlines';
import { usageRecordsRepository as repo } from '../usage-records/usage-records.repository';

/** GET /api/admin/report-deadlines: every clause with its deadline (the default where none is set). */
export async function getReportDeadlines(ctx: ServiceContext): Promise<ReportDeadlinesResponse> {
  const [clauses, rules] = await Promise.all([repo.clauses(ctx.db), loadDeadlineRules(ctx)]);
  return {
    items: clauses.map((c) => {
      const r = ruleFor(rules, c.code);
      return {
        clauseCode: c.code,
        clauseName: c.name,
        days: r.days,
        basis: r.basis,
        updatedAt: r.updatedAt ?? '',
      };
    }),
  };
}

/** PUT /api/admin/report-deadlines: sets the given clauses' deadlines (audited). */
export async function saveReportDeadlines(
  ctx: ServiceContext,
  body: z.output<typeof reportDeadlinesBodySchema>,
): Promise<ReportDeadlinesResponse> {
  const known = new Set((await repo.clauses(ctx.db)).map((c) => c.code));
  const fields = body.items
    .map((item, i) =>
      known.has(item.clauseCode) ? null : { path: `items.${i}.clauseCode`, message: 'v.invalid' },
    )
    .filter((f): f is { path: string; message: string } => f !== null);
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  const before = await loadDeadlineRules(ctx);
  const now = iso(ctx.clock.now());
  await ctx.db.transaction().execute(async (trx) => {
    for (const item of body.items) {
      await repo.upsertDeadline(trx, {
        clause_code: item.clauseCode,
        days: item.days,
        basis: item.basis,
        updated_at: now,
      });
      const old = ruleFor(before, item.clauseCode);
      await recordAudit(trx, ctx, {
        entityType: 'report_deadline',
        entityId: item.clauseCode,
        action: 'REPORT_DEADLINE_UPDATED',
        before: { days: old.days, basis: old.basis },
        after: { days: item.days, basis: item.basis },
      });
    }
  });
  return getReportDeadlines(ctx);
}
