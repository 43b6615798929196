import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../context';
import { iso } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { hashPassword } from '../../lib/password';
import { recordAudit } from '../audit/audit.service';

/**
 * On a database without an administrator, create the first one from ADMIN_USERNAME/ADMIN_PASSWORD,
 * or with a random password printed once.
 */
export async function ensureFirstAdmin(deps: AppDeps): Promise<{ created: boolean; password?: string }> {
  const existing = await deps.db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst();
  if (existing) return { created: false };
  const generated = !deps.config.adminPassword;
  const password = deps.config.adminPassword ?? `Ccc-${randomBytes(9).toString('base64url')}1a`;
  const now = iso(deps.clock.now());
  const id = newId();
  const username = deps.config.adminUsername;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id,
        username,
        username_key: username.toLowerCase(),
        password_hash: await hashPassword(password),
        role: 'admin',
        status: 'active',
        organisation_id: null,
        bureau_code: null,
        contact_name: '系统管理员',
        mobile: '',
        email: '',
        phone: null,
        fax: null,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('username_key').doNothing())
      .execute();
    await recordAudit(
      trx,
      { actor: null, ip: null, userAgent: 'startup', clock: deps.clock },
      {
        entityType: 'user',
        entityId: id,
        action: 'ADMIN_CREATED',
        after: { username, role: 'admin' },
      },
    );
  });
  if (generated) {
    // Printed once, on the console only: it is stored nowhere else but as a hash.
    console.log(
      `\n  First administrator created: user name "${username}", password "${password}"\n  Change it after logging in.\n`,
    );
  }
  return { created: true, password: generated ? password : undefined };
}
