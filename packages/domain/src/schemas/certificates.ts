import { z } from 'zod';
import { requiredText } from './common';

/** 证明状态 (DOMAIN.md "Certificate versions"). */
export const certificateStatuses = ['valid', 'superseded', 'revoked'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];

export const certificateStatusLabels: Record<CertificateStatus, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'Valid' },
  superseded: { zh: '已被修改版本取代', en: 'Superseded by its modified version' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};

/** 'original' (letter N) as first issued; 'modified' (letter M) after the one modification. */
export const certificateVersions = ['original', 'modified'] as const;
export type CertificateVersion = (typeof certificateVersions)[number];

/** The verification code printed on the certificate: 8 characters without look-alikes. */
export const VERIFICATION_CODE_PATTERN = /^[0-9A-HJ-NP-Z]{8}$/;

/** A certificate as its holder, its bureau and the administrator see it. */
export const certificateSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(certificateStatuses),
  version: z.enum(certificateVersions),
  applicationId: z.string(),
  applicationNumber: z.string(),
  organisationId: z.string(),
  holderNameZh: z.string(),
  holderNameEn: z.string().nullable(),
  bureauCode: z.string(),
  bureauName: z.string(),
  issuedAt: z.string(),
  /** The China calendar date of issue, 'YYYY-MM-DD'. */
  issueDate: z.string(),
  verificationCode: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

/** 撤销 (Art. 52): the reason is required and shown. */
export const revokeCertificateBodySchema = z.object({ reason: requiredText(2000, 'v.reason.required') });
export type RevokeCertificateBody = z.input<typeof revokeCertificateBodySchema>;

/** 证明查询: the optional verification code unlocks the products. */
export const verificationQuerySchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export const verifiedProductSchema = z.object({
  lineNo: z.number().int(),
  hsCode: z.string(),
  productName: z.string(),
  model: z.string(),
  quantity: z.string(),
  unit: z.string(),
});

/** What anyone may learn about a certificate number; `found: false` when no certificate has it. */
export const verificationResultSchema = z.object({
  number: z.string(),
  found: z.boolean(),
  status: z.enum(certificateStatuses).nullable(),
  version: z.enum(certificateVersions).nullable(),
  holderNameZh: z.string().nullable(),
  holderNameEn: z.string().nullable(),
  issueDate: z.string().nullable(),
  bureauName: z.string().nullable(),
  /** The China calendar date of revocation, when revoked. */
  revokedOn: z.string().nullable(),
  /** The number of the version that replaced this one, when superseded. */
  supersededBy: z.string().nullable(),
  /** null: no code given; true/false: whether the code given is this certificate's. */
  codeValid: z.boolean().nullable(),
  /** Only with the right verification code. */
  products: z.array(verifiedProductSchema).nullable(),
  /** When the check was made (ISO). */
  checkedAt: z.string(),
});
export type VerificationResult = z.infer<typeof verificationResultSchema>;
