import { sql, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database, OrganisationsTable } from '../../db/schema';

type Tx = Transaction<Database> | Db;
export type OrganisationRow = Selectable<OrganisationsTable>;

export interface OrganisationFieldsRow {
  name_zh: string;
  name_en: string | null;
  division_code: string;
  address: string;
  postcode: string;
  remark: string | null;
}

/** All the SQL on organisations. */
export const enterprisesRepository = {
  findById: (db: Tx, id: string) =>
    db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst(),

  findByIds: (db: Tx, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([] as OrganisationRow[])
      : db.selectFrom('organisations').selectAll().where('id', 'in', ids).execute(),

  /**
   * The organisations a normalised code names: the code itself, and for a 9-character code the 18-character
   * codes that embed it (org_code9), for an 18-character code the 9-character code it embeds.
   * The exact match first, then the oldest.
   */
  findByCode: async (db: Tx, code: string, embedded: string | null) => {
    const rows = await db
      .selectFrom('organisations')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('code', '=', code),
          ...(code.length === 9 ? [eb('org_code9', '=', code)] : []),
          ...(embedded ? [eb('code', '=', embedded)] : []),
        ]),
      )
      .orderBy('created_at')
      .execute();
    return rows.find((r) => r.code === code) ?? rows[0];
  },

  /**
   * A subquery (not run here) of the ids of the organisations whose Chinese or English name or code
   * contains the text (case-insensitive), for another module's `organisation_id in (…)`.
   */
  idsMatching: (db: Tx, text: string) => {
    const p = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return db
      .selectFrom('organisations')
      .select('organisations.id')
      .where(
        sql<boolean>`(lower(name_zh) like ${p} escape '\\' or lower(coalesce(name_en, '')) like ${p} escape '\\' or lower(code) like ${p} escape '\\')`,
      );
  },

  insert: (trx: Tx, row: OrganisationsTable) => trx.insertInto('organisations').values(row).execute(),

  update: (trx: Tx, id: string, fields: OrganisationFieldsRow, nowIso: string) =>
    trx
      .updateTable('organisations')
      .set({ ...fields, updated_at: nowIso })
      .where('id', '=', id)
      .execute(),
};
