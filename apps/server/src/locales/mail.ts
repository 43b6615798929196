import { mailEnUS } from './mail-en-US';
import { mailZhCN } from './mail-zh-CN';
import type { MailName, MailParams } from './mail-types';

export type { MailName, MailParams } from './mail-types';
export { formatChinaTime } from './format';

const SYSTEM_ZH = 'CCC免办系统';
const SYSTEM_EN = 'CCC exemption system';

/**
 * One mail in both languages: the Chinese text first, the English below it, and a bilingual subject.
 * Recipients' language is not known (mail also goes to colleagues), so every mail carries both.
 */
export function composeMail<K extends MailName>(
  name: K,
  params: MailParams[K],
): { subject: string; text: string } {
  const zh = mailZhCN[name](params);
  const en = mailEnUS[name](params);
  return composeBilingualMail(zh.subject, en.subject, zh.body, en.body);
}

/** The layout of every system mail, for mails whose texts live beside their module (officer, account mails). */
export function composeBilingualMail(
  subjectZh: string,
  subjectEn: string,
  zh: readonly string[],
  en: readonly string[],
): { subject: string; text: string } {
  return {
    subject: `【${SYSTEM_ZH}】${subjectZh} / ${subjectEn}`,
    text: [
      ...zh,
      '',
      `—— ${SYSTEM_ZH}（本邮件由系统自动发送，请勿回复）`,
      '',
      '----------------------------------------',
      '',
      ...en,
      '',
      `-- ${SYSTEM_EN} (automatic message; please do not reply)`,
      '',
    ].join('\n'),
  };
}
