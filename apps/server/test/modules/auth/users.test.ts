import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/lib/app-error';
import { createUser } from '../../../src/modules/auth/users.service';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';

/** The unique key on username_key is the last word on user names, when a check before it raced. */
describe(`user name uniqueness in the database ${describeDb}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  const user = (username: string) => ({
    username,
    passwordHash: 'not-a-real-hash',
    role: 'officer' as const,
    status: 'active' as const,
    organisationId: null,
    bureauCode: null,
    contactName: '测试',
    mobile: '13800138000',
    email: 'x@example.com',
    phone: null,
    fax: null,
  });

  it('answers USERNAME_TAKEN when the insert itself hits the unique key, in another case too', async () => {
    await t.database.db.transaction().execute((trx) => createUser(trx, t.deps, user('Same.Name')));
    const err = await t.database.db
      .transaction()
      .execute((trx) => createUser(trx, t.deps, user('same.NAME')))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'USERNAME_TAKEN', options: { fields: [{ path: 'username' }] } });
    const rows = await t.database.db
      .selectFrom('users')
      .select('username')
      .where('username_key', '=', 'same.name')
      .execute();
    expect(rows).toEqual([{ username: 'Same.Name' }]);
  });
});
