import { auditActionLabels, type Locale } from '@ccc/domain';
import type { TFunction } from '../../../lib/i18n';

/**
 * What an entry of an application's history (办理记录) did, in words: the history's own wording, else the
 * audit log's label of the action, else its code.
 */
export function historyActionText(action: string, t: TFunction, locale: Locale): string {
  const key = `apps.history.${action}`;
  const label = t(key);
  if (label !== key) return label;
  const audit = auditActionLabels[action];
  return audit ? (locale === 'zh-CN' ? audit.zh : audit.en) : action;
}
