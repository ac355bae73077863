// The two interface languages, their Intl locales, and how the choice is remembered between sessions.
export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'nl';

/** Dutch formats 26431 as 26.431; English as 26,431. */
export const localeOf: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

export const languageStorageKey = 'groepsbeeld.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function loadLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(languageStorageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    // Storage can be unavailable (e.g. disabled); the default is a safe answer.
    return defaultLanguage;
  }
}

export function saveLanguage(language: Language): void {
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // Not remembering the choice is harmless; the switch still works for this session.
  }
}
