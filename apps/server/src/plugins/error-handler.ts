import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorHttpStatus, pickLocale, translate, type ErrorEnvelope } from '@ccc/domain';
import { AppError } from '../lib/app-error';

/** One envelope for every error: { code, message, fields }, the message in the user's language. */
export default fp(async (app) => {
  app.setErrorHandler((err, request, reply) => {
    const locale = request.ctx?.locale ?? pickLocale(request.headers['accept-language']);
    if (err instanceof AppError) {
      const body: ErrorEnvelope = {
        code: err.code,
        message: translate(locale, err.options.message ?? `e.${err.code}`, err.options.params),
        fields: (err.options.fields ?? []).map((f) => ({
          path: f.path,
          message: translate(locale, f.message),
        })),
        ...(err.options.details ? { details: err.options.details } : {}),
      };
      if (err.code === 'RATE_LIMITED' && err.options.details?.retryAfter) {
        void reply.header('retry-after', String(err.options.params?.retryAfter ?? 1));
      }
      return reply.status(errorHttpStatus[err.code]).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.'),
        message: translate(locale, v.message ?? 'v.invalid'),
      }));
      return reply
        .status(400)
        .send({ code: 'VALIDATION_FAILED', message: translate(locale, 'e.VALIDATION_FAILED'), fields });
    }
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply
        .status(413)
        .send({ code: 'PAYLOAD_TOO_LARGE', message: translate(locale, 'e.PAYLOAD_TOO_LARGE'), fields: [] });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply
        .status(400)
        .send({ code: 'VALIDATION_FAILED', message: translate(locale, 'e.VALIDATION_FAILED'), fields: [] });
    }
    request.log.error({ err, request: { method: request.method, url: request.url } }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: translate(locale, 'e.INTERNAL'), fields: [] });
  });
});
