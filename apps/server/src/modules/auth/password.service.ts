import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceContext } from '../../context';
import { AppError } from '../../lib/app-error';
import { HOUR, iso, MINUTE, plus } from '../../lib/clock';
import { newId, randomDigits, safeEqual, sha256Hex } from '../../lib/crypto';
import { hashPassword, verifyPassword } from '../../lib/password';
import { composeMail } from '../../locales/mail';
import { recordAudit } from '../audit/audit.service';
import { enqueueMail } from '../notifications/notifications.service';
import { enforceLimit } from '../rate-limits/rate-limits.service';
import { challengesRepository } from './challenges.repository';
import { sessionsRepository } from './sessions.repository';
import { usernameKey } from './users.service';
import { usersRepository, type UserRow } from './users.repository';

/** SPEC §2: a 6-digit code, valid 10 minutes, 5 tries, used once; at most 1 a minute and 5 an hour per user. */
export const RESET_CODE_TTL_MS = 10 * MINUTE;
export const RESET_CODE_MAX_TRIES = 5;
const PER_USER_PER_MINUTE = 1;
const PER_USER_PER_HOUR = 5;
const PER_IP_PER_HOUR = 20;
/**
 * Both answers of the recovery endpoints take at least this long (wall time), so that whether a user name
 * and e-mail matched (a few more writes) cannot be told from the response time.
 */
const MIN_ANSWER_MS = 150;

const codeHash = (id: string, code: string) => sha256Hex(`${id}:${code}`);

async function padTo(startedAt: number): Promise<void> {
  const left = MIN_ANSWER_MS - (performance.now() - startedAt);
  if (left > 0) await sleep(left);
}

async function findMatchingUser(
  ctx: ServiceContext,
  username: string,
  email: string,
): Promise<UserRow | null> {
  const user = await usersRepository.findByUsernameKey(ctx.db, usernameKey(username));
  if (!user || !user.email || user.email.trim().toLowerCase() !== email.trim().toLowerCase()) return null;
  return user;
}

/**
 * 忘记密码: when user name and e-mail match, a code goes to the e-mail address (and by SMS once a gateway is
 * configured: none is wired yet, see notifications.service). The answer is the same either way; the limits
 * are keyed on the normalised user name whether or not it exists, so they reveal nothing either.
 */
export async function requestPasswordReset(
  ctx: ServiceContext,
  input: { username: string; email: string },
): Promise<void> {
  const started = performance.now();
  const key = usernameKey(input.username);
  await enforceLimit(ctx, `pwreset:ip:${ctx.ip ?? 'unknown'}`, PER_IP_PER_HOUR, HOUR);
  await enforceLimit(ctx, `pwreset:user:1m:${key}`, PER_USER_PER_MINUTE, MINUTE);
  await enforceLimit(ctx, `pwreset:user:1h:${key}`, PER_USER_PER_HOUR, HOUR);

  const user = await findMatchingUser(ctx, input.username, input.email);
  if (user) {
    const now = ctx.clock.now();
    const code = randomDigits(6);
    const id = newId();
    await ctx.db.transaction().execute(async (trx) => {
      await challengesRepository.supersedeResetCodes(trx, user.id, iso(now));
      await challengesRepository.insertResetCode(trx, {
        id,
        user_id: user.id,
        code_hash: codeHash(id, code),
        created_at: iso(now),
        expires_at: iso(plus(now, RESET_CODE_TTL_MS)),
        attempts: 0,
        used_at: null,
      });
      await enqueueMail(trx, ctx, {
        to: user.email,
        ...composeMail('passwordResetCode', {
          username: user.username,
          code,
          minutes: RESET_CODE_TTL_MS / MINUTE,
        }),
      });
      await recordAudit(trx, ctx, {
        entityType: 'user',
        entityId: user.id,
        action: 'PASSWORD_RESET_REQUESTED',
        after: { channels: ['email'] },
        organisationId: user.organisation_id,
        bureauCode: user.bureau_code,
      });
    });
  }
  await padTo(started);
}

const codeInvalid = () =>
  new AppError('RESET_CODE_INVALID', { fields: [{ path: 'code', message: 'e.RESET_CODE_INVALID' }] });

/**
 * Sets a new password with a recovery code. A wrong code counts a try; an unknown user, an expired, used,
 * superseded or exhausted code all get the same answer. Success ends every session of the user.
 */
export async function resetPassword(
  ctx: ServiceContext,
  input: { username: string; email: string; code: string; password: string },
): Promise<void> {
  const started = performance.now();
  const now = ctx.clock.now();
  const user = await findMatchingUser(ctx, input.username, input.email);
  const code = user ? await challengesRepository.findOpenResetCode(ctx.db, user.id) : undefined;
  const usable = code && new Date(code.expires_at) > now && code.attempts < RESET_CODE_MAX_TRIES;
  if (!user || !code || !usable || !safeEqual(code.code_hash, codeHash(code.id, input.code.trim()))) {
    if (code && usable) await challengesRepository.countResetTry(ctx.db, code.id, RESET_CODE_MAX_TRIES);
    await padTo(started);
    throw codeInvalid();
  }

  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    const taken = await challengesRepository.useResetCode(trx, code.id, iso(now), RESET_CODE_MAX_TRIES);
    if (!taken) throw codeInvalid();
    await usersRepository.setPassword(trx, user.id, passwordHash, iso(now));
    await sessionsRepository.removeAllOfUser(trx, user.id);
    await recordAudit(trx, ctx, {
      entityType: 'user',
      entityId: user.id,
      action: 'PASSWORD_RESET',
      actor: { userId: user.id, username: user.username, role: user.role },
      after: { username: user.username, unlocked: true, loggedOutEverywhere: true },
      organisationId: user.organisation_id,
      bureauCode: user.bureau_code,
    });
  });
}

/** 修改密码 (every role): the current password first; the user's other sessions end. */
export async function changePassword(
  ctx: ServiceContext,
  sessionIdHash: string,
  input: { currentPassword: string; password: string },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const user = await usersRepository.findById(ctx.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('PASSWORD_INCORRECT', {
      fields: [{ path: 'currentPassword', message: 'e.PASSWORD_INCORRECT' }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  const now = iso(ctx.clock.now());
  await ctx.db.transaction().execute(async (trx) => {
    await usersRepository.setPassword(trx, user.id, passwordHash, now);
    await sessionsRepository.removeOthersOfUser(trx, user.id, sessionIdHash);
    await recordAudit(trx, ctx, {
      entityType: 'user',
      entityId: user.id,
      action: 'PASSWORD_CHANGED',
      after: { username: user.username, otherLoginsEnded: true },
      organisationId: user.organisation_id,
      bureauCode: user.bureau_code,
    });
  });
}
