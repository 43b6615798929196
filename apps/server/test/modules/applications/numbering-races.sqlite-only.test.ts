import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_COUNTER, parseApplicationNumber, type ApplicationDetail } from '@ccc/domain';
import { countersRepository } from '../../../src/modules/counters/counters.repository';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { loginOk } from '../../helpers/identity';
import type { TestClient } from '../../helpers/test-client';
import { takeSerialUnsafely } from './counter-unsafe';
import { applicationBody, enterprise } from './helpers';

/**
 * 申请编号 serials across two PROCESSES on one SQLite file (the way two server instances would share it),
 * with the negative control that shows the test would fail without the atomic counter update.
 * SQLite only: the PostgreSQL race runs over separate connections (numbering.test.ts and the
 * postgres-only file).
 */
const serialsOf = (apps: { number: string }[]) => apps.map((a) => parseApplicationNumber(a.number)!.serial);
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

interface ChildResult {
  serials: number[];
  errors: string[];
}

/** Starts the second process; `go()` releases it; `result` resolves with what it took. */
function startChild(file: string, name: string, period: string, count: number, mode: 'safe' | 'unsafe') {
  const script = path.join(import.meta.dirname, 'counter-child.ts');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, file, name, period, String(count), mode],
    {
      cwd: path.join(import.meta.dirname, '../../../../..'),
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => (markReady = r));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const result = new Promise<ChildResult>((resolve, reject) => {
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`child exited ${code}: ${err}${out}`));
      else resolve(JSON.parse(last) as ChildResult);
    });
  });
  /** Resolves once the child has loaded (tsx takes a moment) and waits for the signal. */
  const go = async () => {
    await Promise.race([ready, result]);
    child.stdin.write('go\n');
  };
  return { go, result };
}

describe(`application numbers across two processes ${describeDb}`, () => {
  let t: TestApp;
  let c: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    c = await enterprise(t, 1);
  });
  afterAll(async () => t.close());

  /** Moves the clock (sessions end when it jumps months) and logs user1 in again. */
  async function at(when: string) {
    t.clock.set(when);
    c = await loginOk(t, 'user1');
  }

  it('stays unique across two processes on one SQLite file', async () => {
    await at('2026-07-01T02:00:00Z');
    const before = await countersRepository.current(t.database.db, APPLICATION_COUNTER, '2026');
    const child = startChild(t.database.file!, APPLICATION_COUNTER, '2026', 10, 'safe');
    await child.go();
    const mine = await Promise.all(
      range(0, 10).map(async (i) => {
        await new Promise((r) => setTimeout(r, i * 10));
        return c.post('/api/applications', applicationBody());
      }),
    );
    for (const r of mine) expect(r.statusCode, r.body).toBe(200);
    const theirs = await child.result;
    expect(theirs.errors).toEqual([]);
    const ours = serialsOf(mine.map((r) => r.json<ApplicationDetail>()));
    const all = [...ours, ...theirs.serials];
    // the two processes really took turns (not one block after the other)
    expect(Math.min(...theirs.serials)).toBeLessThan(Math.max(...ours));
    expect(Math.min(...ours)).toBeLessThan(Math.max(...theirs.serials));
    expect(new Set(all).size).toBe(20);
    expect(sorted(all)).toEqual(range(before + 1, 20));
  });

  it('negative control: a read-then-write counter fails across two processes', async () => {
    await countersRepository.set(t.database.db, 'negative-control', 'x', 0);
    const child = startChild(t.database.file!, 'negative-control', 'x', 10, 'unsafe');
    await child.go();
    const mine = await Promise.allSettled(
      range(0, 10).map((i) =>
        new Promise((r) => setTimeout(r, i * 3)).then(() =>
          t.database.db.transaction().execute((trx) => takeSerialUnsafely(trx, 'negative-control', 'x')),
        ),
      ),
    );
    const theirs = await child.result;
    const taken = [...mine.flatMap((m) => (m.status === 'fulfilled' ? [m.value] : [])), ...theirs.serials];
    const failures = mine.filter((m) => m.status === 'rejected').length + theirs.errors.length;
    const duplicates = taken.length - new Set(taken).size;
    // What the real test asserts (20 distinct serials, no failure) does not hold without the atomic update.
    expect(failures + duplicates).toBeGreaterThan(0);
    expect(taken.length === 20 && duplicates === 0).toBe(false);
  });
});
