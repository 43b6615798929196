import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CertificateRecordsResponse, RecordBody, UsageRecord } from '@ccc/domain';
import { api } from '../../lib/api-client';

const certificateUrl = (number: string) => `/api/certificates/${encodeURIComponent(number)}/records`;
const recordUrl = (id: string) => `/api/records/${encodeURIComponent(id)}`;

export const recordsKey = (number: string) => ['usage-records', number] as const;

/** 产品使用记录: the current version's products with their ledger, the records and the reporting deadline. */
export function useCertificateRecords(number: string | undefined) {
  return useQuery({
    queryKey: recordsKey(number ?? ''),
    queryFn: () => api.get<CertificateRecordsResponse>(certificateUrl(number!)),
    enabled: !!number,
  });
}

function useRefresh(number: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: recordsKey(number) });
}

/** 保存: a new record (POST) or a change of an unsent/returned one (PUT). */
export function useSaveRecord(number: string) {
  const refresh = useRefresh(number);
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: RecordBody }) =>
      id ? api.put<UsageRecord>(recordUrl(id), body) : api.post<UsageRecord>(certificateUrl(number), body),
    onSuccess: refresh,
  });
}

/** 提交: sends the record to the bureau's supervisors. */
export function useSubmitRecord(number: string) {
  const refresh = useRefresh(number);
  return useMutation({
    mutationFn: (id: string) => api.post<UsageRecord>(`${recordUrl(id)}/submit`),
    onSuccess: refresh,
  });
}

/** 删除: only a record never sent. */
export function useDeleteRecord(number: string) {
  const refresh = useRefresh(number);
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(recordUrl(id)),
    onSuccess: refresh,
  });
}
