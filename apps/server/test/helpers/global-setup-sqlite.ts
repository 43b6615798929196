import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openSqlite } from '../../src/db/database';
import { buildTemplate } from './template';

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccc-sqlite-template-'));
  const file = path.join(dir, 'template.sqlite');
  const db = openSqlite(file);
  await buildTemplate(db, dir);
  // fold the WAL into the main file so a plain copy is complete
  await db.destroy();
  project.provide('sqliteTemplate', file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
