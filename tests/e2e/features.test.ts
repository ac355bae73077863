// End to end on the Kenmerken page: the demo opened and linked, a partner's debt-help file (lowercase columns, no
// RINPERSOONS) opened beside it, and a feature defined on it in the form. The study is linked again with progress, the
// feature's table comes back through the rules (40 planted client households, a hidden count as "x"), the catalogue
// marks it computed, the Vergelijking page shows the same table, and leaving it out removes it again.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../main/support/temp-folder';
import { DEBT_HELP_FILE, DEBT_HELP_PLANTED, writeDebtHelpFile } from '../main/catalogue/support/debt-help-file';
import { ensureDemoWorld } from '../../src-main/synthetic/demo-world';
import { launchApp, type AppUnderTest } from './support/bridge';
import { findChromium, NO_CHROMIUM_MESSAGE } from './support/chromium';

const chromiumFound = Boolean(findChromium());
if (!chromiumFound) console.warn(NO_CHROMIUM_MESSAGE);

describe.skipIf(!chromiumFound)('defining a feature in Chromium', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    const demoFolder = join(await tempFolder(), 'demo');
    const { folder } = await ensureDemoWorld(demoFolder);
    await writeDebtHelpFile(folder);
    app = await launchApp({ demoFolder, pickFiles: async () => [join(folder, DEBT_HELP_FILE)], viewport: { width: 1366, height: 900 } });
    const { page } = app;
    await page.getByTestId('open-demo').click();
    await page.getByTestId('file-list').waitFor({ timeout: 60_000 });
    await page.getByTestId('open-files').click();
    await page.getByTestId('file-list').getByText(DEBT_HELP_FILE).first().waitFor({ timeout: 60_000 });
    await page.getByTestId('nav-populatie').click();
    await page.getByTestId('link-run').click();
    await page.getByTestId('link-report').waitFor({ timeout: 90_000 });
  }, 240_000);
  afterAll(() => app?.close());

  it('lists the catalogue with the seed traits computed', async () => {
    const { page } = app;
    await page.getByTestId('nav-kenmerken').click();
    const catalogue = page.getByTestId('feature-catalogue');
    await catalogue.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('feature-district').locator('td').allInnerTexts()).toEqual([
      'Huishouden',
      'Gemeente en wijk per adres (VSLGWB)',
      'Codes met labels',
      'Berekend',
      'Ingebouwd',
    ]);
    expect(await page.getByTestId('feature-mother_first_child_age').locator('th').innerText()).toMatch(/moeder/i);
    await app.screenshot('nl-kenmerken-catalogus');
  });

  it('names a problem in the form before anything is sent', async () => {
    const { page } = app;
    await page.getByTestId('feature-label').fill('Schuldhulp in de 4 jaar voor de peildatum');
    await page.getByTestId('feature-id').fill('Schuld hulp');
    await page.getByTestId('feature-define').click();
    expect(await page.getByTestId('feature-problem').innerText()).toMatch(/^Geef een id van kleine letters/);
  });

  it('defines a feature on the partner file: linked again, its table through the rules, and computed in the catalogue', async () => {
    const { page } = app;
    await page.getByTestId('feature-id').fill('debt_help_4y');
    await page.getByTestId('feature-group').selectOption('inkomen');
    await page.getByTestId('feature-file').selectOption(DEBT_HELP_FILE);
    await page.getByTestId('feature-begin').selectOption('start');
    await page.getByTestId('feature-end').selectOption('eind');
    await page.getByTestId('feature-whereColumn').selectOption('soort');
    await page.getByTestId('feature-where-codes').fill('A');
    await page.getByTestId('feature-validity').selectOption('window');
    await page.getByTestId('feature-years').fill('4');
    await page.getByTestId('feature-define').click();
    const preview = page.getByTestId('feature-preview');
    await preview.waitFor({ timeout: 90_000 });
    const yes = preview.getByTestId('row-vergelijking-debt-help-4y-ja');
    expect((await yes.locator('td').allInnerTexts())[0]).toBe(String(DEBT_HELP_PLANTED.counted));
    expect(await page.getByTestId('feature-debt_help_4y').locator('td').nth(3).innerText()).toBe('Berekend');
    await preview.scrollIntoViewIfNeeded();
    await app.screenshot('nl-kenmerken-voorbeeld');

    await page.getByTestId('nav-vergelijking').click();
    const table = page.getByTestId('table-vergelijking-debt-help-4y');
    await table.waitFor({ timeout: 60_000 });
    expect((await table.getByTestId('row-vergelijking-debt-help-4y-ja').locator('td').allInnerTexts())[0]).toBe(String(DEBT_HELP_PLANTED.counted));
  });

  it('hides a count below the threshold in the preview as "x"', async () => {
    const { page } = app;
    await page.getByTestId('nav-kenmerken').click();
    await page.getByTestId('feature-form').waitFor({ timeout: 30_000 });
    await page.getByTestId('feature-label').fill('Schuldhulp begonnen op 1 februari 2016');
    await page.getByTestId('feature-id').fill('debt_help_february');
    await page.getByTestId('feature-file').selectOption(DEBT_HELP_FILE);
    await page.getByTestId('feature-whereColumn').selectOption('start');
    await page.getByTestId('feature-where-codes').fill('20160201');
    await page.getByTestId('feature-validity').selectOption('any');
    await page.getByTestId('feature-define').click();
    const yes = page.getByTestId('feature-preview').getByTestId('row-vergelijking-debt-help-february-ja');
    await yes.waitFor({ timeout: 90_000 });
    expect((await yes.locator('td').allInnerTexts())[0]).toBe('x');

    await page.getByTestId('feature-remove-debt_help_february').click();
    await expect.poll(() => page.getByTestId('feature-debt_help_february').count(), { timeout: 90_000 }).toBe(0);
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('feature-district').locator('td').nth(3).innerText()).toBe('Computed');
    await app.screenshot('en-kenmerken');
    await page.getByTestId('lang-nl').click();
  });

  it('links again with client households measured at the start of their client period, and keeps that choice on the page', async () => {
    const { page } = app;
    await page.getByTestId('nav-populatie').click();
    await page.getByTestId('reference-moment').selectOption('clientStart');
    await page.getByTestId('link-run').click();
    const report = page.getByTestId('link-report');
    await report.getByText('Klanthuishoudens gemeten bij de start van de klantperiode').waitFor({ timeout: 90_000 });
    expect(await report.innerText()).toMatch(/Meetmoment: klanthuishoudens zijn gemeten bij de start van de klantperiode/);
    await app.screenshot('nl-populatie-meetmoment');
    await page.getByTestId('nav-kenmerken').click();
    await page.getByTestId('feature-catalogue').waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-populatie').click();
    await report.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('reference-moment').inputValue()).toBe('clientStart');
  }, 120_000);
});
