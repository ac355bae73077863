// The app frame: header, step navigation, the current page, and the engine status bar.
import { useState } from 'react';
import { AppHeader } from './frame/AppHeader';
import { PageNavigation } from './frame/PageNavigation';
import { StatusBar } from './frame/StatusBar';
import { useT } from './i18n/useT';
import { PageView } from './pages/PageView';
import type { PageId } from './pages/pageIds';

export function App() {
  const t = useT();
  const [currentPage, setCurrentPage] = useState<PageId>('data');

  return (
    <div className="app-frame">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <div className="app-body">
        <PageNavigation currentPage={currentPage} onNavigate={setCurrentPage} />
        <main className="app-main" id="main-content" tabIndex={-1}>
          <PageView pageId={currentPage} />
        </main>
      </div>
      <StatusBar />
    </div>
  );
}
