import { z } from 'zod';
import {
  divisionCodeSchema,
  emailSchema,
  mobileSchema,
  optionalText,
  orgCodeSchema,
  passwordSchema,
  phoneSchema,
  postcodeSchema,
  requiredText,
  usernameSchema,
} from './common';
import { roles, userStatuses } from '../roles';

/** Organisation-level fields: shared by every user of the organisation. */
export const organisationFieldsSchema = z.object({
  orgNameZh: requiredText(200),
  orgNameEn: optionalText(300),
  divisionCode: divisionCodeSchema,
  orgAddress: requiredText(300),
  orgPostcode: postcodeSchema,
  orgRemark: optionalText(1000),
});

/** A user's own contact fields. */
export const contactFieldsSchema = z.object({
  contactName: requiredText(50),
  mobile: mobileSchema,
  email: emailSchema,
  phone: phoneSchema,
  fax: phoneSchema,
});

const registerShape = z.object({
  acceptDeclaration: z.literal(true, { message: 'v.declaration' }),
  username: usernameSchema,
  password: passwordSchema,
  confirmPassword: z.string(),
  orgCode: orgCodeSchema,
  /**
   * The code names an organisation already registered (the form looked it up): the organisation's fields
   * are then left out, and the account waits for approval. The server decides from the code either way.
   */
  joinExisting: z.boolean().optional(),
  ...organisationFieldsSchema.partial().shape,
  ...contactFieldsSchema.shape,
});

const requiredOrgFields = ['orgNameZh', 'divisionCode', 'orgAddress', 'orgPostcode'] as const;

export const registerBodySchema = registerShape.superRefine((b, ctx) => {
  if (b.password !== b.confirmPassword) {
    ctx.addIssue({ code: 'custom', message: 'v.password.mismatch', path: ['confirmPassword'] });
  }
  if (!b.joinExisting) {
    for (const f of requiredOrgFields) {
      if (!b[f])
        ctx.addIssue({
          code: 'custom',
          message: f === 'divisionCode' ? 'v.division' : 'v.required',
          path: [f],
        });
    }
  }
});
export type RegisterBody = z.input<typeof registerBodySchema>;

/**
 * When the code belongs to an organisation already registered, registration joins it (pending approval)
 * and the organisation fields of the form are ignored: the client shows the existing name instead.
 */
export const orgLookupResponseSchema = z.object({
  exists: z.boolean(),
  orgNameZh: z.string().optional(),
});

export const registerResponseSchema = z.object({
  status: z.enum(userStatuses),
  joinedExisting: z.boolean(),
  orgNameZh: z.string(),
});

export const captchaResponseSchema = z.object({
  id: z.string(),
  /** An SVG image, as a data: URL. */
  image: z.string(),
});

export const loginBodySchema = z.object({
  username: z.string().trim().min(1, { message: 'v.required' }).max(64, { message: 'v.tooLong' }),
  password: z.string().min(1, { message: 'v.required' }).max(128, { message: 'v.tooLong' }),
  captchaId: z.string().max(64).optional(),
  captchaAnswer: z.string().trim().max(16).optional(),
});
export type LoginBody = z.input<typeof loginBodySchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: z.enum(roles),
  status: z.enum(userStatuses),
  contactName: z.string(),
  organisationId: z.string().nullable(),
  orgNameZh: z.string().nullable(),
  bureauCode: z.string().nullable(),
  bureauName: z.string().nullable(),
  /** The login before this session's: when and from where. */
  lastLoginAt: z.string().nullable(),
  lastLoginIp: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
  captchaRequired: z.boolean(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** 登录 answers with the new session: the user and the session's CSRF token (the pre-login one is void). */
export const loginResponseSchema = sessionResponseSchema;

export const forgotPasswordBodySchema = z.object({
  username: z.string().trim().min(1, { message: 'v.required' }).max(64, { message: 'v.tooLong' }),
  email: emailSchema,
});

export const resetPasswordBodySchema = z
  .object({
    username: z.string().trim().min(1, { message: 'v.required' }).max(64, { message: 'v.tooLong' }),
    email: emailSchema,
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { message: 'v.resetCode' }),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((b) => b.password === b.confirmPassword, {
    message: 'v.password.mismatch',
    path: ['confirmPassword'],
  });

export const changePasswordBodySchema = z
  .object({
    currentPassword: z.string().min(1, { message: 'v.required' }).max(128),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((b) => b.password === b.confirmPassword, {
    message: 'v.password.mismatch',
    path: ['confirmPassword'],
  });

/** 修改企业信息: the user's contact fields and the organisation's shared fields together. */
export const profileResponseSchema = z.object({
  username: z.string(),
  orgCode: z.string(),
  ...organisationFieldsSchema.shape,
  orgNameEn: z.string().nullable(),
  orgRemark: z.string().nullable(),
  ...contactFieldsSchema.shape,
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  divisionName: z.string().nullable(),
});
export type ProfileResponse = z.infer<typeof profileResponseSchema>;

export const profileUpdateBodySchema = z.object({
  ...organisationFieldsSchema.shape,
  ...contactFieldsSchema.shape,
});
export type ProfileUpdateBody = z.input<typeof profileUpdateBodySchema>;

export const memberSchema = z.object({
  id: z.string(),
  username: z.string(),
  contactName: z.string(),
  email: z.string(),
  mobile: z.string(),
  status: z.enum(userStatuses),
  createdAt: z.string(),
});
export const membersResponseSchema = z.object({ items: z.array(memberSchema) });

export const memberDecisionBodySchema = z.object({
  decision: z.enum(['approve', 'reject']),
});
