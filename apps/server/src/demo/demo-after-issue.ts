import {
  addDays,
  modificationBodySchema,
  revokeCertificateBodySchema,
  type ModificationContent,
  type ModificationStatus,
  type RecordKind,
  type RecordStatus,
} from '@ccc/domain';
import type { AppDeps } from '../context';
import { revokeCertificate } from '../modules/certificates/certificate-revocation.service';
import { decideModification } from '../modules/modifications/modification-review.service';
import {
  getModificationState,
  saveModification,
  submitModification,
} from '../modules/modifications/modifications.service';
import { decideRecord } from '../modules/supervision/supervision.service';
import { createRecord, submitRecord } from '../modules/usage-records/usage-records.service';
import { contextOfUser } from './demo-actors';
import type { DemoOrganisation } from './demo-people';
import type { StoryCursor } from './demo-timeline';

/** What follows an issue: usage / re-export / destruction / write-off records, a modification, a revocation. */

export interface IssuedCertificate {
  /** The current version's number (the modified one after an approved modification). */
  number: string;
  /** China date of issue. */
  issueDate: string;
  enterprise: string;
  officer: string;
  organisation: DemoOrganisation;
  lines: number;
}

interface StepBase {
  /** Working days after the previous step. */
  after: number;
  time?: string;
}

export interface RecordStep extends StepBase {
  do: 'record';
  kind: RecordKind;
  final: RecordStatus;
  /** Quantities by line number (usage / re-export / destruction). */
  lines?: Record<number, string>;
  /** The kind's text fields (使用单位…, 报关单号, 销毁方式…); the dates come from the story's day. */
  text: Record<string, string>;
  /** The officer's reason when the record ends 已退回. */
  returnReason?: string;
}

export interface ModificationStep extends StepBase {
  do: 'modification';
  final: ModificationStatus;
  reason: string;
  change: (c: ModificationContent) => ModificationContent;
  /** The officer's reason when returned or refused. */
  decisionReason?: string;
}

export interface RevokeStep extends StepBase {
  do: 'revoke';
  reason: string;
}

export type AfterIssueStep = RecordStep | ModificationStep | RevokeStep;
export interface AfterIssuePlan {
  steps: AfterIssueStep[];
}

function recordBody(step: RecordStep, today: string, issueDate: string): Record<string, unknown> {
  const lines = Object.entries(step.lines ?? {}).map(([lineNo, quantity]) => ({
    lineNo: Number(lineNo),
    quantity,
    date: step.kind === 'usage' ? null : today,
  }));
  const monthAgo = addDays(today, -30);
  switch (step.kind) {
    case 'usage':
      return {
        kind: 'usage',
        periodStart: monthAgo < issueDate ? issueDate : monthAgo,
        periodEnd: today,
        ...step.text,
        lines,
      };
    case 'reexport':
    case 'destruction':
      return { kind: step.kind, ...step.text, lines };
    case 'writeoff':
      return { kind: 'writeoff', exportDate: today, ...step.text };
  }
}

async function recordStep(deps: AppDeps, s: StoryCursor, cert: IssuedCertificate, step: RecordStep) {
  const ent = await contextOfUser(deps, cert.enterprise);
  const created = await createRecord(ent, cert.number, recordBody(step, s.today(), cert.issueDate));
  if (step.final === 'draft') return;
  await s.later(20);
  await submitRecord(await contextOfUser(deps, cert.enterprise), created.id);
  if (step.final === 'submitted') return;
  await s.after(2, '10:40');
  const off = await contextOfUser(deps, cert.officer);
  if (step.final === 'verified') await decideRecord(off, created.id, 'verify');
  else await decideRecord(off, created.id, 'return', step.returnReason);
}

async function modificationStep(
  deps: AppDeps,
  s: StoryCursor,
  cert: IssuedCertificate,
  step: ModificationStep,
) {
  const ent = () => contextOfUser(deps, cert.enterprise);
  const state = await getModificationState(await ent(), cert.number);
  const wanted = step.change(state.current);
  const body = modificationBodySchema.parse({
    holder: wanted.holder,
    products: wanted.products.map((p) => ({
      lineNo: p.lineNo,
      productName: p.productName,
      model: p.model,
      brand: p.brand,
      quantity: p.quantity,
      unit: p.unit,
    })),
    reason: step.reason,
  });
  const request = await saveModification(await ent(), cert.number, body);
  if (step.final === 'draft') return;
  await s.later(30);
  await submitModification(await ent(), cert.number);
  if (step.final === 'submitted') return;
  await s.after(2, '15:20');
  const off = await contextOfUser(deps, cert.officer);
  if (step.final === 'approved') {
    const review = await decideModification(off, request.id, 'approve');
    cert.number = review.certificate.number;
  } else {
    await decideModification(off, request.id, step.final === 'returned' ? 'return' : 'refuse', {
      reason: step.decisionReason,
    });
  }
}

export async function runAfterIssue(
  deps: AppDeps,
  s: StoryCursor,
  cert: IssuedCertificate,
  plan: AfterIssuePlan,
): Promise<void> {
  for (const step of plan.steps) {
    await s.after(step.after, step.time ?? '10:00');
    if (step.do === 'record') await recordStep(deps, s, cert, step);
    else if (step.do === 'modification') await modificationStep(deps, s, cert, step);
    else {
      const off = await contextOfUser(deps, cert.officer);
      await revokeCertificate(off, cert.number, revokeCertificateBodySchema.parse({ reason: step.reason }));
    }
  }
}
