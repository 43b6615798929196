import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../src/db/database';
import { startPgCluster, type PgCluster } from './pg-cluster';
import { buildTemplate } from './template';

/**
 * A real PostgreSQL for the suite: TEST_DATABASE_URL when given, else a throwaway cluster.
 * The template database is migrated and seeded once; each test file clones it.
 */
export default async function setup(project: TestProject) {
  let cluster: PgCluster | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    cluster = await startPgCluster();
    adminUrl = cluster.url('postgres');
  }
  const templateName = `ccc_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateName}`);
  await admin.query(`create database ${templateName}`);
  const templateUrl = withDatabase(adminUrl, templateName);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccc-pg-template-'));
  const { db } = createDatabase({ databaseUrl: templateUrl, dataDir: dir, poolSize: 2 });
  await buildTemplate(db, dir);
  await db.destroy();
  await admin.end();
  project.provide('pgTemplateUrl', adminUrl);
  project.provide('pgTemplateName', templateName);
  return async () => {
    if (cluster) cluster.stop();
    else {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      const { rows } = await c.query<{ datname: string }>(
        `select datname from pg_database where datname like 'ccc_t_%' or datname = $1`,
        [templateName],
      );
      for (const r of rows) await c.query(`drop database if exists ${r.datname} with (force)`);
      await c.end();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
