// The Content-Security-Policy of the renderer and the session hook that adds it to every response.
import type { Session } from 'electron';

export interface CspOptions {
  /**
   * The electron-vite dev server origin (development only, never in a packaged app): hot reload needs
   * the server's scripts, React's inline refresh preamble, inline styles and a websocket.
   */
  devServerOrigin?: string | undefined;
}

/** default-src 'none' plus only what the built bundle needs: its own scripts, styles, images and fonts. */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const dev = options.devServerOrigin;
  const devWs = dev ? dev.replace(/^http/, 'ws') : undefined;
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'", ...(dev ? [dev, "'unsafe-inline'"] : [])],
    ['style-src', "'self'", ...(dev ? [dev, "'unsafe-inline'"] : [])],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', ...(dev && devWs ? [dev, devWs] : ["'none'"])],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-src', "'none'"],
    ['frame-ancestors', "'none'"],
    ['worker-src', "'none'"],
    ['manifest-src', "'none'"],
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/** Adds the CSP (and no-sniff) to every response the renderer's session receives. */
export function setupContentSecurityPolicy(session: Session, options: CspOptions = {}): void {
  const policy = contentSecurityPolicy(options);
  session.webRequest.onHeadersReceived((details, callback) => {
    // Any policy a response brings along is replaced, never merged.
    const headers = Object.fromEntries(Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
    headers['Content-Security-Policy'] = [policy];
    headers['X-Content-Type-Options'] = ['nosniff'];
    callback({ responseHeaders: headers });
  });
}
