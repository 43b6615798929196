import {
  applicationStatuses,
  chinaDate,
  STATISTICS_MAX_MONTHS,
  type ApplicationStatus,
  type DecisionTime,
  type StatisticsQuery,
  type StatisticsResponse,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError, fieldError } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import { findBureauNames, findReferenceNames } from '../reference/reference.service';
import { listServiceLevels } from '../reference/service-levels.service';
import { serviceLevelsOf } from '../review/review.service';
import { clockSpan, overdueLimits, type ServiceLevels } from '../review/service-clock';
import {
  addMonths,
  decisionTime,
  defaultRange,
  instantRange,
  monthBoundaries,
  monthsOf,
  type HistogramBucket,
} from './statistics-math';
import { statisticsRepository as repo, type StatisticsScope } from './statistics.repository';

/**
 * 统计分析 (SPEC §6). The administrator sees every bureau (or the one asked for); an officer only the own
 * bureau, whatever the request says. Application figures count the cohort first submitted in the range;
 * certificate figures the certificates issued (revoked) in the range; pending and overdue are as of now.
 * Every figure is a GROUP BY in the database; only the open cases are loaded, for their service clocks.
 */

interface Resolved {
  from: string;
  to: string;
  bureauCode: string | null;
  /** Whether the per-bureau tables are shown (the administrator). */
  admin: boolean;
}

/** Who may see which bureau, and the range (default: the last 12 months). */
async function resolve(ctx: ServiceContext, query: StatisticsQuery): Promise<Resolved> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  let bureauCode: string | null;
  if (actor.role === 'admin') {
    bureauCode = query.bureau ?? null;
    if (bureauCode !== null && !(await findBureauNames(ctx, [bureauCode])).has(bureauCode)) {
      throw fieldError('bureau', 'v.invalid');
    }
  } else if (actor.role === 'officer' && actor.bureauCode) {
    // The officer's own bureau from the session: a bureau in the query never widens or moves it.
    bureauCode = actor.bureauCode;
  } else {
    throw new AppError('FORBIDDEN');
  }
  const fallback = defaultRange(ctx.clock.now());
  const from = query.from ?? (query.to ? `${addMonths(query.to.slice(0, 7), -11)}-01` : fallback.from);
  const to = query.to ?? (query.from && query.from > fallback.to ? query.from : fallback.to);
  if (from > to) throw fieldError('to', 'v.invalid');
  if (monthsOf(from, to).length > STATISTICS_MAX_MONTHS) throw fieldError('from', 'v.invalid');
  return { from, to, bureauCode, admin: actor.role === 'admin' };
}

const byCount = <T extends { code: string; count: number }>(a: T, b: T) =>
  b.count - a.count || a.code.localeCompare(b.code);

/** Adds `n` to the entry of `key`. */
function add<K>(map: Map<K, number>, key: K, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** Open cases now past 受理时限 (待受理 too long) or 办结时限 (with the bureau too long), by bureau. */
async function overdueNow(ctx: ServiceContext, bureauCode: string | null) {
  const open = await repo.openCases(ctx.db, bureauCode);
  const byBureau = new Map<string, { accept: number; decide: number; total: number }>();
  if (open.length === 0) return { pending: 0, byBureau };

  const levels = new Map<string, ServiceLevels>((await listServiceLevels(ctx)).map((l) => [l.bureauCode, l]));
  for (const code of new Set(open.map((o) => o.bureau_code))) {
    if (!levels.has(code)) levels.set(code, await serviceLevelsOf(ctx, code));
  }
  const now = ctx.clock.now();
  const widest: ServiceLevels = {
    acceptDays: Math.max(...[...levels.values()].map((l) => l.acceptDays)),
    decideDays: Math.max(...[...levels.values()].map((l) => l.decideDays)),
  };
  const starts = open.filter((o) => o.submitted_at).map((o) => chinaDate(new Date(o.submitted_at!)));
  const span = clockSpan(starts, chinaDate(now), widest);
  const calendar = await loadWorkingCalendar(ctx, span.from, span.to);

  for (const o of open) {
    const past = overdueLimits(
      {
        status: o.status,
        submittedAt: o.submitted_at,
        returnedAt: o.returned_at,
        clockDaysUsed: Number(o.clock_days_used),
      },
      now,
      levels.get(o.bureau_code)!,
      calendar,
    );
    if (!past || (!past.accept && !past.decide)) continue;
    const entry = byBureau.get(o.bureau_code) ?? { accept: 0, decide: 0, total: 0 };
    if (past.accept) entry.accept++;
    if (past.decide) entry.decide++;
    entry.total++;
    byBureau.set(o.bureau_code, entry);
  }
  return { pending: open.length, byBureau };
}

export async function getStatistics(
  ctx: ServiceContext,
  query: StatisticsQuery,
): Promise<StatisticsResponse> {
  const r = await resolve(ctx, query);
  const months = monthsOf(r.from, r.to);
  const bounds = monthBoundaries(months);
  const scope: StatisticsScope = { ...instantRange(r.from, r.to), bureauCode: r.bureauCode };

  const [groups, monthRows, chapterRows, histogram, issuedRows, revokedRows, overdue, names] =
    await Promise.all([
      repo.countByStateClauseBureau(ctx.db, scope),
      repo.countByMonth(ctx.db, scope, bounds),
      repo.countByChapter(ctx.db, scope),
      repo.decisionHistogram(ctx.db, scope),
      repo.certificatesIssuedByMonth(ctx.db, scope, bounds),
      repo.certificatesRevokedByMonth(ctx.db, scope, bounds),
      overdueNow(ctx, r.bureauCode),
      findReferenceNames(ctx),
    ]);

  const states = new Map<string, number>();
  const clauses = new Map<string, number>();
  const bureaus = new Map<string, number>();
  for (const g of groups) {
    const n = Number(g.n);
    add(states, g.status, n);
    add(clauses, g.clause_code, n);
    add(bureaus, g.bureau_code, n);
  }
  const bureauCodes = [
    ...bureaus.keys(),
    ...overdue.byBureau.keys(),
    ...histogram.map((h) => h.bureau_code),
    ...(r.bureauCode ? [r.bureauCode] : []),
  ];
  const bureauNames = await findBureauNames(ctx, bureauCodes);
  const bureauName = (code: string) => bureauNames.get(code) ?? code;
  const clauseName = (code: string) => names.clauses.get(code) ?? code;

  // Decision time: one histogram, summed per bureau, per clause and overall.
  const all: HistogramBucket[] = [];
  const perBureau = new Map<string, HistogramBucket[]>();
  const perClause = new Map<string, HistogramBucket[]>();
  for (const h of histogram) {
    const bucket = { value: Number(h.days), count: Number(h.n) };
    all.push(bucket);
    perBureau.set(h.bureau_code, [...(perBureau.get(h.bureau_code) ?? []), bucket]);
    perClause.set(h.clause_code, [...(perClause.get(h.clause_code) ?? []), bucket]);
  }
  const timeRows = (map: Map<string, HistogramBucket[]>, name: (code: string) => string) =>
    [...map.entries()]
      .map(([code, buckets]): DecisionTime & { code: string; name: string } => ({
        code,
        name: name(code),
        ...decisionTime(buckets),
      }))
      .sort((a, b) => a.code.localeCompare(b.code));

  const monthCounts = new Map(monthRows.map((m) => [m.month, Number(m.n)]));
  const issued = new Map<string, { original: number; modified: number }>();
  for (const row of issuedRows) {
    const entry = issued.get(row.month) ?? { original: 0, modified: 0 };
    if (row.version === 'modified') entry.modified += Number(row.n);
    else entry.original += Number(row.n);
    issued.set(row.month, entry);
  }
  const revoked = new Map(revokedRows.map((m) => [m.month, Number(m.n)]));
  const certificatesByMonth = months.map((month) => ({
    month,
    original: issued.get(month)?.original ?? 0,
    modified: issued.get(month)?.modified ?? 0,
    revoked: revoked.get(month) ?? 0,
  }));
  const sum = (f: (m: (typeof certificatesByMonth)[number]) => number) =>
    certificatesByMonth.reduce((s, m) => s + f(m), 0);

  const overdueRows = [...overdue.byBureau.entries()]
    .map(([code, o]) => ({ code, name: bureauName(code), ...o }))
    .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
  const overdueTotals = overdueRows.reduce(
    (s, o) => ({ accept: s.accept + o.accept, decide: s.decide + o.decide, total: s.total + o.total }),
    { accept: 0, decide: 0, total: 0 },
  );

  return {
    scope: {
      from: r.from,
      to: r.to,
      bureauCode: r.bureauCode,
      bureauName: r.bureauCode ? bureauName(r.bureauCode) : null,
      generatedAt: iso(ctx.clock.now()),
    },
    totals: {
      submitted: [...states.values()].reduce((s, n) => s + n, 0),
      certificatesIssued: sum((m) => m.original),
      certificatesModified: sum((m) => m.modified),
      certificatesRevoked: sum((m) => m.revoked),
      refused: states.get('refused') ?? 0,
      pending: overdue.pending,
      overdue: overdueTotals.total,
    },
    byState: applicationStatuses.map((status: ApplicationStatus) => ({
      status,
      count: states.get(status) ?? 0,
    })),
    byClause: [...clauses.entries()]
      .map(([code, count]) => ({ code, name: clauseName(code), count }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    byBureau: r.admin
      ? [...bureaus.entries()].map(([code, count]) => ({ code, name: bureauName(code), count })).sort(byCount)
      : [],
    byMonth: months.map((month) => ({ month, count: monthCounts.get(month) ?? 0 })),
    byChapter: chapterRows
      .map((c) => ({
        chapter: c.chapter,
        name: c.name_zh ?? '',
        applications: Number(c.applications),
        lines: Number(c.lines),
      }))
      .sort(
        (a, b) => b.applications - a.applications || b.lines - a.lines || a.chapter.localeCompare(b.chapter),
      ),
    certificatesByMonth,
    decisionTime: {
      overall: decisionTime(all),
      byBureau: r.admin ? timeRows(perBureau, bureauName) : [],
      byClause: timeRows(perClause, clauseName),
    },
    overdue: { ...overdueTotals, byBureau: r.admin ? overdueRows : [] },
  };
}

/** The export's file name: 统计分析_<from>_<to>[_<bureau>].xlsx. */
export const statisticsExportFilename = (s: StatisticsResponse['scope']) =>
  `统计分析_${s.from}_${s.to}${s.bureauCode ? `_${s.bureauCode}` : ''}.xlsx`;
