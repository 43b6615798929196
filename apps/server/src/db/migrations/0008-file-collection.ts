import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
type Db = Kysely<any>;

/**
 * Stored files that lost their last reference, written in the transaction that released them. A
 * collector removes each from storage only after a grace period (modules/files/file-collector.ts), so an
 * upload of the same content in flight at that moment can never have its file removed under it.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('orphaned_files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('orphaned_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orphaned_files_at').on('orphaned_files').column('orphaned_at').execute();
}

export async function down(): Promise<void> {
  throw new Error('0008-file-collection cannot be undone');
}
