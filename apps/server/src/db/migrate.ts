import { Migrator, type Migration } from 'kysely';
import type { Db } from './database';
import * as m0001 from './migrations/0001-foundation';

/** A static list, so migrations survive bundling (a folder provider would not find its files). */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
};

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
