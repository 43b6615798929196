import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { membersResponseSchema, ProfileResponse, ProfileUpdateBody } from '@ccc/domain';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { sessionQueryKey } from '../../../app/session';

export type Members = z.infer<typeof membersResponseSchema>;
export type Member = Members['items'][number];

const profileKey = ['me', 'profile'] as const;
const membersKey = ['organisation', 'members'] as const;

export function useProfile() {
  return useQuery({ queryKey: profileKey, queryFn: () => api.get<ProfileResponse>('/api/me/profile') });
}

export function useSaveProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileUpdateBody) => api.put<ProfileResponse>('/api/me/profile', body),
    onSuccess: async (profile) => {
      qc.setQueryData(profileKey, profile);
      // The header shows the contact name from the session; 成员 shows the contact fields too.
      await qc.invalidateQueries({ queryKey: sessionQueryKey });
      await qc.invalidateQueries({ queryKey: membersKey });
    },
  });
}

export function useMembers() {
  return useQuery({ queryKey: membersKey, queryFn: () => api.get<Members>('/api/organisation/members') });
}

export function useMemberDecision() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
      api.post<unknown>(`/api/organisation/members/${encodeURIComponent(id)}/decision`, { decision }),
    onSettled: () => qc.invalidateQueries({ queryKey: membersKey }),
  });
}
