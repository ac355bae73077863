// Navigation guards: no page may navigate away, open a window, or attach a webview.
import type { App, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** A renderer may only ever show the app's own pages; in-page reloads of the same origin are allowed. */
export function isAllowedNavigation(url: string, devServerOrigin?: string): boolean {
  if (isAppUrl(url)) return true;
  return Boolean(devServerOrigin && url.startsWith(`${devServerOrigin}/`));
}

export function guardWebContents(contents: WebContents, devServerOrigin?: string): void {
  const preventForeign = (event: { preventDefault: () => void }, url: string) => {
    if (!isAllowedNavigation(url, devServerOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', preventForeign);
  contents.on('will-redirect', preventForeign);
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, devServerOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies the guards to every web contents the app ever creates, including ones we did not plan for. */
export function setupNavigationGuards(app: App, devServerOrigin?: string): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devServerOrigin));
}
