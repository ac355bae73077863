// End to end: demo files dropped on the Data page (confirmed by the main process), linked and clustered, a persona
// renamed, the study saved as a study file, then opened in a fresh app that fills in the date and the clustering.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoWorld } from '../../src-main/synthetic/demo-world';
import { tempFolder } from '../main/support/temp-folder';
import { launchApp, screenshotFolder, type AppUnderTest } from './support/bridge';
import { findChromium, NO_CHROMIUM_MESSAGE } from './support/chromium';

const chromiumFound = Boolean(findChromium());
if (!chromiumFound) console.warn(NO_CHROMIUM_MESSAGE);

/** Links on the Populatie page as it is filled in, then clusters with the Clusters page's settings. */
async function linkAndCluster(app: AppUnderTest): Promise<void> {
  const { page } = app;
  await page.getByTestId('nav-populatie').click();
  await page.getByTestId('link-run').click();
  await page.getByTestId('link-report').waitFor({ timeout: 90_000 });
  await page.getByTestId('nav-clusters').click();
  await page.getByTestId('cluster-form').waitFor({ timeout: 30_000 });
  await page.getByTestId('cluster-run').click();
  await page.getByTestId('cluster-advice').waitFor({ timeout: 90_000 });
}

describe.skipIf(!chromiumFound)('a study file in the app', () => {
  let first: AppUnderTest | undefined;
  let second: AppUnderTest | undefined;
  let demoFolder: string;
  let studyPath: string;
  const confirmed: (readonly string[])[] = [];

  beforeAll(async () => {
    const folder = await tempFolder();
    demoFolder = join(folder, 'demo');
    await ensureDemoWorld(demoFolder);
    studyPath = join(folder, 'voedselbank.json');
    first = await launchApp({
      demoFolder,
      dropFolder: demoFolder,
      confirmDroppedFiles: async (paths) => (confirmed.push(paths), true),
      pickStudyToSave: async () => studyPath,
    });
    second = await launchApp({ demoFolder, pickStudyToOpen: async () => studyPath });
    console.info(`Screenshots: ${screenshotFolder}`);
  }, 120_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('opens files dropped on the Data page once the main process has them confirmed', async () => {
    const { page } = first!;
    const names = (await readdir(demoFolder)).filter((name) => name.endsWith('.csv') && !name.includes('clusters'));
    const zone = page.getByTestId('page-data');
    const dataTransfer = await page.evaluateHandle((files: string[]) => {
      const transfer = new DataTransfer();
      for (const name of files) transfer.items.add(new File(['x'], name, { type: 'text/csv' }));
      return transfer;
    }, names);
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('dragover', { dataTransfer });
    await page.locator('.drop-overlay').waitFor();
    await first!.screenshot('nl-data-slepen');
    await zone.dispatchEvent('drop', { dataTransfer });
    await expect
      .poll(
        () =>
          page
            .getByTestId('file-list')
            .innerText()
            .catch(() => ''),
        { timeout: 60_000 },
      )
      .toContain('GBAPERSOON2018TABV1.csv');
    expect(confirmed).toEqual([names.map((name) => `${demoFolder}/${name}`)]);
    expect(await page.locator('.drop-overlay').count()).toBe(0);
  });

  it('saves the linked study, clustered with k = 4 and a renamed persona, as a study file', async () => {
    const { page } = first!;
    await linkAndCluster(first!);
    // Not the advised k = 5: the study must bring the analyst's own choice back.
    await page.getByTestId('choose-k-4').click();
    await expect.poll(() => page.getByTestId('table-clustering-clusters').innerText(), { timeout: 30_000 }).not.toMatch(/Cluster 5/);
    await page.getByTestId('nav-profielen').click();
    await page.getByTestId('persona-edit-2').click();
    await page.getByTestId('persona-title-input-2').fill('Tweeverdieners met een koophuis');
    await page.getByTestId('persona-save-2').click();
    await expect.poll(() => page.getByTestId('persona-title-2').innerText()).toBe('Tweeverdieners met een koophuis');

    await page.getByTestId('nav-data').click();
    await page.getByTestId('study-name').fill('Voedselbank Gilze 2017');
    await page.getByTestId('study-save').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('study-outcome')
            .innerText()
            .catch(() => ''),
        { timeout: 30_000 },
      )
      .toMatch(/Opgeslagen als voedselbank\.json/);
    await first!.screenshot('nl-data-studie-opgeslagen');
  });

  it('opens the study in a fresh app: its files, date and clustering filled in, and the renamed persona back', async () => {
    const { page } = second!;
    await page.getByTestId('study-open').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('study-outcome')
            .innerText()
            .catch(() => ''),
        { timeout: 60_000 },
      )
      .toMatch(/Studie Voedselbank Gilze 2017 geopend/);
    expect(await page.getByTestId('file-list').innerText()).toContain('GBAPERSOON2018TABV1.csv');
    await second!.screenshot('nl-data-studie-geopend');
    await page.getByTestId('nav-populatie').click();
    expect(await page.getByTestId('reference-date').inputValue()).toBe('31-12-2017');
    expect(await page.getByTestId('municipality-code').inputValue()).toBe('0784');
    await linkAndCluster(second!);
    await expect.poll(() => page.getByTestId('choose-k-4').isChecked(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('nav-profielen').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('persona-title-2')
            .innerText()
            .catch(() => ''),
        { timeout: 60_000 },
      )
      .toBe('Tweeverdieners met een koophuis');
  });
});
