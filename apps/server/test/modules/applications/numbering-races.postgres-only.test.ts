import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SERIAL } from '@ccc/domain';
import { countersRepository } from '../../../src/modules/counters/counters.repository';
import { takeSerial } from '../../../src/modules/counters/counters.service';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { takeSerialUnsafely } from './counter-unsafe';

/**
 * Negative control for PostgreSQL: a read-then-write counter duplicates serials over separate
 * connections, while the real counter gives 20 distinct, consecutive ones. PostgreSQL only.
 */
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe(`application numbers: negative control ${describeDb}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  it('negative control: a read-then-write counter duplicates over separate connections', async () => {
    await countersRepository.set(t.database.db, 'negative-control', 'x', 0);
    const taken = await Promise.all(
      range(0, 20).map(() =>
        t.database.db.transaction().execute((trx) => takeSerialUnsafely(trx, 'negative-control', 'x')),
      ),
    );
    expect(new Set(taken).size).toBeLessThan(20);
    // the same 20 takers through the real counter: all distinct and consecutive
    await countersRepository.set(t.database.db, 'positive-control', 'x', 0);
    const safe = await Promise.all(
      range(0, 20).map(() =>
        t.database.db
          .transaction()
          .execute((trx) =>
            takeSerial(trx, { name: 'positive-control', period: 'x', max: MAX_SERIAL, label: 't' }),
          ),
      ),
    );
    expect(sorted(safe)).toEqual(range(1, 20));
  });
});
