import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database, FilesTable } from '../../db/schema';

type Tx = Transaction<Database> | Db;

/** All the SQL on files and file_references. */
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
};
