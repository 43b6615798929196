import { buildApp } from './app';
import { loadConfig } from './config';
import { createDatabase } from './db/database';
import { startHousekeeping } from './modules/auth/housekeeping.service';
import { startFileCollector } from './modules/files/file-collector';
import { getManualInfo } from './modules/manual/manual.service';
import { startReportReminders } from './modules/supervision/report-reminders.service';
import { prepareDatabase } from './startup';

/** Process entry: read config, prepare the database, listen, close gracefully. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { db } = createDatabase({
    ...config,
    onIdleError: (err) => console.error(`database connection lost: ${err.message}`),
  });
  const { app, deps, outbox } = await buildApp({ config, db });
  await prepareDatabase(deps);
  outbox.start();
  const stopHousekeeping = startHousekeeping(deps);
  const stopReminders = startReportReminders(deps);
  const stopFileCollector = startFileCollector(deps);
  await app.listen({ port: config.port, host: config.host });
  // Render the user manual now rather than on the first visitor's request.
  getManualInfo({ ...deps, actor: null, ip: null, userAgent: 'startup', locale: 'zh-CN' }).catch(
    (err: unknown) => app.log.error({ err }, 'user manual could not be rendered'),
  );
  app.log.info(
    `CCC免办系统 listening on ${config.publicUrl} (database: ${config.databaseUrl ? 'postgres' : 'sqlite'})`,
  );

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    stopHousekeeping();
    stopReminders();
    stopFileCollector();
    await app.close();
    await db.destroy();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
