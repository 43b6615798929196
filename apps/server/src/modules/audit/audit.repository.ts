import type { Db } from '../../db/database';

/** Reads of the audit log (its writes are recordAudit's single insert). */
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
};
