import { useQuery } from '@tanstack/react-query';
import type { clauseListResponseSchema } from '@ccc/domain';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';

export type ClauseList = z.infer<typeof clauseListResponseSchema>;

/** 免办条款: reference data the administration maintains. */
export function useClauses() {
  return useQuery({
    queryKey: ['reference', 'clauses'],
    queryFn: () => api.get<ClauseList>('/api/reference/clauses'),
    staleTime: 10 * 60_000,
  });
}
