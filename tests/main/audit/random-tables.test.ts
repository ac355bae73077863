// Seeded random 2-D tables protected by protectTable pass the audit; printing their secondary cells makes some fail, for the right cells.
import { describe, expect, it } from 'vitest';
import { auditPackages } from '../../../src-main/audit/audit-package';
import type { HiddenCellResult } from '../../../src-main/audit/audit-report';
import { readPackage } from '../../../src-main/audit/read-package';
import { feasibleIntervals } from '../../../src-main/disclosure/interval-attack';
import { DEFAULT_RULE_SET } from '../../../src-main/disclosure/rule-set';
import { protectTable } from '../../../src-main/disclosure/secondary-suppression';
import { countStatusOf, isPrimarySuppressed, isSuppressed, twoWayTable, type AdditiveTable } from '../../../src-main/disclosure/table-cells';
import type { PackageDefinitions } from '../../../src-main/publication/definitions-file';
import { Random } from '../../../src-main/synthetic/random';
import { tempFolder } from '../support/temp-folder';
import { count, countFigure, singleFeatureFamily, writePackage, type FixtureOutput } from './package-fixtures';

const rules = DEFAULT_RULE_SET;
const TABLES = 40;

/** 2x2 to 6x6; about a fifth of the cells below the threshold, some zeros, the rest 10 to 80. */
function randomValues(random: Random): number[][] {
  const rows = random.int(2, 6);
  const columns = random.int(2, 6);
  return Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => {
      const draw = random.next();
      return draw < 0.06 ? 0 : draw < 0.26 ? random.int(1, 9) : random.int(10, 80);
    }),
  );
}

/**
 * The table as a package: rows are the codes of feature "rij", columns are population atoms c0.. (each its own
 * population) plus "totaal" (all of them). Cell (r, c) of the table is printed at row r, column c of the CSV.
 */
function tableFixture(table: AdditiveTable, hidden: (cell: number) => boolean) {
  const [rowCount = 0, columnCount = 0] = table.dimensions;
  const codes = Array.from({ length: rowCount }, (_, row) => `r${row}`);
  const atoms = Array.from({ length: columnCount }, (_, column) => `c${column}`);
  const populations: PackageDefinitions['populations'] = {
    atoms,
    sets: { ...Object.fromEntries(atoms.map((atom) => [atom, { label: `kolom ${atom}`, atoms: [atom] }])), totaal: { label: 'Totaal', atoms } },
  };
  const cells: FixtureOutput['cells'][number][] = [];
  const rows: { label: string; fields: string[] }[] = [];
  for (let row = 0; row <= rowCount; row += 1) {
    const fields: string[] = [];
    for (let column = 0; column <= columnCount; column += 1) {
      const index = row * (columnCount + 1) + column;
      fields.push(hidden(index) ? 'x' : String(table.cells[index]?.value));
      const population = column === columnCount ? 'totaal' : `c${column}`;
      cells.push({ row, column, figure: countFigure(count('rij', 'rij', row === rowCount ? null : [`r${row}`], population)) });
    }
    rows.push({ label: row === rowCount ? 'Totaal' : `r${row}`, fields });
  }
  return {
    families: [singleFeatureFamily('rij', codes)],
    populations,
    outputs: [{ id: 'tabel', rowHeader: 'Rij', columns: [...atoms, 'Totaal'], rows, cells }],
  };
}

function cellIndex(table: AdditiveTable, result: HiddenCellResult): number {
  const columnCount = table.dimensions[1] ?? 0;
  return result.row * (columnCount + 1) + result.column;
}

describe('random tables protected by protectTable', async () => {
  const folder = await tempFolder('groepsbeeld-audit-random-');
  const statusOf = countStatusOf(rules);
  const tables = Array.from({ length: TABLES }, (_, seed) => protectTable(twoWayTable(randomValues(new Random(1000 + seed)), statusOf), rules).table);

  it('pass the audit, with the same intervals as the existing attacker for every hidden cell', async () => {
    let hiddenCells = 0;
    for (const [index, table] of tables.entries()) {
      const hidden = (cell: number): boolean => isSuppressed(table.cells[cell]?.status ?? { status: 'safe' });
      const report = auditPackages([await readPackage(await writePackage(folder, `beschermd-${index}`, tableFixture(table, hidden)))]);
      expect(report.pass, `table ${index}`).toBe(true);
      const results = report.packages[0]?.outputs[0]?.hiddenCells ?? [];
      const expected = feasibleIntervals(
        table,
        table.cells.map((cell) => isSuppressed(cell.status)),
        results.map((result) => cellIndex(table, result)),
      );
      expect(
        results.map((result) => [result.lower, result.upper ?? Infinity]),
        `table ${index}`,
      ).toEqual(expected.map((interval) => [interval.lower, interval.upper]));
      expect(results.every((result) => result.integerVerified)).toBe(true);
      hiddenCells += results.length;
    }
    // The test means something only if the tables have hidden cells.
    expect(hiddenCells).toBeGreaterThan(3 * TABLES);
  });

  it('fail once the secondary cells are printed, exactly where a blocked cell is left narrower than the protection level', async () => {
    let failingTables = 0;
    for (const [index, table] of tables.entries()) {
      const primary = (cell: number): boolean => isPrimarySuppressed(table.cells[cell]?.status ?? { status: 'safe' });
      const report = auditPackages([await readPackage(await writePackage(folder, `onbeschermd-${index}`, tableFixture(table, primary)))]);
      const results = report.packages[0]?.outputs[0]?.hiddenCells ?? [];
      // The existing attacker on the table with only the primary cells hidden.
      const attacked = feasibleIntervals(
        table,
        table.cells.map((_, cell) => primary(cell)),
        results.map((result) => cellIndex(table, result)),
      );
      const exposed = attacked
        .filter((interval) => interval.upper - interval.lower < rules.protectionLevel && interval.lower < rules.threshold)
        .map((interval) => interval.cell);
      const failing = results.filter((result) => !result.pass).map((result) => cellIndex(table, result));
      expect(failing, `table ${index}`).toEqual(exposed);
      // Every failing cell is a blocked cell (1 to 9): the audit fails for the cell the rule protects.
      for (const cell of failing) expect(table.cells[cell]?.value).toBeLessThan(rules.threshold);
      expect(report.pass).toBe(exposed.length === 0);
      if (failing.length > 0) failingTables += 1;
    }
    expect(failingTables).toBeGreaterThan(TABLES / 2);
  });
});
