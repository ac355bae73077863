// Holds the chosen language, persists it, mirrors it on <html lang>, and provides t() and formatters.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18nContextValue, type MessageValues } from './context';
import { en } from './en';
import { formattersFor } from './format';
import { loadLanguage, saveLanguage, type Language } from './language';
import { nl, type MessageKey, type Messages } from './nl';

const dictionaries: Record<Language, Messages> = { nl, en };

function fillPlaceholders(message: string, values: MessageValues | undefined): string {
  if (!values) return message;
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    return value === undefined ? placeholder : String(value);
  });
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(loadLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    saveLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18nContextValue>(() => {
    const messages = dictionaries[language];
    return {
      language,
      setLanguage,
      t: (key: MessageKey, values?: MessageValues) => fillPlaceholders(messages[key], values),
      format: formattersFor(language),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
