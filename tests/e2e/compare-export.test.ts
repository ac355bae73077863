// End to end on the demo world: link, compare clients with all households in checked tables, export a package.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../main/support/temp-folder';
import { launchApp, type AppUnderTest } from './support/bridge';
import { findChromium, NO_CHROMIUM_MESSAGE } from './support/chromium';

const chromiumFound = Boolean(findChromium());
if (!chromiumFound) console.warn(NO_CHROMIUM_MESSAGE);

describe.skipIf(!chromiumFound)('comparing and exporting in Chromium', () => {
  let app: AppUnderTest;
  let exportsFolder: string;

  beforeAll(async () => {
    exportsFolder = await tempFolder('groepsbeeld-e2e-exports-');
    app = await launchApp({ pickFolder: async () => exportsFolder });
    const { page } = app;
    await page.getByTestId('open-demo').click();
    await page.getByTestId('file-list').waitFor({ timeout: 60_000 });
    await page.getByTestId('nav-populatie').click();
    await page.getByTestId('link-run').click();
    await page.getByTestId('link-report').waitFor({ timeout: 90_000 });
  }, 180_000);
  afterAll(() => app?.close());

  it('shows the comparison per feature with Dutch numbers, and a small client count as blocked', async () => {
    const { page } = app;
    await page.getByTestId('nav-vergelijking').click();
    await page.getByTestId('comparison-tables').waitFor({ timeout: 60_000 });
    const education = page.getByTestId('table-vergelijking-education-level');
    expect(await education.getByTestId('row-vergelijking-education-level-low').innerText()).toMatch(/Laag\s+88\s+46,1 %\s+2\.575\s+22,7 %\s+\+23,4 %-punt/);
    const other = page.getByTestId('row-vergelijking-household-type-7');
    expect(await other.innerText()).toMatch(/geblokkeerd/);
    expect(await other.locator('td').first().innerText()).not.toMatch(/\d/);
    await app.screenshot('nl-vergelijking');
    await page.getByTestId('protection-rounding').check();
    await expect.poll(() => page.getByTestId('row-vergelijking-household-type-7').locator('td').first().innerText(), { timeout: 30_000 }).toMatch(/^(0|10)/);
    await app.screenshot('nl-vergelijking-afgerond');
    await page.getByTestId('protection-suppression').check();
  });

  it('clusters the client households with progress, advises k = 5 with a reason, and lets the analyst pick k', async () => {
    const { page } = app;
    await page.getByTestId('nav-clusters').click();
    await page.getByTestId('cluster-form').waitFor({ timeout: 30_000 });
    await app.screenshot('nl-clusters-keuze');
    await page.getByTestId('cluster-run').click();
    const advice = page.getByTestId('cluster-advice');
    await advice.waitFor({ timeout: 90_000 });
    expect(await advice.innerText()).toMatch(/Advies: k = 5[\s\S]*silhouet/);
    const sizes = page.getByTestId('table-clustering-clusters');
    expect(await sizes.innerText()).toMatch(/Cluster 5/);
    await app.screenshot('nl-clusters-advies');
    // The radio follows the main process's answer, so it is clicked and the table awaited.
    await page.getByTestId('choose-k-4').click();
    await expect.poll(() => sizes.innerText(), { timeout: 30_000 }).not.toMatch(/Cluster 5/);
    expect(await sizes.innerText()).toMatch(/Cluster 4/);
  });

  it('exports the chosen tables with their output log, refusing a failing table until masking is chosen', async () => {
    const { page } = app;
    await page.getByTestId('nav-export').click();
    await page.getByTestId('export-candidates').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('export-vergelijking-household-type').getByTestId('verdict').innerText()).toBe('niet geslaagd');
    expect(await page.getByTestId('export-vergelijking-education-level').getByTestId('verdict').innerText()).toBe('geslaagd');
    await page.getByTestId('select-vergelijking-household-type').check();
    await page.getByTestId('export-blocked-hint').waitFor();
    expect(await page.getByTestId('export-write').getAttribute('aria-disabled')).toBe('true');
    await app.screenshot('nl-export-keuze');
    await page.getByTestId('mask-blocked').check();
    await page.getByTestId('export-write').click();
    await page.getByTestId('export-written').waitFor({ timeout: 90_000 });
    await app.screenshot('nl-export-geschreven');
    const [packageFolder] = await readdir(exportsFolder);
    const files = await readdir(join(exportsFolder, packageFolder!));
    expect(files).toEqual(expect.arrayContaining(['output-log.json', 'report.pdf', 'vergelijking-household-type.csv', 'vergelijking-education-level.png']));
    const log = JSON.parse(await readFile(join(exportsFolder, packageFolder!, 'output-log.json'), 'utf8'));
    expect(JSON.stringify(log)).toMatch(/vergelijking-household-type/);
  });
});
