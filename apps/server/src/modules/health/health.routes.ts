import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { dialectName } from '../../db/dialect';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async (request) => {
      await sql`select 1`.execute(request.ctx.db);
      return { status: 'ok' as const, database: dialectName(request.ctx.db) };
    },
  );

  // A liveness probe that asks nothing of the database: the process answers, that is all. Also the
  // bare route `npm run bench` compares the other endpoints with (a constant JSON body).
  app.get(
    '/ping',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness without a database round trip: a constant body',
        response: { 200: z.object({ pong: z.literal(true) }) },
      },
    },
    () => ({ pong: true as const }),
  );
};
