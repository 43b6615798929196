import { sql, type ExpressionBuilder, type SqlBool, type Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';

type Tx = Transaction<Database> | Db;

/**
 * The administrator's read views of organisations, users (with their last login) and applications.
 *
 * These tables belong to the enterprises, auth and applications modules. This repository only ever SELECTs
 * from them, for the administrator's directory pages (a join across three modules that no single module's
 * service offers); every change goes through the owning module's service (auth/users.service,
 * auth/sessions.service).
 *
 * Scale (100k organisations): the unfiltered lists walk the (created_at, id) indexes of 0006 and stop at
 * the page; a search reads the organisations (or users) once with LIKE, and a code that can be a prefix
 * of 统一社会信用代码 / 组织机构代码 is also matched as an index range on organisations.code and org_code9.
 * The per-row counts and last logins are correlated subqueries on users_organisation,
 * applications_org_created and login_history_user_at, evaluated for the page's rows only.
 */

/** `%text%` for LIKE on a lower-cased column, with the wildcards in the text escaped (ESCAPE '\'). */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const likeLower = (column: string, pattern: string) =>
  sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;

/** Codes are upper-case letters and digits (GB 32100 / GB 11714), at most 18 of them. */
const CODE_PREFIX = /^[0-9A-Z]{2,18}$/;

/**
 * A code prefix as a range on a plain btree index (a LIKE prefix cannot use one on PostgreSQL with a
 * non-C collation): every code of [0-9A-Z] that starts with Q lies in [Q, QZZZ…].
 */
function codePrefix(
  eb: ExpressionBuilder<Database, 'organisations'>,
  column: 'code' | 'org_code9',
  q: string,
) {
  return eb.and([
    eb(`organisations.${column}`, '>=', q),
    eb(`organisations.${column}`, '<=', q + 'Z'.repeat(18 - q.length)),
  ]);
}

function organisationsMatching(db: Tx, q: string | undefined) {
  const query = db.selectFrom('organisations');
  if (!q) return query;
  const p = containsPattern(q);
  const code = q.replace(/[\s-]/g, '').toUpperCase();
  return query.where((eb) =>
    eb.or([
      ...(CODE_PREFIX.test(code) ? [codePrefix(eb, 'code', code), codePrefix(eb, 'org_code9', code)] : []),
      likeLower('organisations.name_zh', p),
      sql<SqlBool>`lower(coalesce(organisations.name_en, '')) like ${p} escape '\\'`,
      // An organisation one of whose users has a matching 用户名 or 邮箱.
      eb(
        'organisations.id',
        'in',
        db
          .selectFrom('users as m')
          .select('m.organisation_id')
          .where('m.organisation_id', 'is not', null)
          .where((m) => m.or([sql<SqlBool>`m.username_key like ${p} escape '\\'`, likeLower('m.email', p)])),
      ),
    ]),
  );
}

export interface UserFilter {
  q?: string;
  role?: string;
  status?: string;
  organisationId?: string;
}

function usersMatching(db: Tx, f: UserFilter) {
  let query = db.selectFrom('users as u').leftJoin('organisations as o', 'o.id', 'u.organisation_id');
  if (f.role) query = query.where('u.role', '=', f.role);
  if (f.status) query = query.where('u.status', '=', f.status);
  if (f.organisationId) query = query.where('u.organisation_id', '=', f.organisationId);
  if (f.q) {
    const p = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([
        sql<SqlBool>`u.username_key like ${p} escape '\\'`,
        likeLower('u.email', p),
        likeLower('u.contact_name', p),
        likeLower('o.name_zh', p),
        likeLower('o.code', p),
      ]),
    );
  }
  return query;
}

function userColumns(query: ReturnType<typeof usersMatching>) {
  return query.select((eb) => [
    'u.id',
    'u.username',
    'u.role',
    'u.status',
    'u.contact_name',
    'u.email',
    'u.mobile',
    'u.phone',
    'u.organisation_id',
    'u.bureau_code',
    'u.failed_logins',
    'u.locked_until',
    'u.created_at',
    'o.code as org_code',
    'o.name_zh as org_name_zh',
    eb
      .selectFrom('login_history as h')
      .select('h.at')
      .whereRef('h.user_id', '=', 'u.id')
      .orderBy('h.at', 'desc')
      .limit(1)
      .as('last_login_at'),
    eb
      .selectFrom('login_history as h')
      .select('h.ip')
      .whereRef('h.user_id', '=', 'u.id')
      .orderBy('h.at', 'desc')
      .limit(1)
      .as('last_login_ip'),
  ]);
}

export const directoryRepository = {
  /** A page of organisations, newest first, with their numbers of users and applications. */
  listOrganisations: (db: Tx, q: string | undefined, offset: number, limit: number) =>
    organisationsMatching(db, q)
      .select((eb) => [
        'organisations.id',
        'organisations.code',
        'organisations.name_zh',
        'organisations.name_en',
        'organisations.division_code',
        'organisations.created_at',
        eb
          .selectFrom('users as cu')
          .select((c) => c.cast<number>(c.fn.countAll(), 'integer').as('n'))
          .whereRef('cu.organisation_id', '=', 'organisations.id')
          .as('user_count'),
        eb
          .selectFrom('applications as ca')
          .select((c) => c.cast<number>(c.fn.countAll(), 'integer').as('n'))
          .whereRef('ca.organisation_id', '=', 'organisations.id')
          .as('application_count'),
      ])
      .orderBy('organisations.created_at', 'desc')
      .orderBy('organisations.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),

  countOrganisations: async (db: Tx, q: string | undefined) =>
    (
      await organisationsMatching(db, q)
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
        .executeTakeFirstOrThrow()
    ).n,

  findOrganisation: (db: Tx, id: string) =>
    db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst(),

  countApplicationsOf: async (db: Tx, organisationId: string) =>
    (
      await db
        .selectFrom('applications')
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
        .where('organisation_id', '=', organisationId)
        .executeTakeFirstOrThrow()
    ).n,

  /** A page of an organisation's applications, newest first (applications_org_created). */
  listApplicationsOf: (db: Tx, organisationId: string, offset: number, limit: number) =>
    db
      .selectFrom('applications')
      .select([
        'id',
        'number',
        'status',
        'clause_code',
        'bureau_code',
        'submitted_at',
        'certificate_number',
        'created_at',
      ])
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),

  /** A page of users of every role, newest first, with their organisation and last login. */
  listUsers: (db: Tx, f: UserFilter, offset: number, limit: number) =>
    userColumns(usersMatching(db, f))
      .orderBy('u.created_at', 'desc')
      .orderBy('u.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),

  countUsers: async (db: Tx, f: UserFilter) =>
    (
      await usersMatching(db, f)
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
        .executeTakeFirstOrThrow()
    ).n,

  /** Every user of an organisation, oldest first (users_organisation). */
  usersOfOrganisation: (db: Tx, organisationId: string) =>
    userColumns(usersMatching(db, { organisationId })).orderBy('u.created_at').orderBy('u.id').execute(),

  findUser: (db: Tx, id: string) =>
    userColumns(usersMatching(db, {})).where('u.id', '=', id).executeTakeFirst(),
};

export type DirectoryUserRow = NonNullable<Awaited<ReturnType<typeof directoryRepository.findUser>>>;
