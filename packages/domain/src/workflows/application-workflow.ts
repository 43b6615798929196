import type { Role } from '../roles';
import { defineWorkflow, type Transition } from './workflow';

/**
 * The application's state machine (DOMAIN.md "Application states"), as one table. The server enforces it
 * (every state change is a compare-and-set on the `from` state); the web app reads it to decide which
 * buttons to show.
 */

export const applicationStatuses = [
  'draft',
  'submitted',
  'under_review',
  'returned',
  'issued',
  'refused',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** The labels of the manual (list column 状态) and their English. */
export const applicationStatusLabels: Record<ApplicationStatus, { zh: string; en: string }> = {
  draft: { zh: '未提交', en: 'Not submitted' },
  submitted: { zh: '待受理', en: 'Awaiting acceptance' },
  under_review: { zh: '审核中', en: 'Under review' },
  returned: { zh: '已退回', en: 'Returned' },
  issued: { zh: '已发证', en: 'Certificate issued' },
  refused: { zh: '不予免办', en: 'Refused' },
};

/** States in which the enterprise may change the application (fields, products, attachments). */
export const editableApplicationStatuses = [
  'draft',
  'returned',
] as const satisfies readonly ApplicationStatus[];

export const applicationEvents = [
  /** 保存 the first time: the application comes into being with its number. */
  'create',
  /** 修改: fields, products and attachments; the state stays. */
  'edit',
  /** 删除: a draft only; its number is retired. */
  'delete',
  /** 提交: after the completeness check. */
  'submit',
  /** 撤回: back to draft before the bureau accepted it; number and history kept. */
  'withdraw',
  /** 受理 (bureau). */
  'accept',
  /** 退回 with a reason (bureau). */
  'return',
  /** 批准发证 (bureau). */
  'approve',
  /** 不予免办 with a reason (bureau). */
  'refuse',
] as const;
export type ApplicationEvent = (typeof applicationEvents)[number];

export type ApplicationTransition = Transition<ApplicationStatus, ApplicationEvent>;

export const applicationWorkflow: readonly ApplicationTransition[] = [
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
    event: 'withdraw',
    from: ['submitted'],
    to: 'draft',
    roles: ['enterprise'],
    requiresReason: false,
    label: { zh: '撤回', en: 'Withdraw' },
  },
  {
    event: 'accept',
    from: ['submitted'],
    to: 'under_review',
    roles: ['officer'],
    requiresReason: false,
    label: { zh: '受理', en: 'Accept' },
  },
  {
    event: 'return',
    from: ['submitted', 'under_review'],
    to: 'returned',
    roles: ['officer'],
    requiresReason: true,
    label: { zh: '退回', en: 'Return' },
  },
  {
    event: 'approve',
    from: ['under_review'],
    to: 'issued',
    roles: ['officer'],
    requiresReason: false,
    label: { zh: '批准发证', en: 'Approve and issue' },
  },
  {
    event: 'refuse',
    from: ['under_review'],
    to: 'refused',
    roles: ['officer'],
    requiresReason: true,
    label: { zh: '不予免办', en: 'Refuse' },
  },
];

const flow = defineWorkflow(applicationWorkflow);

export const applicationTransition = flow.transition;

/** Whether `role` may apply `event` to an application in `status` (`null`: none exists yet). */
export const canApply = flow.can;

/** The state after `event` from `status`; throws when the table does not allow it. */
export const nextApplicationStatus = flow.next;

/** The actions a row of the list offers: 查看 always, then each event the role may apply in that state. */
export type ApplicationAction = 'view' | Exclude<ApplicationEvent, 'create'>;

export const applicationActions: (status: ApplicationStatus, role: Role) => ApplicationAction[] =
  flow.actions;

export function isEditableStatus(status: string): status is (typeof editableApplicationStatuses)[number] {
  return (editableApplicationStatuses as readonly string[]).includes(status);
}
