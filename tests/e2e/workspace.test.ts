// End to end: the open demo saved as an encrypted workspace, opened in a fresh app, and linked to the same report.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../main/support/temp-folder';
import { launchApp, screenshotFolder, type AppUnderTest } from './support/bridge';
import { findChromium, NO_CHROMIUM_MESSAGE } from './support/chromium';

const chromiumFound = Boolean(findChromium());
if (!chromiumFound) console.warn(NO_CHROMIUM_MESSAGE);

const PASSPHRASE = 'voedselbank-gilze-2017';

describe.skipIf(!chromiumFound)('a workspace in the app', () => {
  let saving: AppUnderTest | undefined;
  let opening: AppUnderTest | undefined;
  let workspace: string;

  beforeAll(async () => {
    const folder = await tempFolder();
    workspace = join(folder, 'gilze.gbws');
    saving = await launchApp({ pickWorkspaceToSave: async () => workspace });
    opening = await launchApp({ pickWorkspaceToOpen: async () => workspace });
    console.info(`Screenshots: ${screenshotFolder}`);
  });
  afterAll(async () => {
    await saving?.close();
    await opening?.close();
  });

  it('saves the open demo as an encrypted workspace, asking for the passphrase twice', async () => {
    const { page } = saving!;
    await page.getByTestId('nav-data').click();
    await page.getByTestId('open-demo').click();
    await expect.poll(() => page.getByTestId('file-list').innerText(), { timeout: 30_000 }).toContain('GBAPERSOON2018TABV1.csv');
    await page.getByTestId('workspace-save').click();
    await page.getByTestId('workspace-passphrase').fill('kort');
    await page.getByTestId('workspace-submit').click();
    await expect.poll(() => page.getByTestId('workspace-form').innerText()).toMatch(/minstens 8 tekens/);
    await page.getByTestId('workspace-passphrase').fill(PASSPHRASE);
    await page.getByTestId('workspace-confirm').fill(`${PASSPHRASE}x`);
    await page.getByTestId('workspace-submit').click();
    await expect.poll(() => page.getByTestId('workspace-form').innerText()).toMatch(/verschillen/);
    await saving!.screenshot('nl-data-workspace-save-form');
    await page.getByTestId('workspace-confirm').fill(PASSPHRASE);
    await page.getByTestId('workspace-submit').click();
    const outcome = page.getByTestId('workspace-outcome');
    await expect.poll(() => outcome.innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/Opgeslagen als gilze\.gbws \(.+, \d+ bestanden\)/);
    await access(workspace);
    // The passphrase is gone from the page once used.
    expect(await page.content()).not.toContain(PASSPHRASE);
    await page.evaluate(() => window.scrollTo(0, 0));
    await saving!.screenshot('nl-data-workspace-saved');
  });

  it('opens it in a fresh app: a wrong passphrase is an error, the right one opens the files', async () => {
    const { page } = opening!;
    await page.getByTestId('nav-data').click();
    await page.getByTestId('workspace-open').click();
    await page.getByTestId('workspace-passphrase').fill('dit is de verkeerde zin');
    await page.getByTestId('workspace-submit').click();
    const error = page.getByTestId('workspace-error');
    await expect.poll(() => error.innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/gilze\.gbws/);
    expect(await error.innerText()).not.toContain('verkeerde zin');
    await opening!.screenshot('nl-data-workspace-wrong-passphrase');
    await page.getByTestId('workspace-open').click();
    await page.getByTestId('workspace-passphrase').fill(PASSPHRASE);
    await page.getByTestId('workspace-submit').click();
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
    expect(await page.getByTestId('workspace-outcome').innerText()).toMatch(/gilze\.gbws geopend: \d+ bestanden/);
    expect(await page.getByTestId('file-GBAPERSOON2018TABV1.csv').innerText()).toMatch(/Werkruimte/);
    const security = await opening!.engine.security();
    expect(security.allowedPaths).toEqual([]);
    await opening!.screenshot('nl-data-workspace-opened');
  });

  it("links the workspace's files to the same report as the demo CSVs", async () => {
    const { page } = opening!;
    await page.getByTestId('nav-populatie').click();
    await page.getByTestId('link-run').click();
    await page.getByTestId('link-report').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('count-table-households').innerText()).toMatch(/11\.346/);
    expect(await page.getByTestId('count-table-clientHouseholds').innerText()).toMatch(/191/);
    await opening!.screenshot('nl-populatie-from-workspace');
  });

  it('deletes the workspace after a confirmation', async () => {
    const { page } = opening!;
    await page.getByTestId('nav-data').click();
    await page.getByTestId('workspace-delete').click();
    await opening!.screenshot('nl-data-workspace-delete-confirm');
    await page.getByTestId('workspace-delete-submit').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('workspace-outcome')
            .innerText()
            .catch(() => ''),
        { timeout: 30_000 },
      )
      .toMatch(/gilze\.gbws is verwijderd/);
    await expect(access(workspace)).rejects.toThrow();
    // The opened files stay open: they live in the session.
    expect(await page.getByTestId('file-list').innerText()).toContain('GBAPERSOON2018TABV1.csv');
  });
});
