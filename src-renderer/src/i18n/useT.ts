// Hooks to read the i18n context: useT() for texts, useLanguage() for the switch, useFormat() for numbers.
import { useContext } from 'react';
import { I18nContext, type I18nContextValue, type Translate } from './context';
import type { Formatters } from './format';

function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() needs an <I18nProvider> above it in the component tree.');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLanguage(): Pick<I18nContextValue, 'language' | 'setLanguage'> {
  const { language, setLanguage } = useI18n();
  return { language, setLanguage };
}

export function useFormat(): Formatters {
  return useI18n().format;
}
