import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicationStatus,
  BureauSearchFilter,
  BureauSearchResponse,
  CertificateSummary,
  InboxResponse,
  ReviewDetail,
} from '@ccc/domain';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../admin/api/query-string';

/** 受理与审核 (SPEC §4): the officer's inbox, one case, the decisions, the search and the certificate. */

export const bureauKey = ['bureau', 'review'] as const;
export const reviewKey = (id: string) => [...bureauKey, 'case', id] as const;

const base = '/api/bureau/applications';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export type InboxTab = 'submitted' | 'under_review';
export interface InboxQuery {
  status: InboxTab;
  page: number;
  pageSize: number;
}

/** 待办事项: one tab of the inbox, oldest submission first, with the counts of both tabs. */
export function useInbox(query: InboxQuery) {
  return useQuery({
    queryKey: [...bureauKey, 'inbox', query],
    queryFn: () => api.get<InboxResponse>(`/api/bureau/inbox${toQueryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

/** The search's query as the page keeps it in the address (and the export's URL carries it). */
export type SearchQuery = { [K in keyof BureauSearchFilter]?: string } & { page: number; pageSize: number };

/** 申请查询: the bureau's applications and certificates, newest first. */
export function useBureauSearch(query: SearchQuery, enabled = true) {
  return useQuery({
    queryKey: [...bureauKey, 'search', query],
    queryFn: () => api.get<BureauSearchResponse>(`${base}${toQueryString(query)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** 导出Excel: the same filter, without paging. */
export function searchExportUrl(query: SearchQuery): string {
  const { page: _page, pageSize: _size, ...filter } = query;
  return `${base}/export${toQueryString(filter)}`;
}

/** 审核: the case as the officer sees it (application, service clock, last return, certificate). */
export function useReview(id: string | undefined) {
  return useQuery({
    queryKey: reviewKey(id ?? ''),
    queryFn: () => api.get<ReviewDetail>(one(id!)),
    enabled: !!id,
  });
}

export type Decision = 'accept' | 'return' | 'approve' | 'refuse';

/** 受理 / 退回 / 批准发证 / 不予免办: the answer is the case after the decision. */
export function useDecide(id: string) {
  const qc = useQueryClient();
  return useMutation({
    // expectedStatus: the state the officer saw, so a decision made on a stale screen loses the race.
    mutationFn: ({
      decision,
      reason,
      expectedStatus,
    }: {
      decision: Decision;
      reason?: string;
      expectedStatus: ApplicationStatus;
    }) =>
      api.post<ReviewDetail>(
        `${one(id)}/${decision}`,
        reason === undefined ? { expectedStatus } : { reason, expectedStatus },
      ),
    onSuccess: async (detail) => {
      qc.setQueryData(reviewKey(id), detail);
      await qc.invalidateQueries({ queryKey: bureauKey, predicate: (q) => q.queryKey[2] !== 'case' });
    },
  });
}

/** The case and the lists again from the server (after a lost race: someone else decided meanwhile). */
export function useReloadBureau() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: bureauKey });
}

/** 撤销证明 (Art. 52), with the reason. */
export function useRevokeCertificate(applicationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ number, reason }: { number: string; reason: string }) =>
      api.post<CertificateSummary>(`/api/bureau/certificates/${encodeURIComponent(number)}/revoke`, {
        reason,
      }),
    onSuccess: async (summary) => {
      qc.setQueryData<ReviewDetail>(reviewKey(applicationId), (d) =>
        d ? { ...d, certificate: summary } : d,
      );
      await qc.invalidateQueries({ queryKey: bureauKey });
    },
  });
}
