import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './health/health.routes';
import { authRoutes } from './auth/auth.routes';
import { enterprisesRoutes } from './enterprises/enterprises.routes';
import { announcementsAdminRoutes } from './announcements/announcements-admin.routes';
import { announcementsRoutes } from './announcements/announcements.routes';
import { bureauWorkspaceRoutes } from './officers/bureau-workspace.routes';
import { officersAdminRoutes } from './officers/officers.routes';
import { referenceRoutes } from './reference/reference.routes';
import { manualRoutes } from './manual/manual.routes';
import { hsCodesRoutes } from './hs-codes/hs-codes.routes';
import { applicationsRoutes } from './applications/applications.routes';
import { attachmentsRoutes } from './attachments/attachments.routes';
import { calendarAdminRoutes } from './calendar/calendar.routes';
import { certificatesRoutes } from './certificates/certificates.routes';
import { reviewRoutes } from './review/review.routes';

/** Every module's routes, mounted under /api. */
export const registerModules: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(enterprisesRoutes);
  await app.register(announcementsRoutes, { prefix: '/announcements' });
  await app.register(announcementsAdminRoutes, { prefix: '/admin/announcements' });
  await app.register(officersAdminRoutes, { prefix: '/admin/officers' });
  await app.register(bureauWorkspaceRoutes, { prefix: '/bureau' });
  await app.register(referenceRoutes);
  await app.register(manualRoutes);
  await app.register(hsCodesRoutes);
  await app.register(applicationsRoutes);
  await app.register(attachmentsRoutes);
  await app.register(calendarAdminRoutes, { prefix: '/admin' });
  await app.register(certificatesRoutes);
  await app.register(reviewRoutes, { prefix: '/bureau' });
};
