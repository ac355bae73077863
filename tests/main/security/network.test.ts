// Network lockdown: only the app's own bundle may be requested; every other request is cancelled.
import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { isAllowedRequest, setupNetworkLockdown } from '../../../src-main/security/network';
import { FakeSession } from '../support/electron-mock';

const blocked = [
  'http://example.com/',
  'https://example.com/collect?data=secret',
  'ws://example.com/socket',
  'wss://example.com/socket',
  'ftp://example.com/file',
  'file:///etc/passwd',
  'https://groepsbeeld/index.html',
  'app://evil/index.html',
  'app://groepsbeeld.evil.com/index.html',
  'app://user:pw@groepsbeeld/index.html',
  'app://groepsbeeld:8080/index.html',
  'http://localhost:5173/src/main.tsx',
  'http://127.0.0.1/',
  'blob:https://example.com/uuid',
  'not a url',
];

describe('isAllowedRequest', () => {
  it("allows the app's own bundle", () => {
    expect(isAllowedRequest('app://groepsbeeld/index.html')).toBe(true);
    expect(isAllowedRequest('app://groepsbeeld/assets/index-abc.js')).toBe(true);
  });

  it.each(blocked)('cancels %s', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });

  it('allows the dev server only in development, only its own host and port', () => {
    const dev = { devServerOrigin: 'http://localhost:5173' };
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequest('https://example.com/', dev)).toBe(false);
    expect(isAllowedRequest('http://localhost:80/', { devServerOrigin: 'http://example.com:80' })).toBe(false);
  });
});

describe('setupNetworkLockdown', () => {
  it('filters every URL at the session and cancels what is not ours', async () => {
    const session = new FakeSession();
    await setupNetworkLockdown(session as unknown as Session);
    expect(session.beforeRequest?.filter.urls).toEqual(['<all_urls>']);
    const decide = (url: string) => {
      let decision: { cancel: boolean } | undefined;
      session.beforeRequest!.listener(
        { url } as never,
        ((response: { cancel: boolean }) => {
          decision = response;
        }) as never,
      );
      return decision;
    };
    expect(decide('app://groepsbeeld/index.html')).toEqual({ cancel: false });
    for (const url of blocked) expect(decide(url), url).toEqual({ cancel: true });
  });

  it('sends anything that slips through to a dead proxy, loopback included, and turns off the spellchecker', async () => {
    const session = new FakeSession();
    await setupNetworkLockdown(session as unknown as Session);
    expect(session.proxy).toEqual({ mode: 'fixed_servers', proxyRules: 'socks5://127.0.0.1:9', proxyBypassRules: '<-loopback>' });
    expect(session.spellChecker).toBe(false);
  });
});
