import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { pendingUserListResponseSchema } from '@ccc/domain';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';

export type PendingUserList = z.infer<typeof pendingUserListResponseSchema>;
export type PendingUser = PendingUserList['items'][number];

const pendingKey = ['admin', 'pending-users'] as const;

export function usePendingUsers() {
  return useQuery({
    queryKey: pendingKey,
    queryFn: () => api.get<PendingUserList>('/api/admin/pending-users'),
  });
}

export function useDecidePendingUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
      api.post(`/api/admin/pending-users/${encodeURIComponent(id)}/decision`, { decision }),
    onSuccess: () => qc.invalidateQueries({ queryKey: pendingKey }),
  });
}
