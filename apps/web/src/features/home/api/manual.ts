import { useQuery } from '@tanstack/react-query';
import type { manualInfoSchema } from '@ccc/domain';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';

export type ManualInfo = z.infer<typeof manualInfoSchema>;

export const manualDownloadUrl = '/api/manual';

/** The manual offered on the home page (the administration's page invalidates ['manual', 'info']). */
export function useManualInfo() {
  return useQuery({ queryKey: ['manual', 'info'], queryFn: () => api.get<ManualInfo>('/api/manual/info') });
}
