import { certificateVersions } from '@ccc/domain';
import { z } from 'zod';

/**
 * What a certificate says, frozen as JSON in certificates.content when it is issued. The PDF and the public
 * verification read only this (and the row's status), never the live organisation, reference or product
 * tables: a later change of the holder's name or of a clause's wording does not change an issued certificate.
 */

const codeName = z.object({ code: z.string(), name: z.string() });

export const certificateContentSchema = z.object({
  /** Layout of this JSON; bump with a migration of old rows if it ever changes incompatibly. */
  format: z.literal(1),
  number: z.string(),
  version: z.enum(certificateVersions),
  applicationNumber: z.string(),
  holder: z.object({
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    code: z.string(),
    address: z.string(),
  }),
  clause: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string().nullable() }),
  subClause: codeName.nullable(),
  applicantType: codeName.nullable(),
  products: z.array(
    z.object({
      lineNo: z.number().int(),
      hsCode: z.string(),
      hsName: z.string(),
      productName: z.string(),
      model: z.string(),
      brand: z.string().nullable(),
      quantity: z.string(),
      unit: z.string(),
    }),
  ),
  bureau: z.object({ code: z.string(), name: z.string() }),
  /** The China calendar date of issue, 'YYYY-MM-DD'. */
  issueDate: z.string(),
  /** The instant of issue (ISO): the PDF's fixed creation date. */
  issuedAt: z.string(),
});
export type CertificateContent = z.infer<typeof certificateContentSchema>;
export type CertificateProductLine = CertificateContent['products'][number];

/** The stored JSON back as content; a row that does not parse is a defect, not a user error. */
export function parseContent(json: string): CertificateContent {
  return certificateContentSchema.parse(JSON.parse(json));
}
