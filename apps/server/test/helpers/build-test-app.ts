import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type BuiltApp } from '../../src/app';
import type { Config } from '../../src/config';
import { createDatabase, openSqlite, type Db } from '../../src/db/database';
import { ManualClock } from '../../src/lib/clock';
import { withDatabase } from './global-setup-postgres';
import { testConfig } from './test-config';
import { TestClient } from './test-client';

export type TestDb = 'sqlite' | 'postgres';
export const testDb: TestDb = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
  db: Db;
  /** postgres:// URL of this file's own database (PostgreSQL only), for extra connections in race tests. */
  url: string | null;
  /** The SQLite file (SQLite only), for a second process in race tests. */
  file: string | null;
  dataDir: string;
  drop: () => Promise<void>;
}

let counter = 0;

/** A fresh database for one test file: a copy of the migrated, seeded template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccc-test-'));
  if (testDb === 'sqlite') {
    const file = path.join(dataDir, 'test.sqlite');
    fs.copyFileSync(inject('sqliteTemplate'), file);
    const db = openSqlite(file);
    return {
      db,
      url: null,
      file,
      dataDir,
      drop: async () => {
        await db.destroy();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('pgTemplateUrl');
  const name = `ccc_t_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Two clones of one template at the same moment can collide ("being accessed by other users"): retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${inject('pgTemplateName')}`);
      break;
    } catch (err) {
      if (attempt > 40 || (err as { code?: string }).code !== '55006') throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const url = withDatabase(adminUrl, name);
  // The drop below forces connections closed; an idle one reporting it is expected, not a failure.
  const { db } = createDatabase({ databaseUrl: url, dataDir, poolSize: 10, onIdleError: () => undefined });
  return {
    db,
    url,
    file: null,
    dataDir,
    drop: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp extends BuiltApp {
  clock: ManualClock;
  database: TestDatabase;
  config: Config;
  /** A new browser-like client with its own cookies. */
  client: () => TestClient;
  /** The answers the injected captcha generator handed out, newest last. */
  captchaAnswers: string[];
  close: () => Promise<void>;
}

/**
 * buildApp on this file's own database, with a manual clock. The captcha is on, its text generator
 * injected so tests can solve it without reading anything from the client.
 */
export async function buildTestApp(
  opts: { captcha?: boolean; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new ManualClock();
  const captchaAnswers: string[] = [];
  let n = 0;
  const captchaText = () => {
    const text = `K${String(n++ % 1000).padStart(3, '0')}`.replace(/0/g, 'Q').replace(/1/g, 'R');
    captchaAnswers.push(text);
    return text;
  };
  const config = testConfig(database.dataDir, { captcha: opts.captcha ?? false, ...opts.config });
  const built = await buildApp({ config, db: database.db, clock, captchaText, logger: false });
  await built.app.ready();
  return {
    ...built,
    clock,
    database,
    config,
    captchaAnswers,
    client: () => new TestClient(built.app),
    close: async () => {
      await built.app.close();
      await database.drop();
    },
  };
}

export const describeDb = `[${testDb}]`;
