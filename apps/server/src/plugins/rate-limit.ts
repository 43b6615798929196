import rateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { AppDeps } from '../context';
import { AppError } from '../lib/app-error';
import { hitCounter } from '../modules/rate-limits/rate-limits.repository';

/**
 * @fastify/rate-limit with its counters in the database, so every server instance shares them.
 * Limits are set per route with `config: { rateLimit: { max, timeWindow } }`; none is global.
 */
export default fp<{ deps: AppDeps }>(async (app, { deps }) => {
  function makeStore(prefix: string): FastifyRateLimitStore {
    return {
      incr(key, cb, timeWindow) {
        const now = deps.clock.now();
        hitCounter(deps.db, `${prefix}:${key}`, now, timeWindow).then(
          ({ count, resetAt }) =>
            cb(null, { current: count, ttl: Math.max(0, resetAt.getTime() - now.getTime()) }),
          (err: Error) => cb(err),
        );
      },
      // @fastify/rate-limit passes the merged limit options here, with the route under `routeInfo`: one
      // counter per route (method + URL pattern), never one shared by every limited route.
      child(options) {
        const route = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
        const method = Array.isArray(route?.method) ? route.method.join(',') : (route?.method ?? 'any');
        return makeStore(`${method}:${route?.url ?? 'any'}`);
      },
    };
  }
  class DatabaseStore {
    constructor() {
      return makeStore('global');
    }
  }
  await app.register(rateLimit, {
    global: false,
    store: DatabaseStore as never,
    keyGenerator: (req) => req.ip,
    errorResponseBuilder: (_req, ctx) => {
      const retryAfter = Math.max(1, Math.ceil(ctx.ttl / 1000));
      return new AppError('RATE_LIMITED', { params: { retryAfter }, details: { retryAfter } });
    },
  });
});
