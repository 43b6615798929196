import type { Role, SessionUser, UserStatus } from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError } from '../../lib/app-error';
import { iso, MINUTE, plus } from '../../lib/clock';
import { newId, randomToken, sha256Hex } from '../../lib/crypto';
import { dummyPasswordHash, verifyPassword } from '../../lib/password';
import { formatChinaTime } from '../../locales/format';
import { recordAudit } from '../audit/audit.service';
import { getOrganisation } from '../enterprises/enterprises.service';
import { findBureau } from '../reference/reference.service';
import { verifyCaptcha } from './captcha';
import { SESSION_ABSOLUTE_MS } from './session-policy';
import { sessionsRepository } from './sessions.repository';
import { usernameKey } from './users.service';
import { usersRepository, type UserRow } from './users.repository';

/** SPEC §2: five wrong passwords in a row lock the account for 15 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * MINUTE;

/** Statuses that may not log in at all. Pending users may: they see nothing of the organisation. */
const BARRED: readonly string[] = ['disabled', 'rejected'];

/** The session's user as the web app sees it, with the login before this session's. */
export async function sessionUser(
  ctx: ServiceContext,
  user: UserRow,
  sessionCreatedAt: string | null,
): Promise<SessionUser> {
  const previous = sessionCreatedAt
    ? await usersRepository.loginBefore(ctx.db, user.id, sessionCreatedAt)
    : undefined;
  const org = user.organisation_id ? await getOrganisation(ctx.db, user.organisation_id) : null;
  const active = user.status === 'active';
  return {
    id: user.id,
    username: user.username,
    role: user.role as Role,
    status: user.status as UserStatus,
    contactName: user.contact_name,
    // A pending applicant is told which organisation it applied to (its name is public), nothing more.
    organisationId: active ? user.organisation_id : null,
    orgNameZh: org?.nameZh ?? null,
    bureauCode: user.bureau_code,
    bureauName: user.bureau_code ? ((await findBureau(ctx, user.bureau_code))?.name ?? null) : null,
    lastLoginAt: previous?.at ?? null,
    lastLoginIp: previous?.ip ?? null,
  };
}

/** The current session's user, or null before login. */
export async function currentUser(
  ctx: ServiceContext,
  sessionIdHash: string | null,
): Promise<SessionUser | null> {
  if (!ctx.actor || !sessionIdHash) return null;
  const user = await usersRepository.findById(ctx.db, ctx.actor.userId);
  if (!user) return null;
  const session = await sessionsRepository.createdAt(ctx.db, sessionIdHash);
  return sessionUser(ctx, user, session?.created_at ?? null);
}

export interface LoginInput {
  username: string;
  password: string;
  captchaId?: string;
  captchaAnswer?: string;
}

export interface LoginResult {
  /** The session id for the cookie; only its SHA-256 is stored. */
  sid: string;
  csrfToken: string;
  user: SessionUser;
}

/**
 * Log in. The captcha is checked first (and a wrong one is not a password failure). The password is checked
 * before anything about the account is revealed; an unknown user name costs the same hashing time.
 */
export async function login(
  ctx: ServiceContext,
  input: LoginInput,
  previousSessionIdHash: string | null,
): Promise<LoginResult> {
  if (ctx.config.captcha) await verifyCaptcha(ctx, input.captchaId, input.captchaAnswer);

  const now = ctx.clock.now();
  const user = await usersRepository.findByUsernameKey(ctx.db, usernameKey(input.username));
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await recordAudit(ctx.db, ctx, {
      entityType: 'user',
      entityId: null,
      action: 'LOGIN_FAILED',
      after: { username: input.username.trim().slice(0, 64), reason: 'unknown_user' },
      organisationId: null,
      bureauCode: null,
    });
    throw new AppError('INVALID_CREDENTIALS');
  }

  const scope = { organisationId: user.organisation_id, bureauCode: user.bureau_code };
  const passwordOk = await verifyPassword(user.password_hash, input.password);

  if (user.locked_until && new Date(user.locked_until) > now) {
    await recordAudit(ctx.db, ctx, {
      entityType: 'user',
      entityId: user.id,
      action: 'LOGIN_FAILED',
      after: { username: user.username, reason: 'locked' },
      ...scope,
    });
    throw lockedError(user.locked_until);
  }

  if (!passwordOk) {
    const lockUntil = iso(plus(now, LOCK_MS));
    const locked = await ctx.db.transaction().execute(async (trx) => {
      const r = await usersRepository.recordFailedLogin(trx, user.id, MAX_FAILED_LOGINS, lockUntil, iso(now));
      const justLocked = r.locked_until === lockUntil;
      await recordAudit(trx, ctx, {
        entityType: 'user',
        entityId: user.id,
        action: 'LOGIN_FAILED',
        after: { username: user.username, reason: 'wrong_password' },
        ...scope,
      });
      if (justLocked) {
        await recordAudit(trx, ctx, {
          entityType: 'user',
          entityId: user.id,
          action: 'ACCOUNT_LOCKED',
          after: { username: user.username, lockedUntil: lockUntil, failedLogins: MAX_FAILED_LOGINS },
          ...scope,
        });
      }
      return justLocked;
    });
    if (locked) throw lockedError(lockUntil);
    throw new AppError('INVALID_CREDENTIALS');
  }

  if (BARRED.includes(user.status)) {
    await recordAudit(ctx.db, ctx, {
      entityType: 'user',
      entityId: user.id,
      action: 'LOGIN_FAILED',
      after: { username: user.username, reason: user.status },
      ...scope,
    });
    throw new AppError('ACCOUNT_DISABLED');
  }

  const sid = randomToken(32);
  const csrfToken = randomToken(24);
  const nowIso = iso(now);
  await ctx.db.transaction().execute(async (trx) => {
    // Rotation: whatever session this browser had before ends now.
    if (previousSessionIdHash) await sessionsRepository.remove(trx, previousSessionIdHash);
    await usersRepository.clearLoginFailures(trx, user.id);
    await usersRepository.insertLogin(trx, {
      id: newId(),
      user_id: user.id,
      at: nowIso,
      ip: ctx.ip ?? '',
      user_agent: ctx.userAgent,
    });
    await sessionsRepository.insert(trx, {
      id_hash: sha256Hex(sid),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: nowIso,
      last_seen_at: nowIso,
      expires_at: iso(plus(now, SESSION_ABSOLUTE_MS)),
      ip: ctx.ip,
      user_agent: ctx.userAgent,
    });
    await recordAudit(trx, ctx, {
      entityType: 'user',
      entityId: user.id,
      action: 'LOGIN_SUCCEEDED',
      actor: { userId: user.id, username: user.username, role: user.role },
      after: { username: user.username, status: user.status },
      ...scope,
    });
  });

  return { sid, csrfToken, user: await sessionUser(ctx, user, nowIso) };
}

function lockedError(lockedUntil: string): AppError {
  return new AppError('ACCOUNT_LOCKED', {
    params: { until: formatChinaTime(lockedUntil) },
    details: { lockedUntil },
  });
}

/** Ends the session (if any). */
export async function logout(ctx: ServiceContext, sessionIdHash: string | null): Promise<void> {
  if (!sessionIdHash) return;
  await ctx.db.transaction().execute(async (trx) => {
    await sessionsRepository.remove(trx, sessionIdHash);
    if (ctx.actor) {
      await recordAudit(trx, ctx, { entityType: 'user', entityId: ctx.actor.userId, action: 'LOGOUT' });
    }
  });
}
