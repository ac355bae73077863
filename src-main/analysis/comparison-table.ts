// Client households against all households for one feature, as a checked table: counts and shares per category,
// the difference in percentage points, with primary and secondary protection over the whole split.
import { ruleSetDigest, type RuleSet } from '../disclosure/rule-set';
import type { CheckedTable, PublishedCell } from '../disclosure/checked-table';
import { deriveCell } from '../disclosure/cell-check';
import { protectFrequencyTable, type ProtectionMethod } from '../disclosure/frequency-protection';
import { groupStatus } from '../disclosure/primary-rules';
import { publishCount } from '../disclosure/published-count';
import type { CategoricalFeature } from './features';
import type { Population } from './population';
import type { Grouping, RawCrossTable } from './cross-table';

export interface ComparisonOptions {
  rules: RuleSet;
  method: ProtectionMethod;
  /** The id of the group compared with the whole population (the clients). */
  focusGroup: string;
}

function share(numerator: PublishedCell, denominator: PublishedCell, raw: { numerator: number; denominator: number }): PublishedCell {
  const value = raw.denominator === 0 ? null : (100 * numeratorValue(numerator, raw.numerator)) / denominatorValue(denominator, raw.denominator);
  return deriveCell(value, [numerator, denominator]);
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

  const rows: CheckedTable['rows'] = raw.categories.map((category, index) => {
    const focusShare = share(focusCells[index]!, focusTotalCell, { numerator: focusCounts[index]!, denominator: focusTotal });
    const allShare = share(totalCells[index]!, grandTotalCell, { numerator: rowTotals[index]!, denominator: grandTotal });
    const difference = deriveCell('value' in focusShare && 'value' in allShare ? focusShare.value - allShare.value : null, [focusShare, allShare]);
    return { id: category.code ?? 'onbekend', label: category.label, total: false, cells: [focusCells[index]!, focusShare, totalCells[index]!, allShare, difference] };
  });
  rows.push({
    id: 'totaal',
    label: 'Totaal',
    total: true,
    cells: [focusTotalCell, share(focusTotalCell, focusTotalCell, { numerator: focusTotal, denominator: focusTotal }), grandTotalCell, share(grandTotalCell, grandTotalCell, { numerator: grandTotal, denominator: grandTotal }), { status: 'empty' }],
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
    ],
    rows,
    protection: method,
    ruleSet: { name: rules.name, digest: ruleSetDigest(rules) },
    notes: protectedTable.notes,
  };
}
