import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';

/** The search's conditions, resolved to what the audit_log table holds. */
export interface AuditRowFilter {
  /** lower(actor_username) starts with this (already lower-cased). */
  actorPrefix?: string;
  /** organisation_id is one of these ids, or in this subquery of ids. */
  organisationIds?: readonly string[];
  organisationIdQuery?: SelectQueryBuilder<Database, 'organisations', { id: string }>;
  bureauCode?: string;
  /** Rows about any of these objects (entity_type + entity_id). */
  entities?: { type: string; ids: readonly string[] }[];
  action?: string;
  entityType?: string;
  /** at >= fromIso and at < beforeIso (UTC instants). */
  fromIso?: string;
  beforeIso?: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(eb: ExpressionBuilder<Database, 'audit_log'>, f: AuditRowFilter) {
  const and = [];
  if (f.actorPrefix !== undefined) {
    and.push(
      sql<boolean>`lower(audit_log.actor_username) like ${`${escapeLike(f.actorPrefix)}%`} escape '\\'`,
    );
  }
  if (f.organisationIds) {
    and.push(
      f.organisationIds.length
        ? eb('audit_log.organisation_id', 'in', f.organisationIds)
        : sql<boolean>`1 = 0`,
    );
  }
  if (f.organisationIdQuery) and.push(eb('audit_log.organisation_id', 'in', f.organisationIdQuery));
  if (f.bureauCode !== undefined) and.push(eb('audit_log.bureau_code', '=', f.bureauCode));
  if (f.entities) {
    const about = f.entities
      .filter((e) => e.ids.length > 0)
      .map((e) => eb.and([eb('audit_log.entity_type', '=', e.type), eb('audit_log.entity_id', 'in', e.ids)]));
    and.push(about.length ? eb.or(about) : sql<boolean>`1 = 0`);
  }
  if (f.action !== undefined) and.push(eb('audit_log.action', '=', f.action));
  if (f.entityType !== undefined) and.push(eb('audit_log.entity_type', '=', f.entityType));
  if (f.fromIso !== undefined) and.push(eb('audit_log.at', '>=', f.fromIso));
  if (f.beforeIso !== undefined) and.push(eb('audit_log.at', '<', f.beforeIso));
  return eb.and(and);
}

const columns = [
  'id',
  'at',
  'actor_user_id',
  'actor_username',
  'actor_role',
  'organisation_id',
  'bureau_code',
  'entity_type',
  'entity_id',
  'action',
  'before_json',
  'after_json',
  'ip',
] as const;

/** Reads of the audit log (its writes are recordAudit's single insert; the table refuses any other). */
export const auditRepository = {
  /** Every row about one entity, oldest first. */
  listOfEntity: (db: Db, entityType: string, entityId: string) =>
    db
      .selectFrom('audit_log')
      .select([
        'id',
        'at',
        'actor_user_id',
        'actor_username',
        'actor_role',
        'organisation_id',
        'bureau_code',
        'action',
        'before_json',
        'after_json',
      ])
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute(),

  /** A page of matching rows, newest first (at, then id: rows of one instant in the order written). */
  search: (db: Db, f: AuditRowFilter, offset: number, limit: number) =>
    db
      .selectFrom('audit_log')
      .select(columns)
      .where((eb) => where(eb, f))
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),

  count: async (db: Db, f: AuditRowFilter) => {
    const row = await db
      .selectFrom('audit_log')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .where((eb) => where(eb, f))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The next batch after (at, id), newest first: the export walks the matches by this keyset. */
  searchAfter: (db: Db, f: AuditRowFilter, after: { at: string; id: number } | null, limit: number) =>
    db
      .selectFrom('audit_log')
      .select(columns)
      .where((eb) => where(eb, f))
      .$if(after !== null, (q) =>
        q.where((eb) =>
          eb.or([
            eb('audit_log.at', '<', after!.at),
            eb.and([eb('audit_log.at', '=', after!.at), eb('audit_log.id', '<', after!.id)]),
          ]),
        ),
      )
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),

  /** Every action the log holds. */
  distinctActions: async (db: Db) => {
    const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
    return rows.map((r) => r.action);
  },
};

export type AuditRow = Awaited<ReturnType<typeof auditRepository.search>>[number];
