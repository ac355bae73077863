// The app in Chromium on the demo world, linked, as the comparison and export tests start: every folder it exports to
// collected in order, and every CSP violation the page reports recorded from the first document on.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SEED_TABLE_FEATURE_IDS } from '../../main/support/seed-table-features';
import { tempFolder } from '../../main/support/temp-folder';
import type { Page } from 'playwright-core';
import { launchApp, type AppUnderTest } from './bridge';

export interface LinkedDemo {
  app: AppUnderTest;
  /** One fresh folder per export the app writes, in order. */
  exportFolders: string[];
  /** The CSP violations so far (plotly must cause none). */
  cspViolations: () => Promise<string[]>;
}

/** Every CSP violation the page reports, recorded from the first document on (plotly must cause none). */
async function recordCspViolations(app: AppUnderTest): Promise<() => Promise<string[]>> {
  const { page } = app;
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  await page.reload();
  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

/** Launches the app, opens the demo and links it on the Populatie page (the browser is closed again if that fails). */
export async function launchLinkedDemo(): Promise<LinkedDemo> {
  const exportFolders: string[] = [];
  const app = await launchApp({
    pickFolder: async () => {
      const folder = await tempFolder('groepsbeeld-e2e-exports-');
      exportFolders.push(folder);
      return folder;
    },
  });
  try {
    const cspViolations = await recordCspViolations(app);
    const { page } = app;
    await page.getByTestId('open-demo').click();
    await page.getByTestId('file-list').waitFor({ timeout: 60_000 });
    await page.getByTestId('nav-populatie').click();
    await page.getByTestId('link-run').click();
    await page.getByTestId('link-report').waitFor({ timeout: 90_000 });
    return { app, exportFolders, cspViolations };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** The package folder an export wrote into its export folder. */
export async function packageIn(exportFolder: string): Promise<string> {
  const [packageFolder] = await readdir(exportFolder);
  return join(exportFolder, packageFolder!);
}

/**
 * Sets the Clusters form to the seed table's features with k-means, as an analyst would tick them: the tests whose
 * figures were measured on that clustering keep it; the defaults are tested in planted-worlds.test.ts.
 */
export async function chooseSeedTableClustering(page: Page): Promise<void> {
  await page.getByTestId('cluster-algorithm').selectOption('kmeans');
  for (const box of await page.locator('[data-testid^="feature-"][type="checkbox"]').all()) {
    const id = (await box.getAttribute('data-testid'))!.slice('feature-'.length);
    await box.setChecked((SEED_TABLE_FEATURE_IDS as readonly string[]).includes(id));
  }
}
