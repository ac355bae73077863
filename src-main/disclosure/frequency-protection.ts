// Protection of a frequency table with margins, as the analyst chose it: primary rules on every cell (margins
// included), then secondary suppression verified by the attacker, or controlled rounding to the rule set's base.
import type { PublishedCell } from './checked-table';
import type { ProtectionMethod } from './disclosure-shapes';
import { roundControlled } from './controlled-rounding';
import { protectTable } from './secondary-suppression';
import type { RuleSet } from './rule-set';
import { countStatusOf, twoWayTable, type TableCell } from './table-cells';

/** The published cells of a rows x columns table, its row totals, column totals and grand total. */
export interface ProtectedFrequencies {
  inner: PublishedCell[][];
  rowTotals: PublishedCell[];
  columnTotals: PublishedCell[];
  grandTotal: PublishedCell;
  /** What the protection did, in the analyst's words. */
  notes: string[];
}

function published(cell: TableCell): PublishedCell {
  switch (cell.status.status) {
    case 'safe':
      return { status: 'safe', value: cell.value, decimals: 0 };
    case 'review':
      return { status: 'review', reason: cell.status.reason, value: cell.value, decimals: 0 };
    case 'blocked':
    case 'secondary':
      return { status: 'suppressed' };
  }
}

/** twoWayTable's row-major cells (row total last in each row, total row last) as inner cells and margins. */
function shape<T>(cells: readonly T[], rows: number, columns: number): { inner: T[][]; rowTotals: T[]; columnTotals: T[]; grandTotal: T } {
  const at = (row: number, column: number): T => {
    const cell = cells[row * (columns + 1) + column];
    if (cell === undefined) throw new Error(`No cell at row ${row}, column ${column}.`);
    return cell;
  };
  return {
    inner: Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, column) => at(row, column))),
    rowTotals: Array.from({ length: rows }, (_, row) => at(row, columns)),
    columnTotals: Array.from({ length: columns }, (_, column) => at(rows, column)),
    grandTotal: at(rows, columns),
  };
}

/** counts[row][column], without margins; the margins are computed here so they always add up. */
export function protectFrequencyTable(counts: readonly (readonly number[])[], rules: RuleSet, method: ProtectionMethod): ProtectedFrequencies {
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  const table = twoWayTable(counts, countStatusOf(rules));
  if (method === 'rounding') {
    const rounded = roundControlled(table, rules.roundingBase);
    const cells = table.cells.map((cell, index): PublishedCell => {
      const value = rounded[index] ?? Number.NaN;
      // A true zero stays zero under rounding and still says "no one here": it goes to review like any zero.
      return cell.value === 0
        ? { status: 'review', reason: 'zero', value: 0, decimals: 0 }
        : { status: 'rounded', base: rules.roundingBase, value, decimals: 0 };
    });
    return { ...shape(cells, rows, columns), notes: [`Alle aantallen zijn gecontroleerd afgerond op ${rules.roundingBase}; rijen en kolommen tellen op.`] };
  }
  const result = protectTable(table, rules);
  const primary = result.table.cells.filter((cell) => cell.status.status === 'blocked').length;
  const notes =
    primary === 0
      ? []
      : [`${primary + result.secondary.length} cel(len) niet getoond (x), zodat geen kleine cel uit de rest van de tabel is terug te rekenen.`];
  return { ...shape(result.table.cells.map(published), rows, columns), notes };
}
