// Reads the app's checked tables and plotly bar charts off the page for the browser tests: a table's rows as the screen
// shows them, its hidden percent cells, and each bar's label and height.
import type { Locator } from 'playwright-core';
import type { ScreenRow } from './package-reading';

/** Percent cells (2nd and 4th value column: clients, all households) that are hidden, so get a hatched slot and no bar. */
export function hiddenShareCells(table: Locator): Locator {
  return table.locator(['td:nth-of-type(2)', 'td:nth-of-type(4)'].map((cell) => `tbody tr:not(.total-row) ${cell}[data-status="suppressed"]`).join(', '));
}

/** Every bar slot's label in one trace of a plotly bar chart ("46,1 %", "x", or nothing). */
export function barLabels(chart: Locator, trace: number): Promise<string[]> {
  return chart
    .locator('.trace.bars')
    .nth(trace)
    .locator('.point')
    .evaluateAll((points) => points.map((point) => point.querySelector('text.bartext')?.textContent ?? ''));
}

/** A bar's height in pixels, from its path ("M x,y V y2 H ..."). */
export async function barHeights(chart: Locator, trace: number): Promise<number[]> {
  const paths = await chart
    .locator('.trace.bars')
    .nth(trace)
    .locator('.point path')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('d') ?? ''));
  return paths.map((d) => {
    const match = /^M[\d.-]+,([\d.-]+)V([\d.-]+)/.exec(d);
    return match ? Math.abs(Number(match[1]) - Number(match[2])) : 0;
  });
}

/** The rows of a checked table as the screen shows them: label, each cell's reading and mark, words or a figure. */
export function screenRows(table: Locator): Promise<ScreenRow[]> {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      label: row.querySelector('th')?.textContent ?? '',
      cells: [...row.querySelectorAll('td')].map((cell) => ({
        reading: cell.querySelector('.cell-value')?.textContent ?? '',
        mark: cell.querySelector('.cell-status-mark')?.textContent ?? '',
        words: cell.classList.contains('cell-words'),
        status: cell.getAttribute('data-status') ?? '',
      })),
    })),
  );
}
