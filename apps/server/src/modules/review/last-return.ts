import type { ChangeSinceReturn, ReviewDetail } from '@ccc/domain';
import type { AuditEntry } from '../audit/audit.service';

/**
 * For a case the enterprise submitted again after a 退回: the reason of the latest return and what the
 * enterprise changed between that return and its new 提交, read from the application's audit history
 * (field edits with their before/after, products added/changed/removed, attachments uploaded/replaced/
 * removed). Null while the case was never returned, or is still with the enterprise.
 */

export const RETURNED_ACTION = 'APPLICATION_RETURNED';

/** The enterprise's changes to an application's content, as the applications and attachments modules log them. */
const CHANGE_ACTIONS = new Set([
  'APPLICATION_UPDATED',
  'PRODUCT_ADDED',
  'PRODUCT_UPDATED',
  'PRODUCT_DELETED',
  'ATTACHMENT_UPLOADED',
  'ATTACHMENT_REPLACED',
  'ATTACHMENT_DELETED',
]);

/** Identity and bookkeeping values of the logged records, not changes the officer needs to read. */
const HIDDEN_KEYS = new Set(['number', 'status', 'productId', 'lineNo', 'sha256', 'mime', 'size']);

const text = (v: unknown): string | null => {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};

function subjectOf(e: AuditEntry): string | null {
  const data = { ...(e.before ?? {}), ...(e.after ?? {}) };
  const product = text(data.productName);
  if (product) return typeof data.lineNo === 'number' ? `${data.lineNo}. ${product}` : product;
  return text(data.filename);
}

/** The fields whose values differ between the entry's before and after (all of them for an add or delete). */
export function changedFields(e: AuditEntry): ChangeSinceReturn['fields'] {
  const before = e.before ?? {};
  const after = e.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !HIDDEN_KEYS.has(k),
  );
  return keys
    .map((field) => ({ field, before: text(before[field]), after: text(after[field]) }))
    .filter((f) => f.before !== f.after);
}

export function lastReturnOf(status: string, entries: readonly AuditEntry[]): ReviewDetail['lastReturn'] {
  if (status === 'draft' || status === 'returned') return null;
  let index = -1;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i]!.action === RETURNED_ACTION) {
      index = i;
      break;
    }
  }
  if (index < 0) return null;
  const returned = entries[index]!;
  const changes: ChangeSinceReturn[] = entries
    .slice(index + 1)
    .filter((e) => CHANGE_ACTIONS.has(e.action))
    .map((e) => ({
      at: e.at,
      action: e.action,
      actorUsername: e.actorUsername,
      subject: subjectOf(e),
      fields: changedFields(e),
    }));
  return { at: returned.at, reason: text(returned.after?.reason) ?? '', changes };
}
