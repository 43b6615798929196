import { createOfficerBodySchema, registerBodySchema, type Role } from '@ccc/domain';
import type { Actor, AppDeps, ServiceContext } from '../context';
import { decideMembership } from '../modules/enterprises/members.service';
import { register } from '../modules/enterprises/registration.service';
import { createOfficer } from '../modules/officers/officers.service';
import type { DemoTimeline } from './demo-timeline';
import {
  DEMO_PASSWORD,
  demoOfficers,
  demoOrganisations,
  type DemoOrganisation,
  type DemoUser,
} from './demo-people';

/**
 * Service contexts for the demo's people, built the way the session plugin builds request.ctx from a
 * session: the user's row gives the actor. The demo acts through the same service functions the routes
 * call, so every check, number, audit row and mail is the real one.
 */

export const DEMO_USER_AGENT = 'npm run demo';

export interface DemoAccount {
  role: Role;
  username: string;
  /** null when the demo did not set it (an administrator that existed before). */
  password: string | null;
  status: string;
  /** The organisation's or the bureau's name. */
  unit: string;
  note?: string;
}

export function contextOf(deps: AppDeps, actor: Actor | null): ServiceContext {
  return { ...deps, actor, ip: '127.0.0.1', userAgent: DEMO_USER_AGENT, locale: 'zh-CN' };
}

/** The actor of a user as its session would carry it (current row: status, organisation, bureau). */
export async function actorOf(deps: AppDeps, username: string): Promise<Actor> {
  const u = await deps.db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'status', 'organisation_id', 'bureau_code'])
    .where('username_key', '=', username.toLowerCase())
    .executeTakeFirstOrThrow();
  return {
    userId: u.id,
    username: u.username,
    role: u.role as Role,
    status: u.status,
    organisationId: u.organisation_id,
    bureauCode: u.bureau_code,
  };
}

export async function contextOfUser(deps: AppDeps, username: string): Promise<ServiceContext> {
  return contextOf(deps, await actorOf(deps, username));
}

function registrationBody(org: DemoOrganisation, user: DemoUser) {
  return registerBodySchema.parse({
    acceptDeclaration: true,
    username: user.username,
    password: DEMO_PASSWORD,
    confirmPassword: DEMO_PASSWORD,
    orgCode: org.code,
    joinExisting: user.joins !== undefined,
    ...(user.joins
      ? {}
      : {
          orgNameZh: org.nameZh,
          orgNameEn: org.nameEn,
          divisionCode: org.divisionCode,
          orgAddress: org.address,
          orgPostcode: org.postcode,
        }),
    contactName: user.contactName,
    mobile: user.mobile,
    email: user.email,
    phone: user.phone,
  });
}

/** 注册 of an organisation's first user, later its colleagues (approved by the first user, or left pending). */
export function organisationStory(deps: AppDeps, timeline: DemoTimeline, org: DemoOrganisation, day: number) {
  return async () => {
    const s = timeline.story(day);
    const [first, ...others] = org.users;
    await s.after(0, '09:40');
    await register(contextOf(deps, null), registrationBody(org, first!));
    for (const user of others) {
      await s.after(3, '14:20');
      await register(contextOf(deps, null), registrationBody(org, user));
      if (user.joins === 'approved') {
        await s.later(95);
        const ctx = await contextOfUser(deps, first!.username);
        await decideMembership(ctx, (await actorOf(deps, user.username)).userId, 'approve');
      }
    }
  };
}

/** The administrator creates the officers' accounts, one bureau after another. */
export function officersStory(deps: AppDeps, timeline: DemoTimeline, adminUsername: string, day: number) {
  return async () => {
    const s = timeline.story(day);
    await s.after(0, '09:10');
    const admin = await contextOfUser(deps, adminUsername);
    for (const o of demoOfficers) {
      await createOfficer(
        admin,
        createOfficerBodySchema.parse({
          username: o.username,
          password: DEMO_PASSWORD,
          contactName: o.contactName,
          mobile: o.mobile,
          email: o.email,
          phone: o.phone,
          bureauCode: o.bureauCode,
        }),
      );
      await s.later(7);
    }
  };
}

/** The accounts to print: officers, then each organisation's users. */
export async function demoAccounts(deps: AppDeps): Promise<DemoAccount[]> {
  const bureaus = new Map(
    (await deps.db.selectFrom('bureaus').select(['code', 'name']).execute()).map((b) => [b.code, b.name]),
  );
  const statuses = new Map(
    (await deps.db.selectFrom('users').select(['username_key', 'status']).execute()).map((u) => [
      u.username_key,
      u.status,
    ]),
  );
  const accounts: DemoAccount[] = demoOfficers.map((o) => ({
    role: 'officer',
    username: o.username,
    password: DEMO_PASSWORD,
    status: statuses.get(o.username.toLowerCase()) ?? 'missing',
    unit: bureaus.get(o.bureauCode) ?? o.bureauCode,
  }));
  for (const org of demoOrganisations) {
    for (const u of org.users) {
      const status = statuses.get(u.username.toLowerCase()) ?? 'missing';
      accounts.push({
        role: 'enterprise',
        username: u.username,
        password: DEMO_PASSWORD,
        status,
        unit: org.nameZh,
        ...(status === 'pending' ? { note: '待本单位用户审核（加入申请）' } : {}),
      });
    }
  }
  return accounts;
}
