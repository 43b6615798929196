import { useQuery } from '@tanstack/react-query';
import { parseCertificateNumber, VERIFICATION_CODE_PATTERN, type VerificationResult } from '@ccc/domain';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../admin/api/query-string';

/** The web app's checks are recorded with channel `web` (programs calling the JSON API are `api`). */
const CLIENT_HEADER = { 'X-CCC-Client': 'web' };

/** A typed 证明号 as the server expects it (trimmed, upper case), or null when it is not one. */
export function normaliseCertificateNumber(text: string): string | null {
  const trimmed = text.trim().toUpperCase();
  return parseCertificateNumber(trimmed) ? trimmed : null;
}

/** The verification code as typed: spaces dropped, upper case; '' when none was given. */
export function normaliseVerificationCode(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, '').toUpperCase();
}

export const isVerificationCode = (code: string) => VERIFICATION_CODE_PATTERN.test(code);

/** Where the result of a check is shown: the stable URL the certificate's QR code points at. */
export function verifyPath(number: string, code?: string): string {
  return `/verify/${encodeURIComponent(number)}${toQueryString({ code: code || undefined })}`;
}

/**
 * 证明查询: every call is a recorded check (and counts against the per-IP limit), so a result is kept for
 * the visit and not refetched on its own.
 */
export function useVerification(number: string | null, code: string) {
  return useQuery({
    queryKey: ['verify', number ?? '', code],
    queryFn: () =>
      api.get<VerificationResult>(
        `/api/verify/${encodeURIComponent(number!)}${toQueryString({ code: code || undefined })}`,
        CLIENT_HEADER,
      ),
    enabled: !!number,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
  });
}
