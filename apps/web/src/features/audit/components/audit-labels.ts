import { auditActionLabels, auditEntityLabels, auditRoleLabels, type Locale } from '@ccc/domain';

const pick = (labels: Record<string, { zh: string; en: string }>, key: string, locale: Locale) => {
  const l = labels[key];
  return l ? (locale === 'zh-CN' ? l.zh : l.en) : undefined;
};

/** The action in the page's language; the server's label, then the code, when the page has none. */
export const actionLabel = (action: string, locale: Locale, serverLabel?: string | null) =>
  pick(auditActionLabels, action, locale) ?? serverLabel ?? action;

export const entityLabel = (type: string, locale: Locale) => pick(auditEntityLabels, type, locale) ?? type;

export const roleLabel = (role: string | null, locale: Locale) =>
  role ? (pick(auditRoleLabels, role, locale) ?? role) : '—';
