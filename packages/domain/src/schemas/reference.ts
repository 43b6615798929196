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
