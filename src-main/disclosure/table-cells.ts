// A table with margins as cells plus additivity relations ("these cells add up to that cell"), for suppression and rounding.
import { UserFacingError } from '../common/errors';
import { countStatus, type CellStatus } from './primary-rules';
import type { RuleSet } from './rule-set';

/** A cell's status once secondary protection ran: its primary status, or suppressed to shield a blocked cell. */
export type TableCellStatus = CellStatus | { status: 'secondary' };

export interface TableCell {
  readonly id: string;
  readonly value: number;
  readonly status: TableCellStatus;
  /** Position in each dimension; null where the cell is that dimension's total. */
  readonly coordinates: readonly (number | null)[];
}

/** The cells at `parts` add up to the cell at `total` (indices into the table's cells). */
export interface AdditivityRelation {
  readonly parts: readonly number[];
  readonly total: number;
}

/**
 * Cells and relations only, so a 3-D or hierarchical table is just more relations. `dimensions` holds the number
 * of categories per dimension (without the total); controlled rounding uses it, suppression does not.
 */
export interface AdditiveTable {
  readonly dimensions: readonly number[];
  readonly cells: readonly TableCell[];
  readonly relations: readonly AdditivityRelation[];
}

/** The primary status of a cell from its value and position (for magnitude tables: look up its contributions). */
export type PrimaryStatusOf = (value: number, coordinates: readonly (number | null)[]) => CellStatus;

export const TOTAL_LABEL = 'total';

/** The usual primary check of a frequency table: the count rule on every cell, margins included. */
export function countStatusOf(rules: RuleSet): PrimaryStatusOf {
  return (value) => countStatus(value, rules);
}

/** Blocked cells (primary) and secondary cells: what the reader of the table does not see. */
export function isSuppressed(status: TableCellStatus): boolean {
  return status.status === 'blocked' || status.status === 'secondary';
}

export function isPrimarySuppressed(status: TableCellStatus): boolean {
  return status.status === 'blocked';
}

export function isMargin(cell: TableCell): boolean {
  return cell.coordinates.includes(null);
}

function checkValues(values: readonly number[], where: string): void {
  values.forEach((value, index) => {
    if (!Number.isFinite(value) || value < 0) {
      throw new UserFacingError(`Cel ${index + 1} van ${where} is ${value}; tabelbeveiliging vraagt eindige waarden van 0 of meer.`);
    }
  });
}

/** Categories plus their total: one relation. */
export function oneWayTable(values: readonly number[], statusOf: PrimaryStatusOf, labels?: readonly string[]): AdditiveTable {
  if (values.length === 0) throw new UserFacingError('Een tabel heeft ten minste één categorie nodig.');
  checkValues(values, 'de tabel');
  const cell = (value: number, position: number | null): TableCell => ({
    id: position === null ? TOTAL_LABEL : (labels?.[position] ?? `c${position}`),
    value,
    status: statusOf(value, [position]),
    coordinates: [position],
  });
  const total = values.reduce((sum, value) => sum + value, 0);
  const cells = [...values.map((value, position) => cell(value, position)), cell(total, null)];
  return { dimensions: [values.length], cells, relations: [{ parts: values.map((_, position) => position), total: values.length }] };
}

/**
 * Rows x columns with row totals, column totals and the grand total. Cells are row-major with the row total
 * last in each row and the total row last; every row and every column (the margins' too) is a relation.
 */
export function twoWayTable(
  values: readonly (readonly number[])[],
  statusOf: PrimaryStatusOf,
  labels?: { readonly rows: readonly string[]; readonly columns: readonly string[] },
): AdditiveTable {
  const rowCount = values.length;
  const columnCount = values[0]?.length ?? 0;
  if (rowCount === 0 || columnCount === 0) throw new UserFacingError('Een tabel met twee dimensies heeft ten minste één rij en één kolom nodig.');
  values.forEach((row, index) => {
    if (row.length !== columnCount) throw new UserFacingError(`Rij ${index + 1} heeft ${row.length} cellen, terwijl de eerste rij er ${columnCount} heeft.`);
    checkValues(row, `rij ${index + 1}`);
  });
  const rowLabel = (row: number | null): string => (row === null ? TOTAL_LABEL : (labels?.rows[row] ?? `r${row}`));
  const columnLabel = (column: number | null): string => (column === null ? TOTAL_LABEL : (labels?.columns[column] ?? `c${column}`));
  const valueAt = (row: number | null, column: number | null): number => {
    const rows = row === null ? values : [values[row] as readonly number[]];
    return rows.reduce((sum, cells) => sum + (column === null ? cells.reduce((a, b) => a + b, 0) : (cells[column] as number)), 0);
  };
  const positions = (count: number): (number | null)[] => [...Array.from({ length: count }, (_, index) => index), null];
  const cells: TableCell[] = [];
  for (const row of positions(rowCount)) {
    for (const column of positions(columnCount)) {
      const value = valueAt(row, column);
      cells.push({ id: `${rowLabel(row)}|${columnLabel(column)}`, value, status: statusOf(value, [row, column]), coordinates: [row, column] });
    }
  }
  const index = (row: number, column: number): number => row * (columnCount + 1) + column;
  const relations: AdditivityRelation[] = [];
  for (let row = 0; row <= rowCount; row += 1) {
    relations.push({ parts: Array.from({ length: columnCount }, (_, column) => index(row, column)), total: index(row, columnCount) });
  }
  for (let column = 0; column <= columnCount; column += 1) {
    relations.push({ parts: Array.from({ length: rowCount }, (_, row) => index(row, column)), total: index(rowCount, column) });
  }
  return { dimensions: [rowCount, columnCount], cells, relations };
}

/** The same table with new statuses (secondary suppression's outcome); the input is left untouched. */
export function withStatuses(table: AdditiveTable, statuses: readonly TableCellStatus[]): AdditiveTable {
  return { ...table, cells: table.cells.map((cell, index) => ({ ...cell, status: statuses[index] ?? cell.status })) };
}

/** For each cell, the relations it takes part in (as a part or as the total). */
export function relationsPerCell(table: AdditiveTable): number[][] {
  const perCell = table.cells.map((): number[] => []);
  table.relations.forEach((relation, index) => {
    for (const cell of [...relation.parts, relation.total]) perCell[cell]?.push(index);
  });
  return perCell;
}

/** Relations whose parts do not add up to their total: a table handed to protection must have none. */
export function brokenRelations(table: AdditiveTable, tolerance = 1e-6): number[] {
  const valueOf = (cell: number): number => table.cells[cell]?.value ?? Number.NaN;
  return table.relations.flatMap((relation, index) => {
    const sum = relation.parts.reduce((total, cell) => total + valueOf(cell), 0);
    const total = valueOf(relation.total);
    return Math.abs(sum - total) <= tolerance * Math.max(1, Math.abs(total)) ? [] : [index];
  });
}
