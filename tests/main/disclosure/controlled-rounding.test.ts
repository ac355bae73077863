// Controlled rounding: on hundreds of seeded random tables the rounded table adds up, and each cell moved less than one base.
import { describe, expect, it } from 'vitest';
import { roundControlled } from '../../../src-main/disclosure/controlled-rounding';
import { brokenRelations, oneWayTable, twoWayTable, withStatuses, type AdditiveTable } from '../../../src-main/disclosure/table-cells';
import { Random } from '../../../src-main/synthetic/random';

const safe = () => ({ status: 'safe' as const });

function randomValue(random: Random, base: number): number {
  const draw = random.next();
  if (draw < 0.15) return 0;
  if (draw < 0.3) return base * random.int(1, 8);
  return draw < 0.6 ? random.int(1, 9) : random.int(10, 250);
}

/** The rounded values must form an additive table of multiples of the base, each within one base of the original. */
function expectControlledRounding(table: AdditiveTable, base: number): void {
  const rounded = roundControlled(table, base);
  expect(rounded).toHaveLength(table.cells.length);
  const roundedTable = withStatuses({ ...table, cells: table.cells.map((cell, index) => ({ ...cell, value: rounded[index] as number })) }, []);
  expect(brokenRelations(roundedTable, 0)).toEqual([]);
  table.cells.forEach((cell, index) => {
    const value = rounded[index] as number;
    expect(value % base).toBe(0);
    if (cell.value % base === 0) expect(value).toBe(cell.value);
    else expect([cell.value - (cell.value % base), cell.value - (cell.value % base) + base]).toContain(value);
  });
}

describe('roundControlled', () => {
  it('rounds a hand-made 2x2 table to base 5 and keeps it additive', () => {
    //  3  4 |  7
    //  6  8 | 14
    //  9 12 | 21
    const table = twoWayTable(
      [
        [3, 4],
        [6, 8],
      ],
      safe,
    );
    // Rounded:  5  0 |  5
    //           5 10 | 15
    //          10 10 | 20   (rows, columns and totals add up; 4 may become 0, as in any rounding to base 5)
    expect(roundControlled(table, 5)).toEqual([5, 0, 5, 5, 10, 15, 10, 10, 20]);
  });

  it('rounds a 1-D table: the total to its nearest multiple, categories with the largest remainders up', () => {
    // 7 + 4 + 13 + 20 = 44 -> total 45; floors 5 + 0 + 10 + 20 = 35, so two categories go up: 4 and 13
    // (remainders 4 and 3), not 7 (remainder 2).
    expect(roundControlled(oneWayTable([7, 4, 13, 20], safe), 5)).toEqual([5, 5, 15, 20, 45]);
    expect(roundControlled(oneWayTable([0, 10, 20], safe), 10)).toEqual([0, 10, 20, 30]);
  });

  it('keeps additivity on 300 seeded 2-D tables for base 5 and base 10, zeros and multiples included', () => {
    const random = new Random(5_10_1987);
    for (let trial = 0; trial < 300; trial += 1) {
      const base = trial % 2 === 0 ? 5 : 10;
      const rows = random.int(1, 9);
      const columns = random.int(1, 9);
      const values = Array.from({ length: rows }, () => Array.from({ length: columns }, () => randomValue(random, base)));
      expectControlledRounding(twoWayTable(values, safe), base);
    }
  });

  it('keeps additivity on 200 seeded 1-D tables', () => {
    const random = new Random(42);
    for (let trial = 0; trial < 200; trial += 1) {
      const base = trial % 2 === 0 ? 5 : 10;
      const values = Array.from({ length: random.int(1, 12) }, () => randomValue(random, base));
      expectControlledRounding(oneWayTable(values, safe), base);
    }
  });

  it('leaves an all-zero table and a table of multiples exactly as they are', () => {
    const zeros = twoWayTable(
      [
        [0, 0],
        [0, 0],
      ],
      safe,
    );
    expect(roundControlled(zeros, 10)).toEqual(zeros.cells.map(() => 0));
    const multiples = twoWayTable(
      [
        [10, 20],
        [30, 0],
      ],
      safe,
    );
    expect(roundControlled(multiples, 10)).toEqual(multiples.cells.map((cell) => cell.value));
  });

  it('refuses fractions, tables that do not add up and more than two dimensions', () => {
    expect(() => roundControlled(oneWayTable([2.5, 3], safe), 5)).toThrow(/gehele getallen/);
    const table = twoWayTable([[1, 2]], safe);
    const broken = { ...table, cells: table.cells.map((cell, index) => (index === 0 ? { ...cell, value: 5 } : cell)) };
    expect(() => roundControlled(broken, 5)).toThrow(/telt niet op tot haar totalen/);
    expect(() => roundControlled({ ...table, dimensions: [1, 2, 1] }, 5)).toThrow(/deze tabel heeft er 3/);
  });
});
