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
      .orderBy('id', 'desc')
      .limit(1)
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
