import { PostgresAdapter } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

interface HasExecutor {
  getExecutor(): { adapter: unknown };
}

export function isPostgres(db: HasExecutor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function dialectName(db: HasExecutor): DialectName {
  return isPostgres(db) ? 'postgres' : 'sqlite';
}
