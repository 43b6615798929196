import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { manualInfoSchema } from '@ccc/domain';
import type { z } from 'zod';
import { api, uploadFile } from '../../../lib/api-client';

export type ManualInfo = z.infer<typeof manualInfoSchema>;

const manualKey = ['manual', 'info'] as const;
export const manualDownloadUrl = '/api/manual';

export function useManualInfo() {
  return useQuery({ queryKey: manualKey, queryFn: () => api.get<ManualInfo>('/api/manual/info') });
}

export function useUploadManual() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (p: number) => void }) =>
      uploadFile<unknown>('/api/admin/manual', file, onProgress),
    onSuccess: () => qc.invalidateQueries({ queryKey: manualKey }),
  });
}

export function useRestoreDefaultManual() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/admin/manual'),
    onSuccess: () => qc.invalidateQueries({ queryKey: manualKey }),
  });
}
