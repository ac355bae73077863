// End to end on the demo world: link, then compare clients with all households in checked tables (Dutch and English
// figures, every hidden cell as "x", rounding) and in charts of grouped bars, with no CSP violation and no request out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppUnderTest } from './support/bridge';
import { findChromium, NO_CHROMIUM_MESSAGE } from './support/chromium';
import { launchLinkedDemo } from './support/linked-demo';
import { barHeights, barLabels, hiddenShareCells } from './support/screen-reading';

const chromiumFound = Boolean(findChromium());
if (!chromiumFound) console.warn(NO_CHROMIUM_MESSAGE);

const NBSP = '\u00a0';

describe.skipIf(!chromiumFound)('comparing in Chromium', () => {
  let app: AppUnderTest;
  let cspViolations: () => Promise<string[]>;

  beforeAll(async () => {
    ({ app, cspViolations } = await launchLinkedDemo());
  }, 180_000);
  afterAll(() => app?.close());

  it('shows the comparison per feature with Dutch figures, every hidden cell as "x", merged rest categories and a legend', async () => {
    const { page } = app;
    await page.getByTestId('nav-vergelijking').click();
    await page.getByTestId('comparison-tables').waitFor({ timeout: 60_000 });
    const education = page.getByTestId('table-vergelijking-education-level');
    expect(await education.getByTestId('row-vergelijking-education-level-low').innerText()).toMatch(
      /^Laag\s+88\s+46,1\u00a0%\s+2\.575\s+22,7\u00a0%\s+\+23,4\u00a0%-punt\s+\+7,8$/,
    );
    const household = page.getByTestId('table-vergelijking-household-type');
    const rest = page.getByTestId('row-vergelijking-household-type-overig-onbekend');
    expect(await rest.locator('th').innerText()).toBe('Overig of onbekend');
    expect(await rest.locator('td').allInnerTexts()).toEqual(['x', 'x', '273', `2,4${NBSP}%`, 'x', 'x']);
    expect(await household.locator('.checked-table-notes').innerText()).toMatch(/samengenomen als "Overig of onbekend"/);
    // One legend line explains every "x", whatever hid the cell; no tooltip tells one hidden cell from another.
    const legend = page.getByTestId('legend-vergelijking-household-type');
    expect(await legend.innerText()).toMatch(/^x\s+niet getoond: te weinig huishoudens, of terug te rekenen uit andere cijfers van deze studie/);
    expect(
      await household.locator('td[data-status="suppressed"]').evaluateAll((cells) => [...new Set(cells.map((cell) => cell.getAttribute('aria-describedby')))]),
    ).toEqual(['legend-vergelijking-household-type-hidden']);
    expect(await page.getByTestId('comparison-tables').locator('table [title]').count()).toBe(0);
    expect(await household.locator('td[data-status="suppressed"]').allInnerTexts()).toEqual(Array(8).fill('x'));
    await household.scrollIntoViewIfNeeded();
    await app.screenshot('nl-vergelijking');

    await page.getByTestId('protection-rounding').check();
    const couples = page.getByTestId('row-vergelijking-household-type-2');
    await expect.poll(() => couples.locator('td').first().innerText(), { timeout: 30_000 }).toMatch(/^10\s*a$/);
    expect(await legend.innerText()).toMatch(/a\s+afgerond op een veelvoud van 10/);
    await household.scrollIntoViewIfNeeded();
    await app.screenshot('nl-vergelijking-afgerond');
    await page.getByTestId('protection-suppression').check();
    await expect.poll(() => couples.locator('td').first().innerText(), { timeout: 30_000 }).toBe('11');

    await page.getByTestId('lang-en').click();
    expect(await legend.innerText()).toMatch(/^x\s+not shown: too few households, or could be worked out from other figures of this study/);
    expect(await page.getByTestId('row-vergelijking-household-type-1').locator('td').nth(2).innerText()).toBe('3,300');
    expect(await page.getByTestId('row-vergelijking-household-type-4').locator('td').nth(4).innerText()).toBe(`+9.5${NBSP}pp`);
    await household.scrollIntoViewIfNeeded();
    await app.screenshot('en-vergelijking');
    await page.getByTestId('lang-nl').click();
  });

  it('charts the percent columns as grouped bars; a hidden share is a hatched slot marked "x", of one fixed height', async () => {
    const { page } = app;
    const householdTable = page.getByTestId('table-vergelijking-household-type');
    const householdChart = page.getByTestId('chart-vergelijking-household-type');
    await householdChart.locator('svg.main-svg').first().waitFor({ timeout: 30_000 });
    expect(await householdChart.locator('[role="img"]').getAttribute('aria-label')).toMatch(/gearceerd vak met een x/);
    const shares = await householdTable
      .locator('tbody tr:not(.total-row)')
      .evaluateAll((rows) => rows.map((row) => [1, 3].map((column) => row.querySelectorAll('td')[column]?.textContent ?? '')));
    // Per group a trace of bars and a trace of hidden slots at the same place: together their labels are the table's own
    // readings of that column, the same figure or "x"; a hidden cell never gets a bar.
    const groups = 2;
    for (const group of [0, 1]) {
      const barTexts = await barLabels(householdChart, group);
      const slotTexts = await barLabels(householdChart, groups + group);
      expect(barTexts.map((text, index) => text || slotTexts[index])).toEqual(shares.map((pair) => pair[group]));
      expect(slotTexts.filter((text) => text !== '').every((text) => text === 'x')).toBe(true);
      const barHeightsOfGroup = await barHeights(householdChart, group);
      expect(barHeightsOfGroup.filter((_, index) => slotTexts[index] === 'x').every((height) => height === 0)).toBe(true);
    }
    const gaps = await hiddenShareCells(householdTable).count();
    expect(gaps).toBeGreaterThan(0);
    const slotLabels = [...(await barLabels(householdChart, groups)), ...(await barLabels(householdChart, groups + 1))];
    const slotHeights = [...(await barHeights(householdChart, groups)), ...(await barHeights(householdChart, groups + 1))];
    expect(slotLabels.filter((label) => label === 'x')).toHaveLength(gaps);
    // Every hidden slot has the same height: it says nothing about the value behind it.
    expect(new Set(slotHeights.filter((_, index) => slotLabels[index] === 'x').map((height) => height.toFixed(1))).size).toBe(1);
    // The legend shows each group's colour, not a hidden slot.
    expect(await householdChart.locator('.legend .traces').count()).toBe(groups);
    const educationChart = page.getByTestId('chart-vergelijking-education-level');
    await educationChart.locator('svg.main-svg').first().waitFor({ timeout: 30_000 });
    expect(await educationChart.locator('.bartext').first().textContent()).toMatch(/^\d+,\d\u00a0%$/);
    await householdChart.scrollIntoViewIfNeeded();
    await app.screenshot('nl-vergelijking-grafiek');
    expect(await cspViolations()).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
