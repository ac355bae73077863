// Renderer entry: mounts the app inside the i18n provider.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n/I18nProvider';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no element with id "root".');

createRoot(rootElement).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
