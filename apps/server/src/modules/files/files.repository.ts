import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database, FilesTable } from '../../db/schema';

type Tx = Transaction<Database> | Db;

/** All the SQL on files, file_references and orphaned_files. */
export const filesRepository = {
  /** One files row per content: identical uploads share it. */
  insertFileIfAbsent: (trx: Tx, row: FilesTable) =>
    trx
      .insertInto('files')
      .values(row)
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute(),

  addReference: (trx: Tx, sha256: string, ownerType: string, ownerId: string) =>
    trx
      .insertInto('file_references')
      .values({ sha256, owner_type: ownerType, owner_id: ownerId })
      .onConflict((oc) => oc.columns(['sha256', 'owner_type', 'owner_id']).doNothing())
      .execute(),

  removeReference: (trx: Tx, sha256: string, ownerType: string, ownerId: string) =>
    trx
      .deleteFrom('file_references')
      .where('sha256', '=', sha256)
      .where('owner_type', '=', ownerType)
      .where('owner_id', '=', ownerId)
      .execute(),

  isReferenced: async (db: Tx, sha256: string) =>
    (await db
      .selectFrom('file_references')
      .select('sha256')
      .where('sha256', '=', sha256)
      .limit(1)
      .executeTakeFirst()) !== undefined,

  deleteFile: (trx: Tx, sha256: string) => trx.deleteFrom('files').where('sha256', '=', sha256).execute(),

  fileExists: async (db: Tx, sha256: string) =>
    (await db.selectFrom('files').select('sha256').where('sha256', '=', sha256).executeTakeFirst()) !==
    undefined,

  /** Marks a file for the collector (or restarts its grace period). */
  markOrphaned: (trx: Tx, sha256: string, at: string) =>
    trx
      .insertInto('orphaned_files')
      .values({ sha256, orphaned_at: at })
      .onConflict((oc) => oc.column('sha256').doUpdateSet({ orphaned_at: at }))
      .execute(),

  unmarkOrphaned: (trx: Tx, sha256: string) =>
    trx.deleteFrom('orphaned_files').where('sha256', '=', sha256).execute(),

  /** Orphans whose grace period has run out, oldest first. */
  findOrphanedBefore: (db: Tx, before: string, limit: number) =>
    db
      .selectFrom('orphaned_files')
      .selectAll()
      .where('orphaned_at', '<=', before)
      .orderBy('orphaned_at')
      .limit(limit)
      .execute(),

  /** Takes one orphan for collection; false when another instance took it or it was re-marked meanwhile. */
  claimOrphan: async (trx: Tx, sha256: string, orphanedAt: string) => {
    const res = await trx
      .deleteFrom('orphaned_files')
      .where('sha256', '=', sha256)
      .where('orphaned_at', '=', orphanedAt)
      .executeTakeFirst();
    return Number(res.numDeletedRows) === 1;
  },
};
