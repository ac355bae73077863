// Navigation guards: no navigation away from the bundle, no new windows, no webviews.
import type { App, WebContents } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { guardWebContents, isAllowedNavigation, setupNavigationGuards } from '../../../src-main/security/navigation';
import { FakeWebContents } from '../support/electron-mock';

function navigate(contents: FakeWebContents, eventName: string, url: string): boolean {
  const event = { preventDefault: vi.fn(), url };
  contents.emit(eventName, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

describe('navigation guards', () => {
  it('allow only the app origin (and the dev server in development)', () => {
    expect(isAllowedNavigation('app://groepsbeeld/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173.evil.com/', 'http://localhost:5173')).toBe(false);
  });

  it('prevent navigations and redirects away from the bundle', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as WebContents);
    for (const eventName of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(navigate(contents, eventName, 'https://example.com/'), eventName).toBe(true);
      expect(navigate(contents, eventName, 'file:///etc/passwd'), eventName).toBe(true);
      expect(navigate(contents, eventName, 'app://groepsbeeld/index.html'), eventName).toBe(false);
    }
  });

  it('deny window.open and webviews', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as WebContents);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' } as never)).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://groepsbeeld/index.html' } as never)).toEqual({ action: 'deny' });
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('apply to every web contents the app creates', () => {
    const app = new EventEmitter();
    setupNavigationGuards(app as unknown as App);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).toBeDefined();
    expect(navigate(contents, 'will-navigate', 'https://example.com/')).toBe(true);
  });
});
