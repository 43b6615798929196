import { z } from 'zod';
import { dateQuery, textQuery } from './applications';
import { pageQuerySchema } from './common';

/**
 * 审计日志 search (administrator). Every filter is optional; the dates are China calendar dates, both ends
 * included.
 */
export const auditFilterSchema = z.object({
  /** 操作人: user name, exact or as a prefix (case-insensitive). */
  actor: textQuery(100),
  /** 单位: organisation code (统一社会信用代码 / 组织机构代码) or part of its name. */
  organisation: textQuery(100),
  /** 受理机构: bureau code. */
  bureau: textQuery(12),
  /** 申请编号: rows about the application, its products, attachments, records and certificates. */
  application: textQuery(40),
  /** 证明号 (or a certificate id): rows about that certificate. */
  certificate: textQuery(40),
  /** One action, e.g. APPLICATION_SUBMITTED. */
  action: textQuery(64),
  /** The kind of object, e.g. application, certificate, user. */
  entityType: textQuery(40),
  from: dateQuery,
  to: dateQuery,
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const auditQuerySchema = pageQuerySchema.merge(auditFilterSchema);
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const auditExportQuerySchema = auditFilterSchema.extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});

/** The most rows one export holds; the file says so when the query matched more. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  organisation: z
    .object({ id: z.string(), code: z.string().nullable(), name: z.string().nullable() })
    .nullable(),
  bureau: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** A readable name of the object: the 申请编号, the 证明号, the user name… when known. */
  entityLabel: z.string().nullable(),
  action: z.string(),
  /** The action in Chinese, when the system has a label for it. */
  actionLabel: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListResponseSchema = z.object({
  items: z.array(auditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;

export const auditActionsResponseSchema = z.object({
  items: z.array(z.object({ action: z.string(), label: z.string().nullable() })),
});
export type AuditActionsResponse = z.infer<typeof auditActionsResponseSchema>;

/** The actions the system writes, in Chinese and English. An action without a label shows its code. */
export const auditActionLabels: Record<string, { zh: string; en: string }> = {
  ACCESS_DENIED: { zh: '越权访问被拒绝', en: 'Access denied' },
  ADMIN_CREATED: { zh: '创建管理员', en: 'Administrator created' },
  USER_REGISTERED: { zh: '用户注册', en: 'User registered' },
  ORGANISATION_CREATED: { zh: '创建单位', en: 'Organisation created' },
  ORGANISATION_UPDATED: { zh: '修改单位信息', en: 'Organisation updated' },
  PROFILE_UPDATED: { zh: '修改个人信息', en: 'Profile updated' },
  MEMBERSHIP_APPROVED: { zh: '批准加入单位', en: 'Membership approved' },
  MEMBERSHIP_REJECTED: { zh: '拒绝加入单位', en: 'Membership rejected' },
  LOGIN_SUCCEEDED: { zh: '登录成功', en: 'Signed in' },
  LOGIN_FAILED: { zh: '登录失败', en: 'Sign-in failed' },
  ACCOUNT_LOCKED: { zh: '账号锁定', en: 'Account locked' },
  LOGOUT: { zh: '退出登录', en: 'Signed out' },
  PASSWORD_RESET_REQUESTED: { zh: '申请找回密码', en: 'Password reset requested' },
  PASSWORD_RESET: { zh: '重置密码', en: 'Password reset' },
  PASSWORD_CHANGED: { zh: '修改密码', en: 'Password changed' },
  USER_DISABLED: { zh: '停用用户', en: 'User disabled' },
  USER_ENABLED: { zh: '启用用户', en: 'User enabled' },
  USER_UNLOCKED: { zh: '解锁用户', en: 'User unlocked' },
  OFFICER_CREATED: { zh: '创建审核人员', en: 'Officer created' },
  OFFICER_UPDATED: { zh: '修改审核人员', en: 'Officer updated' },
  OFFICER_DISABLED: { zh: '停用审核人员', en: 'Officer disabled' },
  OFFICER_ENABLED: { zh: '启用审核人员', en: 'Officer enabled' },
  OFFICER_PASSWORD_SET: { zh: '设置审核人员密码', en: 'Officer password set' },
  APPLICATION_CREATED: { zh: '保存申请', en: 'Application created' },
  APPLICATION_UPDATED: { zh: '修改申请', en: 'Application updated' },
  APPLICATION_DELETED: { zh: '删除申请', en: 'Application deleted' },
  APPLICATION_SUBMITTED: { zh: '提交申请', en: 'Application submitted' },
  APPLICATION_WITHDRAWN: { zh: '撤回申请', en: 'Application withdrawn' },
  APPLICATION_ACCEPTED: { zh: '受理', en: 'Accepted' },
  APPLICATION_RETURNED: { zh: '退回', en: 'Returned' },
  APPLICATION_APPROVED: { zh: '予以免办', en: 'Approved' },
  APPLICATION_REFUSED: { zh: '不予免办', en: 'Refused' },
  PRODUCT_ADDED: { zh: '添加产品', en: 'Product added' },
  PRODUCT_UPDATED: { zh: '修改产品', en: 'Product updated' },
  PRODUCT_DELETED: { zh: '删除产品', en: 'Product deleted' },
  ATTACHMENT_UPLOADED: { zh: '上传附件', en: 'Attachment uploaded' },
  ATTACHMENT_REPLACED: { zh: '替换附件', en: 'Attachment replaced' },
  ATTACHMENT_DELETED: { zh: '删除附件', en: 'Attachment deleted' },
  ATTACHMENTS_TAKEN_OVER: { zh: '沿用附件', en: 'Attachments taken over' },
  CERTIFICATE_ISSUED: { zh: '出具证明', en: 'Certificate issued' },
  CERTIFICATE_SUPERSEDED: { zh: '证明被修改版本取代', en: 'Certificate superseded' },
  CERTIFICATE_REVOKED: { zh: '撤销证明', en: 'Certificate revoked' },
  MODIFICATION_CREATED: { zh: '保存修改申请', en: 'Modification created' },
  MODIFICATION_UPDATED: { zh: '修改修改申请', en: 'Modification updated' },
  MODIFICATION_SUBMITTED: { zh: '提交修改申请', en: 'Modification submitted' },
  MODIFICATION_APPROVED: { zh: '批准修改证明', en: 'Modification approved' },
  MODIFICATION_REFUSED: { zh: '不予修改', en: 'Modification refused' },
  MODIFICATION_RETURNED: { zh: '退回修改申请', en: 'Modification returned' },
  RECORD_CREATED: { zh: '保存记录（使用/退运/销毁/核销）', en: 'Record created' },
  RECORD_UPDATED: { zh: '修改记录', en: 'Record updated' },
  RECORD_DELETED: { zh: '删除记录', en: 'Record deleted' },
  RECORD_SUBMITTED: { zh: '提交记录', en: 'Record submitted' },
  RECORD_RETURNED: { zh: '退回记录', en: 'Record returned' },
  RECORD_VERIFIED: { zh: '记录核查通过', en: 'Record verified' },
  REPORT_DEADLINE_UPDATED: { zh: '修改报告期限', en: 'Report deadline updated' },
  REPORT_REMINDER_SENT: { zh: '发送报告提醒', en: 'Report reminder sent' },
  CALENDAR_YEAR_SAVED: { zh: '保存工作日历', en: 'Calendar saved' },
  SERVICE_LEVEL_CHANGED: { zh: '修改服务时限', en: 'Service level changed' },
  ANNOUNCEMENT_CREATED: { zh: '新建公告', en: 'Announcement created' },
  ANNOUNCEMENT_UPDATED: { zh: '修改公告', en: 'Announcement updated' },
  ANNOUNCEMENT_PUBLISHED: { zh: '发布公告', en: 'Announcement published' },
  ANNOUNCEMENT_SCHEDULED: { zh: '定时发布公告', en: 'Announcement scheduled' },
  ANNOUNCEMENT_UNPUBLISHED: { zh: '撤回公告', en: 'Announcement unpublished' },
  ANNOUNCEMENT_PINNED: { zh: '置顶公告', en: 'Announcement pinned' },
  ANNOUNCEMENT_UNPINNED: { zh: '取消置顶', en: 'Announcement unpinned' },
  ANNOUNCEMENT_DELETED: { zh: '删除公告', en: 'Announcement deleted' },
  ANNOUNCEMENT_ATTACHMENT_ADDED: { zh: '添加公告附件', en: 'Announcement attachment added' },
  ANNOUNCEMENT_ATTACHMENT_REMOVED: { zh: '删除公告附件', en: 'Announcement attachment removed' },
  MANUAL_REPLACED: { zh: '替换用户手册', en: 'User manual replaced' },
  MANUAL_RESET: { zh: '恢复默认用户手册', en: 'User manual reset' },
};

/** The kinds of object the log speaks of, in Chinese and English. */
export const auditEntityLabels: Record<string, { zh: string; en: string }> = {
  application: { zh: '申请', en: 'Application' },
  certificate: { zh: '证明', en: 'Certificate' },
  usage_record: { zh: '使用记录', en: 'Usage record' },
  user: { zh: '用户', en: 'User' },
  organisation: { zh: '单位', en: 'Organisation' },
  announcement: { zh: '公告', en: 'Announcement' },
  manual: { zh: '用户手册', en: 'User manual' },
  bureau: { zh: '受理机构', en: 'Bureau' },
  calendar_year: { zh: '工作日历', en: 'Calendar' },
  report_deadline: { zh: '报告期限', en: 'Report deadline' },
};

/** The roles as the log shows them. */
export const auditRoleLabels: Record<string, { zh: string; en: string }> = {
  enterprise: { zh: '企业用户', en: 'Enterprise user' },
  officer: { zh: '审核人员', en: 'Officer' },
  admin: { zh: '管理员', en: 'Administrator' },
};
