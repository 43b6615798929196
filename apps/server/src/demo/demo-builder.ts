import { addDays, chinaDate } from '@ccc/domain';
import type { AppDeps } from '../context';
import { migrateToLatest } from '../db/migrate';
import type { ManualClock } from '../lib/clock';
import { loadWorkingCalendar } from '../modules/calendar/calendar.service';
import { seedWorkingCalendar } from '../modules/calendar/calendar-seed';
import { prepareDatabase } from '../startup';
import { demoAccounts, officersStory, organisationStory, type DemoAccount } from './demo-actors';
import { applicationStory, type DemoApplicationResult } from './demo-applications';
import { DEMO_PASSWORD, demoOrganisations } from './demo-people';
import { beijingPlans } from './demo-plans-beijing';
import { guangdongPlans } from './demo-plans-guangdong';
import { jiangsuPlans } from './demo-plans-jiangsu';
import { shanghaiPlans } from './demo-plans-shanghai';
import { DemoTimeline } from './demo-timeline';

/**
 * `npm run demo`: fills an empty database with about eight months of realistic work, through the services.
 * The database is prepared as on start (migrations, reference data, working calendar, first administrator);
 * a database that has organisations already is refused, nothing changed.
 */

const DAY = 24 * 60 * 60 * 1000;
/** How far back the demo starts (calendar days before its end). */
export const DEMO_SPAN_DAYS = 240;

export class DemoRefusedError extends Error {}

export interface DemoResult {
  accounts: DemoAccount[];
  applications: DemoApplicationResult[];
  /** Wall-clock milliseconds the build took. */
  ms: number;
}

/** Registration day of each organisation (calendar days before the end). */
const REGISTRATION_DAY: Record<string, number> = {
  pujiang: 236,
  huaqing: 234,
  xinda: 228,
  nansha: 224,
  qianhai: 200,
};

async function organisationCount(deps: AppDeps): Promise<number> {
  const row = await deps.db
    .selectFrom('organisations')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function firstAdmin(deps: AppDeps): Promise<{ username: string; createdAt: string } | undefined> {
  const row = await deps.db
    .selectFrom('users')
    .select(['username', 'created_at'])
    .where('role', '=', 'admin')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row ? { username: row.username, createdAt: row.created_at } : undefined;
}

/**
 * Builds the demo. `deps.clock` must be `clock` (the services read time from deps): it is moved from
 * DEMO_SPAN_DAYS before `end` to `end` as the stories go, and left at `end`.
 */
export async function buildDemo(
  deps: AppDeps,
  clock: ManualClock,
  opts: { end?: Date } = {},
): Promise<DemoResult> {
  if (deps.clock !== clock) throw new Error('buildDemo: deps.clock must be the demo clock');
  const started = performance.now();
  const end = opts.end ?? new Date();
  const start = new Date(end.getTime() - DEMO_SPAN_DAYS * DAY);

  await migrateToLatest(deps.db);
  const organisations = await organisationCount(deps);
  if (organisations > 0) {
    throw new DemoRefusedError(
      `数据库中已有 ${organisations} 个企业，演示数据只写入空数据库，未做任何更改。` +
        `\nThe database already has ${organisations} organisation(s): the demo fills an empty database only; nothing was changed.`,
    );
  }

  // As on start, as if the system had been installed just before the demo's first day.
  const adminBefore = await firstAdmin(deps);
  clock.set(new Date(start.getTime() - 3 * DAY));
  const adminPassword = deps.config.adminPassword ?? DEMO_PASSWORD;
  await prepareDatabase({ ...deps, config: { ...deps.config, adminPassword } });
  // The calendar rows of the current and next year are those of the real "now".
  clock.set(end);
  await seedWorkingCalendar(deps);
  const admin = (await firstAdmin(deps))!;

  const calendar = await loadWorkingCalendar(deps, addDays(chinaDate(start), -7), addDays(chinaDate(end), 7));
  clock.set(start);
  const timeline = new DemoTimeline(clock, calendar, end);
  const results = new Map<string, DemoApplicationResult>();
  const plans = [...shanghaiPlans(), ...beijingPlans(), ...jiangsuPlans(), ...guangdongPlans(chinaDate(end))];
  await timeline.run([
    officersStory(deps, timeline, admin.username, DEMO_SPAN_DAYS - 2),
    ...demoOrganisations.map((o) => organisationStory(deps, timeline, o, REGISTRATION_DAY[o.key]!)),
    ...plans.map((p) => applicationStory(deps, timeline, p, results)),
  ]);
  clock.set(end);

  const adminAccount: DemoAccount = {
    role: 'admin',
    username: admin.username,
    password: adminBefore ? null : deps.config.adminPassword ? null : DEMO_PASSWORD,
    status: 'active',
    unit: '国家市场监督管理总局（系统管理员）',
    note: adminBefore
      ? '已有管理员，密码未改变'
      : deps.config.adminPassword
        ? '密码为 ADMIN_PASSWORD 的值'
        : undefined,
  };
  return {
    accounts: [adminAccount, ...(await demoAccounts(deps))],
    applications: plans.map((p) => results.get(p.key)!),
    ms: Math.round(performance.now() - started),
  };
}
