// The attacker on hand-computed tables: what an intruder recovers of suppressed cells from margins and non-negativity.
import { describe, expect, it } from 'vitest';
import { attackTable, feasibleIntervals } from '../../../src-main/disclosure/interval-attack';
import type { CellStatus } from '../../../src-main/disclosure/primary-rules';
import { oneWayTable, twoWayTable, withStatuses, type AdditiveTable, type TableCellStatus } from '../../../src-main/disclosure/table-cells';
import { Random } from '../../../src-main/synthetic/random';

const safe = (): CellStatus => ({ status: 'safe' });
const blocked: TableCellStatus = { status: 'blocked', rule: 'threshold' };

/** A table with exactly the named cells suppressed (by id). */
function suppress(table: AdditiveTable, ids: readonly string[]): AdditiveTable {
  return withStatuses(
    table,
    table.cells.map((cell) => (ids.includes(cell.id) ? blocked : cell.status)),
  );
}

describe('attackTable', () => {
  // 3 12 | 15
  // 20 25 | 45
  // 23 37 | 60
  const table = twoWayTable(
    [
      [3, 12],
      [20, 25],
    ],
    safe,
  );

  it('recovers a lone suppressed cell of a 2x2 table exactly from its row total', () => {
    const [interval] = attackTable(suppress(table, ['r0|c0']), 10);
    expect(interval).toMatchObject({ id: 'r0|c0', lower: 3, upper: 3, width: 0, isProtected: false });
  });

  it('bounds four suppressed cells forming a rectangle by how far the rectangle can shift', () => {
    // Shifting by t: (0,0) and (1,1) + t, (0,1) and (1,0) - t; t runs from -min(3, 25) to min(12, 20).
    const intervals = attackTable(suppress(table, ['r0|c0', 'r0|c1', 'r1|c0', 'r1|c1']), 10);
    expect(intervals.map(({ id, lower, upper, width, isProtected }) => ({ id, lower, upper, width, isProtected }))).toEqual([
      { id: 'r0|c0', lower: 0, upper: 15, width: 15, isProtected: true },
      { id: 'r0|c1', lower: 0, upper: 15, width: 15, isProtected: true },
      { id: 'r1|c0', lower: 8, upper: 23, width: 15, isProtected: true },
      { id: 'r1|c1', lower: 22, upper: 37, width: 15, isProtected: true },
    ]);
    expect(attackTable(suppress(table, ['r0|c0', 'r0|c1', 'r1|c0', 'r1|c1']), 16).every((interval) => !interval.isProtected)).toBe(true);
  });

  it('finds a cell unbounded above when its row total and the grand total are suppressed with it', () => {
    const intervals = attackTable(suppress(table, ['r0|c0', 'r0|total', 'total|c0', 'total|total']), 10);
    expect(intervals[0]).toMatchObject({ lower: 0, upper: Infinity, isProtected: true });
  });

  it('bounds a 1-D pair by the two cells together: 4 and 7 hidden beside 30, total 41', () => {
    const oneWay = oneWayTable([4, 7, 30], safe);
    const [first, second] = attackTable(suppress(oneWay, ['c0', 'c1']), 10);
    expect(first).toMatchObject({ lower: 0, upper: 11, width: 11, isProtected: true });
    expect(second).toMatchObject({ lower: 0, upper: 11 });
  });

  it('refuses to attack a cell that is published anyway, and a table that does not add up', () => {
    expect(() =>
      feasibleIntervals(
        table,
        table.cells.map(() => false),
        [0],
      ),
    ).toThrow(/not suppressed/);
    // The second relation says cell 0 equals 20, so the first (cell 0 + cell 1 = 15) needs cell 1 = -5.
    const broken: AdditiveTable = {
      ...suppress(table, ['r0|c0', 'r0|c1']),
      relations: [
        { parts: [0, 1], total: 2 },
        { parts: [0], total: 3 },
      ],
    };
    expect(() => attackTable(broken, 10)).toThrow(/does not add up/);
  });

  it('scales to incomes: a rectangle of sums in the millions gets the exact shift bounds', () => {
    const incomes = twoWayTable(
      [
        [1_250_000.5, 3_400_000],
        [2_000_000, 9_875_000.25],
      ],
      safe,
    );
    const [first] = attackTable(suppress(incomes, ['r0|c0', 'r0|c1', 'r1|c0', 'r1|c1']), 10);
    // t runs from -min(1 250 000.5, 9 875 000.25) to min(3 400 000, 2 000 000).
    expect(first?.lower).toBeCloseTo(0, 3);
    expect(first?.upper).toBeCloseTo(3_250_000.5, 3);
  });

  it('agrees with brute-force enumeration of integer tables on 80 small random tables', () => {
    // Tables with margins have a totally unimodular constraint matrix, so the LP bounds are those of integer tables.
    const random = new Random(314);
    for (let trial = 0; trial < 80; trial += 1) {
      const rows = random.int(2, 3);
      const columns = random.int(2, 3);
      const inner = Array.from({ length: rows }, () => Array.from({ length: columns }, () => random.int(0, 5)));
      const table = twoWayTable(inner, safe);
      const grand = table.cells.length - 1;
      // Hide up to three inner cells and some margins; the grand total stays published so everything is bounded.
      const innerCells = table.cells.flatMap((cell, index) => (cell.coordinates.includes(null) ? [] : [index]));
      const hiddenInner = innerCells.filter(() => random.chance(0.35)).slice(0, 3);
      const hidden = table.cells.map(
        (cell, index) => hiddenInner.includes(index) || (index !== grand && cell.coordinates.includes(null) && random.chance(0.25)),
      );
      const targets = hidden.flatMap((isHidden, index) => (isHidden ? [index] : []));
      if (targets.length === 0) continue;
      const lp = feasibleIntervals(table, hidden, targets);
      const low = new Map<number, number>();
      const high = new Map<number, number>();
      const limit = table.cells[grand]?.value ?? 0;
      const values = table.cells.map((cell) => cell.value);
      const enumerate = (position: number): void => {
        if (position === hiddenInner.length) {
          const candidate = [...values];
          // Recompute the margins from the inner cells (two passes settle the totals of totals), then keep the
          // table if every published cell matches.
          for (let pass = 0; pass < 2; pass += 1) {
            for (const relation of table.relations) {
              candidate[relation.total] = relation.parts.reduce((sum, cell) => sum + (candidate[cell] as number), 0);
            }
          }
          if (candidate.some((value, index) => !hidden[index] && value !== table.cells[index]?.value)) return;
          for (const cell of targets) {
            low.set(cell, Math.min(low.get(cell) ?? Infinity, candidate[cell] as number));
            high.set(cell, Math.max(high.get(cell) ?? -Infinity, candidate[cell] as number));
          }
          return;
        }
        const cell = hiddenInner[position] as number;
        for (let value = 0; value <= limit; value += 1) {
          values[cell] = value;
          enumerate(position + 1);
        }
        values[cell] = table.cells[cell]?.value ?? 0;
      };
      enumerate(0);
      expect(lp).toEqual(targets.map((cell) => ({ cell, lower: low.get(cell), upper: high.get(cell) })));
    }
  });
});
