import type { AppDeps } from './context';
import { migrateToLatest } from './db/migrate';
import { seedWorkingCalendar } from './modules/calendar/calendar-seed';
import { loadReferenceData } from './modules/reference/reference-loader';
import { ensureFirstAdmin } from './modules/users/first-admin';

/**
 * Migrate, load reference data and the working calendar, create the first administrator: what `npm start`
 * does before listening.
 */
export async function prepareDatabase(deps: AppDeps): Promise<void> {
  await migrateToLatest(deps.db);
  await loadReferenceData(deps);
  await seedWorkingCalendar(deps);
  await ensureFirstAdmin(deps);
}
