// End to end on the demo world: link, compare clients with all households in checked tables and charts, cluster, export a package.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../main/support/temp-folder';
import type { Locator } from 'playwright-core';
import { launchApp, type AppUnderTest } from './support/bridge';
import { findChromium, NO_CHROMIUM_MESSAGE } from './support/chromium';

const chromiumFound = Boolean(findChromium());
if (!chromiumFound) console.warn(NO_CHROMIUM_MESSAGE);

/** Percent cells (2nd and 4th value column: clients, all households) that publish no value, so get no bar. */
function hiddenShareCells(table: Locator): Locator {
  const hidden = ['td:nth-of-type(2)', 'td:nth-of-type(4)'].flatMap((cell) => ['blocked', 'secondary'].map((status) => `tbody tr:not(.total-row) ${cell}[data-status="${status}"]`));
  return table.locator(hidden.join(', '));
}

/** Bars with a published value: each carries its value label; a gap (null, not 0) has a flat path and no label. */
function publishedBars(chart: Locator): Promise<number> {
  return chart.locator('.trace.bars .point').filter({ has: chart.page().locator('text.bartext') }).count();
}

/** True when a bar slot draws nothing: its path (plotly keeps one) has no height. */
async function isFlat(slot: Locator): Promise<boolean> {
  const d = (await slot.locator('path').getAttribute('d')) ?? '';
  return /^M[\d.-]+,([\d.-]+)V\1H/.test(d);
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

describe.skipIf(!chromiumFound)('comparing and exporting in Chromium', () => {
  let app: AppUnderTest;
  let exportsFolder: string;
  let cspViolations: () => Promise<string[]>;

  beforeAll(async () => {
    exportsFolder = await tempFolder('groepsbeeld-e2e-exports-');
    app = await launchApp({ pickFolder: async () => exportsFolder });
    cspViolations = await recordCspViolations(app);
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

  it('charts the percent columns as grouped bars, with a labelled gap and no bar for the blocked client cell', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('row-vergelijking-household-type-7').innerText(), { timeout: 30_000 }).toMatch(/geblokkeerd/);
    const educationChart = page.getByTestId('chart-vergelijking-education-level');
    await educationChart.locator('svg.main-svg').first().waitFor({ timeout: 30_000 });
    const educationRows = await page.getByTestId('table-vergelijking-education-level').locator('tbody tr:not(.total-row)').count();
    const educationGaps = await hiddenShareCells(page.getByTestId('table-vergelijking-education-level')).count();
    // Two groups (clients, all households) per category; only cells with a published value become bars.
    expect(await publishedBars(educationChart)).toBe(educationRows * 2 - educationGaps);
    expect(await educationChart.locator('[role="img"]').getAttribute('aria-label')).toMatch(/Klanthuishoudens.*Alle huishoudens|Staafdiagram/);
    expect(await educationChart.locator('.bartext').first().textContent()).toMatch(/^\d+,\d %$/);

    const householdTable = page.getByTestId('table-vergelijking-household-type');
    const householdChart = page.getByTestId('chart-vergelijking-household-type');
    await householdChart.locator('svg.main-svg').first().waitFor({ timeout: 30_000 });
    const categories = await householdTable.locator('tbody tr:not(.total-row)').count();
    const gaps = await hiddenShareCells(householdTable).count();
    expect(gaps).toBeGreaterThan(0);
    expect(await publishedBars(householdChart)).toBe(categories * 2 - gaps);
    // The clients' trace (first) has an empty slot where "Overig huishouden" is blocked: no bar, no value text.
    const rowIds = await householdTable.locator('tbody tr:not(.total-row)').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')));
    const other = rowIds.indexOf('row-vergelijking-household-type-7');
    expect(await page.getByTestId('row-vergelijking-household-type-7').locator('td').first().getAttribute('data-status')).toBe('blocked');
    const blockedSlot = householdChart.locator('.trace.bars').first().locator('.point').nth(other);
    expect(await isFlat(blockedSlot)).toBe(true);
    expect(await blockedSlot.locator('text').count()).toBe(0);
    // Each gap carries the table's own mark for that cell (the share of a blocked count is suppressed with it).
    const otherShareMark = await page.getByTestId('row-vergelijking-household-type-7').locator('td:nth-of-type(2)').innerText();
    expect(otherShareMark).toMatch(/^(geblokkeerd|onderdrukt)$/);
    const annotations = await householdChart.locator('.annotation-text').allTextContents();
    expect(annotations).toHaveLength(gaps);
    expect(annotations).toContain(otherShareMark);
    await householdChart.scrollIntoViewIfNeeded();
    await app.screenshot('nl-vergelijking-grafiek');
    expect(await cspViolations()).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('clusters the client households with progress, advises k = 5 with a reason, and lets the analyst pick k', async () => {
    const { page } = app;
    await page.getByTestId('nav-clusters').click();
    await page.getByTestId('cluster-form').waitFor({ timeout: 30_000 });
    await app.screenshot('nl-clusters-keuze');
    await page.getByTestId('cluster-run').click();
    await page.getByTestId('cluster-progress').waitFor();
    // Leaving the page while the worker runs loses nothing: back on the page the run is followed to its result.
    await page.getByTestId('nav-populatie').click();
    expect(await page.getByTestId('link-report').innerText()).toMatch(/11\.346[\s\S]*191/);
    expect(await page.getByTestId('reference-date').inputValue()).toBe('31-12-2017');
    // The municipalities of the address file, with names where known: picking one sets the code.
    const choice = page.getByTestId('municipality-choice');
    expect(await choice.locator('option:checked').innerText()).toMatch(/^0784 Gilze en Rijen \(14\.233 adressen\)$/);
    await app.screenshot('nl-populatie-gemeenten');
    await page.getByTestId('nav-clusters').click();
    const advice = page.getByTestId('cluster-advice');
    await advice.waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('cluster-error').count()).toBe(0);
    expect(await advice.innerText()).toMatch(/Advies: k = 5[\s\S]*silhouet/);
    const sizes = page.getByTestId('table-clustering-clusters');
    expect(await sizes.innerText()).toMatch(/Cluster 5/);
    await app.screenshot('nl-clusters-advies');
    const charts = page.getByTestId('quality-charts');
    await charts.getByTestId('chart-quality-elbow').locator('svg.main-svg').first().waitFor({ timeout: 30_000 });
    await charts.getByTestId('chart-quality-jaccard').locator('svg.main-svg').first().waitFor({ timeout: 30_000 });
    const ks = await page.getByTestId('table-clustering-kwaliteit').locator('tbody tr').count();
    // Two lines of one marker per k in each plot; the advised k is marked in both.
    expect(await charts.getByTestId('chart-quality-elbow').locator('.scatterlayer .trace .points path').count()).toBe(2 * ks);
    expect(await charts.getByTestId('chart-quality-jaccard').locator('.scatterlayer .trace .points path').count()).toBe(2 * ks);
    expect(await charts.locator('.annotation-text').allTextContents()).toEqual(['advies k = 5', 'advies k = 5']);
    await charts.scrollIntoViewIfNeeded();
    await app.screenshot('nl-clusters-grafiek');
    expect(await cspViolations()).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    // The radio follows the main process's answer, so it is clicked and the table awaited.
    await page.getByTestId('choose-k-4').click();
    await expect.poll(() => sizes.innerText(), { timeout: 30_000 }).not.toMatch(/Cluster 5/);
    expect(await sizes.innerText()).toMatch(/Cluster 4/);
  });

  it('shows five persona cards with titles and charts, keeps an edited title, and reorders and hides profile rows', async () => {
    const { page } = app;
    // The clustering comes back from the main process when the page is opened again; k = 5 is chosen once more.
    await page.getByTestId('nav-data').click();
    await page.getByTestId('nav-clusters').click();
    await page.getByTestId('cluster-advice').waitFor({ timeout: 30_000 });
    await page.getByTestId('choose-k-5').click();
    await expect.poll(() => page.getByTestId('table-clustering-clusters').innerText(), { timeout: 30_000 }).toMatch(/Cluster 5/);
    await page.getByTestId('nav-profielen').click();
    const cards = page.getByTestId('persona-cards');
    await cards.waitFor({ timeout: 60_000 });
    const titles = await cards.locator('.persona-title').allInnerTexts();
    expect(titles).toHaveLength(5);
    expect(titles.join(' | ')).toMatch(/bijstand/i);
    expect(new Set(titles).size).toBe(5);
    expect(await cards.locator('.persona-chart svg rect').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('stands-out-caution').innerText()).toMatch(/niet dat andere kenmerken/);
    await app.screenshot('nl-profielen-kaarten');

    // By keyboard: Enter on the edit button opens the editor with the title field focused; focus returns after saving.
    await page.getByTestId('persona-edit-1').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('persona-title-input-1');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Jonge moeders in de bijstand');
    await page.getByTestId('persona-narrative-input-1').fill('Vaak met jeugdzorg; vraag naar de kinderopvang.');
    await app.screenshot('nl-profielen-bewerken');
    await page.getByTestId('persona-title-input-1').press('Enter');
    await expect.poll(() => page.getByTestId('persona-title-1').innerText()).toBe('Jonge moeders in de bijstand');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('persona-edit-1');
    expect(await page.getByTestId('persona-1').innerText()).toMatch(/kinderopvang/);

    const table = page.getByTestId('profiles-result').locator('figure.checked-table').first();
    await page.getByText('Rijen ordenen en verbergen').click();
    await page.getByTestId('profile-row-show-care').uncheck();
    await expect.poll(() => table.locator('tbody th').allInnerTexts()).not.toContain('Zorg');
    const second = (await table.locator('tbody th').allInnerTexts())[1]!;
    const rowIds = await page.getByTestId('profile-rows').locator('input[type="checkbox"]').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-testid')?.replace('profile-row-show-', '') ?? ''));
    await page.getByTestId(`profile-row-up-${rowIds[1]}`).click();
    await expect.poll(async () => (await table.locator('tbody th').allInnerTexts())[0]).toBe(second);
    await table.scrollIntoViewIfNeeded();
    await app.screenshot('nl-profielen-tabel');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('persona-cards').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('page-profielen').innerText()).toMatch(/Personas[\s\S]*Edit title and narrative/);
    await app.screenshot('en-profielen');
    await page.getByTestId('lang-nl').click();
    expect(await cspViolations()).toEqual([]);
  });

  it('exports the chosen tables with their output log, refusing a failing table until masking is chosen', async () => {
    const { page } = app;
    await page.getByTestId('nav-export').click();
    await page.getByTestId('export-candidates').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('export-vergelijking-household-type').getByTestId('verdict').innerText()).toBe('niet geslaagd');
    expect(await page.getByTestId('export-vergelijking-education-level').getByTestId('verdict').innerText()).toBe('geslaagd');
    // The cluster profile as laid out on the Profielen page is an output too.
    await page.getByTestId('export-clusterprofiel-k5').waitFor();
    await page.getByTestId('select-persona-kaarten').check();
    await page.getByTestId('select-vergelijking-household-type').check();
    await page.getByTestId('export-blocked-hint').waitFor();
    expect(await page.getByTestId('export-write').getAttribute('aria-disabled')).toBe('true');
    await app.screenshot('nl-export-keuze');
    await page.getByTestId('mask-blocked').check();
    await page.getByTestId('export-write').click();
    await page.getByTestId('export-written').waitFor({ timeout: 90_000 });
    // The output log's entries are on screen: each output with its check.
    const logView = page.getByTestId('export-log');
    expect(await logView.innerText()).toMatch(/Persona's van de clusters\s+ter controle/);
    expect(await logView.innerText()).toMatch(/Type huishouden: klanthuishoudens en alle huishoudens\s+niet geslaagd, geblokkeerde cellen gemaskeerd/);
    await app.screenshot('nl-export-geschreven');
    const [packageFolder] = await readdir(exportsFolder);
    const files = await readdir(join(exportsFolder, packageFolder!));
    expect(files).toEqual(expect.arrayContaining(['output-log.json', 'report.pdf', 'vergelijking-household-type.csv', 'vergelijking-education-level.png', 'persona-kaarten.html', 'persona-kaarten.pdf']));
    // The persona title the analyst edited on the Profielen page is the one exported.
    expect(await readFile(join(exportsFolder, packageFolder!, 'persona-kaarten.html'), 'utf8')).toContain('Jonge moeders in de bijstand');
    const log = JSON.parse(await readFile(join(exportsFolder, packageFolder!, 'output-log.json'), 'utf8'));
    expect(JSON.stringify(log)).toMatch(/vergelijking-household-type/);
  });
});
