import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { changePasswordBodySchema } from '@ccc/domain';
import { sessionQueryKey } from '../../app/session';
import { api } from '../../lib/api-client';

export type ChangePasswordBody = z.input<typeof changePasswordBodySchema>;

/** POST /api/me/password: the user's other sessions end; this one goes on. */
export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<unknown>('/api/me/password', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}
