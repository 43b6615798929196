import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '@ccc/domain';
import { api, setCsrfToken } from '../lib/api-client';

export const sessionQueryKey = ['session'] as const;

/** The session as the server sees it; also keeps the CSRF token for the API client. */
export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async () => {
      const s = await api.get<SessionResponse>('/api/auth/session');
      setCsrfToken(s.csrfToken);
      return s;
    },
    staleTime: 60_000,
  });
}

export function useRefreshSession() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: sessionQueryKey });
}
