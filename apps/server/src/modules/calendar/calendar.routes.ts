import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  calendarQuerySchema,
  calendarResponseSchema,
  calendarYearParamsSchema,
  saveCalendarBodySchema,
  saveServiceLevelBodySchema,
  serviceLevelSchema,
} from '@ccc/domain';
import { listServiceLevels, saveServiceLevel } from '../reference/service-levels.service';
import { getCalendar, saveCalendar } from './calendar.service';

const bureauParams = z.object({ bureauCode: z.string().trim().min(1).max(32) });
const tags = ['admin: calendar'];

/** The administration's working calendar (工作日历) and the bureaus' service levels (服务时限). Mounted at /admin. */
export const calendarAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireRole('admin'));

  app.get(
    '/calendar',
    {
      schema: {
        tags,
        summary:
          "A year's public holidays and make-up working days (the current year by default), with every year's state",
        querystring: calendarQuerySchema,
        response: { 200: calendarResponseSchema },
      },
    },
    (request) => getCalendar(request.ctx, request.query.year),
  );

  app.put(
    '/calendar/:year',
    {
      schema: {
        tags,
        summary: "Replace a year's exceptions; the year is the administrator's from then on (never reseeded)",
        params: calendarYearParamsSchema,
        body: saveCalendarBodySchema,
        response: { 200: calendarResponseSchema },
      },
    },
    (request) => saveCalendar(request.ctx, request.params.year, request.body),
  );

  app.get(
    '/service-levels',
    {
      schema: {
        tags,
        summary: "Every enabled bureau's limits in working days: accept or return, and decide",
        response: { 200: z.object({ items: z.array(serviceLevelSchema) }) },
      },
    },
    async (request) => ({ items: await listServiceLevels(request.ctx) }),
  );

  app.put(
    '/service-levels/:bureauCode',
    {
      schema: {
        tags,
        summary: "Set a bureau's service levels (unknown bureau: 404)",
        params: bureauParams,
        body: saveServiceLevelBodySchema,
        response: { 200: serviceLevelSchema },
      },
    },
    (request) => saveServiceLevel(request.ctx, request.params.bureauCode, request.body),
  );
};
