import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOfficerBody,
  Officer,
  UpdateOfficerBody,
  UserStatus,
  bureauListResponseSchema,
  officerListResponseSchema,
} from '@ccc/domain';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { toQueryString } from './query-string';

export type OfficerList = z.infer<typeof officerListResponseSchema>;
export type BureauList = z.infer<typeof bureauListResponseSchema>;

export interface OfficerQuery {
  q?: string;
  bureauCode?: string;
  status?: UserStatus;
  page: number;
  pageSize: number;
}

const officersKey = ['admin', 'officers'] as const;

export function useOfficers(query: OfficerQuery) {
  return useQuery({
    queryKey: [...officersKey, query],
    queryFn: () => api.get<OfficerList>(`/api/admin/officers${toQueryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

/** Every bureau (the reference list changes rarely): for the 所属市场监督管理局 selects. */
export function useBureaus() {
  return useQuery({
    queryKey: ['reference', 'bureaus'],
    queryFn: () => api.get<BureauList>('/api/reference/bureaus'),
    staleTime: 10 * 60_000,
  });
}

function useInvalidateOfficers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: officersKey });
}

export function useCreateOfficer() {
  const invalidate = useInvalidateOfficers();
  return useMutation({
    mutationFn: (body: CreateOfficerBody) => api.post<Officer>('/api/admin/officers', body),
    onSuccess: invalidate,
  });
}

export function useUpdateOfficer() {
  const invalidate = useInvalidateOfficers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateOfficerBody }) =>
      api.put<Officer>(`/api/admin/officers/${encodeURIComponent(id)}`, body),
    onSuccess: invalidate,
  });
}

export function useSetOfficerStatus() {
  const invalidate = useInvalidateOfficers();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'active' | 'disabled' }) =>
      api.post(`/api/admin/officers/${encodeURIComponent(id)}/status`, { status }),
    onSuccess: invalidate,
  });
}

export function useResetOfficerPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api.post(`/api/admin/officers/${encodeURIComponent(id)}/password`, { password }),
  });
}
