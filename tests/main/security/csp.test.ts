// The Content-Security-Policy: default-src 'none' plus only the bundle's own resources, set on every response.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, setupContentSecurityPolicy } from '../../../src-main/security/csp';
import { FakeSession } from '../support/electron-mock';
import type { Session } from 'electron';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  const policy = directives(contentSecurityPolicy());

  it("starts from default-src 'none'", () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it('allows scripts and styles only from the bundle itself: no inline code, no eval, no hosts', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
  });

  it('allows no connections, frames, objects, workers, forms or base changes', () => {
    for (const name of ['connect-src', 'frame-src', 'object-src', 'worker-src', 'form-action', 'base-uri', 'frame-ancestors']) {
      expect(policy.get(name), name).toEqual(["'none'"]);
    }
  });

  it('mentions no remote host or wildcard anywhere', () => {
    expect(contentSecurityPolicy()).not.toMatch(/https?:|wss?:|\*/);
  });

  it('in development adds only the local dev server and what hot reload needs', () => {
    const dev = directives(contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }));
    expect(dev.get('script-src')).toEqual(["'self'", 'http://localhost:5173', "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(['http://localhost:5173', 'ws://localhost:5173']);
    expect(dev.get('default-src')).toEqual(["'none'"]);
  });
});

describe('setupContentSecurityPolicy', () => {
  it('replaces any policy a response brings with ours', () => {
    const session = new FakeSession();
    setupContentSecurityPolicy(session as unknown as Session);
    const callback = (response: { responseHeaders: Record<string, string[]> }) => response;
    let result: { responseHeaders: Record<string, string[]> } | undefined;
    session.headersReceived!(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } } as never,
      ((response: { responseHeaders: Record<string, string[]> }) => {
        result = callback(response);
      }) as never,
    );
    expect(result!.responseHeaders['Content-Security-Policy']).toEqual([contentSecurityPolicy()]);
    expect(result!.responseHeaders['content-security-policy']).toBeUndefined();
    expect(result!.responseHeaders['Content-Type']).toEqual(['text/html']);
    expect(result!.responseHeaders['X-Content-Type-Options']).toEqual(['nosniff']);
  });
});
