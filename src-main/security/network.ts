// Network lockdown at the session: every request that is not the app's own bundle is cancelled.
import type { Session } from 'electron';
import { isAppUrl } from './app-origin';

export interface NetworkPolicy {
  /** Development only: the local electron-vite dev server (http and ws on the same host and port). */
  devServerOrigin?: string | undefined;
}

function isDevServerUrl(url: string, devServerOrigin: string): boolean {
  let parsed: URL;
  let dev: URL;
  try {
    parsed = new URL(url);
    dev = new URL(devServerOrigin);
  } catch {
    return false;
  }
  const loopback = dev.hostname === 'localhost' || dev.hostname === '127.0.0.1' || dev.hostname === '[::1]';
  const sameServer = parsed.hostname === dev.hostname && parsed.port === dev.port;
  return loopback && sameServer && (parsed.protocol === 'http:' || parsed.protocol === 'ws:');
}

/**
 * Decides one request. Allowed: the app's own origin, Chromium's devtools pages, and (development
 * only) the local dev server. Everything else, whatever its scheme (http, https, ws, wss, ftp, file,
 * blob from elsewhere), is cancelled.
 */
export function isAllowedRequest(url: string, policy: NetworkPolicy = {}): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('devtools://')) return true;
  if (policy.devServerOrigin && isDevServerUrl(url, policy.devServerOrigin)) return true;
  return false;
}

/** Installs the request filter on a session, and routes anything that slips past it to a dead proxy. */
export async function setupNetworkLockdown(session: Session, policy: NetworkPolicy = {}): Promise<void> {
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, policy) });
  });
  // Defence in depth: a request the filter missed still cannot reach a real host. Outside development
  // even loopback goes to the dead proxy ('<-loopback>' removes Chromium's implicit loopback bypass).
  await session.setProxy({
    mode: 'fixed_servers',
    proxyRules: 'socks5://127.0.0.1:9',
    proxyBypassRules: policy.devServerOrigin ? '<local>' : '<-loopback>',
  });
  session.setSpellCheckerEnabled(false);
}
