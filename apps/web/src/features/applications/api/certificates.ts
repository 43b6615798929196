import { useQuery } from '@tanstack/react-query';
import type { CertificateSummary } from '@ccc/domain';
import { api } from '../../../lib/api-client';

const one = (number: string) => `/api/certificates/${encodeURIComponent(number)}`;

export const certificateKey = (number: string) => ['certificates', number] as const;

/** The electronic certificate, shown inline by the browser's PDF viewer (预览). */
export const certificatePdfUrl = (number: string) => `${one(number)}/pdf`;

/** The same document as an attachment named `<number>.pdf` (下载). */
export const certificateDownloadUrl = (number: string) => `${one(number)}/pdf?download=1`;

/** 免办证明: the certificate as its holder sees it (status, issue date, bureau, verification code). */
export function useCertificate(number: string | null | undefined) {
  return useQuery({
    queryKey: certificateKey(number ?? ''),
    queryFn: () => api.get<CertificateSummary>(one(number!)),
    enabled: !!number,
  });
}
