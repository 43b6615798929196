import { recordKinds, type RecordKind } from '@ccc/domain';
import {
  supervisionStatuses,
  type OverdueListQuery,
  type RecordsQuery,
  type SupervisionStatus,
} from '../api/supervision';

/** The page's state in the address: the tab, each tab's filter and page, and the record open in the drawer. */

export type SupervisionTab = 'records' | 'overdue';

const page = (p: URLSearchParams) => Math.max(1, Number(p.get('page')) || 1);
const pageSize = (p: URLSearchParams) => Math.min(100, Math.max(1, Number(p.get('pageSize')) || 20));
const text = (p: URLSearchParams, k: string) => p.get(k)?.trim() || undefined;

export function tabFromParams(p: URLSearchParams): SupervisionTab {
  return p.get('tab') === 'overdue' ? 'overdue' : 'records';
}

export function recordsFromParams(p: URLSearchParams): RecordsQuery {
  const status = p.get('status');
  const kind = p.get('kind');
  return {
    status: (supervisionStatuses as readonly string[]).includes(status ?? '')
      ? (status as SupervisionStatus)
      : 'submitted',
    kind: (recordKinds as readonly string[]).includes(kind ?? '') ? (kind as RecordKind) : undefined,
    q: text(p, 'q'),
    page: page(p),
    pageSize: pageSize(p),
  };
}

export function overdueFromParams(p: URLSearchParams): OverdueListQuery {
  return { q: text(p, 'q'), page: page(p), pageSize: pageSize(p) };
}

/** Only what differs from the defaults goes into the address. */
export function paramsOf(
  tab: SupervisionTab,
  q: Partial<RecordsQuery> & { page: number; pageSize: number },
): Record<string, string> {
  const out: Record<string, string> = {};
  if (tab !== 'records') out.tab = tab;
  if (tab === 'records' && q.status && q.status !== 'submitted') out.status = q.status;
  if (tab === 'records' && q.kind) out.kind = q.kind;
  if (q.q) out.q = q.q;
  if (q.page !== 1) out.page = String(q.page);
  if (q.pageSize !== 20) out.pageSize = String(q.pageSize);
  return out;
}
