import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  captchaResponseSchema,
  changePasswordBodySchema,
  forgotPasswordBodySchema,
  loginBodySchema,
  loginResponseSchema,
  okSchema,
  resetPasswordBodySchema,
  sessionResponseSchema,
} from '@ccc/domain';
import { MINUTE } from '../../lib/clock';
import { sha256Hex } from '../../lib/crypto';
import { clearSessionCookie, ensurePreSessionCsrf, setSessionCookie } from '../../plugins/session';
import { currentUser, login, logout } from './auth.service';
import { createCaptcha } from './captcha';
import { changePassword, requestPasswordReset, resetPassword } from './password.service';
import { SESSION_COOKIE } from './session-policy';

const ok = { ok: true as const };

/** The session this browser's cookie names, live or not: it ends when the browser logs in again. */
function cookieSessionHash(request: FastifyRequest): string | null {
  if (request.sessionIdHash) return request.sessionIdHash;
  const sid = request.cookies[SESSION_COOKIE];
  return sid ? sha256Hex(sid) : null;
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The current user (with the previous login), the CSRF token, whether login needs a captcha',
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      const user = await currentUser(request.ctx, request.sessionIdHash);
      const csrfToken =
        user && request.csrfToken ? request.csrfToken : ensurePreSessionCsrf(request, reply, request.ctx);
      return { user, csrfToken, captchaRequired: request.ctx.config.captcha };
    },
  );

  app.get(
    '/auth/captcha',
    {
      config: { rateLimit: { max: 30, timeWindow: MINUTE } },
      schema: {
        tags: ['auth'],
        summary: 'A new image captcha (single use, 5 minutes)',
        response: { 200: captchaResponseSchema },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return createCaptcha(request.ctx);
    },
  );

  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: 10, timeWindow: MINUTE } },
      schema: {
        tags: ['auth'],
        summary: '登录: starts a session (cookie) and returns the user and the new CSRF token',
        body: loginBodySchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await login(request.ctx, request.body, cookieSessionHash(request));
      setSessionCookie(reply, request.ctx, result.sid);
      return { user: result.user, csrfToken: result.csrfToken, captchaRequired: request.ctx.config.captcha };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: '退出系统: ends the session', response: { 200: okSchema } } },
    async (request, reply) => {
      await logout(request.ctx, cookieSessionHash(request));
      clearSessionCookie(reply, request.ctx);
      return ok;
    },
  );

  app.post(
    '/auth/password/forgot',
    {
      schema: {
        tags: ['auth'],
        summary: '忘记密码: sends a 6-digit code when user name and e-mail match (same answer either way)',
        body: forgotPasswordBodySchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await requestPasswordReset(request.ctx, request.body);
      return ok;
    },
  );

  app.post(
    '/auth/password/reset',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sets a new password with the e-mailed code; every session of the user ends',
        body: resetPasswordBodySchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await resetPassword(request.ctx, request.body);
      return ok;
    },
  );

  app.post(
    '/me/password',
    {
      preHandler: app.requireRole('enterprise', 'officer', 'admin'),
      schema: {
        tags: ['auth'],
        summary: '修改密码: the user’s other sessions end',
        body: changePasswordBodySchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await changePassword(request.ctx, request.sessionIdHash ?? '', request.body);
      return ok;
    },
  );
};
