import { z } from 'zod';
import { userStatuses } from '../roles';
import { bureauLevels } from './reference';
import {
  emailSchema,
  mobileSchema,
  pageQuerySchema,
  passwordSchema,
  phoneSchema,
  requiredText,
  usernameSchema,
} from './common';

export const officerSchema = z.object({
  id: z.string(),
  username: z.string(),
  contactName: z.string(),
  mobile: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  bureauCode: z.string(),
  bureauName: z.string(),
  status: z.enum(userStatuses),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Officer = z.infer<typeof officerSchema>;

export const officerListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  bureauCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  status: z.enum(userStatuses).optional(),
});

export const officerListResponseSchema = z.object({
  items: z.array(officerSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const officerFields = {
  contactName: requiredText(50),
  mobile: mobileSchema,
  email: emailSchema,
  phone: phoneSchema,
  bureauCode: z.string().regex(/^\d{6}$/, { message: 'v.bureau' }),
};

export const createOfficerBodySchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  ...officerFields,
});
export type CreateOfficerBody = z.input<typeof createOfficerBodySchema>;

export const updateOfficerBodySchema = z.object(officerFields);
export type UpdateOfficerBody = z.input<typeof updateOfficerBodySchema>;

export const officerStatusBodySchema = z.object({ status: z.enum(['active', 'disabled']) });
export const officerPasswordBodySchema = z.object({ password: passwordSchema });

/** A user waiting to join an organisation, as the administrator sees it. */
export const pendingUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  contactName: z.string(),
  email: z.string(),
  mobile: z.string(),
  orgCode: z.string(),
  orgNameZh: z.string(),
  createdAt: z.string(),
});
export const pendingUserListResponseSchema = z.object({ items: z.array(pendingUserSchema) });

/** The bureau workspace's first page: the officer's own bureau, what it covers, its service levels, its officers. */
export const bureauWorkspaceResponseSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(bureauLevels),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  /** Service levels in working days: accept or return within acceptDays, decide within decideDays. */
  acceptDays: z.number().int(),
  decideDays: z.number().int(),
  /** The administrative divisions it accepts applications from; `path` is the full name, e.g. 广东省 深圳市 南山区. */
  divisions: z.array(z.object({ code: z.string(), name: z.string(), path: z.string() })),
  officers: z.array(
    z.object({ id: z.string(), username: z.string(), contactName: z.string(), status: z.enum(userStatuses) }),
  ),
});
export type BureauWorkspace = z.infer<typeof bureauWorkspaceResponseSchema>;
