import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../../src/modules/audit/audit.service';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';

describe(`audit log ${describeDb}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  const ctx = () => ({ actor: null, ip: '10.0.0.1', userAgent: 'test', clock: t.clock });

  it('is written in the transaction of the change: a rollback leaves no row', async () => {
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await recordAudit(trx, ctx(), { entityType: 'thing', entityId: 'x1', action: 'THING_CHANGED' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow();
    const rows = await t.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', 'x1').execute();
    expect(rows).toHaveLength(0);
  });

  it('drops secret fields from before/after', async () => {
    await recordAudit(t.deps.db, ctx(), {
      entityType: 'user',
      entityId: 'u-secret',
      action: 'USER_CHANGED',
      before: { email: 'a@b.cn', password_hash: '$argon2id$...', csrfToken: 'abc' },
      after: { email: 'c@d.cn', password: 'Secret-123', code_hash: 'h' },
    });
    const row = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', 'u-secret')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.before_json!)).toEqual({ email: 'a@b.cn' });
    expect(JSON.parse(row.after_json!)).toEqual({ email: 'c@d.cn' });
    expect(row.ip).toBe('10.0.0.1');
  });

  it('cannot be changed or deleted, even with direct SQL', async () => {
    await recordAudit(t.deps.db, ctx(), { entityType: 'thing', entityId: 'x2', action: 'THING_CREATED' });
    await expect(
      t.deps.db.updateTable('audit_log').set({ action: 'FORGED' }).where('entity_id', '=', 'x2').execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.deps.db.deleteFrom('audit_log').where('entity_id', '=', 'x2').execute()).rejects.toThrow(
      /append-only/,
    );
    const row = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', 'x2')
      .executeTakeFirstOrThrow();
    expect(row.action).toBe('THING_CREATED');
  });
});
