// NL / EN toggle in the header; the pressed button is the current language.
import { languages } from '../i18n/language';
import { useLanguage, useT } from '../i18n/useT';

export function LanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useLanguage();

  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          className="language-button"
          data-testid={`lang-${option}`}
          lang={option}
          aria-label={t(`language.${option}`)}
          aria-pressed={language === option}
          onClick={() => setLanguage(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
