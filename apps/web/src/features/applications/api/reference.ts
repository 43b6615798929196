import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AddressType,
  Bureau,
  HsCategory,
  HsCodeSearchResponse,
  hsHistoryResponseSchema,
  unitListResponseSchema,
} from '@ccc/domain';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../admin/api/query-string';

export type HsHistoryResponse = z.infer<typeof hsHistoryResponseSchema>;
export type HsHistoryItem = HsHistoryResponse['items'][number];
export type Unit = z.infer<typeof unitListResponseSchema>['items'][number];

/** 地址类型. */
export function useAddressTypes() {
  return useQuery({
    queryKey: ['reference', 'address-types'],
    queryFn: () => api.get<{ items: AddressType[] }>('/api/reference/address-types'),
    staleTime: 10 * 60_000,
  });
}

/** The bureaus covering a division, the most specific jurisdiction first (also for a form rule). */
export function bureausForDivisionQuery(division: string) {
  return {
    queryKey: ['reference', 'bureaus-for', division],
    queryFn: () =>
      api.get<{ items: Bureau[] }>(
        `/api/reference/bureaus/for-division?division=${encodeURIComponent(division)}`,
      ),
    staleTime: 10 * 60_000,
  };
}

/** 受理市场监督管理局 offered for the location. */
export function useBureausForDivision(division: string | undefined) {
  const valid = !!division && /^\d{6}$/.test(division);
  return useQuery({ ...bureausForDivisionQuery(division ?? ''), enabled: valid });
}

/** 单位: customs units, the most used first. */
export function useUnits() {
  return useQuery({
    queryKey: ['reference', 'units'],
    queryFn: () => api.get<{ items: Unit[] }>('/api/reference/units'),
    staleTime: 60 * 60_000,
  });
}

/** 产品类别 of the HS table, for the picker's category box. */
export function useHsCategories(enabled: boolean) {
  return useQuery({
    queryKey: ['reference', 'hs-categories'],
    queryFn: () => api.get<{ items: HsCategory[] }>('/api/hs-codes/categories'),
    staleTime: 60 * 60_000,
    enabled,
  });
}

export interface HsSearch {
  q: string;
  category: string;
  page: number;
  pageSize: number;
}

/** 查询: all HS codes; the previous page stays on screen while the next answer comes. */
export function useHsSearch(search: HsSearch, enabled: boolean) {
  return useQuery({
    queryKey: ['hs-codes', 'search', search],
    queryFn: () =>
      api.get<HsCodeSearchResponse>(
        `/api/hs-codes${toQueryString({ ...search, q: search.q.trim(), category: search.category.trim() })}`,
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

/** 历史查询: the HS codes this organisation declared before, most used first. */
export function useHsHistory(page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: ['applications', 'hs-history', page, pageSize],
    queryFn: () =>
      api.get<HsHistoryResponse>(`/api/applications/hs-history${toQueryString({ page, pageSize })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}
