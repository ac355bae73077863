// The attacker test for secondary suppression: on seeded random tables no blocked cell can be narrowed below the protection level.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../src-main/disclosure/rule-set';
import { protectTable } from '../../../src-main/disclosure/secondary-suppression';
import { countStatusOf, oneWayTable, twoWayTable } from '../../../src-main/disclosure/table-cells';
import { Random } from '../../../src-main/synthetic/random';
import { expectProtected } from './protection-checks';

const rules = DEFAULT_RULE_SET;
const statusOf = countStatusOf(rules);

/** Sizes 2x2 to 8x8; about a third of the cells below the threshold, some zeros, the rest 10 to 80. */
function randomTable(random: Random): number[][] {
  const rows = random.int(2, 8);
  const columns = random.int(2, 8);
  return Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => {
      const draw = random.next();
      return draw < 0.08 ? 0 : draw < 0.38 ? random.int(1, 9) : random.int(10, 80);
    }),
  );
}

describe('protectTable', () => {
  it('leaves a table without blocked cells alone', () => {
    const table = twoWayTable(
      [
        [12, 30],
        [41, 15],
      ],
      statusOf,
    );
    const result = protectTable(table, rules);
    expect(result.secondary).toEqual([]);
    expect(result.table).toEqual(table);
  });

  it('protects a singleton in a 2x2 table by hiding the cheapest rectangle', () => {
    //  3 12 | 15
    // 20 25 | 45
    const table = twoWayTable(
      [
        [3, 12],
        [20, 25],
      ],
      statusOf,
    );
    const result = protectTable(table, rules);
    // The rectangle of all four inner cells gives (0,0) the interval [0, 15]; the margins stay visible.
    expect(result.secondary.map((cell) => result.table.cells[cell]?.id)).toEqual(['r0|c1', 'r1|c0', 'r1|c1']);
    expect(result.intervals).toEqual([expect.objectContaining({ id: 'r0|c0', lower: 0, upper: 15, isProtected: true })]);
    expect(result.table.cells[1]?.status).toEqual({ status: 'secondary' });
    expect(table.cells[1]?.status).toEqual({ status: 'safe' });
    expectProtected(result.table, rules.protectionLevel);
  });

  it('protects a 1-D table by hiding a second category, or the total when no pair is wide enough', () => {
    const pair = protectTable(oneWayTable([4, 30, 12, 55], statusOf), rules);
    // 4 with 12 gives [0, 16]; 4 with 30 would also do but costs more.
    expect(pair.secondary).toEqual([2]);
    expectProtected(pair.table, rules.protectionLevel);
    // 3 and 4 together span only 7 < 10, so the pair is not enough: the wider 3 + 20 pair is chosen.
    const widening = protectTable(oneWayTable([3, 4, 20], statusOf), rules);
    expectProtected(widening.table, rules.protectionLevel);
    expect(widening.secondary).toEqual([2]);
    // A category equal to its total can only be shielded by hiding the total.
    const alone = protectTable(oneWayTable([6], statusOf), rules);
    expect(alone.table.cells.map((cell) => cell.status.status)).toEqual(['blocked', 'blocked']);
    expectProtected(alone.table, rules.protectionLevel);
  });

  it('survives the attacker on 200 seeded random tables from 2x2 to 8x8', () => {
    const random = new Random(20260525);
    let protectedCells = 0;
    for (let trial = 0; trial < 200; trial += 1) {
      const table = twoWayTable(randomTable(random), statusOf);
      const result = protectTable(table, rules);
      expectProtected(result.table, rules.protectionLevel);
      expect(result.secondary.every((cell) => table.cells[cell]?.status.status !== 'blocked')).toBe(true);
      protectedCells += result.intervals.length;
    }
    // The generator must actually produce blocked cells for the test to mean anything.
    expect(protectedCells).toBeGreaterThan(500);
  });

  it('gives the same answer twice and does not modify its input', () => {
    const random = new Random(7);
    const table = twoWayTable(randomTable(random), statusOf);
    const copy = structuredClone(table);
    expect(protectTable(table, rules)).toEqual(protectTable(table, rules));
    expect(table).toEqual(copy);
  });

  it('also protects at a stricter protection level of 25', () => {
    const random = new Random(99);
    for (let trial = 0; trial < 40; trial += 1) {
      const result = protectTable(twoWayTable(randomTable(random), statusOf), { protectionLevel: 25 });
      expectProtected(result.table, 25);
    }
  });
});
