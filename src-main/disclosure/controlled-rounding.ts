// Controlled rounding of a 1-D or 2-D count table with margins to base 5 or 10, keeping it additive (Cox 1987).
import { UserFacingError } from '../common/errors';
import { brokenRelations, type AdditiveTable } from './table-cells';

export type RoundingBase = 5 | 10;

function checkRoundable(table: AdditiveTable, base: number): void {
  if (!Number.isInteger(base) || base < 2) {
    throw new UserFacingError(`De afrondingsbasis moet een geheel getal van 2 of meer zijn; nu is die ${base}.`);
  }
  table.cells.forEach((cell) => {
    if (!Number.isInteger(cell.value) || cell.value < 0) {
      throw new UserFacingError(`Cel ${cell.id} bevat ${cell.value}; gecontroleerd afronden werkt op aantallen (gehele getallen van 0 of meer).`);
    }
  });
  if (brokenRelations(table, 0).length > 0) throw new UserFacingError('De tabel telt niet op tot haar totalen en kan dus niet consistent worden afgerond.');
}

/**
 * One dimension: the total goes to its nearest multiple, and as many categories go up as the relation then
 * needs, those with the largest remainders first (the rounded total and the fractions make that count exist).
 */
function roundOneWay(values: readonly number[], base: number): number[] {
  const total = values[values.length - 1] as number;
  const categories = values.slice(0, -1);
  const remainders = categories.map((value) => value % base);
  const totalRemainder = total % base;
  const totalUp = totalRemainder * 2 >= base && totalRemainder > 0 ? 1 : 0;
  const needUp = (remainders.reduce((sum, remainder) => sum + remainder, 0) - totalRemainder) / base + totalUp;
  const order = categories.map((_, index) => index).filter((index) => (remainders[index] as number) > 0);
  order.sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
  const up = new Set(order.slice(0, needUp));
  const rounded = categories.map((value, index) => value - (remainders[index] as number) + (up.has(index) ? base : 0));
  return [...rounded, total - totalRemainder + totalUp * base];
}

/**
 * Two dimensions as a signed circulation: with row and column totals negated (the grand total kept), every row
 * and every column of the (R+1) x (C+1) array sums to zero. The remainders (value mod base) are a fractional
 * solution; moving them around a cycle of fractional cells, alternately up and down, keeps every sum, and each
 * move makes at least one more cell a whole 0 or base. All arithmetic is on whole numbers.
 */
function roundTwoWay(values: readonly number[], rowCount: number, columnCount: number, base: number): number[] {
  const columns = columnCount + 1;
  const sign = (row: number, column: number): number => ((row === rowCount) !== (column === columnCount) ? -1 : 1);
  const remainder = values.map((value) => value % base);
  const fractional = (cell: number): boolean => (remainder[cell] as number) > 0 && (remainder[cell] as number) < base;
  // Nodes 0..rowCount are rows, rowCount+1.. are columns; a cell is the edge between its row and its column.
  const rowNode = (cell: number): number => Math.floor(cell / columns);
  const columnNode = (cell: number): number => rowCount + 1 + (cell % columns);
  const edgesAt = (node: number): number[] =>
    node <= rowCount
      ? Array.from({ length: columns }, (_, column) => node * columns + column)
      : Array.from({ length: rowCount + 1 }, (_, row) => row * columns + (node - rowCount - 1));
  for (;;) {
    const start = remainder.findIndex((_, cell) => fractional(cell));
    if (start < 0) break;
    // Walk along fractional cells until a node repeats. Every node with one fractional cell has at least two
    // (its sum is a multiple of the base), so the walk never gets stuck.
    const nodes = [rowNode(start)];
    const edges: number[] = [];
    let edge = start;
    let node = columnNode(start);
    while (!nodes.includes(node)) {
      nodes.push(node);
      edges.push(edge);
      const arrivedBy = edge;
      const next = edgesAt(node).find((cell) => cell !== arrivedBy && fractional(cell));
      if (next === undefined) throw new Error('Controlled rounding found a node with a single fractional cell.');
      edge = next;
      node = node <= rowCount ? columnNode(edge) : rowNode(edge);
    }
    edges.push(edge);
    const cycle = edges.slice(nodes.indexOf(node));
    const direction = cycle.map((cell, index) => sign(rowNode(cell), cell % columns) * (index % 2 === 0 ? 1 : -1));
    // How far the cycle can move in one orientation before some cell reaches 0 or the base.
    const room = (orientation: number): number =>
      Math.min(
        ...cycle.map((cell, index) => {
          const current = remainder[cell] as number;
          return (direction[index] as number) * orientation > 0 ? base - current : current;
        }),
      );
    // Either orientation gives a valid rounding; the smaller step moves the remainders least.
    const orientation = room(1) <= room(-1) ? 1 : -1;
    const step = room(orientation);
    cycle.forEach((cell, index) => (remainder[cell] = (remainder[cell] as number) + (direction[index] as number) * orientation * step));
  }
  return values.map((value, cell) => value - (value % base) + (remainder[cell] as number));
}

/**
 * The table's values rounded to the base (aligned with its cells): multiples of the base (zeros too) stay as
 * they are, every other cell becomes one of its two neighbouring multiples, and every relation still adds up.
 * Only 1-D and 2-D tables built by oneWayTable / twoWayTable: for 3-D tables such a rounding need not exist.
 */
export function roundControlled(table: AdditiveTable, base: RoundingBase | number): number[] {
  checkRoundable(table, base);
  const values = table.cells.map((cell) => cell.value);
  const [rowCount, columnCount] = table.dimensions;
  if (table.dimensions.length === 1 && rowCount !== undefined && values.length === rowCount + 1) return roundOneWay(values, base);
  if (table.dimensions.length === 2 && rowCount !== undefined && columnCount !== undefined && values.length === (rowCount + 1) * (columnCount + 1)) {
    return roundTwoWay(values, rowCount, columnCount, base);
  }
  throw new UserFacingError(`Gecontroleerd afronden werkt op tabellen met één of twee dimensies; deze tabel heeft er ${table.dimensions.length}.`);
}
