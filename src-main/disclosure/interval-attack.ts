// The attacker: from a published table (suppressed cells unknown, all cells >= 0, margins add up) the interval each suppressed cell must lie in.
import { solveLinearPrograms, type LinearConstraint, type LinearObjective } from './linear-program';
import { isPrimarySuppressed, isSuppressed, type AdditiveTable } from './table-cells';

export interface CellInterval {
  /** Index of the cell in the table. */
  readonly cell: number;
  readonly id: string;
  readonly lower: number;
  /** Infinity when nothing bounds the cell from above (e.g. a suppressed cell whose totals are suppressed too). */
  readonly upper: number;
  readonly width: number;
  /** The interval is at least the protection level wide, so the cell is not recovered (or nearly so). */
  readonly isProtected: boolean;
}

/** Snaps solver noise: 12.000000001 is 12. Relative, because magnitude tables hold sums of incomes. */
function clean(value: number): number {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) <= 1e-9 * Math.max(1, Math.abs(value)) ? nearest : value;
}

/** Which cells the reader cannot see according to the table's statuses. */
export function suppressedMask(table: AdditiveTable): boolean[] {
  return table.cells.map((cell) => isSuppressed(cell.status));
}

/**
 * The attacker's linear program: one variable per suppressed cell; every relation that holds a suppressed
 * cell becomes an equation in them, with the published cells moved to the right-hand side.
 */
function attackerConstraints(table: AdditiveTable, suppressed: readonly boolean[], variableOf: ReadonlyMap<number, number>): LinearConstraint[] {
  const constraints: LinearConstraint[] = [];
  for (const relation of table.relations) {
    const coefficients = new Array<number>(variableOf.size).fill(0);
    let rhs = 0;
    let unknown = false;
    const add = (cell: number, sign: number): void => {
      const variable = variableOf.get(cell);
      if (suppressed[cell] === true && variable !== undefined) {
        coefficients[variable] = (coefficients[variable] as number) + sign;
        unknown = true;
      } else {
        rhs -= sign * (table.cells[cell]?.value ?? 0);
      }
    };
    for (const part of relation.parts) add(part, 1);
    add(relation.total, -1);
    if (unknown) constraints.push({ coefficients, relation: '=', rhs });
  }
  return constraints;
}

/**
 * Lower and upper bound of each target cell over every non-negative table that matches what is published.
 * Targets must be suppressed; the bounds come from a linear program (the continuous relaxation, as
 * tau-ARGUS and sdcTable's attacker use), so they are never tighter than what an integer attacker finds.
 */
export function feasibleIntervals(
  table: AdditiveTable,
  suppressed: readonly boolean[],
  targets: readonly number[],
): { readonly cell: number; readonly lower: number; readonly upper: number }[] {
  const variableOf = new Map<number, number>();
  suppressed.forEach((hidden, cell) => {
    if (hidden) variableOf.set(cell, variableOf.size);
  });
  const constraints = attackerConstraints(table, suppressed, variableOf);
  const objectives: LinearObjective[] = targets.flatMap((cell) => {
    const variable = variableOf.get(cell);
    if (variable === undefined) throw new Error(`Cell ${cell} is not suppressed, so it has no interval to attack.`);
    const coefficients = new Array<number>(variableOf.size).fill(0);
    coefficients[variable] = 1;
    return [
      { coefficients, direction: 'minimize' as const },
      { coefficients, direction: 'maximize' as const },
    ];
  });
  const results = solveLinearPrograms(variableOf.size, constraints, objectives);
  return targets.map((cell, index) => {
    const low = results[2 * index];
    const high = results[2 * index + 1];
    if (low?.status === 'infeasible' || high?.status === 'infeasible' || low === undefined || high === undefined) {
      throw new Error('The published table does not add up: no table of non-negative cells matches it.');
    }
    // Minimising a non-negative variable is never unbounded.
    const lower = low.status === 'optimal' ? clean(low.value) : 0;
    const upper = high.status === 'optimal' ? clean(high.value) : Infinity;
    return { cell, lower, upper };
  });
}

/**
 * Attacks every suppressed cell of the table (or the given targets) and says whether each is protected:
 * never determined exactly, and its interval at least `protectionLevel` wide.
 */
export function attackTable(
  table: AdditiveTable,
  protectionLevel: number,
  suppressed: readonly boolean[] = suppressedMask(table),
  targets: readonly number[] = suppressed.flatMap((hidden, cell) => (hidden ? [cell] : [])),
): CellInterval[] {
  return feasibleIntervals(table, suppressed, targets).map(({ cell, lower, upper }) => {
    const width = upper - lower;
    return { cell, id: table.cells[cell]?.id ?? String(cell), lower, upper, width, isProtected: width > 0 && width >= protectionLevel };
  });
}

/** The primary suppressions of a table: the cells secondary protection has to shield. */
export function primaryCells(table: AdditiveTable): number[] {
  return table.cells.flatMap((cell, index) => (isPrimarySuppressed(cell.status) ? [index] : []));
}
