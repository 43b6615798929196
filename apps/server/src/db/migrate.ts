import { Migrator, type Migration } from 'kysely';
import type { Db } from './database';
import * as m0001 from './migrations/0001-foundation';
import * as m0002 from './migrations/0002-applications';
import * as m0003 from './migrations/0003-attachments';
import * as m0004 from './migrations/0004-review';
import * as m0005 from './migrations/0005-after-issue';
import * as m0006 from './migrations/0006-administration';
import * as m0007 from './migrations/0007-application-counts';
import * as m0008 from './migrations/0008-file-collection';
import * as m0009 from './migrations/0009-certificate-reporting';

/** A static list, so migrations survive bundling (a folder provider would not find its files). */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-applications': m0002,
  '0003-attachments': m0003,
  '0004-review': m0004,
  '0005-after-issue': m0005,
  '0006-administration': m0006,
  '0007-application-counts': m0007,
  '0008-file-collection': m0008,
  '0009-certificate-reporting': m0009,
};

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
