import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OverdueResponse,
  RecordKind,
  SupervisionRecordDetail,
  SupervisionRecordsResponse,
} from '@ccc/domain';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../admin/api/query-string';

/** 后续监管 (SPEC §4): the bureau's submitted records to verify, and the certificates whose reports are overdue. */

export const supervisionKey = ['bureau', 'supervision'] as const;
export const recordKey = (id: string) => [...supervisionKey, 'record', id] as const;

const base = '/api/bureau/supervision';
const recordsUrl = `${base}/records`;
const overdueUrl = `${base}/overdue`;
const oneRecord = (id: string) => `${recordsUrl}/${encodeURIComponent(id)}`;

export type SupervisionStatus = 'submitted' | 'verified' | 'returned';
export const supervisionStatuses = [
  'submitted',
  'verified',
  'returned',
] as const satisfies readonly SupervisionStatus[];

export interface RecordsQuery {
  status: SupervisionStatus;
  kind?: RecordKind;
  q?: string;
  page: number;
  pageSize: number;
}

export interface OverdueListQuery {
  q?: string;
  page: number;
  pageSize: number;
}

/** 待核查记录: submitted records oldest first (or the verified / returned ones), with the tabs' counts. */
export function useSupervisionRecords(query: RecordsQuery, enabled = true) {
  return useQuery({
    queryKey: [...supervisionKey, 'records', query],
    queryFn: () => api.get<SupervisionRecordsResponse>(`${recordsUrl}${toQueryString({ ...query })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** 逾期未报告: certificates past their reporting deadline, most overdue first. */
export function useOverdue(query: OverdueListQuery, enabled = true) {
  return useQuery({
    queryKey: [...supervisionKey, 'overdue', query],
    queryFn: () => api.get<OverdueResponse>(`${overdueUrl}${toQueryString({ ...query })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** 导出Excel: the same filter, without paging. */
export function recordsExportUrl(query: RecordsQuery): string {
  const { page: _page, pageSize: _size, ...filter } = query;
  return `${recordsUrl}/export${toQueryString(filter)}`;
}
export function overdueExportUrl(query: OverdueListQuery): string {
  const { page: _page, pageSize: _size, ...filter } = query;
  return `${overdueUrl}/export${toQueryString(filter)}`;
}

/** One record with its certificate's ledger and deadline. */
export function useSupervisionRecord(id: string | null) {
  return useQuery({
    queryKey: recordKey(id ?? ''),
    queryFn: () => api.get<SupervisionRecordDetail>(oneRecord(id!)),
    enabled: !!id,
  });
}

export type RecordDecision = 'verify' | 'return';

/** 核查通过 / 退回 (with the reason). */
export function useDecideRecord(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, reason }: { decision: RecordDecision; reason?: string }) =>
      api.post<SupervisionRecordDetail>(
        `${oneRecord(id)}/${decision}`,
        reason === undefined ? {} : { reason },
      ),
    onSuccess: async (detail) => {
      qc.setQueryData(recordKey(id), detail);
      await qc.invalidateQueries({
        queryKey: supervisionKey,
        predicate: (q) => q.queryKey[2] !== 'record',
      });
    },
  });
}

/** The record and the lists again from the server (after a lost race). */
export function useReloadSupervision() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: supervisionKey });
}
