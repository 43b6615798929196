import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ReferenceDatasetKey,
  ReferenceDatasetListResponse,
  ReferenceImportPreview,
  ReferenceRow,
  ReferenceRowBody,
  ReferenceRowsResponse,
  ReferenceValues,
} from '@ccc/domain';
import { api, uploadFile } from '../../../lib/api-client';
import { toQueryString } from '../../admin/api/query-string';

const base = '/api/admin/reference';
const adminRefKey = ['admin', 'reference'] as const;
const datasetsKey = [...adminRefKey, 'datasets'] as const;
const rowsKey = (dataset: string) => [...adminRefKey, 'rows', dataset] as const;
const rowUrl = (dataset: string, key: string) =>
  `${base}/${encodeURIComponent(dataset)}/rows/${encodeURIComponent(key)}`;

export type EnabledFilter = 'all' | 'enabled' | 'disabled';

export interface RowsQuery {
  q?: string;
  enabled: EnabledFilter;
  edition?: string;
  page: number;
  pageSize: number;
}

/** Every dataset with its columns, editions and row count. */
export function useReferenceDatasets() {
  return useQuery({
    queryKey: datasetsKey,
    queryFn: () => api.get<ReferenceDatasetListResponse>(base),
    staleTime: 60_000,
  });
}

export function useReferenceRows(dataset: ReferenceDatasetKey | undefined, query: RowsQuery) {
  return useQuery({
    queryKey: [...rowsKey(dataset ?? ''), query],
    queryFn: () =>
      api.get<ReferenceRowsResponse>(
        `${base}/${encodeURIComponent(dataset!)}/rows${toQueryString({ ...query })}`,
      ),
    enabled: dataset !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** After a change: the dataset's rows and the counts / editions of the dataset list. */
function useInvalidate(dataset: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: rowsKey(dataset) }),
      qc.invalidateQueries({ queryKey: datasetsKey }),
    ]);
}

export function useCreateRow(dataset: ReferenceDatasetKey) {
  const invalidate = useInvalidate(dataset);
  return useMutation({
    mutationFn: (body: ReferenceRowBody) =>
      api.post<ReferenceRow>(`${base}/${encodeURIComponent(dataset)}/rows`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateRow(dataset: ReferenceDatasetKey) {
  const invalidate = useInvalidate(dataset);
  return useMutation({
    mutationFn: ({ key, values }: { key: string; values: ReferenceValues }) =>
      api.put<ReferenceRow>(rowUrl(dataset, key), { values }),
    onSuccess: invalidate,
  });
}

export function useSetRowEnabled(dataset: ReferenceDatasetKey) {
  const invalidate = useInvalidate(dataset);
  return useMutation({
    mutationFn: ({ key, enabled }: { key: string; enabled: boolean }) =>
      api.post<ReferenceRow>(`${rowUrl(dataset, key)}/${enabled ? 'enable' : 'disable'}`),
    onSuccess: invalidate,
  });
}

/** 设为现行版本 (HS codes). */
export function useSetCurrentHsEdition() {
  const invalidate = useInvalidate('hs-codes');
  return useMutation({
    mutationFn: (edition: string) => api.post(`${base}/hs-codes/current-edition`, { edition }),
    onSuccess: invalidate,
  });
}

export function exportUrl(dataset: ReferenceDatasetKey, format: 'csv' | 'xlsx', edition?: string): string {
  return `${base}/${encodeURIComponent(dataset)}/export${toQueryString({ format, edition })}`;
}

/** 上传并预览: nothing is written yet. */
export function useUploadImport(dataset: ReferenceDatasetKey) {
  return useMutation({
    mutationFn: ({
      file,
      edition,
      onProgress,
    }: {
      file: File;
      edition?: string;
      onProgress: (percent: number) => void;
    }) =>
      uploadFile<ReferenceImportPreview>(
        `${base}/${encodeURIComponent(dataset)}/imports${toQueryString({ edition })}`,
        file,
        onProgress,
      ),
  });
}

/** 应用导入: all rows in one transaction, or none. */
export function useApplyImport(dataset: ReferenceDatasetKey) {
  const invalidate = useInvalidate(dataset);
  return useMutation({
    mutationFn: (id: string) =>
      api.post<ReferenceImportPreview>(`${base}/imports/${encodeURIComponent(id)}/apply`),
    onSuccess: invalidate,
  });
}

/** 放弃 the preview. */
export function useDiscardImport() {
  return useMutation({
    mutationFn: (id: string) => api.delete(`${base}/imports/${encodeURIComponent(id)}`),
  });
}
