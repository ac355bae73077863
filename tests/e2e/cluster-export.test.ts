// End to end on the demo world: link, cluster, describe the clusters in persona cards, export a package, find every
// figure on screen again, identical, in the CSV, the XLSX, the HTML and the PDF report, and export once more too close
// to the first.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppUnderTest } from './support/bridge';
import { findChromium, NO_CHROMIUM_MESSAGE } from './support/chromium';
import { chooseSeedTableClustering, launchLinkedDemo, packageIn } from './support/linked-demo';
import { pdfDrawnText, squeezed, type ScreenRow } from './support/package-reading';
import { expectSameInEveryFormat } from './support/same-in-every-format';
import { screenRows } from './support/screen-reading';

const chromiumFound = Boolean(findChromium());
if (!chromiumFound) console.warn(NO_CHROMIUM_MESSAGE);

const NBSP = '\u00a0';

describe.skipIf(!chromiumFound)('clustering and exporting in Chromium', () => {
  let app: AppUnderTest;
  /** One fresh folder per export the app writes, in order. */
  let exportFolders: string[];
  let cspViolations: () => Promise<string[]>;

  beforeAll(async () => {
    ({ app, exportFolders, cspViolations } = await launchLinkedDemo());
  }, 180_000);
  afterAll(() => app?.close());

  it('clusters the client households with progress, advises k = 5, and says so when a cluster is too small to publish', async () => {
    const { page } = app;
    await page.getByTestId('nav-clusters').click();
    await page.getByTestId('cluster-form').waitFor({ timeout: 30_000 });
    // The default preselects every household trait and PAM (planted-worlds.test.ts); this flow's figures are k-means'.
    expect(await page.getByTestId('cluster-algorithm').inputValue()).toBe('pam');
    expect(await page.getByTestId('feature-income_source').isChecked()).toBe(true);
    expect(await page.getByTestId('feature-benefit_type').isChecked()).toBe(false);
    await chooseSeedTableClustering(page);
    await page.getByTestId('cluster-run').click();
    await page.getByTestId('cluster-progress').waitFor();
    // Leaving the page while the worker runs loses nothing: back on the page the run is followed to its result.
    await page.getByTestId('nav-populatie').click();
    expect(await page.getByTestId('link-report').innerText()).toMatch(/11\.346[\s\S]*191/);
    const choice = page.getByTestId('municipality-choice');
    expect(await choice.locator('option:checked').innerText()).toMatch(/^0784 Gilze en Rijen \(14\.233 adressen\)$/);
    await page.getByTestId('nav-clusters').click();
    const advice = page.getByTestId('cluster-advice');
    await advice.waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('cluster-error').count()).toBe(0);
    expect(await advice.innerText()).toMatch(/Advies: k = 5[\s\S]*aangewezen door/);
    const sizes = page.getByTestId('table-clustering-clusters');
    expect(await page.getByTestId('row-clustering-clusters-cluster-2').innerText()).toMatch(/^Cluster 2\s+35\s+0,976$/);
    // Model figures keep the decimals they were published with.
    expect(await page.getByTestId('row-clustering-kwaliteit-k-2').locator('td').first().innerText()).toBe('1.585,86');
    await app.screenshot('nl-clusters-advies');
    const charts = page.getByTestId('quality-charts');
    await charts.getByTestId('chart-quality-elbow').locator('svg.main-svg').first().waitFor({ timeout: 30_000 });
    await charts.getByTestId('chart-quality-jaccard').locator('svg.main-svg').first().waitFor({ timeout: 30_000 });
    expect(await charts.locator('.annotation-text').allTextContents()).toEqual(['advies k = 5', 'advies k = 5']);

    // At k = 8 two sizes are hidden: both read "x", and the note says the clustering is not published (naming none).
    await page.getByTestId('choose-k-8').click();
    await expect.poll(() => sizes.locator('td[data-status="suppressed"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await sizes.locator('td[data-status="suppressed"]').allInnerTexts()).toEqual(expect.arrayContaining(['x']));
    expect(new Set(await sizes.locator('td[data-status="suppressed"]').allInnerTexts())).toEqual(new Set(['x']));
    expect(await page.getByTestId('clusters-not-published').innerText()).toMatch(/de clustertabel en de persona's worden niet gepubliceerd/);
    expect(await sizes.locator('.checked-table-notes').innerText()).toMatch(
      /Ten minste één cluster telt minder dan 10 huishoudens: deze indeling wordt niet gepubliceerd/,
    );
    await sizes.scrollIntoViewIfNeeded();
    await app.screenshot('nl-clusters-te-klein');
    // The Export page says why the clusters cannot be published now.
    await page.getByTestId('nav-export').click();
    const refusals = page.getByTestId('export-refusals');
    await refusals.waitFor({ timeout: 60_000 });
    expect(await refusals.innerText()).toMatch(/Nu niet te publiceren[\s\S]*De clusters worden niet gepubliceerd/);
    expect(await page.getByTestId('export-clusterprofiel-k8').count()).toBe(0);
    await app.screenshot('nl-export-weigering');
    await page.getByTestId('lang-en').click();
    expect(await refusals.innerText()).toMatch(/^Cannot be published now/);
    await app.screenshot('en-export-weigering');
    await page.getByTestId('lang-nl').click();

    await page.getByTestId('nav-clusters').click();
    await page.getByTestId('cluster-advice').waitFor({ timeout: 30_000 });
    await page.getByTestId('choose-k-4').click();
    await expect.poll(() => sizes.innerText(), { timeout: 30_000 }).not.toMatch(/Cluster 5/);
    expect(await sizes.innerText()).toMatch(/Cluster 4/);
    expect(await cspViolations()).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('shows five persona cards with titles and charts, keeps an edited title, and reorders and hides profile rows', async () => {
    const { page } = app;
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
    // Chart shares with the decimals they were published with, as on the exported card.
    expect(await page.getByTestId('persona-chart-1').locator('.persona-chart-value').first().textContent()).toBe(`68,8${NBSP}%`);
    expect(await page.getByTestId('legend-personas').innerText()).toMatch(/c\s+ter controle/);
    expect(await page.getByTestId('stands-out-caution').innerText()).toMatch(/niet dat andere kenmerken/);
    await app.screenshot('nl-profielen-kaarten');
    await page.getByTestId('persona-chart-1').scrollIntoViewIfNeeded();
    await app.screenshot('nl-profielen-grafiek');

    // By keyboard: Enter on the edit button opens the editor with the title field focused; focus returns after saving.
    await page.getByTestId('persona-edit-1').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('persona-title-input-1');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Jonge moeders in de bijstand');
    await page.getByTestId('persona-narrative-input-1').fill('Vaak met jeugdzorg; vraag naar de kinderopvang.');
    await page.getByTestId('persona-title-input-1').press('Enter');
    await expect.poll(() => page.getByTestId('persona-title-1').innerText()).toBe('Jonge moeders in de bijstand');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('persona-edit-1');
    expect(await page.getByTestId('persona-1').innerText()).toMatch(/kinderopvang/);

    // The cluster table: shares in words ("80 % of meer") and hidden cells as "x", explained in its legend.
    const table = page.getByTestId('table-clusterprofiel-k5');
    expect(await table.innerText()).toMatch(/Bijstand 80\s% of meer/);
    expect(await table.locator('td[data-status="suppressed"]').count()).toBeGreaterThan(0);
    expect(new Set(await table.locator('td[data-status="suppressed"]').allInnerTexts())).toEqual(new Set(['x']));
    expect(await page.getByTestId('legend-clusterprofiel-k5').innerText()).toMatch(/x\s+niet getoond/);
    await page.getByText('Rijen ordenen en verbergen').click();
    // The box follows the main process's answer (the layout is kept there), so it is clicked and the answer awaited.
    await page.getByTestId('profile-row-show-care').click();
    await expect.poll(() => page.getByTestId('profile-row-show-care').isChecked(), { timeout: 30_000 }).toBe(false);
    await expect.poll(() => table.locator('tbody th').allInnerTexts()).not.toContain('Zorg');
    const second = (await table.locator('tbody th').allInnerTexts())[1]!;
    const rowIds = await page
      .getByTestId('profile-rows')
      .locator('input[type="checkbox"]')
      .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-testid')?.replace('profile-row-show-', '') ?? ''));
    await page.getByTestId(`profile-row-up-${rowIds[1]}`).click();
    await expect.poll(async () => (await table.locator('tbody th').allInnerTexts())[0]).toBe(second);
    await table.scrollIntoViewIfNeeded();
    await app.screenshot('nl-profielen-tabel');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('persona-cards').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('page-profielen').innerText()).toMatch(/Personas[\s\S]*Edit title and narrative/);
    await app.screenshot('en-profielen');
    await table.scrollIntoViewIfNeeded();
    await app.screenshot('en-profielen-tabel');
    await page.getByTestId('lang-nl').click();
    expect(await cspViolations()).toEqual([]);
  });

  it('exports the chosen outputs with their output log: every table protected, nothing to mask', async () => {
    const { page } = app;
    await page.getByTestId('nav-export').click();
    await page.getByTestId('export-candidates').waitFor({ timeout: 60_000 });
    const household = page.getByTestId('export-vergelijking-household-type');
    expect(await household.getByTestId('verdict').innerText()).toBe('ter controle');
    expect(await household.innerText()).toMatch(/8 niet getoond \(x\)\./);
    expect(await page.getByTestId('export-koppelrapport').innerText()).toMatch(/4 niet getoond \(x\), 2 ter controle\./);
    expect(await page.getByTestId('export-vergelijking-education-level').getByTestId('verdict').innerText()).toBe('geslaagd');
    expect(await page.getByTestId('export-refusals').count()).toBe(0);
    expect(await page.getByTestId('mask-blocked').count()).toBe(0);
    // The cluster profile as laid out on the Profielen page is an output too; every output is chosen by default.
    await page.getByTestId('export-clusterprofiel-k5').waitFor();
    expect(await page.getByTestId('select-persona-kaarten').isChecked()).toBe(true);
    expect(await page.getByTestId('select-vergelijking-household-type').isChecked()).toBe(true);
    expect(await page.getByTestId('export-write').getAttribute('aria-disabled')).toBe('false');
    await app.screenshot('nl-export-keuze');
    await page.getByTestId('export-write').click();
    await page.getByTestId('export-written').waitFor({ timeout: 90_000 });
    const logView = page.getByTestId('export-log');
    expect(await logView.innerText()).toMatch(/Persona's van de clusters\s+ter controle/);
    expect(await logView.innerText()).toMatch(/Type huishouden: klanthuishoudens en alle huishoudens\s+ter controle\s+8 niet getoond \(x\)\./);
    await app.screenshot('nl-export-geschreven');
    const folder = await packageIn(exportFolders[0]!);
    const files = await readdir(folder);
    expect(files).toEqual(
      expect.arrayContaining([
        'output-log.json',
        'report.pdf',
        'report.html',
        'vergelijking-household-type.csv',
        'vergelijking-household-type.xlsx',
        'clusterprofiel-k5.csv',
        'persona-kaarten.html',
      ]),
    );
    // The persona title the analyst edited on the Profielen page is the one exported.
    expect(await readFile(join(folder, 'persona-kaarten.html'), 'utf8')).toContain('Jonge moeders in de bijstand');
  }, 120_000);

  it('shows the same figure on screen and in every export format, and every hidden cell as "x" everywhere', async () => {
    const { page } = app;
    const folder = await packageIn(exportFolders[0]!);
    const html = await readFile(join(folder, 'report.html'), 'utf8');
    const pdf = squeezed(pdfDrawnText(await readFile(join(folder, 'report.pdf'))));

    // The tables as the screen shows them after the export: a comparison and the cluster table as laid out.
    await page.getByTestId('nav-vergelijking').click();
    const comparison = page.getByTestId('table-vergelijking-household-type');
    await comparison.waitFor({ timeout: 60_000 });
    const screens: [string, ScreenRow[]][] = [];
    // A comparison (counts, shares, differences, residuals), amounts in euro, and persons with one decimal.
    for (const id of ['vergelijking-household-type', 'bedragen-disposable-income', 'bedragen-size'])
      screens.push([id, await screenRows(page.getByTestId(`table-${id}`))]);
    await page.getByTestId('nav-profielen').click();
    const clusters = page.getByTestId('table-clusterprofiel-k5');
    await clusters.waitFor({ timeout: 60_000 });
    screens.push(['clusterprofiel-k5', await screenRows(clusters)]);

    // The test means something: the tables hold figures of every kind, words, marks and hidden cells.
    const all = screens.flatMap(([, rows]) => rows.flatMap((row) => row.cells));
    for (const status of ['safe', 'review', 'suppressed', 'empty'])
      expect(
        all.some((cell) => cell.status === status),
        status,
      ).toBe(true);
    expect(all.some((cell) => cell.words)).toBe(true);
    expect(all.some((cell) => cell.reading.startsWith('€'))).toBe(true);
    expect(all.every((cell) => (cell.status === 'suppressed') === (cell.reading === 'x'))).toBe(true);
    for (const [id, rows] of screens) {
      expect(rows.length, id).toBeGreaterThan(0);

      await expectSameInEveryFormat(folder, id, rows, html, pdf);
    }
  });

  it('asks for a justification when an export comes too close to an earlier one, and shows why it refuses a poor one', async () => {
    const { page } = app;
    // A month earlier: the same households, a few of them with other care. Linking again makes the clusters stale.
    await page.getByTestId('nav-populatie').click();
    await page.getByTestId('reference-date').fill('01-12-2017');
    // What the analyst typed stays, even when the last link's date comes back from the main process afterwards
    // (the export below names the date that was linked).
    expect(await page.getByTestId('reference-date').inputValue()).toBe('01-12-2017');
    const links = () => app.calls.filter((channel) => channel === 'groepsbeeld:link-households').length;
    const before = links();
    await page.getByTestId('link-run').click();
    await expect.poll(links, { timeout: 30_000 }).toBe(before + 1);
    await expect.poll(() => page.getByTestId('link-progress').count(), { timeout: 90_000 }).toBe(0);
    await page.getByTestId('link-report').waitFor();
    expect(await page.getByTestId('link-report').innerText()).toMatch(/11\.\d{3}/);
    await page.getByTestId('nav-export').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('export-koppelrapport')
            .innerText()
            .catch(() => ''),
        { timeout: 60_000 },
      )
      .toMatch(/peildatum 01-12-2017/);
    const warning = page.getByTestId('differencing-warning');
    await warning.waitFor({ timeout: 60_000 });
    // One finding concerns many outputs: each message shows once, and each output it concerns says so.
    const messages = await warning.locator('li').allInnerTexts();
    expect(new Set(messages).size).toBe(messages.length);
    expect(messages.join('\n')).toMatch(/eerdere export/);
    await page.getByTestId('differencing-vergelijking-household-type').waitFor();
    expect(await page.getByTestId('justification-hint').innerText()).toMatch(/Minstens 80 tekens en 12 woorden/);
    expect(await page.getByTestId('export-write').getAttribute('aria-disabled')).toBe('true');
    await page.getByTestId('differencing-justification').fill('Nodig voor de raad.');
    expect(await page.getByTestId('justification-count').innerText()).toBe('19 van 80 tekens, 4 van 12 woorden');
    await warning.scrollIntoViewIfNeeded();
    await app.screenshot('nl-export-onderbouwing');

    // Long enough by count, but one word over and over: the main process refuses and says why and how.
    await page.getByTestId('differencing-justification').fill(Array(14).fill('onderbouwing').join(' '));
    expect(await page.getByTestId('export-write').getAttribute('aria-disabled')).toBe('false');
    await page.getByTestId('export-write').click();
    const refused = page.getByTestId('export-refused');
    await refused.waitFor({ timeout: 60_000 });
    // The findings are already in the warning above: the refusal shows what is still missing, not the findings again.
    expect(await refused.innerText()).toMatch(/Er is niets geschreven[\s\S]*waarschuwing hierboven[\s\S]*verschillende woorden/);
    expect(await refused.innerText()).not.toContain(messages[0]!);
    await app.screenshot('nl-export-geweigerd');
    await page.getByTestId('lang-en').click();
    await warning.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('justification-hint').innerText()).toMatch(/At least 80 characters and 12 words/);
    await app.screenshot('en-export-onderbouwing');
    await page.getByTestId('lang-nl').click();

    const justification =
      'De raad vraagt de stand per december naast die per jaareinde; beide tabellen gaan alleen naar de beleidsmedewerkers van de gemeente.';
    await page.getByTestId('differencing-justification').fill(justification);
    await page.getByTestId('export-write').click();
    await page.getByTestId('export-written').waitFor({ timeout: 90_000 });
    const log = await readFile(join(await packageIn(exportFolders.at(-1)!), 'output-log.json'), 'utf8');
    expect(log).toContain(justification);
    expect(await cspViolations()).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  }, 180_000);
});
