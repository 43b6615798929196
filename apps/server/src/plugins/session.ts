import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { pickLocale, type Role } from '@ccc/domain';
import type { Actor, AppDeps, ServiceContext } from '../context';
import { AppError } from '../lib/app-error';
import { iso } from '../lib/clock';
import { randomToken, safeEqual, sha256Hex } from '../lib/crypto';
import { sessionsRepository } from '../modules/auth/sessions.repository';
import {
  PRE_SESSION_CSRF_COOKIE,
  SESSION_COOKIE,
  SESSION_TOUCH_EVERY_MS,
  sessionLiveAt,
} from '../modules/auth/session-policy';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: ServiceContext;
    sessionIdHash: string | null;
    csrfToken: string | null;
    /** The cookie named a session that has ended (idle or absolute limit). */
    sessionExpired: boolean;
  }
  interface FastifyInstance {
    requireRole: (...roles: Role[]) => preHandlerAsyncHookHandler;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reads the session cookie into request.ctx.actor, enforces the idle and absolute limits, and checks
 * X-CSRF-Token on every state-changing request: bound to the session, or before login to a cookie.
 */
export default fp<{ deps: AppDeps }>(async (app, { deps }) => {
  app.decorateRequest('ctx', null as unknown as ServiceContext);
  app.decorateRequest('sessionIdHash', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request, reply) => {
    const locale = pickLocale(request.headers['accept-language']);
    let actor: Actor | null = null;
    const sid = request.cookies[SESSION_COOKIE];
    if (sid && request.url.startsWith('/api/')) {
      const idHash = sha256Hex(sid);
      const s = await sessionsRepository.findWithUser(deps.db, idHash);
      const now = deps.clock.now();
      if (s && sessionLiveAt(s, now) && s.status !== 'disabled' && s.status !== 'rejected') {
        actor = {
          userId: s.user_id,
          username: s.username,
          role: s.role as Role,
          status: s.status,
          organisationId: s.organisation_id,
          bureauCode: s.bureau_code,
        };
        request.sessionIdHash = idHash;
        request.csrfToken = s.csrf_token;
        if (now.getTime() - new Date(s.last_seen_at).getTime() > SESSION_TOUCH_EVERY_MS) {
          await sessionsRepository.touch(deps.db, idHash, iso(now));
        }
      } else {
        if (s) await sessionsRepository.remove(deps.db, idHash);
        request.sessionExpired = true;
        clearSessionCookie(reply, deps);
      }
    }
    request.ctx = {
      ...deps,
      actor,
      ip: request.ip,
      userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
      locale,
    };

    if (!SAFE_METHODS.has(request.method) && request.url.startsWith('/api/')) {
      const header = request.headers['x-csrf-token'];
      const expected = request.csrfToken ?? request.cookies[PRE_SESSION_CSRF_COOKIE] ?? null;
      if (typeof header !== 'string' || !expected || !safeEqual(header, expected)) {
        throw new AppError('CSRF_INVALID');
      }
    }
  });

  app.decorate('requireRole', (...roles: Role[]): preHandlerAsyncHookHandler => {
    return async (request: FastifyRequest) => {
      const actor = request.ctx.actor;
      if (!actor) throw new AppError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
      if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN');
    };
  });
});

export function setSessionCookie(reply: FastifyReply, deps: AppDeps, sid: string): void {
  void reply.setCookie(SESSION_COOKIE, sid, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: AppDeps): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
  });
}

/** The pre-login CSRF cookie: readable by the page (not HttpOnly), so it can echo it in the header. */
export function ensurePreSessionCsrf(request: FastifyRequest, reply: FastifyReply, deps: AppDeps): string {
  const existing = request.cookies[PRE_SESSION_CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{20,100}$/.test(existing)) return existing;
  const token = randomToken(24);
  void reply.setCookie(PRE_SESSION_CSRF_COOKIE, token, {
    path: '/',
    httpOnly: false,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
  });
  return token;
}
