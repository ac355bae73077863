// Global setup of the e2e project: builds the app (main, preload, renderer) exactly as `npm run build` does.
import { build } from 'electron-vite';
import { join } from 'node:path';
import { assertChromiumUnlessOptional } from './support/chromium';

export default async function buildApp(): Promise<void> {
  assertChromiumUnlessOptional();
  const root = join(import.meta.dirname, '..', '..');
  await build({ root, configFile: join(root, 'electron.vite.config.ts'), logLevel: 'warn' });
}
