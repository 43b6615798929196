import { defineWorkflow, type Transition } from './workflow';

/**
 * 申请修改证明 (SPEC §3.8, DOMAIN.md "Modification requests"): the request's state machine as one table. One
 * request per certificate number, ever (a UNIQUE key on base_number); once approved or refused, nothing more.
 * The server enforces every transition as a compare-and-set on the `from` state; the web reads the table to
 * decide which buttons to show.
 */

export const modificationStatuses = ['draft', 'submitted', 'returned', 'approved', 'refused'] as const;
export type ModificationStatus = (typeof modificationStatuses)[number];

export const modificationStatusLabels: Record<ModificationStatus, { zh: string; en: string }> = {
  draft: { zh: '未提交', en: 'Not submitted' },
  submitted: { zh: '待审核', en: 'Awaiting review' },
  approved: { zh: '已批准', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
  refused: { zh: '不予修改', en: 'Refused' },
};

/** Final states: the single chance is used and no other request can be made for the certificate number. */
export const finalModificationStatuses = [
  'approved',
  'refused',
] as const satisfies readonly ModificationStatus[];

/** States in which the enterprise may change (保存) and send (提交) the request. */
export const editableModificationStatuses = [
  'draft',
  'returned',
] as const satisfies readonly ModificationStatus[];

export const modificationEvents = [
  /** 保存 the first time: the request comes into being (one per certificate number). */
  'create',
  /** 保存 again: the changes and reason are replaced; the state stays. */
  'edit',
  /** 提交 to the issuing bureau. */
  'submit',
  /** 批准 (bureau): the modified version (letter M) is issued and the original superseded. */
  'approve',
  /** 退回 with a reason (bureau): the enterprise corrects and submits again. */
  'return',
  /** 不予修改 with a reason (bureau): final. */
  'refuse',
] as const;
export type ModificationEvent = (typeof modificationEvents)[number];

export type ModificationTransition = Transition<ModificationStatus, ModificationEvent>;

export const modificationWorkflow: readonly ModificationTransition[] = [
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
    label: { zh: '保存', en: 'Save' },
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
    event: 'approve',
    from: ['submitted'],
    to: 'approved',
    roles: ['officer'],
    requiresReason: false,
    label: { zh: '批准修改', en: 'Approve' },
  },
  {
    event: 'return',
    from: ['submitted'],
    to: 'returned',
    roles: ['officer'],
    requiresReason: true,
    label: { zh: '退回', en: 'Return' },
  },
  {
    event: 'refuse',
    from: ['submitted'],
    to: 'refused',
    roles: ['officer'],
    requiresReason: true,
    label: { zh: '不予修改', en: 'Refuse' },
  },
];

const flow = defineWorkflow(modificationWorkflow);

export const modificationTransition = flow.transition;

/** Whether `role` may apply `event` to a request in `status` (`null`: none exists yet for the number). */
export const canApplyModification = flow.can;

/** The state after `event` from `status`; throws when the table does not allow it. */
export function nextModificationStatus(
  status: ModificationStatus,
  event: ModificationEvent,
): ModificationStatus {
  // No event of this table removes the request.
  return flow.next(status, event)!;
}

export function isFinalModificationStatus(status: string): boolean {
  return (finalModificationStatuses as readonly string[]).includes(status);
}
