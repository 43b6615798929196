import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateToLatest } from '../../../src/db/migrate';
import { ManualClock } from '../../../src/lib/clock';
import { createLocalFileStorage } from '../../../src/lib/file-storage';
import { verifyPassword } from '../../../src/lib/password';
import { defaultCaptchaText } from '../../../src/modules/auth/captcha';
import { ensureFirstAdmin } from '../../../src/modules/users/first-admin';
import { createTestDatabase, describeDb, type TestDatabase } from '../../helpers/build-test-app';
import { testConfig } from '../../helpers/test-config';

describe(`first administrator ${describeDb}`, () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await migrateToLatest(tdb.db);
  });
  afterAll(async () => tdb.drop());

  const deps = (adminPassword?: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccc-admin-'));
    return {
      db: tdb.db,
      config: { ...testConfig(dir), adminUsername: 'chief', adminPassword },
      clock: new ManualClock(),
      files: createLocalFileStorage(dir),
      log: pino({ level: 'silent' }),
      captchaText: defaultCaptchaText,
    };
  };

  it('is created only while no administrator exists, with a random password printed once', async () => {
    // The template already holds the test administrator: nothing is created.
    expect((await ensureFirstAdmin(deps('Other-Pass-1'))).created).toBe(false);
    await tdb.db.deleteFrom('users').where('role', '=', 'admin').execute();
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const result = await ensureFirstAdmin(deps(undefined));
    expect(result.created).toBe(true);
    expect(log.mock.calls.flat().join(' ')).toContain(result.password);
    log.mockRestore();
    const row = await tdb.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'chief')
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('admin');
    expect(await verifyPassword(row.password_hash, result.password!)).toBe(true);
    const audit = await tdb.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'ADMIN_CREATED')
      .execute();
    expect(audit.map((a) => a.after_json).join()).not.toContain(result.password!);
  });
});
