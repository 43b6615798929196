import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { CaptchaChallengesTable, Database, PasswordResetCodesTable } from '../../db/schema';

type Tx = Transaction<Database> | Db;

/** All the SQL on captcha_challenges and password_reset_codes: one-time secrets, stored only hashed. */
export const challengesRepository = {
  insertCaptcha: (db: Tx, row: CaptchaChallengesTable) =>
    db.insertInto('captcha_challenges').values(row).execute(),

  /** Single use: the first attempt, right or wrong, takes the challenge; null if it was taken or expired. */
  takeCaptcha: (db: Tx, id: string, nowIso: string) =>
    db
      .updateTable('captcha_challenges')
      .set({ used: 1 })
      .where('id', '=', id)
      .where('used', '=', 0)
      .where('expires_at', '>', nowIso)
      .returning(['answer_hash'])
      .executeTakeFirst(),

  removeStaleCaptchas: (db: Tx, beforeIso: string) =>
    db.deleteFrom('captcha_challenges').where('expires_at', '<', beforeIso).execute(),

  /** A newer code supersedes the older ones: they count as used from now on. */
  supersedeResetCodes: (trx: Tx, userId: string, nowIso: string) =>
    trx
      .updateTable('password_reset_codes')
      .set({ used_at: nowIso })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute(),

  insertResetCode: (trx: Tx, row: PasswordResetCodesTable) =>
    trx.insertInto('password_reset_codes').values(row).execute(),

  /** The user's newest code that is neither used nor superseded. */
  findOpenResetCode: (db: Tx, userId: string) =>
    db
      .selectFrom('password_reset_codes')
      .selectAll()
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),

  /** One wrong try, counted only while the code is still open and under the limit. */
  countResetTry: (db: Tx, id: string, maxTries: number) =>
    db
      .updateTable('password_reset_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('attempts', '<', maxTries)
      .execute(),

  /** Compare-and-set: the code is used once, even by two requests at the same moment. */
  useResetCode: (trx: Tx, id: string, nowIso: string, maxTries: number) =>
    trx
      .updateTable('password_reset_codes')
      .set((eb) => ({ used_at: nowIso, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('attempts', '<', maxTries)
      .where('expires_at', '>', nowIso)
      .returning(['id'])
      .executeTakeFirst(),
};

/** Codes are kept a day for the audit trail of attempts, then removed. */
export const removeOldResetCodes = (db: Tx, beforeIso: string) =>
  db.deleteFrom('password_reset_codes').where('expires_at', '<', beforeIso).execute();
