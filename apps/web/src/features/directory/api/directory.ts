import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminOrganisationApplications,
  AdminOrganisationDetail,
  AdminOrganisationList,
  AdminUser,
  AdminUserList,
  Role,
  UserStatus,
} from '@ccc/domain';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../admin/api/query-string';

/** 单位与用户: the administrator's organisations and users. */
const directoryKey = ['admin', 'directory'] as const;

export interface OrganisationQuery {
  q?: string;
  page: number;
  pageSize: number;
}

export interface UserQuery {
  q?: string;
  role?: Role;
  status?: UserStatus;
  page: number;
  pageSize: number;
}

export function useOrganisations(query: OrganisationQuery) {
  return useQuery({
    queryKey: [...directoryKey, 'organisations', query],
    queryFn: () => api.get<AdminOrganisationList>(`/api/admin/organisations${toQueryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: [...directoryKey, 'organisation', id],
    queryFn: () => api.get<AdminOrganisationDetail>(`/api/admin/organisations/${encodeURIComponent(id)}`),
  });
}

export function useOrganisationApplications(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...directoryKey, 'organisation', id, 'applications', page, pageSize],
    queryFn: () =>
      api.get<AdminOrganisationApplications>(
        `/api/admin/organisations/${encodeURIComponent(id)}/applications${toQueryString({ page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: [...directoryKey, 'users', query],
    queryFn: () => api.get<AdminUserList>(`/api/admin/users${toQueryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export type AccountAction = 'disable' | 'enable' | 'unlock';

/** 停用 / 启用 / 解锁; every directory list and the officers list are refreshed afterwards. */
export function useAccountAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: AccountAction }) =>
      api.post<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}/${action}`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: directoryKey });
      await qc.invalidateQueries({ queryKey: ['admin', 'officers'] });
    },
  });
}
