// The production build: three bundles, a single-file CommonJS preload, a renderer with nothing remote in it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const out = join(import.meta.dirname, '..', '..', 'out');

describe('npm run build output', () => {
  it('has the main, preload and renderer bundles', async () => {
    expect(await readdir(join(out, 'main'))).toContain('main.js');
    expect(await readdir(join(out, 'preload'))).toEqual(['preload.cjs']);
    expect(await readdir(join(out, 'renderer'))).toContain('index.html');
  });

  it('has a sandbox-ready preload: one CommonJS file that requires nothing but electron', async () => {
    const preload = await readFile(join(out, 'preload', 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('ships a renderer that references no remote resource and no inline script', async () => {
    const html = await readFile(join(out, 'renderer', 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)=["']https?:/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style/);
    const assets = await readdir(join(out, 'renderer', 'assets'));
    for (const asset of assets.filter((name) => name.endsWith('.js'))) {
      const code = await readFile(join(out, 'renderer', 'assets', asset), 'utf8');
      expect(code, asset).not.toMatch(/__groepsbeeldInvoke/);
    }
  });

  it('keeps DuckDB external to the main bundle (a native module is loaded, not bundled)', async () => {
    const main = await readFile(join(out, 'main', 'main.js'), 'utf8');
    expect(main).toMatch(/from ["']@duckdb\/node-api["']/);
    expect(main).not.toMatch(/__groepsbeeldInvoke|playwright/);
  });
});
