import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './health/health.routes';

/** Every module's routes, mounted under /api. */
export const registerModules: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
};
