import { z } from 'zod';

/** A division with its children: the cascader of 所在地区 (province → city → county). */
export interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}
export const divisionNodeSchema: z.ZodType<DivisionNode> = z.lazy(() =>
  z.object({ code: z.string(), name: z.string(), children: z.array(divisionNodeSchema).optional() }),
);
export const divisionTreeResponseSchema = z.object({ items: z.array(divisionNodeSchema) });

export const bureauLevels = ['province', 'city', 'district', 'zone'] as const;
export type BureauLevel = (typeof bureauLevels)[number];

export const bureauSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(bureauLevels),
  parentCode: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  acceptDays: z.number().int(),
  decideDays: z.number().int(),
  enabled: z.boolean(),
  /** The GB/T 2260 division codes it accepts applications from (a code covers its descendants). */
  divisionCodes: z.array(z.string()),
});
export type Bureau = z.infer<typeof bureauSchema>;
export const bureauListResponseSchema = z.object({ items: z.array(bureauSchema) });

/** Bureaus offered for an applicant's division, the most specific jurisdiction first. */
export const bureausForDivisionQuerySchema = z.object({ division: z.string().regex(/^\d{6}$/) });

/** A second-level clause (二级条款) or an applicant type (申请人类型) of a clause. */
export const clauseOptionSchema = z.object({ code: z.string(), name: z.string() });
export type ClauseOption = z.infer<typeof clauseOptionSchema>;

/** An attachment (附件) an application under the clause asks for. */
export const attachmentRequirementSchema = z.object({
  attachmentTypeCode: z.string(),
  name: z.string(),
  /** Taken over from the organisation's previous application under the same clause. */
  reusable: z.boolean(),
  /** null: under every second-level clause; else only under that one. */
  subClauseCode: z.string().nullable(),
  required: z.boolean(),
});
export type AttachmentRequirement = z.infer<typeof attachmentRequirementSchema>;

/** An exemption clause (免办条款) with what an application under it must state and attach. */
export const clauseSchema = z.object({
  code: z.string(),
  name: z.string(),
  requiresSubClause: z.boolean(),
  requiresApplicantType: z.boolean(),
  /** 展示期限 (start and end date) must be given. */
  requiresDisplayPeriod: z.boolean(),
  subClauses: z.array(clauseOptionSchema),
  applicantTypes: z.array(clauseOptionSchema),
  attachmentRequirements: z.array(attachmentRequirementSchema),
});
export type Clause = z.infer<typeof clauseSchema>;
export const clauseListResponseSchema = z.object({ items: z.array(clauseSchema) });

/** 地址类型. */
export const addressTypeSchema = z.object({ code: z.string(), name: z.string() });
export type AddressType = z.infer<typeof addressTypeSchema>;
export const addressTypeListResponseSchema = z.object({ items: z.array(addressTypeSchema) });
