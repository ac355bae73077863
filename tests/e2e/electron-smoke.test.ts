// Starts the real Electron app where an Electron binary exists; says clearly why it skipped where not.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Looks for the binary the way the electron package does, but never triggers its download. */
function electronBinary(): string | undefined {
  const packageFolder = join(root, 'node_modules', 'electron');
  const pathFile = join(packageFolder, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageFolder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
if (!binary) {
  console.warn(
    'Electron smoke test skipped: no Electron binary is installed (it is downloaded on first run, which this ' +
      'machine cannot do; install with network access or use a packaged build to run it).',
  );
}

describe.skipIf(!binary)('the packaged Electron app', () => {
  it('starts, shows the shell and reports the locked engine', async () => {
    const { _electron } = await import('playwright-core');
    const app = await _electron.launch({ executablePath: binary!, args: [join(root, 'out', 'main', 'main.js')] });
    try {
      const window = await app.firstWindow();
      await window.getByTestId('nav-data').waitFor();
      await expect.poll(() => window.getByTestId('engine-status').textContent()).toMatch(/DuckDB/);
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    } finally {
      await app.close();
    }
  });
});
