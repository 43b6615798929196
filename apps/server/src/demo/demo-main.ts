import { buildApp } from '../app';
import { loadConfig } from '../config';
import { createDatabase } from '../db/database';
import { ManualClock } from '../lib/clock';
import { buildDemo, DemoRefusedError, type DemoResult } from './demo-builder';
import { DEMO_PASSWORD } from './demo-people';
import { accountTable } from './demo-output';

/**
 * `npm run demo`: the database the server would use (same configuration: DATA_DIR or DATABASE_URL) is
 * prepared and, when it has no organisation yet, filled with the demo; the accounts are printed.
 */

function summary(result: DemoResult): string {
  const byStatus = new Map<string, number>();
  for (const a of result.applications) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
  return [...byStatus].map(([s, n]) => `${s} ${n}`).join(', ');
}

async function main(): Promise<number> {
  const config = loadConfig();
  const { db } = createDatabase({
    ...config,
    onIdleError: (err) => console.error(`database connection lost: ${err.message}`),
  });
  const clock = new ManualClock();
  const { app, deps } = await buildApp({ config: { ...config, logLevel: 'warn' }, db, clock });
  try {
    console.log(
      `演示数据 / demo data → ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}`,
    );
    const result = await buildDemo(deps, clock);
    console.log(
      `\n已写入演示数据（${(result.ms / 1000).toFixed(1)} 秒）：${result.applications.length} 件免办申请（${summary(result)}）。`,
    );
    console.log(`Demo data written in ${(result.ms / 1000).toFixed(1)} s.\n`);
    console.log(accountTable(result.accounts));
    console.log(
      `\n演示密码 ${DEMO_PASSWORD} 仅用于演示数据库，切勿用于正式环境。` +
        `\nThe demo password ${DEMO_PASSWORD} is for a demo database only; never use it in production.` +
        '\n启动服务器：npm start（使用同一 DATA_DIR / DATABASE_URL）。 Start the server with npm start (same DATA_DIR / DATABASE_URL).',
    );
    return 0;
  } catch (err) {
    if (err instanceof DemoRefusedError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await app.close();
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
