import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { countersRepository } from './counters.repository';

/**
 * Serial numbers (申请编号, 证明号) taken inside the transaction that uses them: unique and gap-free on both
 * databases and across server instances (DESIGN §3 "Numbers").
 *
 * On SQLite, call it FIRST in the transaction: its write takes the database's write lock (waiting up to
 * busy_timeout for another process), whereas a transaction that read first and writes later fails at once
 * with SQLITE_BUSY when another process wrote in between.
 */
export async function takeSerial(
  trx: Transaction<Database> | Db,
  counter: {
    name: string;
    period: string;
    /** The last serial there is (999999): beyond it the caller gets SERIAL_EXHAUSTED, never a wrap. */
    max: number;
    /** What the serials number, for the error message ('申请编号'). */
    label: string;
  },
): Promise<number> {
  await countersRepository.ensure(trx, counter.name, counter.period);
  const value = await countersRepository.increment(trx, counter.name, counter.period);
  if (value === undefined) throw new Error(`Counter ${counter.name}/${counter.period} vanished`);
  if (value > counter.max) {
    // Thrown inside the caller's transaction: its rollback undoes this increment too.
    throw new AppError('SERIAL_EXHAUSTED', {
      params: { name: counter.label },
      details: { counter: counter.name, period: counter.period, max: counter.max },
    });
  }
  return value;
}

/** The last serial taken in a period. */
export function currentSerial(db: Transaction<Database> | Db, name: string, period: string): Promise<number> {
  return countersRepository.current(db, name, period);
}
