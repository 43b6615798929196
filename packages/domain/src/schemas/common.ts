import { z } from 'zod';
import { isStrongPassword } from '../password-policy';
import { normaliseOrgCode, orgCodeProblem } from '../org-codes';

/**
 * Messages are keys into messages/<locale>.ts, so one schema can speak Chinese or English on both sides.
 * Keep every key present in both locale files (a unit test checks).
 */
export const trimmed = (max: number, key = 'v.tooLong') => z.string().trim().max(max, { message: key });

export const requiredText = (max: number, requiredKey = 'v.required') =>
  z.string().trim().min(1, { message: requiredKey }).max(max, { message: 'v.tooLong' });

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'v.tooLong' })
    .optional()
    .transform((v) => (v ? v : undefined));

export const passwordSchema = z.string().refine(isStrongPassword, { message: 'v.password.weak' });

export const usernameSchema = z
  .string()
  .trim()
  .min(4, { message: 'v.username.format' })
  .max(32, { message: 'v.username.format' })
  .regex(/^[A-Za-z0-9_.@-]+$/, { message: 'v.username.format' });

export const orgCodeSchema = z
  .string()
  .transform(normaliseOrgCode)
  .superRefine((code, ctx) => {
    if (!code) {
      ctx.addIssue({ code: 'custom', message: 'v.required' });
      return;
    }
    const problem = orgCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: `v.orgCode.${problem}` });
  });

export const mobileSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { message: 'v.mobile' });

export const emailSchema = z
  .string()
  .trim()
  .max(254, { message: 'v.tooLong' })
  .pipe(z.email({ message: 'v.email' }));

export const postcodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'v.postcode' });

export const divisionCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'v.division' });

export const phoneSchema = z
  .string()
  .trim()
  .max(30, { message: 'v.tooLong' })
  .regex(/^[0-9+\-() ]*$/, { message: 'v.phone' })
  .optional()
  .transform((v) => (v ? v : undefined));

export const idSchema = z.string().min(1).max(64);

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const okSchema = z.object({ ok: z.literal(true) });
