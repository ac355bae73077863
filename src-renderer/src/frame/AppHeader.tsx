// The top bar: product name, a one-line description, and the language switch.
import { useT } from '../i18n/useT';
import { LanguageSwitch } from './LanguageSwitch';

export function AppHeader() {
  const t = useT();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <LanguageSwitch />
    </header>
  );
}
