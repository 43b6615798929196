import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BureauModificationList, ModificationReview, ModificationStatus } from '@ccc/domain';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../admin/api/query-string';

/** 修改申请 (SPEC §3.8, §4): the bureau's certificate-modification requests and its decisions on them. */

export const modificationsKey = ['bureau', 'modifications'] as const;
export const modificationKey = (id: string) => [...modificationsKey, 'one', id] as const;

const base = '/api/bureau/modifications';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** The list's tabs: one state, or every request the bureau has received ('all'). */
export type ModificationTab = 'submitted' | 'returned' | 'approved' | 'refused' | 'all';
export const modificationTabs = [
  'submitted',
  'returned',
  'approved',
  'refused',
  'all',
] as const satisfies readonly ModificationTab[];

export interface ModificationListQuery {
  tab: ModificationTab;
  page: number;
  pageSize: number;
}

/** One tab of the list, oldest submission first. */
export function useBureauModifications(query: ModificationListQuery) {
  const { tab, page, pageSize } = query;
  return useQuery({
    queryKey: [...modificationsKey, 'list', query],
    queryFn: () =>
      api.get<BureauModificationList>(
        `${base}${toQueryString({ status: tab === 'all' ? undefined : tab, page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

/** How many requests wait for the bureau (the 待审核 tab's badge). */
export function usePendingModificationCount() {
  return useQuery({
    queryKey: [...modificationsKey, 'pending-count'],
    queryFn: () =>
      api.get<BureauModificationList>(
        `${base}${toQueryString({ status: 'submitted', page: 1, pageSize: 1 })}`,
      ),
    select: (d) => d.total,
  });
}

/** One request: the certificate, the reason, before and after, and the changed fields. */
export function useModificationReview(id: string | undefined) {
  return useQuery({
    queryKey: modificationKey(id ?? ''),
    queryFn: () => api.get<ModificationReview>(one(id!)),
    enabled: !!id,
  });
}

export type ModificationDecision = 'approve' | 'return' | 'refuse';

/** 批准修改 / 退回 / 不予修改: the answer is the request after the decision. */
export function useDecideModification(id: string) {
  const qc = useQueryClient();
  return useMutation({
    // expectedStatus: the state the officer saw, so a decision made on a stale screen loses the race (409).
    mutationFn: ({
      decision,
      reason,
      expectedStatus,
    }: {
      decision: ModificationDecision;
      reason?: string;
      expectedStatus: ModificationStatus;
    }) =>
      api.post<ModificationReview>(
        `${one(id)}/${decision}`,
        reason === undefined ? { expectedStatus } : { reason, expectedStatus },
      ),
    onSuccess: async (review) => {
      qc.setQueryData(modificationKey(id), review);
      await qc.invalidateQueries({
        queryKey: modificationsKey,
        predicate: (q) => q.queryKey[2] !== 'one',
      });
      // The application's case shows the new certificate number too.
      await qc.invalidateQueries({ queryKey: ['bureau', 'review'] });
    },
  });
}

/** The request and the lists again from the server (after a lost race). */
export function useReloadModifications() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: modificationsKey });
}
