import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  captchaResponseSchema,
  forgotPasswordBodySchema,
  LoginBody,
  orgLookupResponseSchema,
  RegisterBody,
  registerResponseSchema,
  resetPasswordBodySchema,
  SessionResponse,
} from '@ccc/domain';
import type { z } from 'zod';
import { api, setCsrfToken } from '../../../lib/api-client';
import { sessionQueryKey } from '../../../app/session';

export type Captcha = z.infer<typeof captchaResponseSchema>;
export type OrgLookup = z.infer<typeof orgLookupResponseSchema>;
export type RegisterResult = z.infer<typeof registerResponseSchema>;
export type ForgotPasswordBody = z.input<typeof forgotPasswordBodySchema>;
export type ResetPasswordBody = z.input<typeof resetPasswordBodySchema>;

const captchaKey = ['auth', 'captcha'] as const;

/** A fresh image challenge whenever the session asks for one; refetch() gives a new image. */
export function useCaptcha(enabled: boolean) {
  return useQuery({
    queryKey: captchaKey,
    queryFn: () => api.get<Captcha>('/api/auth/captcha'),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** Logs in and makes the answer the current session (with its new CSRF token). */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<SessionResponse>('/api/auth/login', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      qc.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post('/api/auth/logout');
      } catch {
        /* the session may already have ended */
      }
    },
    onSettled: async () => {
      qc.clear();
      await qc.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}

export const lookupOrganisation = (code: string) =>
  api.get<OrgLookup>(`/api/auth/organisations/lookup?code=${encodeURIComponent(code)}`);

export function useRegister() {
  return useMutation({
    mutationFn: (body: RegisterBody) => api.post<RegisterResult>('/api/auth/register', body),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (body: ForgotPasswordBody) => api.post<{ ok: true }>('/api/auth/password/forgot', body),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: ResetPasswordBody) => api.post<{ ok: true }>('/api/auth/password/reset', body),
  });
}
