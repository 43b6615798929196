import {
  APPLICATION_COUNTER,
  applicationSerialPeriod,
  canApply,
  formatApplicationNumber,
  isEditableStatus,
  makeApplicationBodySchema,
  MAX_SERIAL,
  translate,
  yymmOf,
  type ApplicationDetail,
} from '@ccc/domain';
import type { Transaction } from 'kysely';
import type { ServiceContext } from '../../context';
import type { Database } from '../../db/schema';
import { AppError, fieldError } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { composeMail, formatChinaTime } from '../../locales/mail';
import {
  copyReusableAttachments,
  missingRequiredAttachments,
  releaseApplicationAttachments,
} from '../attachments/attachments.service';
import { recordAudit } from '../audit/audit.service';
import { listOrganisationUsers } from '../auth/users.service';
import { getOrganisation } from '../enterprises/enterprises.service';
import { requireActiveMember } from '../enterprises/membership';
import { enqueueMail } from '../notifications/notifications.service';
import { takeSerial } from '../counters/counters.service';
import { listActiveOfficerContacts } from '../officers/officers.service';
import { findBureauNames, findReferenceNames } from '../reference/reference.service';
import { captureLabels } from './application-labels';
import { loadOwnApplication, statusOf } from './application-access';
import { getApplicationDetail } from './application-detail.service';
import {
  bureauProblem,
  checkChangedLocations,
  checkNewLocations,
  diffFields,
  issueFields,
  loadFormReference,
  parseApplicationFields,
  parseShape,
  referenceFor,
  toColumns,
  toFields,
} from './application-form';
import { applicationsRepository as repo, type ApplicationRow } from './applications.repository';

export {
  getApplicationForEdit,
  getApplicationForView,
  lockApplicationForEdit,
  type EditableApplication,
} from './application-access';
export { getApplicationDetail } from './application-detail.service';

/** 保存, 修改, 删除, 提交, 撤回 of the enterprise's applications (SPEC §3.2, §3.5, §3.6). */

const ENTITY = 'application';

/** What the audit log keeps of an application's identity with each event. */
const auditIdentity = (row: Pick<ApplicationRow, 'number' | 'status'>) => ({
  number: row.number,
  status: row.status,
});

/**
 * 保存 the first time: validates the form (draft strength), checks the bureau against the location, and in
 * ONE transaction takes the year's next serial, stores the application with its 申请编号, takes over the
 * reusable attachments of the organisation's latest application under the same clause, and audits.
 */
export async function createApplication(ctx: ServiceContext, body: unknown): Promise<ApplicationDetail> {
  const { userId, organisationId } = requireActiveMember(ctx);
  const reference = await loadFormReference(ctx);
  const fields = parseApplicationFields(referenceFor(reference), body, 'draft');
  if (!/^\d{2}$/.test(fields.clauseCode)) throw fieldError('clauseCode', 'v.application.clauseUnavailable');
  await checkNewLocations(ctx, fields);

  const id = newId();
  const now = ctx.clock.now();
  const at = iso(now);
  await ctx.db.transaction().execute(async (trx) => {
    // First statement of the transaction: the counter's write lock (see takeSerial).
    const serial = await takeSerial(trx, {
      name: APPLICATION_COUNTER,
      period: applicationSerialPeriod(now),
      max: MAX_SERIAL,
      label: ctx.locale === 'en-US' ? 'application numbers' : '申请编号',
    });
    const number = formatApplicationNumber({
      bureauCode: fields.bureauCode,
      clauseCode: fields.clauseCode,
      yymm: yymmOf(now),
      serial,
    });
    const previous = await repo.findLatestOfClause(trx, organisationId, fields.clauseCode);
    await repo.insert(trx, {
      id,
      number,
      organisation_id: organisationId,
      created_by: userId,
      ...toColumns(fields),
      status: 'draft',
      certificate_number: null,
      return_reason: null,
      refuse_reason: null,
      product_count: 0,
      first_product_name: null,
      created_at: at,
      updated_at: at,
      first_submitted_at: null,
      submitted_at: null,
      listed_at: at,
      accepted_at: null,
      returned_at: null,
      decided_at: null,
    });
    await recordAudit(trx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'APPLICATION_CREATED',
      after: { number, status: 'draft', ...fields },
    });
    if (previous) await copyReusableAttachments(trx, ctx, previous.id, id);
  });
  return getApplicationDetail(ctx, id);
}

/**
 * 保存 of an existing application while the enterprise may change it (未提交, 已退回). Clause and bureau
 * are part of the number: a change of either is refused with the field named.
 */
export async function updateApplication(
  ctx: ServiceContext,
  id: string,
  body: unknown,
): Promise<ApplicationDetail> {
  const row = await loadOwnApplication(ctx, id, 'APPLICATION_UPDATE');
  if (!isEditableStatus(row.status)) throw new AppError('INVALID_TRANSITION');
  const shape = parseShape(body);
  const fixed = [
    ...(shape.clauseCode !== row.clause_code ? ['clauseCode'] : []),
    ...(shape.bureauCode !== row.bureau_code ? ['bureauCode'] : []),
  ];
  if (fixed.length) {
    throw new AppError('VALIDATION_FAILED', {
      fields: fixed.map((path) => ({ path, message: 'v.application.fixed' })),
    });
  }
  const reference = await loadFormReference(ctx);
  const fields = parseApplicationFields(referenceFor(reference, row), body, 'draft');
  await checkChangedLocations(ctx, fields, row);
  const diff = diffFields(toFields(row), fields);
  if (!diff) return getApplicationDetail(ctx, id);

  await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateIfStatus(trx, id, ['draft', 'returned'], {
      ...toColumns(fields),
      updated_at: iso(ctx.clock.now()),
    });
    if (!updated) throw new AppError('INVALID_TRANSITION');
    await recordAudit(trx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'APPLICATION_UPDATED',
      before: { ...auditIdentity(row), ...diff.before },
      after: { ...auditIdentity(updated), ...diff.after },
    });
  });
  return getApplicationDetail(ctx, id);
}

/** 删除 of a draft: its products and attachment references go with it; its number is retired for good. */
export async function deleteApplication(ctx: ServiceContext, id: string): Promise<void> {
  const row = await loadOwnApplication(ctx, id, 'APPLICATION_DELETE');
  if (!canApply(statusOf(row), 'delete', 'enterprise')) throw new AppError('INVALID_TRANSITION');
  await ctx.db.transaction().execute(async (trx) => {
    // Compare-and-set first: a concurrent 提交 either happened before (→ 409) or waits for this.
    const locked = await repo.updateIfStatus(trx, id, ['draft'], { updated_at: iso(ctx.clock.now()) });
    if (!locked) throw new AppError('INVALID_TRANSITION');
    await releaseApplicationAttachments(trx, ctx, id);
    await repo.deleteProducts(trx, id);
    if ((await repo.deleteIfStatus(trx, id, ['draft'])) !== 1) throw new AppError('INVALID_TRANSITION');
    await recordAudit(trx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'APPLICATION_DELETED',
      before: {
        ...auditIdentity(row),
        clauseCode: row.clause_code,
        bureauCode: row.bureau_code,
        productCount: locked.product_count,
      },
      after: null,
    });
  });
}

/** Everything 提交 finds missing, each with its path (a field, `products`, `attachments.<type>`). */
async function completenessProblems(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  row: ApplicationRow,
  reference: Awaited<ReturnType<typeof loadFormReference>>,
  bureauIssue: string | null,
): Promise<{ path: string; message: string }[]> {
  const problems: { path: string; message: string }[] = [];
  const fieldCheck = makeApplicationBodySchema(referenceFor(reference, row), { mode: 'complete' }).safeParse(
    toFields(row),
  );
  if (!fieldCheck.success) problems.push(...issueFields(fieldCheck.error));
  if (bureauIssue) problems.push({ path: 'bureauCode', message: bureauIssue });
  if ((await repo.countProducts(trx, row.id)) === 0) {
    problems.push({ path: 'products', message: 'v.application.products' });
  }
  const missing = await missingRequiredAttachments(trx, {
    applicationId: row.id,
    clauseCode: row.clause_code,
    subClauseCode: row.sub_clause_code,
  });
  for (const m of missing) {
    problems.push({
      path: `attachments.${m.typeCode}`,
      message: translate(ctx.locale, 'v.application.attachmentMissing', { name: m.name }),
    });
  }
  return problems;
}

/**
 * 提交: a compare-and-set to 待受理 first (so nothing can change the application meanwhile), then the
 * completeness check inside the same transaction; anything missing rolls it back with every item named.
 * The organisation's users are told by e-mail (outbox, sent after commit).
 */
export async function submitApplication(ctx: ServiceContext, id: string): Promise<ApplicationDetail> {
  const row = await loadOwnApplication(ctx, id, 'APPLICATION_SUBMIT');
  if (!canApply(statusOf(row), 'submit', 'enterprise')) throw new AppError('INVALID_TRANSITION');
  // Reference data is read before the transaction (on SQLite, ctx.db inside it would wait for the transaction).
  const [reference, bureauIssue, names, bureauNames] = await Promise.all([
    loadFormReference(ctx),
    bureauProblem(ctx, row),
    findReferenceNames(ctx),
    findBureauNames(ctx, [row.bureau_code]),
  ]);
  const actor = ctx.actor!;
  const at = iso(ctx.clock.now());

  await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateIfStatus(trx, id, ['draft', 'returned'], {
      status: 'submitted',
      submitted_at: at,
      listed_at: at,
      first_submitted_at: row.first_submitted_at ?? at,
      updated_at: at,
      reference_labels: JSON.stringify(captureLabels(row, names, bureauNames)),
    });
    if (!updated) throw new AppError('INVALID_TRANSITION');
    const problems = await completenessProblems(trx, ctx, updated, reference, bureauIssue);
    if (problems.length) throw new AppError('APPLICATION_INCOMPLETE', { fields: problems });
    await recordAudit(trx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'APPLICATION_SUBMITTED',
      before: auditIdentity(row),
      after: { ...auditIdentity(updated), submittedAt: at, resubmission: row.status === 'returned' },
    });
    const users = await listOrganisationUsers(trx, row.organisation_id, ['active']);
    for (const u of users) {
      if (!u.email) continue;
      const mail = composeMail('applicationSubmitted', {
        recipientName: u.contactName || u.username,
        number: row.number,
        clauseName: names.clauses.get(row.clause_code) ?? row.clause_code,
        bureauName: bureauNames.get(row.bureau_code) ?? row.bureau_code,
        submittedBy: actor.username,
        at: formatChinaTime(at),
        resubmission: row.status === 'returned',
        url: ctx.config.publicUrl,
      });
      await enqueueMail(trx, ctx, { to: u.email, ...mail });
    }
  });
  return getApplicationDetail(ctx, id);
}

/**
 * 撤回: a 待受理 application back to 未提交, before the bureau accepted it; number and history kept. The
 * bureau's active officers are told by e-mail (outbox, sent after commit).
 */
export async function withdrawApplication(ctx: ServiceContext, id: string): Promise<ApplicationDetail> {
  const row = await loadOwnApplication(ctx, id, 'APPLICATION_WITHDRAW');
  if (!canApply(statusOf(row), 'withdraw', 'enterprise')) throw new AppError('INVALID_TRANSITION');
  const organisation = await getOrganisation(ctx.db, row.organisation_id);
  const at = iso(ctx.clock.now());
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateIfStatus(trx, id, ['submitted'], {
      status: 'draft',
      submitted_at: null,
      listed_at: row.created_at,
      updated_at: at,
    });
    if (!updated) throw new AppError('INVALID_TRANSITION');
    await recordAudit(trx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: 'APPLICATION_WITHDRAWN',
      before: { ...auditIdentity(row), submittedAt: row.submitted_at },
      after: auditIdentity(updated),
    });
    for (const officer of await listActiveOfficerContacts(trx, row.bureau_code)) {
      const mail = composeMail('applicationWithdrawn', {
        recipientName: officer.contactName || officer.username,
        number: row.number,
        organisationName: organisation?.nameZh ?? '',
        at: formatChinaTime(at),
      });
      await enqueueMail(trx, ctx, { to: officer.email, ...mail });
    }
  });
  return getApplicationDetail(ctx, id);
}
