// Secondary suppression: extra cells hidden so no blocked cell can be recomputed (or nearly so) from the rest of the table.
import { attackTable, primaryCells, suppressedMask, type CellInterval } from './interval-attack';
import type { RuleSet } from './rule-set';
import { isMargin, relationsPerCell, withStatuses, type AdditiveTable, type TableCellStatus } from './table-cells';

export interface SecondarySuppressionResult {
  /** The table with the chosen cells' status set to 'secondary'. */
  readonly table: AdditiveTable;
  /** Indices of the secondary cells, ascending. */
  readonly secondary: readonly number[];
  /** The attacker's final intervals for the primary cells: every one protected. */
  readonly intervals: readonly CellInterval[];
}

/**
 * A set of cells that can move together without breaking any relation: the target by +1, each other cell by
 * its sign. Suppressing all of them leaves the attacker unable to tell the true table from the shifted one.
 */
interface Cycle {
  readonly cells: readonly number[];
  readonly signs: readonly number[];
}

/** Margins count triple: hiding a total costs the reader far more than hiding one small inner cell. */
const MARGIN_WEIGHT = 3;

function coefficientIn(table: AdditiveTable, relation: number, cell: number): number {
  const { parts, total } = table.relations[relation] as AdditiveTable['relations'][number];
  return total === cell ? -1 : parts.includes(cell) ? 1 : 0;
}

/** True when moving the cells by their signs keeps every relation they touch adding up. */
function balances(table: AdditiveTable, perCell: readonly number[][], cells: readonly number[], signs: readonly number[]): boolean {
  const touched = new Set(cells.flatMap((cell) => perCell[cell] ?? []));
  for (const relation of touched) {
    const change = cells.reduce((sum, cell, index) => sum + coefficientIn(table, relation, cell) * (signs[index] as number), 0);
    if (change !== 0) return false;
  }
  return true;
}

/**
 * Candidate cycles through the target: pairs within one relation (a 1-D table: two categories, or a category
 * and its total) and rectangles across two relations (a 2-D table: row and column, margins included).
 */
function cyclesThrough(table: AdditiveTable, perCell: readonly number[][], target: number): Cycle[] {
  const cycles: Cycle[] = [];
  const membersOf = (relation: number): number[] => {
    const { parts, total } = table.relations[relation] as AdditiveTable['relations'][number];
    return [...parts, total];
  };
  const targetRelations = perCell[target] ?? [];
  const partners = [...new Set(targetRelations.flatMap(membersOf))].filter((cell) => cell !== target).sort((a, b) => a - b);
  for (const other of partners) {
    for (const sign of [-1, 1]) if (balances(table, perCell, [target, other], [1, sign])) cycles.push({ cells: [target, other], signs: [1, sign] });
  }
  const signCombinations = [-1, 1].flatMap((a) => [-1, 1].flatMap((b) => [-1, 1].map((c) => [1, a, b, c])));
  targetRelations.forEach((first, firstIndex) => {
    for (const second of targetRelations.slice(firstIndex + 1)) {
      for (const alongFirst of membersOf(first)) {
        if (alongFirst === target) continue;
        const reachable = new Set((perCell[alongFirst] ?? []).filter((relation) => relation !== first).flatMap(membersOf));
        for (const alongSecond of membersOf(second)) {
          if (alongSecond === target || alongSecond === alongFirst) continue;
          const corners = (perCell[alongSecond] ?? []).filter((relation) => relation !== second).flatMap(membersOf);
          for (const corner of new Set(corners)) {
            if (!reachable.has(corner) || [target, alongFirst, alongSecond].includes(corner)) continue;
            const cells = [target, alongFirst, alongSecond, corner];
            const signs = signCombinations.find((combination) => balances(table, perCell, cells, combination));
            if (signs !== undefined) cycles.push({ cells, signs });
          }
        }
      }
    }
  });
  return cycles;
}

/** The interval width the cycle alone guarantees the target (a lower bound on what the attacker finds). */
function cycleWidth(table: AdditiveTable, cycle: Cycle): number {
  const valueOf = (cell: number): number => table.cells[cell]?.value ?? 0;
  // Shifting by t: cells with the target's sign must stay >= 0 going down, the others going up.
  const down = Math.min(...cycle.cells.filter((_, index) => cycle.signs[index] === 1).map(valueOf));
  const up = Math.min(...cycle.cells.filter((_, index) => cycle.signs[index] === -1).map(valueOf));
  return down + up;
}

function cellCost(table: AdditiveTable, cell: number): number {
  const tableCell = table.cells[cell];
  if (tableCell === undefined) return Infinity;
  return (tableCell.value + 1) * (isMargin(tableCell) ? MARGIN_WEIGHT : 1);
}

interface Candidate {
  readonly added: readonly number[];
  readonly cost: number;
  readonly width: number;
}

function compareAdded(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    if (a[index] !== b[index]) return (a[index] as number) - (b[index] as number);
  }
  return a.length - b.length;
}

/**
 * The cells to add for one unprotected target: the cheapest cycle that on its own gives the target the
 * protection level; when none does, the widest. Falls back to the cheapest cell sharing a relation (or any
 * visible cell), so every round hides at least one more cell and the loop ends.
 */
function cellsToAdd(table: AdditiveTable, perCell: readonly number[][], suppressed: readonly boolean[], target: number, protectionLevel: number): number[] {
  const candidates: Candidate[] = cyclesThrough(table, perCell, target).flatMap((cycle) => {
    const added = [...new Set(cycle.cells.filter((cell) => suppressed[cell] !== true))].sort((a, b) => a - b);
    if (added.length === 0) return [];
    return [{ added, cost: added.reduce((sum, cell) => sum + cellCost(table, cell), 0), width: cycleWidth(table, cycle) }];
  });
  const sufficient = candidates.filter((candidate) => candidate.width >= protectionLevel && candidate.width > 0);
  const ranked =
    sufficient.length > 0
      ? sufficient.sort((a, b) => a.cost - b.cost || compareAdded(a.added, b.added))
      : candidates.sort((a, b) => b.width - a.width || a.cost - b.cost || compareAdded(a.added, b.added));
  const best = ranked[0];
  if (best !== undefined) return [...best.added];
  const neighbours = new Set(
    (perCell[target] ?? []).flatMap((relation) => {
      const { parts, total } = table.relations[relation] as AdditiveTable['relations'][number];
      return [...parts, total];
    }),
  );
  const visible = table.cells.map((_, cell) => cell).filter((cell) => suppressed[cell] !== true);
  const pool = visible.some((cell) => neighbours.has(cell)) ? visible.filter((cell) => neighbours.has(cell)) : visible;
  const cheapest = pool.sort((a, b) => cellCost(table, a) - cellCost(table, b) || a - b)[0];
  return cheapest === undefined ? [] : [cheapest];
}

/**
 * Chooses secondary suppressions until the attacker finds every primary cell's interval at least the
 * protection level wide. The attacker's verdict, not the heuristic's estimate, ends the loop; the result is
 * deterministic (ties go to the lowest cell index).
 */
export function protectTable(table: AdditiveTable, rules: Pick<RuleSet, 'protectionLevel'>): SecondarySuppressionResult {
  const perCell = relationsPerCell(table);
  const suppressed = suppressedMask(table);
  const primary = primaryCells(table);
  for (;;) {
    const intervals = attackTable(table, rules.protectionLevel, suppressed, primary);
    const exposed = intervals.filter((interval) => !interval.isProtected).sort((a, b) => a.width - b.width || a.cell - b.cell)[0];
    if (exposed === undefined) {
      const secondary = suppressed.flatMap((hidden, cell) => (hidden && !primary.includes(cell) ? [cell] : []));
      const statuses: TableCellStatus[] = table.cells.map((cell, index) => (secondary.includes(index) ? { status: 'secondary' } : cell.status));
      return { table: withStatuses(table, statuses), secondary, intervals };
    }
    const added = cellsToAdd(table, perCell, suppressed, exposed.cell, rules.protectionLevel);
    // Unreachable: with every cell hidden nothing bounds a cell from above, so the attacker is satisfied.
    if (added.length === 0) throw new Error(`Cell ${exposed.id} cannot be protected.`);
    for (const cell of added) suppressed[cell] = true;
  }
}
