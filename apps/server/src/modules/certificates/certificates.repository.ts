import type { Insertable, Selectable, Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { CertificateChecksTable, CertificatesTable, Database } from '../../db/schema';

/**
 * All SQL of the certificates module: `certificates`, `certificate_checks`, and the settings rows it owns
 * (the letters of the 证明号: 'certificate.letter.original' and 'certificate.letter.modified').
 */

type Tx = Transaction<Database> | Db;
export type CertificateRow = Selectable<CertificatesTable>;

export const LETTER_KEYS = {
  original: 'certificate.letter.original',
  modified: 'certificate.letter.modified',
} as const;

export const certificatesRepository = {
  insert: (trx: Tx, row: Insertable<CertificatesTable>) =>
    trx.insertInto('certificates').values(row).execute(),

  findByNumber: (db: Tx, number: string) =>
    db.selectFrom('certificates').selectAll().where('number', '=', number).executeTakeFirst(),

  /** The application's newest version (the modified one once it exists). */
  findLatestOfApplication: (db: Tx, applicationId: string) =>
    db
      .selectFrom('certificates')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('issued_at', 'desc')
      // On a tie of instants the modified version ('modified' < 'original') is the newer one.
      .orderBy('version', 'asc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),

  findById: (db: Tx, id: string) =>
    db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst(),

  findByIds: (db: Tx, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([] as CertificateRow[])
      : db.selectFrom('certificates').selectAll().where('id', 'in', ids).execute(),

  /** Every version of a certificate number (the 12 characters after the letter), original first. */
  findVersionsOfBase: (db: Tx, baseNumber: string) =>
    db
      .selectFrom('certificates')
      .selectAll()
      .where('base_number', '=', baseNumber)
      .orderBy('issued_at', 'asc')
      // 'original' after 'modified' alphabetically: desc puts the original first on a tie.
      .orderBy('version', 'desc')
      .execute(),

  /** Compare-and-set valid → superseded by `byNumber`; undefined when the certificate was no longer valid. */
  supersedeIfValid: (trx: Tx, id: string, set: { at: string; byNumber: string }) =>
    trx
      .updateTable('certificates')
      .set({ status: 'superseded', superseded_at: set.at, superseded_by: set.byNumber })
      .where('id', '=', id)
      .where('status', '=', 'valid')
      .returningAll()
      .executeTakeFirst(),

  statusesByNumber: (db: Tx, numbers: readonly string[]) =>
    numbers.length === 0
      ? Promise.resolve([] as { number: string; status: string }[])
      : db.selectFrom('certificates').select(['number', 'status']).where('number', 'in', numbers).execute(),

  /** Compare-and-set valid → revoked; undefined when the certificate was no longer valid. */
  revokeIfValid: (trx: Tx, id: string, set: { revokedAt: string; revokedBy: string; reason: string }) =>
    trx
      .updateTable('certificates')
      .set({
        status: 'revoked',
        revoked_at: set.revokedAt,
        revoked_by: set.revokedBy,
        revoke_reason: set.reason,
      })
      .where('id', '=', id)
      .where('status', '=', 'valid')
      .returningAll()
      .executeTakeFirst(),

  insertCheck: (db: Tx, row: Insertable<CertificateChecksTable>) =>
    db.insertInto('certificate_checks').values(row).execute(),

  /** The letter settings that exist (absent ones fall back to the defaults). */
  letterSettings: (db: Tx) =>
    db
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('key', 'in', [LETTER_KEYS.original, LETTER_KEYS.modified])
      .execute(),
};
