import type { Role } from '../roles';
import { defineWorkflow, type Transition } from './workflow';

/**
 * 产品使用记录 (SPEC §3.9, DOMAIN.md): usage, re-export, destruction and, for clause 05 only, write-off records.
 * States 未提交 → 已提交 → 已核查 / 已退回 (a returned record is corrected and sent again). The server enforces the
 * table (each state change is a compare-and-set on the `from` state); the web app reads it for its buttons.
 */

export const recordKinds = ['usage', 'reexport', 'destruction', 'writeoff'] as const;
export type RecordKind = (typeof recordKinds)[number];

/** The manual's names of the kinds, and their English. */
export const recordKindLabels: Record<RecordKind, { zh: string; en: string }> = {
  usage: { zh: '使用记录', en: 'Usage record' },
  reexport: { zh: '退运记录', en: 'Re-export record' },
  destruction: { zh: '销毁记录', en: 'Destruction record' },
  writeoff: { zh: '核销记录', en: 'Write-off record' },
};

/** The button that opens a new record of the kind (填写使用记录 …). */
export const recordKindFillLabels: Record<RecordKind, { zh: string; en: string }> = {
  usage: { zh: '填写使用记录', en: 'Fill in usage record' },
  reexport: { zh: '填写退运记录', en: 'Fill in re-export record' },
  destruction: { zh: '填写销毁记录', en: 'Fill in destruction record' },
  writeoff: { zh: '填写核销记录', en: 'Fill in write-off record' },
};

/** Kinds that report product quantities (the write-off reports the export of the finished products, no quantities). */
export const quantityRecordKinds = [
  'usage',
  'reexport',
  'destruction',
] as const satisfies readonly RecordKind[];

/** The clause whose certificates take write-off records (以整机全数出口为目的进口的零部件). */
export const WRITEOFF_CLAUSE = '05';

/** The kinds a certificate of `clauseCode` takes. */
export function recordKindsForClause(clauseCode: string): RecordKind[] {
  return clauseCode === WRITEOFF_CLAUSE ? [...recordKinds] : [...quantityRecordKinds];
}

export const recordStatuses = ['draft', 'submitted', 'verified', 'returned'] as const;
export type RecordStatus = (typeof recordStatuses)[number];

export const recordStatusLabels: Record<RecordStatus, { zh: string; en: string }> = {
  draft: { zh: '未提交', en: 'Not submitted' },
  submitted: { zh: '已提交', en: 'Submitted' },
  verified: { zh: '已核查', en: 'Verified' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** States in which the enterprise may change the record. */
export const editableRecordStatuses = ['draft', 'returned'] as const satisfies readonly RecordStatus[];

export const recordEvents = ['create', 'edit', 'delete', 'submit', 'verify', 'return'] as const;
export type RecordEvent = (typeof recordEvents)[number];

export type RecordTransition = Transition<RecordStatus, RecordEvent>;

export const recordWorkflow: readonly RecordTransition[] = [
  {
    event: 'create',
    from: [],
    to: 'draft',
    roles: ['enterprise'],
    requiresReason: false,
    label: { zh: '保存', en: 'Save' },
  },
  {
    event: 'edit',
    from: ['draft', 'returned'],
    to: 'same',
    roles: ['enterprise'],
    requiresReason: false,
    label: { zh: '修改', en: 'Edit' },
  },
  {
    event: 'delete',
    from: ['draft'],
    to: null,
    roles: ['enterprise'],
    requiresReason: false,
    label: { zh: '删除', en: 'Delete' },
  },
  {
    event: 'submit',
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: ['enterprise'],
    requiresReason: false,
    label: { zh: '提交', en: 'Submit' },
  },
  {
    event: 'verify',
    from: ['submitted'],
    to: 'verified',
    roles: ['officer'],
    requiresReason: false,
    label: { zh: '核查通过', en: 'Verify' },
  },
  {
    event: 'return',
    from: ['submitted'],
    to: 'returned',
    roles: ['officer'],
    requiresReason: true,
    label: { zh: '退回', en: 'Return' },
  },
];

const flow = defineWorkflow(recordWorkflow);

export const recordTransition = flow.transition;

/** Whether `role` may apply `event` to a record in `status` (`null`: none exists yet). */
export const canApplyRecordEvent = flow.can;

/** The state after `event` from `status`; throws when the table does not allow it. */
export const nextRecordStatus = flow.next;

export type RecordAction = 'view' | Exclude<RecordEvent, 'create'>;

/** 查看 always, then each event `role` may apply in `status`. */
export const recordActions: (status: RecordStatus, role: Role) => RecordAction[] = flow.actions;

/** Statuses whose quantities count as reported (for "fully reported"); every status counts for the ledger. */
export const reportedRecordStatuses = ['submitted', 'verified'] as const satisfies readonly RecordStatus[];
