import { z } from 'zod';
import { roles, userStatuses } from '../roles';
import { applicationStatuses } from '../workflows/application-workflow';
import { pageQuerySchema } from './common';

/**
 * 单位与用户: the administrator's directory of organisations and users (all roles), with the account
 * actions 停用 / 启用 / 解锁.
 */

const searchText = z.string().trim().max(100).optional();

export const adminOrganisationListQuerySchema = pageQuerySchema.extend({
  /** 统一社会信用代码 / 组织机构代码 (prefix), 单位名称 (part), or a member's 用户名 / 邮箱 (part). */
  q: searchText,
});
export type AdminOrganisationListQuery = z.input<typeof adminOrganisationListQuerySchema>;

export const adminOrganisationRowSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  divisionCode: z.string(),
  /** The division's names from the province down, e.g. 上海市 浦东新区. */
  divisionName: z.string(),
  userCount: z.number().int(),
  applicationCount: z.number().int(),
  createdAt: z.string(),
});
export type AdminOrganisationRow = z.infer<typeof adminOrganisationRowSchema>;

export const adminOrganisationListResponseSchema = z.object({
  items: z.array(adminOrganisationRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminOrganisationList = z.infer<typeof adminOrganisationListResponseSchema>;

/** A user as the administrator sees it: the account, its scope, its lock and its last login. */
export const adminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: z.enum(roles),
  status: z.enum(userStatuses),
  contactName: z.string(),
  email: z.string(),
  mobile: z.string(),
  phone: z.string().nullable(),
  organisationId: z.string().nullable(),
  orgCode: z.string().nullable(),
  orgNameZh: z.string().nullable(),
  bureauCode: z.string().nullable(),
  bureauName: z.string().nullable(),
  failedLogins: z.number().int(),
  /** When the lock after repeated wrong passwords ends; null when not locked now. */
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  lastLoginIp: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminOrganisationDetailSchema = adminOrganisationRowSchema.extend({
  orgCode9: z.string().nullable(),
  address: z.string(),
  postcode: z.string(),
  remark: z.string().nullable(),
  updatedAt: z.string(),
  users: z.array(adminUserSchema),
});
export type AdminOrganisationDetail = z.infer<typeof adminOrganisationDetailSchema>;

export const adminOrganisationApplicationSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(applicationStatuses),
  clauseCode: z.string(),
  clauseName: z.string(),
  bureauCode: z.string(),
  bureauName: z.string(),
  submittedAt: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminOrganisationApplication = z.infer<typeof adminOrganisationApplicationSchema>;

export const adminOrganisationApplicationsResponseSchema = z.object({
  items: z.array(adminOrganisationApplicationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminOrganisationApplications = z.infer<typeof adminOrganisationApplicationsResponseSchema>;

export const adminUserListQuerySchema = pageQuerySchema.extend({
  /** 用户名, 邮箱, 联系人 or the organisation's name or code (part of any). */
  q: searchText,
  role: z.enum(roles).optional(),
  status: z.enum(userStatuses).optional(),
});
export type AdminUserListQuery = z.input<typeof adminUserListQuerySchema>;

export const adminUserListResponseSchema = z.object({
  items: z.array(adminUserSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminUserList = z.infer<typeof adminUserListResponseSchema>;
