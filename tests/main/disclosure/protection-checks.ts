// The checks an output checker would run on a protected table, shared by the suppression and peer-vector tests.
import { expect } from 'vitest';
import { attackTable, primaryCells } from '../../../src-main/disclosure/interval-attack';
import { isSuppressed, type AdditiveTable } from '../../../src-main/disclosure/table-cells';

/** Every blocked cell's interval at least the protection level wide, and never the only hidden cell of a relation. */
export function expectProtected(table: AdditiveTable, protectionLevel: number): void {
  const suppressed = table.cells.map((cell) => isSuppressed(cell.status));
  const primary = primaryCells(table);
  for (const interval of attackTable(table, protectionLevel, suppressed, primary)) {
    expect(interval.width, `cell ${interval.id} lies in [${interval.lower}, ${interval.upper}]`).toBeGreaterThanOrEqual(protectionLevel);
  }
  // The classic leak: a blocked cell as the only hidden cell of a row, a column or a margin.
  for (const relation of table.relations) {
    const hidden = [...relation.parts, relation.total].filter((cell) => suppressed[cell] === true);
    if (hidden.some((cell) => primary.includes(cell))) expect(hidden.length).toBeGreaterThanOrEqual(2);
  }
}
