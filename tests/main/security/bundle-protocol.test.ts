// The app:// protocol serves the built bundle with our CSP, and nothing outside the bundle folder.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { electron } from '../support/electron-mock';
import { resolveBundleFile } from '../../../src-main/security/bundle-files';
import { registerAppScheme, serveAppBundle } from '../../../src-main/security/bundle-protocol';

vi.mock('electron', async () => (await import('../support/electron-mock')).electron.mock);

let root: string;
beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'groepsbeeld-bundle-'));
  root = join(parent, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Groepsbeeld</title>');
  await writeFile(join(root, 'assets', 'index.js'), 'console.log(1)');
  await writeFile(join(parent, 'secret.txt'), 'secret');
});

describe('resolveBundleFile', () => {
  it('maps app://groepsbeeld/ paths into the bundle folder', () => {
    expect(resolveBundleFile('app://groepsbeeld/', root)).toBe(join(root, 'index.html'));
    expect(resolveBundleFile('app://groepsbeeld/assets/index.js', root)).toBe(join(root, 'assets', 'index.js'));
  });

  it.each([
    'app://groepsbeeld/../secret.txt',
    'app://groepsbeeld/%2e%2e/secret.txt',
    'app://groepsbeeld/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://groepsbeeld/%00index.html',
    'app://other/index.html',
    'https://groepsbeeld/index.html',
    'file:///etc/passwd',
  ])('never resolves %s to a file outside the bundle', (url) => {
    const resolved = resolveBundleFile(url, root);
    // Dot segments are resolved by the URL parser, so ../secret.txt becomes <bundle>/secret.txt (absent: 404).
    expect(resolved === null || resolved.startsWith(`${root}/`)).toBe(true);
    expect(resolved).not.toBe(join(root, '..', 'secret.txt'));
  });

  it('refuses other origins and NUL bytes outright', () => {
    expect(resolveBundleFile('app://other/index.html', root)).toBeNull();
    expect(resolveBundleFile('file:///etc/passwd', root)).toBeNull();
    expect(resolveBundleFile('app://groepsbeeld/%00index.html', root)).toBeNull();
  });
});

describe('serveAppBundle', () => {
  it('registers app:// as a standard secure scheme', () => {
    registerAppScheme();
    expect(electron.mock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('answers with the file, its type and the CSP; 404 for anything else', async () => {
    serveAppBundle(root, "default-src 'none'");
    const handler = electron.protocolHandlers.get('app')!;
    const page = await handler(new Request('app://groepsbeeld/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(await page.text()).toContain('<title>Groepsbeeld</title>');
    expect((await handler(new Request('app://groepsbeeld/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://groepsbeeld/../secret.txt'))).status).toBe(404);
  });
});
