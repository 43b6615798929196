import { isEditableStatus, type ApplicationStatus } from '@ccc/domain';
import type { Transaction } from 'kysely';
import type { ServiceContext } from '../../context';
import type { Database } from '../../db/schema';
import { AppError, notFound } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { recordAudit } from '../audit/audit.service';
import { requireActiveMember } from '../enterprises/membership';
import { applicationsRepository as repo, type ApplicationRow } from './applications.repository';

/** The row's status as the workflow's type (the column holds only workflow states). */
export const statusOf = (row: Pick<ApplicationRow, 'status'>) => row.status as ApplicationStatus;

/**
 * Who may see or change an application. Another party's application — and an unknown id — is "not found",
 * and the attempt is written to the audit log (SPEC §1).
 */

async function denied(ctx: ServiceContext, id: string, attempted: string, row: ApplicationRow | undefined) {
  await recordAudit(ctx.db, ctx, {
    entityType: 'application',
    entityId: id,
    action: 'ACCESS_DENIED',
    after: { attempted, targetOrganisationId: row?.organisation_id ?? null },
  });
  return notFound();
}

/** The application of the acting enterprise user's organisation, or 404 (audited). */
export async function loadOwnApplication(
  ctx: ServiceContext,
  id: string,
  attempted: string,
): Promise<ApplicationRow> {
  const { organisationId } = requireActiveMember(ctx);
  const row = await repo.find(ctx.db, id);
  if (!row || row.organisation_id !== organisationId) throw await denied(ctx, id, attempted, row);
  return row;
}

/**
 * An application the actor may view: its organisation's users always; later also the accepting bureau's
 * officers once it was submitted; administrators. Anything else is 404 (audited).
 */
export async function loadViewableApplication(
  ctx: ServiceContext,
  id: string,
  attempted = 'APPLICATION_VIEW',
): Promise<ApplicationRow> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.role === 'enterprise') return loadOwnApplication(ctx, id, attempted);
  const row = await repo.find(ctx.db, id);
  const visible =
    row !== undefined &&
    (actor.role === 'admin' ||
      (actor.role === 'officer' && row.bureau_code === actor.bureauCode && row.status !== 'draft'));
  if (!row || !visible) throw await denied(ctx, id, attempted, row);
  return row;
}

export interface EditableApplication {
  id: string;
  organisationId: string;
  clauseCode: string;
  subClauseCode: string | null;
  status: string;
}

const toEditable = (row: ApplicationRow): EditableApplication => ({
  id: row.id,
  organisationId: row.organisation_id,
  clauseCode: row.clause_code,
  subClauseCode: row.sub_clause_code,
  status: row.status,
});

/**
 * For the modules that change an application's parts (attachments): the actor's own application while
 * the enterprise may change it (未提交 or 已退回). 404 (audited) for another organisation's or an unknown
 * id; 409 INVALID_TRANSITION in any other state.
 */
export async function getApplicationForEdit(ctx: ServiceContext, id: string): Promise<EditableApplication> {
  const row = await loadOwnApplication(ctx, id, 'APPLICATION_EDIT');
  if (!isEditableStatus(row.status)) throw new AppError('INVALID_TRANSITION');
  return toEditable(row);
}

/** For the modules that show an application's parts: 404 (audited) unless the actor may view it. */
export async function getApplicationForView(ctx: ServiceContext, id: string): Promise<EditableApplication> {
  return toEditable(await loadViewableApplication(ctx, id));
}

/**
 * Inside the caller's transaction: holds the application against concurrent state changes (a
 * compare-and-set on its status that touches updated_at) while the caller changes a part of it, so nothing
 * is added to or removed from an application that 提交 locked meanwhile. 409 INVALID_TRANSITION when it is
 * no longer editable. Call it first in the transaction (on SQLite its write takes the write lock).
 */
export async function lockApplicationForEdit(
  trx: Transaction<Database>,
  ctx: Pick<ServiceContext, 'clock'>,
  applicationId: string,
): Promise<EditableApplication> {
  const row = await repo.updateIfStatus(trx, applicationId, ['draft', 'returned'], {
    updated_at: iso(ctx.clock.now()),
  });
  if (!row) throw new AppError('INVALID_TRANSITION');
  return toEditable(row);
}
