/**
 * A second PROCESS taking serials from the same SQLite file as the test, for the numbering race test.
 * Run as: node --import tsx counter-child.ts <sqlite file> <name> <period> <count> <safe|unsafe>
 * It waits for a line on stdin (the go signal), takes <count> serials concurrently, and prints
 * {"serials":[…],"errors":[…]} as its last line.
 *
 * `safe` goes through the counters service (one atomic UPDATE … RETURNING); `unsafe` is the negative
 * control: the same transaction with the guard removed, a read then a write.
 */
import { sql } from 'kysely';
import { openSqlite } from '../../../src/db/database';
import { takeSerial } from '../../../src/modules/counters/counters.service';
import { takeSerialUnsafely } from './counter-unsafe';

const [file, name, period, countText, mode] = process.argv.slice(2);
const count = Number(countText);
const db = openSqlite(file!);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const go = new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
process.stdout.write('ready\n');
await go;
const serials: number[] = [];
const errors: string[] = [];
await Promise.all(
  Array.from({ length: count }, async (_, i) => {
    await sleep(i * 10); // spread over ~100 ms, while the test's own saves run
    try {
      const value = await db.transaction().execute(async (trx) => {
        const v =
          mode === 'unsafe'
            ? await takeSerialUnsafely(trx, name!, period!)
            : await takeSerial(trx, { name: name!, period: period!, max: 999_999, label: 'test' });
        // hold the transaction a moment, as a real save does with its inserts
        await sql`select 1`.execute(trx);
        await sleep(2);
        return v;
      });
      serials.push(value);
    } catch (err) {
      errors.push(String((err as Error).message ?? err));
    }
  }),
);
await db.destroy();
process.stdout.write(`\n${JSON.stringify({ serials, errors })}\n`);
process.stdin.destroy();
