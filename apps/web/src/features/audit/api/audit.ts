import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditActionsResponse, AuditListResponse } from '@ccc/domain';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../admin/api/query-string';

/** The search as it lives in the address (and goes to the server as it is). */
export interface AuditSearch {
  actor?: string;
  organisation?: string;
  bureau?: string;
  application?: string;
  certificate?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditFilterKeys = [
  'actor',
  'organisation',
  'bureau',
  'application',
  'certificate',
  'action',
  'from',
  'to',
] as const;

const base = '/api/admin/audit';

export function useAuditSearch(query: AuditSearch) {
  return useQuery({
    queryKey: ['admin', 'audit', query],
    queryFn: () => api.get<AuditListResponse>(`${base}${toQueryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useAuditActions() {
  return useQuery({
    queryKey: ['admin', 'audit', 'actions'],
    queryFn: () => api.get<AuditActionsResponse>(`${base}/actions`),
    staleTime: 60_000,
  });
}

/** The export of the same search (no paging). */
export function auditExportUrl(query: AuditSearch, format: 'xlsx' | 'csv' = 'xlsx'): string {
  const { page: _page, pageSize: _size, ...filter } = query;
  return `${base}/export${toQueryString({ ...filter, format })}`;
}
