import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';

type Tx = Transaction<Database> | Db;

/** The settings rows this module owns: 'manual.file' (the uploaded manual) and 'manual.generated'. */
export const MANUAL_FILE_KEY = 'manual.file';
export const MANUAL_GENERATED_KEY = 'manual.generated';
type ManualKey = typeof MANUAL_FILE_KEY | typeof MANUAL_GENERATED_KEY;

export const manualRepository = {
  async get(db: Tx, key: ManualKey): Promise<string | null> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value ?? null;
  },

  put: (db: Tx, key: ManualKey, value: string, nowIso: string) =>
    db
      .insertInto('settings')
      .values({ key, value, updated_at: nowIso })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: nowIso }))
      .execute(),

  remove: (db: Tx, key: ManualKey) => db.deleteFrom('settings').where('key', '=', key).execute(),
};
