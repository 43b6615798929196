import { formatChinaTime } from '../../locales/format';
import { composeBilingualMail } from '../../locales/mail';

/**
 * The mails a user receives when the administrator disables, enables or unlocks the account: Chinese first
 * and English below, in the layout of the other system mails (locales/mail.ts).
 */
export interface AccountMailParams {
  contactName: string;
  username: string;
  /** When the administrator acted (ISO). */
  at: string;
  url: string;
}

const compose = composeBilingualMail;

export const accountDisabledMail = (p: AccountMailParams) =>
  compose(
    '您的账号已被停用',
    'Your account has been disabled',
    [
      `${p.contactName}，您好：`,
      '',
      `管理员已于${formatChinaTime(p.at)}停用您的账号（用户名：${p.username}），您已登录的会话均已退出，停用期间无法登录。`,
      '如有疑问，请联系管理员。',
    ],
    [
      `Dear ${p.contactName},`,
      '',
      `The administrator disabled your account (user name: ${p.username}) at ${formatChinaTime(p.at)} (China time). You have been logged out everywhere and cannot log in while it is disabled.`,
      'If you have questions, contact the administrator.',
    ],
  );

export const accountEnabledMail = (p: AccountMailParams) =>
  compose(
    '您的账号已重新启用',
    'Your account has been enabled again',
    [
      `${p.contactName}，您好：`,
      '',
      `管理员已于${formatChinaTime(p.at)}重新启用您的账号（用户名：${p.username}）。`,
      `请访问 ${p.url} 登录。`,
    ],
    [
      `Dear ${p.contactName},`,
      '',
      `The administrator enabled your account (user name: ${p.username}) again at ${formatChinaTime(p.at)} (China time).`,
      `Log in at ${p.url}.`,
    ],
  );

export const accountUnlockedMail = (p: AccountMailParams) =>
  compose(
    '您的账号已解锁',
    'Your account has been unlocked',
    [
      `${p.contactName}，您好：`,
      '',
      `管理员已于${formatChinaTime(p.at)}解除您的账号（用户名：${p.username}）因密码连续错误造成的锁定。`,
      `请访问 ${p.url} 登录；如忘记密码，请使用“忘记密码”重新设置。如您对此不知情，请立即联系管理员。`,
    ],
    [
      `Dear ${p.contactName},`,
      '',
      `The administrator removed the lock that repeated wrong passwords had put on your account (user name: ${p.username}) at ${formatChinaTime(p.at)} (China time).`,
      `Log in at ${p.url}; if you forgot the password, use "Forgot password". If you did not expect this, contact the administrator at once.`,
    ],
  );
