// End to end: the built renderer in headless Chromium, talking to the real main-process handlers.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../main/support/temp-folder';
import { launchApp, screenshotFolder, type AppUnderTest } from './support/bridge';
import { findChromium, NO_CHROMIUM_MESSAGE } from './support/chromium';

const chromiumFound = Boolean(findChromium());
if (!chromiumFound) console.warn(NO_CHROMIUM_MESSAGE);

const PAGES = [
  ['data', 'Data', 'Data'],
  ['populatie', 'Populatie', 'Population'],
  ['kenmerken', 'Kenmerken', 'Features'],
  ['vergelijking', 'Vergelijking', 'Comparison'],
  ['clusters', 'Clusters', 'Clusters'],
  ['profielen', 'Profielen', 'Profiles'],
  ['export', 'Export', 'Export'],
] as const;

describe.skipIf(!chromiumFound)('the app shell in Chromium', () => {
  let app: AppUnderTest;
  let hostileCsv: string;
  /** What the next "file dialog" returns. */
  let picks: string[] = [];

  beforeAll(async () => {
    const folder = await tempFolder();
    hostileCsv = join(folder, `clients'; DROP TABLE x; --.csv`);
    await writeFile(hostileCsv, 'RINPERSOONS,RINPERSOON,"start""datum"\nR,000000001,20170101\nR,000000002,20170301\nR,000000003,\n');
    picks = [hostileCsv];
    app = await launchApp({ pickFiles: async () => picks });
    console.info(`Screenshots: ${screenshotFolder}`);
  });
  afterAll(() => app?.close());

  it('shows the seven pages in Dutch, in order, with an empty state each', async () => {
    const { page } = app;
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');
    for (const [id, dutch] of PAGES) {
      const button = page.getByTestId(`nav-${id}`);
      expect((await button.textContent())?.trim()).toBe(dutch);
      await button.click();
      await expect.poll(() => button.getAttribute('aria-current')).toBe('page');
      const body = page.getByTestId(`page-${id}`);
      await body.waitFor();
      expect((await body.textContent())!.length).toBeGreaterThan(40);
      await app.screenshot(`nl-${id}`);
    }
  });

  it('shows the locked engine settings read from the real DuckDB', async () => {
    const status = app.page.getByTestId('engine-status');
    await expect.poll(() => status.textContent()).toMatch(/DuckDB v\d+\.\d+/);
    const text = (await status.textContent())!;
    expect(text).toMatch(/vergrendeld/i);
    expect(text).toMatch(/Externe toegang: uit/i);
    expect(app.calls).toContain('groepsbeeld:engine-security');
  });

  it('switches to English and keeps the choice after a reload', async () => {
    const { page } = app;
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('lang-nl').getAttribute('aria-pressed')).toBe('false');
    await page.mouse.move(600, 400);
    for (const [id, , english] of PAGES) expect((await page.getByTestId(`nav-${id}`).textContent())?.trim()).toBe(english);
    await app.screenshot('en-export');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-populatie').textContent()).toBe('Population');
    await page.getByTestId('lang-nl').click();
    await expect.poll(() => page.getByTestId('nav-populatie').textContent()).toBe('Populatie');
  });

  it('opens a file through the main process and summarises a column with a hostile name', async () => {
    const { page } = app;
    await page.getByTestId('nav-data').click();
    await page.getByTestId('open-files').click();
    const list = page.getByTestId('file-list');
    await expect.poll(() => list.textContent()).toContain(`clients'; DROP TABLE x; --.csv`);
    expect(await list.innerText()).toMatch(/Rijen\s+< 10\s/);
    await page.getByRole('button', { name: 'start"datum' }).click();
    const summary = page.getByTestId('column-summary');
    await expect.poll(() => summary.textContent()).toMatch(/start"datum/);
    await app.screenshot('nl-data-file');
    const engineView = await app.engine.columnSummary((await app.engine.listFiles())[0]!.id, 'start"datum');
    // The one missing value is a count of one unit: the engine and the screen say only "< 10".
    expect(engineView).toMatchObject({ rowCount: { below: 10 }, missing: { below: 10 }, distinct: 2 });
    expect(await summary.innerText()).toMatch(/Ontbrekend\s+< 10\s/);
  });

  it('opens the demo world in one click: the CBS-style extracts and the food bank list', async () => {
    const { page } = app;
    await page.getByTestId('nav-data').click();
    await page.getByTestId('open-demo').click();
    const list = page.getByTestId('file-list');
    await expect.poll(() => list.innerText(), { timeout: 30_000 }).toContain('GBAPERSOON2018TABV1.csv');
    const names = await page.locator('[data-testid^="file-"][data-testid$=".csv"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')));
    for (const name of ['GBAADRESOBJECT2018BUSV1', 'GBAHUISHOUDENS2018BUSV1', 'VSLGWB2018TABV1', 'INHA2017TABV2', 'VOEDSELBANK_KLANTEN']) {
      expect(names).toContain(`file-${name}.csv`);
    }
    expect(names.some((name) => name?.includes('clusters'))).toBe(false);
    const persons = (await app.engine.listFiles()).find((file) => file.name === 'GBAPERSOON2018TABV1.csv')!;
    const formatted = typeof persons.rowCount === 'number' ? persons.rowCount.toLocaleString('nl-NL') : `< ${persons.rowCount.below}`;
    expect(await page.getByTestId('file-GBAPERSOON2018TABV1.csv').innerText()).toContain(formatted);
    await app.screenshot('nl-data-demo');
  });

  it("shows a file's profile and proposed roles, and lets the analyst change a role", async () => {
    const { page } = app;
    const card = page.getByTestId('file-GBAHUISHOUDENS2018BUSV1.csv');
    const kind = card.getByTestId('table-kind');
    expect(await kind.inputValue()).toBe('households');
    expect(await kind.locator('option:checked').innerText()).toBe('Huishoudens (GBAHUISHOUDENS)');
    expect(await page.getByTestId('file-VOEDSELBANK_KLANTEN.csv').innerText()).toMatch(
      /Let op[\s\S]*EINDDATUM, rij \d+ \(regel \d+\): de einddatum ligt vóór de begindatum/,
    );
    await card.getByTestId('show-profile-GBAHUISHOUDENS2018BUSV1.csv').click();
    const profile = page.getByTestId('profile-GBAHUISHOUDENS2018BUSV1.csv');
    const householdKey = profile.getByTestId('profile-row-HUISHOUDNR');
    await householdKey.waitFor({ timeout: 30_000 });
    expect(await householdKey.getByRole('combobox').inputValue()).toBe('householdKey');
    // Cells after the role menu: type, missing, distinct, most frequent values, range or quartiles.
    const cells = (column: string) => profile.getByTestId(`profile-row-${column}`).locator('td').allInnerTexts();
    expect((await cells('HUISHOUDNR'))[4]).toMatch(/niet getoond/);
    const begin = await cells('DATUMAANVANGHH');
    expect(begin[1]).toBe('DATE (YYYYMMDD)');
    expect(begin[5]).toMatch(/^\d{4} t\/m \d{4}$/);
    expect(await profile.getByTestId('profile-row-DATUMAANVANGHH').getByRole('combobox').inputValue()).toBe('spellBegin');
    const type = await cells('TYPHH');
    // Only values held by at least 10 households are named, each with its count.
    expect(type[4]).toMatch(/^\d \([\d.]+\)( · \d \([\d.]+\))*$/);
    expect(await profile.getByTestId('profile-row-TYPHH').getByRole('combobox').inputValue()).toBe('householdType');
    await profile.getByTestId('profile-row-AANTALPERSHH').scrollIntoViewIfNeeded();
    await app.screenshot('nl-data-profile');
    await profile.getByTestId('profile-row-REFPERSOONHH').getByRole('combobox').selectOption('householdType');
    await expect
      .poll(async () => (await app.engine.listFiles()).find((file) => file.name === 'GBAHUISHOUDENS2018BUSV1.csv')!.roles.householdType)
      .toBe('REFPERSOONHH');
    await expect.poll(() => profile.getByTestId('profile-row-TYPHH').getByRole('combobox').inputValue()).toBe('');
    expect(app.calls).toContain('groepsbeeld:set-column-role');
    await profile.getByTestId('profile-row-TYPHH').getByRole('combobox').selectOption('householdType');
    await expect.poll(() => profile.getByTestId('profile-row-REFPERSOONHH').getByRole('combobox').inputValue()).toBe('');
    // Saying the file is another table proposes its roles anew; saying it back restores them.
    await kind.selectOption('clients');
    await expect.poll(() => profile.getByTestId('profile-row-DATUMAANVANGHH').getByRole('combobox').inputValue()).toBe('clientBegin');
    await kind.selectOption('households');
    await expect.poll(() => profile.getByTestId('profile-row-DATUMAANVANGHH').getByRole('combobox').inputValue()).toBe('spellBegin');
    expect(app.calls).toContain('groepsbeeld:set-table-kind');
  });

  it('links the open demo files on the Populatie page and shows the link report as a funnel', async () => {
    const { page } = app;
    await page.getByTestId('nav-populatie').click();
    expect(await page.getByTestId('municipality-code').inputValue()).toBe('0784');
    // The small hostile CSV opened earlier looks like a second client list: linking says so and stops.
    await page.getByTestId('link-run').click();
    await expect.poll(() => page.getByTestId('link-error').innerText(), { timeout: 30_000 }).toMatch(/clients/);
    await page.getByTestId('nav-data').click();
    await page.getByTestId(`file-clients'; DROP TABLE x; --.csv`).getByTestId('table-kind').selectOption('unknown');
    await page.getByTestId('nav-populatie').click();
    // A code the region file does not have is refused on the page already, with the reason next to the field.
    await page.getByTestId('municipality-choice').waitFor({ timeout: 30_000 });
    await page.getByTestId('municipality-code').fill('0790');
    expect(await page.locator('#municipality-name').innerText()).toMatch(/Gemeente 0790 staat niet in het adressenbestand voor dit peiljaar/);
    expect(await page.getByTestId('municipality-code').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('link-run').getAttribute('aria-disabled')).toBe('true');
    const linksBefore = app.calls.filter((channel) => channel === 'groepsbeeld:link-households').length;
    // aria-disabled keeps the button focusable (and Playwright waits for enabled ones): press it anyway.
    await page.getByTestId('link-run').click({ force: true });
    expect(app.calls.filter((channel) => channel === 'groepsbeeld:link-households').length).toBe(linksBefore);
    await app.screenshot('nl-populatie-absent-municipality');
    await page.getByTestId('municipality-code').fill('0784');
    await page.getByTestId('link-run').click();
    const report = page.getByTestId('link-report');
    await report.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('count-table-households').innerText()).toMatch(/11\.346/);
    expect(await page.getByTestId('count-table-clientHouseholds').innerText()).toMatch(/191/);
    // A hidden count is shown as "x", never as the number, and the legend under the report says what "x" means.
    const notInRegister = page.getByTestId('count-clients-notInRegister');
    expect(await notInRegister.locator('td').innerText()).toBe('x');
    expect(await notInRegister.innerText()).not.toMatch(/\d/);
    expect(await page.getByTestId('legend-link-report').innerText()).toMatch(/x\s+niet getoond: te weinig huishoudens/);
    // One description for every hidden count, reachable without a hover: the legend line, not a tooltip.
    expect(await notInRegister.locator('td').getAttribute('aria-describedby')).toBe('legend-link-report-hidden');
    expect(await report.locator('[title]').count()).toBe(0);
    await app.screenshot('nl-populatie-report');
    await page.getByTestId('count-clients-notInRegister').scrollIntoViewIfNeeded();
    await app.screenshot('nl-populatie-report-x');
    await page.getByTestId('legend-link-report').scrollIntoViewIfNeeded();
    await app.screenshot('nl-populatie-report-legenda');
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('legend-link-report').innerText()).toMatch(/x\s+not shown: too few households/);
    expect(await page.getByTestId('count-table-households').innerText()).toMatch(/11,346/);
    await app.screenshot('en-populatie-report');
    await page.getByTestId('lang-nl').click();
  });

  it('opens an SPSS .sav and shows its variable labels; values of fewer than 10 units are not named', async () => {
    const { page } = app;
    picks = [join(import.meta.dirname, '..', 'fixtures', 'sav', 'mixed-compressed.sav')];
    await page.getByTestId('nav-data').click();
    await page.getByTestId('open-files').click();
    const card = page.getByTestId('file-mixed-compressed.sav');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.innerText()).toMatch(/SPSS \(\.sav\)/);
    await card.getByTestId('show-profile-mixed-compressed.sav').click();
    const row = page.getByTestId('profile-mixed-compressed.sav').getByTestId('profile-row-GESLACHT');
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('th').innerText()).toMatch(/^GESLACHT\s+Geslacht$/);
    // Four rows: no value is held by 10 units, so none is named (the labels themselves are tested in the main project).
    expect((await row.locator('td').allInnerTexts())[4]).toMatch(/niet getoond/);
    await row.scrollIntoViewIfNeeded();
    await app.screenshot('nl-data-sav-profile');
  });

  it('made no request outside its own bundle, and its CSP blocks any attempt', async () => {
    const { page } = app;
    expect(app.foreignRequests).toEqual([]);
    const attempt = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
      const fetched = await fetch('https://example.com/collect?d=1').then(
        () => 'sent',
        () => 'blocked',
      );
      const image = new Image();
      image.src = 'https://example.com/pixel.gif?d=1';
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { fetched, violations };
    });
    expect(attempt.fetched).toBe('blocked');
    expect(attempt.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src']));
    expect(app.foreignRequests).toEqual([]);
  });

  it('is keyboard usable: Tab reaches the navigation and Enter switches pages', async () => {
    const { page } = app;
    await page.getByTestId('nav-data').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('nav-populatie').getAttribute('aria-current')).toBe('page');
  });
});
