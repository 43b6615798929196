import { enUS } from './en-US';
import { zhCN, type MessageKey } from './zh-CN';

export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];
export type { MessageKey };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Translate a message key (or pass through text that is not a key), filling {name} placeholders. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const text = (dictionaries[locale] as Record<string, string>)[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function pickLocale(header: string | undefined | null): Locale {
  return header && /^en/i.test(header.trim()) ? 'en-US' : 'zh-CN';
}
