// The i18n context value: current language, its setter, the translate function and formatters.
import { createContext } from 'react';
import type { Formatters } from './format';
import type { Language } from './language';
import type { MessageKey } from './nl';

/** Values fill {placeholders} in a message; format numbers before passing them. */
export type MessageValues = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export type I18nContextValue = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  format: Formatters;
};

export const I18nContext = createContext<I18nContextValue | null>(null);
