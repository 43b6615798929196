import { composeBilingualMail } from '../../locales/mail';

/**
 * The mails an officer receives about their account, Chinese first and English below, in the same layout
 * as the other system mails (locales/mail.ts). No password is ever written into a mail.
 */
export interface OfficerMailParams {
  contactName: string;
  username: string;
  bureauName: string;
  url: string;
}

const compose = composeBilingualMail;

export const officerAccountCreatedMail = (p: OfficerMailParams) =>
  compose(
    '审核人员账号已开通',
    'Your officer account has been created',
    [
      `${p.contactName}，您好：`,
      '',
      '认监委管理员已为您开通CCC免办及特殊用途进口产品检测处理管理系统的审核人员账号。',
      `用户名：${p.username}`,
      `所属市场监督管理局：${p.bureauName}`,
      '',
      `初始密码由管理员另行告知。请访问 ${p.url} 登录，并在登录后修改密码。`,
    ],
    [
      `Dear ${p.contactName},`,
      '',
      'The administration has created your officer account in the CCC exemption system.',
      `User name: ${p.username}`,
      `Bureau: ${p.bureauName}`,
      '',
      `The administrator will give you the initial password separately. Log in at ${p.url} and change it.`,
    ],
  );

export const officerPasswordSetMail = (p: OfficerMailParams) =>
  compose(
    '您的登录密码已由管理员重新设置',
    'Your password has been reset by the administrator',
    [
      `${p.contactName}，您好：`,
      '',
      `管理员已重新设置您的账号（用户名：${p.username}）的登录密码，您已登录的会话均已退出。`,
      `新密码由管理员另行告知。请访问 ${p.url} 登录，并在登录后修改密码。`,
      '如您对此不知情，请立即联系管理员。',
    ],
    [
      `Dear ${p.contactName},`,
      '',
      `The administrator has set a new password for your account (user name: ${p.username}); you have been logged out everywhere.`,
      `The administrator will give you the new password separately. Log in at ${p.url} and change it.`,
      'If you did not expect this, contact the administrator at once.',
    ],
  );
