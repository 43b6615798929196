import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { translate, type Locale } from '@ccc/domain';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { enUS } from '../locales/en-US';
import { zhCN, type WebMessageKey } from '../locales/zh-CN';
import { setApiLanguage } from './api-client';

const dictionaries: Record<Locale, Record<WebMessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };
const STORAGE_KEY = 'ccc.locale';

export type TFunction = (
  key: WebMessageKey | (string & {}),
  params?: Record<string, string | number>,
) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (l: Locale) => void;
  /** Web texts first, then the shared validation/error messages of @ccc/domain; unknown keys pass through. */
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

function initialLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en-US' ? 'en-US' : 'zh-CN';
}

function applyLocale(l: Locale) {
  setApiLanguage(l);
  dayjs.locale(l === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = l;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    applyLocale(l);
    return l;
  });
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    applyLocale(l);
    setLocaleState(l);
  }, []);
  const t = useCallback<TFunction>(
    (key, params = {}) => {
      const text = (dictionaries[locale] as Record<string, string>)[key];
      if (text === undefined) return translate(locale, key, params);
      return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
    },
    [locale],
  );
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export const useT = (): TFunction => useI18n().t;
