import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicationBody,
  ApplicationDetail,
  ApplicationListFilter,
  ApplicationListResponse,
  Product,
  ProductBody,
} from '@ccc/domain';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../admin/api/query-string';

/** The list's query as the page keeps it (and as the URL of the export carries it). */
export type ListQuery = { [K in keyof ApplicationListFilter]?: string } & { page: number; pageSize: number };

export const applicationsKey = ['applications'] as const;
export const applicationKey = (id: string) => ['applications', 'detail', id] as const;

const base = '/api/applications';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** 「CCC免办申请」: one page of the organisation's applications, newest first. */
export function useApplications(query: ListQuery) {
  return useQuery({
    queryKey: [...applicationsKey, 'list', query],
    queryFn: () => api.get<ApplicationListResponse>(`${base}${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** 导出Excel: the same query (without paging) as a workbook download. */
export function exportUrl(query: ListQuery): string {
  const { page: _page, pageSize: _size, ...filter } = query;
  return `${base}/export${toQueryString(filter)}`;
}

/** 查看 / the form's data: the application with products, attachments and history. */
export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: applicationKey(id ?? ''),
    queryFn: () => api.get<ApplicationDetail>(one(id!)),
    enabled: !!id,
  });
}

/** Keeps the detail in the cache after a change and lets the list refetch. */
function useStoreDetail() {
  const qc = useQueryClient();
  return async (detail: ApplicationDetail) => {
    qc.setQueryData(applicationKey(detail.id), detail);
    await qc.invalidateQueries({ queryKey: [...applicationsKey, 'list'] });
  };
}

/** 保存: the first save (POST: the number is assigned) or a later one (PUT). */
export function useSaveApplication() {
  const store = useStoreDetail();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ApplicationBody }) =>
      id ? api.put<ApplicationDetail>(one(id), body) : api.post<ApplicationDetail>(base, body),
    onSuccess: store,
  });
}

export function useSubmitApplication() {
  const store = useStoreDetail();
  return useMutation({
    mutationFn: (id: string) => api.post<ApplicationDetail>(`${one(id)}/submit`),
    onSuccess: store,
  });
}

export function useWithdrawApplication() {
  const store = useStoreDetail();
  return useMutation({
    mutationFn: (id: string) => api.post<ApplicationDetail>(`${one(id)}/withdraw`),
    onSuccess: store,
  });
}

export function useDeleteApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(one(id)),
    onSuccess: async (_r, id) => {
      qc.removeQueries({ queryKey: applicationKey(id) });
      await qc.invalidateQueries({ queryKey: [...applicationsKey, 'list'] });
    },
  });
}

/** Products change the application (its list row and its history): the detail is fetched again. */
function useRefetchApplication() {
  const qc = useQueryClient();
  return async (applicationId: string) => {
    await qc.invalidateQueries({ queryKey: applicationKey(applicationId) });
    await qc.invalidateQueries({ queryKey: [...applicationsKey, 'list'] });
  };
}

export function useSaveProduct(applicationId: string) {
  const refetch = useRefetchApplication();
  return useMutation({
    mutationFn: ({ productId, body }: { productId?: string; body: ProductBody }) =>
      productId
        ? api.put<Product>(`${one(applicationId)}/products/${encodeURIComponent(productId)}`, body)
        : api.post<Product>(`${one(applicationId)}/products`, body),
    onSuccess: () => refetch(applicationId),
  });
}

export function useDeleteProduct(applicationId: string) {
  const refetch = useRefetchApplication();
  return useMutation({
    mutationFn: (productId: string) =>
      api.delete<{ ok: true }>(`${one(applicationId)}/products/${encodeURIComponent(productId)}`),
    onSuccess: () => refetch(applicationId),
  });
}

export { useRefetchApplication };
