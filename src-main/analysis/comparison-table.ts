// Client households against all households for one feature, as a checked table: counts and shares per category,
// the difference in percentage points, with primary and secondary protection over the whole split.
import { ruleSetDigest, type RuleSet } from '../disclosure/rule-set';
import type { CheckedTable, PublishedCell } from '../disclosure/checked-table';
import { deriveCell } from '../disclosure/cell-check';
import { protectFrequencyTable, type ProtectionMethod } from '../disclosure/frequency-protection';
import { groupStatus } from '../disclosure/primary-rules';
import { publishCount } from '../disclosure/published-count';
import type { CategoricalFeature } from './features';
import { chiSquareTest } from './statistics/chi-square';
import type { Population } from './population';
import type { Grouping, RawCrossTable } from './cross-table';

export interface ComparisonOptions {
  rules: RuleSet;
  method: ProtectionMethod;
  /** The id of the group compared with the whole population (the clients). */
  focusGroup: string;
}

/** Shares, differences and residuals are published to two decimals: more digits say nothing to a reader. */
function twoDecimals(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

function share(numerator: PublishedCell, denominator: PublishedCell, raw: { numerator: number; denominator: number }): PublishedCell {
  const value = raw.denominator === 0 ? null : (100 * numeratorValue(numerator, raw.numerator)) / denominatorValue(denominator, raw.denominator);
  return deriveCell(twoDecimals(value), [numerator, denominator]);
}

// Shares of a rounded table are computed from the rounded counts, so the published shares match the published counts.
function numeratorValue(cell: PublishedCell, raw: number): number {
  return cell.status === 'rounded' ? cell.value : raw;
}
function denominatorValue(cell: PublishedCell, raw: number): number {
  return cell.status === 'rounded' && cell.value > 0 ? cell.value : raw;
}

/** Marks a group's cells for review when one category holds (nearly) all of the group: "everyone here has X". */
function withGroupDisclosure(cells: PublishedCell[], counts: readonly number[], rules: RuleSet): PublishedCell[] {
  if (groupStatus(counts, rules).status !== 'review') return cells;
  const total = counts.reduce((sum, value) => sum + value, 0);
  return cells.map((cell, index) =>
    (counts[index] ?? 0) >= rules.groupShare * total && cell.status === 'safe' ? { status: 'review', reason: 'group-disclosure', value: cell.value } : cell,
  );
}

export function comparisonTable(
  feature: CategoricalFeature,
  raw: RawCrossTable,
  population: Population,
  grouping: Grouping,
  { rules, method, focusGroup }: ComparisonOptions,
): CheckedTable {
  const focus = raw.groups.findIndex((group) => group.id === focusGroup);
  if (focus < 0) throw new Error(`The grouping has no group ${focusGroup}.`);
  const protectedTable = protectFrequencyTable(raw.counts, rules, method);
  const focusCounts = raw.counts.map((row) => row[focus] ?? 0);
  const rowTotals = raw.counts.map((row) => row.reduce((sum, value) => sum + value, 0));
  const focusTotal = focusCounts.reduce((sum, value) => sum + value, 0);
  const grandTotal = rowTotals.reduce((sum, value) => sum + value, 0);

  const focusCells = withGroupDisclosure(protectedTable.inner.map((row) => row[focus]!), focusCounts, rules);
  const totalCells = protectedTable.rowTotals;
  const focusTotalCell = protectedTable.columnTotals[focus]!;
  const grandTotalCell = protectedTable.grandTotal;

  const published = publishedTest(raw.groups[focus]!.label, { focusCells, totalCells });

  const rows: CheckedTable['rows'] = raw.categories.map((category, index) => {
    const focusShare = share(focusCells[index]!, focusTotalCell, { numerator: focusCounts[index]!, denominator: focusTotal });
    const allShare = share(totalCells[index]!, grandTotalCell, { numerator: rowTotals[index]!, denominator: grandTotal });
    const difference = deriveCell(twoDecimals('value' in focusShare && 'value' in allShare ? focusShare.value - allShare.value : null), [focusShare, allShare]);
    const residual = deriveCell(twoDecimals(published.residuals[index] ?? null), [focusCells[index]!, totalCells[index]!, focusTotalCell, grandTotalCell]);
    return { id: category.code ?? 'onbekend', label: category.label, total: false, cells: [focusCells[index]!, focusShare, totalCells[index]!, allShare, difference, residual] };
  });
  rows.push({
    id: 'totaal',
    label: 'Totaal',
    total: true,
    cells: [
      focusTotalCell,
      share(focusTotalCell, focusTotalCell, { numerator: focusTotal, denominator: focusTotal }),
      grandTotalCell,
      share(grandTotalCell, grandTotalCell, { numerator: grandTotal, denominator: grandTotal }),
      { status: 'empty' },
      { status: 'empty' },
    ],
  });
  const focusLabel = raw.groups[focus]!.label;
  return {
    id: `vergelijking-${feature.id.replaceAll('_', '-')}`,
    title: `${feature.label}: ${focusLabel.toLowerCase()} en ${grouping.totalLabel.toLowerCase()}`,
    unit: 'huishoudens',
    population: { id: population.id, label: population.label, units: publishCount(grandTotal, rules) },
    rowHeader: feature.label,
    columns: [
      { id: 'focus-aantal', label: 'Aantal', format: 'count', group: focusLabel },
      { id: 'focus-procent', label: '%', format: 'percent', group: focusLabel },
      { id: 'totaal-aantal', label: 'Aantal', format: 'count', group: grouping.totalLabel },
      { id: 'totaal-procent', label: '%', format: 'percent', group: grouping.totalLabel },
      { id: 'verschil', label: 'Verschil (procentpunten)', format: 'percentagePoints' },
      { id: 'residu', label: 'Residu', format: 'residual' },
    ],
    rows,
    protection: method,
    ruleSet: { name: rules.name, digest: ruleSetDigest(rules) },
    notes: [...protectedTable.notes, published.note],
  };
}

/** A count as the reader sees it: its published (possibly rounded) value, or null when suppressed. */
function shownCount(cell: PublishedCell): number | null {
  return cell.status === 'safe' || cell.status === 'review' || cell.status === 'rounded' ? cell.value : null;
}

/**
 * The chi-square test of the focus group against the rest, computed from the published counts only, so it
 * says nothing a reader could not compute. With a suppressed cell the test over all categories would be an
 * extra equation on the hidden counts, so it is left out; residuals of fully published rows remain.
 */
function publishedTest(
  focusLabel: string,
  { focusCells, totalCells }: { focusCells: readonly PublishedCell[]; totalCells: readonly PublishedCell[] },
): { residuals: (number | null)[]; note: string } {
  const shown = focusCells.map((_, index) => {
    const inFocus = shownCount(focusCells[index]!);
    const inTotal = shownCount(totalCells[index]!);
    return inFocus === null || inTotal === null ? null : [inFocus, inTotal - inFocus];
  });
  const complete = shown.every((row) => row !== null);
  const rows = shown.map((row) => row ?? [0, 0]);
  const test = chiSquareTest(rows);
  const residuals = shown.map((row, index) => (row === null ? null : (test.residuals[index]?.[0] ?? null)));
  if (!complete) {
    return { residuals, note: 'Geen chi-kwadraattoets: de tabel heeft onderdrukte cellen. Residuen buiten ±1,96 wijken significant af (5 %).' };
  }
  const p = test.pValue < 0.001 ? 'p < 0,001' : `p = ${test.pValue.toFixed(3).replace('.', ',')}`;
  const caution = test.smallExpectedShare > 0.2 ? ' Let op: meer dan 20 % van de cellen heeft een verwachte waarde onder 5.' : '';
  return {
    residuals,
    note: `Chi-kwadraattoets ${focusLabel.toLowerCase()} tegen de overige: χ² = ${test.statistic.toFixed(1).replace('.', ',')}, vrijheidsgraden ${test.degreesOfFreedom}, ${p}. Residuen buiten ±1,96 wijken significant af (5 %).${caution}`,
  };
}
