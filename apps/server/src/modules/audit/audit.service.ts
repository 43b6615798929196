import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import type { ServiceContext } from '../../context';
import { iso } from '../../lib/clock';
import { auditRepository } from './audit.repository';

export interface AuditEvent {
  entityType: string;
  entityId: string | null;
  /** UPPER_SNAKE verb, e.g. USER_REGISTERED. */
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** The organisation or bureau the event concerns, for scoped search; defaults to the actor's. */
  organisationId?: string | null;
  bureauCode?: string | null;
  /** Who acted, when not (or not yet) the session's actor, e.g. at login. */
  actor?: { userId: string; username: string; role: string } | null;
}

const SECRET_KEYS = /password|hash|code_hash|token|secret|captcha|session/i;

/** Drops any field that could carry a secret: the audit log never holds one. */
function scrub(obj: Record<string, unknown> | null | undefined): string | null {
  if (!obj) return null;
  const clean = Object.fromEntries(Object.entries(obj).filter(([k]) => !SECRET_KEYS.test(k)));
  return JSON.stringify(clean);
}

/** Write one audit row. Call it inside the transaction that makes the change. */
export async function recordAudit(
  trx: Transaction<Database> | Db,
  ctx: Pick<ServiceContext, 'actor' | 'ip' | 'userAgent' | 'clock'>,
  event: AuditEvent,
): Promise<void> {
  const actor =
    event.actor ??
    (ctx.actor ? { userId: ctx.actor.userId, username: ctx.actor.username, role: ctx.actor.role } : null);
  await trx
    .insertInto('audit_log')
    .values({
      at: iso(ctx.clock.now()),
      actor_user_id: actor?.userId ?? null,
      actor_username: actor?.username ?? null,
      actor_role: actor?.role ?? null,
      organisation_id:
        event.organisationId !== undefined ? event.organisationId : (ctx.actor?.organisationId ?? null),
      bureau_code: event.bureauCode !== undefined ? event.bureauCode : (ctx.actor?.bureauCode ?? null),
      entity_type: event.entityType,
      entity_id: event.entityId,
      action: event.action,
      before_json: scrub(event.before),
      after_json: scrub(event.after),
      ip: ctx.ip,
      user_agent: ctx.userAgent,
    })
    .execute();
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  organisationId: string | null;
  bureauCode: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const parseJson = (text: string | null): Record<string, unknown> | null => {
  if (!text) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/**
 * The history of one entity (e.g. an application), oldest first. The caller decides who may see it:
 * this reads whatever the log holds about the entity.
 */
export async function listAuditOfEntity(
  ctx: Pick<ServiceContext, 'db'>,
  entityType: string,
  entityId: string,
): Promise<AuditEntry[]> {
  const rows = await auditRepository.listOfEntity(ctx.db, entityType, entityId);
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actorUserId: r.actor_user_id,
    actorUsername: r.actor_username,
    actorRole: r.actor_role,
    organisationId: r.organisation_id,
    bureauCode: r.bureau_code,
    action: r.action,
    before: parseJson(r.before_json),
    after: parseJson(r.after_json),
  }));
}
