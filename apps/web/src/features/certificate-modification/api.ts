import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ModificationBody, ModificationState } from '@ccc/domain';
import { api } from '../../lib/api-client';
import { applicationsKey } from '../applications/api/applications';

const url = (number: string) => `/api/certificates/${encodeURIComponent(number)}/modification`;

export const modificationKey = (number: string) => ['modification', number] as const;

/** 申请修改证明: the certificate's modifiable content, the request (if any) and whether it may change now. */
export function useModification(number: string | undefined) {
  return useQuery({
    queryKey: modificationKey(number ?? ''),
    queryFn: () => api.get<ModificationState>(url(number!)),
    enabled: !!number,
  });
}

/** After a change: the state is fetched again and the application list refreshes (numbers, actions). */
function useRefresh(number: string) {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: modificationKey(number) });
    await qc.invalidateQueries({ queryKey: applicationsKey });
  };
}

/** 保存: creates the request (the first time) or replaces its content and reason. */
export function useSaveModification(number: string) {
  const refresh = useRefresh(number);
  return useMutation({
    mutationFn: (body: ModificationBody) => api.put<unknown>(url(number), body),
    onSuccess: refresh,
  });
}

/** 提交: sends the saved request to the issuing bureau. */
export function useSubmitModification(number: string) {
  const refresh = useRefresh(number);
  return useMutation({
    mutationFn: () => api.post<unknown>(`${url(number)}/submit`),
    onSuccess: refresh,
  });
}
