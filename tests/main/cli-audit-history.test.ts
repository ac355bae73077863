// `groepsbeeld audit PAKKET...` and `groepsbeeld history [clear --confirm]` on a real export of the demo study: the
// audit passes the package as written and fails it once one hidden cell is printed after all (a CSV edited by hand),
// naming the cell that then can be recomputed; history lists the export the differencing guard remembers, and
// forgets it only when the analyst confirms.
import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnTitle } from '../../src-main/disclosure/checked-table';
import { STORE_FOLDER } from '../../src-main/publication/differencing-store';
import { groepsbeeld } from './support/cli-runs';
import { linkedStudy, type StudyFixture } from './support/study-fixture';
import { tempFolder } from './support/temp-folder';

/** A hidden count of the table: where it stands, why it is hidden, and its true value (from the ledger). */
interface HiddenCount {
  row: number;
  column: number;
  label: string;
  reason: string;
  value: number;
}

const TABLE = 'vergelijking-household-type';

let configHome: string;
let study: StudyFixture;
let packageFolder: string;
let hidden: HiddenCount[];

beforeAll(async () => {
  configHome = await tempFolder('groepsbeeld-cli-history-');
  // The study's app-data folder is the one the command line reads (XDG_CONFIG_HOME/groepsbeeld).
  study = await linkedStudy({ userData: join(configHome, 'groepsbeeld') });
  const preview = await study.session.exportPreview('suppression');
  const result = await study.session.export({
    method: 'suppression',
    selection: preview.candidates.map((candidate) => ({ id: candidate.id, chart: false })),
    folder: study.folder,
  });
  if (result.status !== 'written') throw new Error(result.reasons.join('\n'));
  packageFolder = result.folder;
  // The hidden client counts of the household-type table, with the true values only the main process knows.
  const publication = await study.session.publication('suppression');
  const published = publication.comparisons.find((entry) => entry.table.id === TABLE)!;
  hidden = published.table.rows.flatMap((row, rowIndex) =>
    row.cells.flatMap((cell, column): HiddenCount[] => {
      const figure = published.figures[rowIndex]?.[column];
      if (cell.status !== 'suppressed' || figure?.kind !== 'count') return [];
      const value = publication.ledger.raw(figure);
      const reason = publication.ledger.hiddenBecause(figure)?.kind ?? 'none';
      return value === null ? [] : [{ row: rowIndex, column, label: `${row.label} / ${columnTitle(published.table.columns[column]!)}`, reason, value }];
    }),
  );
}, 300_000);

afterAll(() => study?.close());

/** The package's CSV with one field replaced (row and column of the table; the CSV has the row label first). */
async function reveal(folder: string, cell: HiddenCount): Promise<void> {
  const path = join(folder, `${TABLE}.csv`);
  const lines = (await readFile(path, 'utf8')).split('\r\n');
  // A comment line with the rules, the header row, then the table's rows.
  const index = lines.findIndex((line) => !line.replace(/^\ufeff/, '').startsWith('#')) + 1 + cell.row;
  const fields = lines[index]!.split(';');
  expect(fields[cell.column + 1], `the CSV field of ${cell.label}`).toBe('x');
  fields[cell.column + 1] = String(cell.value);
  lines[index] = fields.join(';');
  await writeFile(path, lines.join('\r\n'));
}

describe("groepsbeeld audit on the demo study's export package", () => {
  it('passes the package as it was written (exit 0), every hidden cell checked', async () => {
    const { code, stdout, stderr } = await groepsbeeld(configHome, 'audit', packageFolder);
    expect(code, stdout + stderr).toBe(0);
    expect(stdout).toMatch(/: GOEDGEKEURD\n/);
    expect(stdout).toMatch(/Oordeel: GOEDGEKEURD: geen verborgen cel is terug te rekenen\./);
    expect(stdout).toMatch(new RegExp(`Uitvoer ${TABLE} \\(${TABLE}\\.csv\\): \\d+ verborgen cellen, 0 terug te rekenen`));
    expect(stdout).not.toMatch(/✗/);
  }, 120_000);

  it('fails the package once one hidden cell is printed after all (exit 1), naming the cell it gives away', async () => {
    // The table hides one small client count (the rule) and one other to shield it, which together add up to what the
    // total and the shown counts leave: printing the shield gives the small one away.
    expect(
      hidden
        .filter((cell) => cell.column === 0)
        .map((cell) => cell.reason)
        .sort(),
    ).toEqual(['primary', 'secondary']);
    const shield = hidden.find((cell) => cell.column === 0 && cell.reason === 'secondary')!;
    const small = hidden.find((cell) => cell.column === 0 && cell.reason === 'primary')!;
    expect(small.value).toBeLessThan(10);
    const edited = join(study.folder, 'bewerkt-pakket');
    await cp(packageFolder, edited, { recursive: true });
    await reveal(edited, shield);

    const { code, stdout } = await groepsbeeld(configHome, 'audit', edited);
    expect(code).toBe(1);
    expect(stdout).toMatch(/: AFGEKEURD\n/);
    expect(stdout).toContain(
      `✗ ${small.label} (rij ${small.row + 1}, kolom ${small.column + 1}): de aanvaller weet [${small.value}, ${small.value}], breedte 0`,
    );
    expect(stdout).toContain('Oordeel: AFGEKEURD (1 van 1 pakket).');
    // --json says the same, per cell.
    const json = await groepsbeeld(configHome, 'audit', edited, '--json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as {
      pass: boolean;
      packages: { outputs: { id: string; hiddenCells: { label: string; lower: number; upper: number | null; pass: boolean }[] }[] }[];
    };
    const cells = report.packages[0]!.outputs.find((output) => output.id === TABLE)!.hiddenCells;
    expect(cells.find((cell) => cell.label === small.label)).toMatchObject({ lower: small.value, upper: small.value, pass: false });
  }, 180_000);
});

describe('groepsbeeld history', () => {
  const store = () => join(configHome, 'groepsbeeld', STORE_FOLDER);

  it('lists the exports the differencing guard remembers, with their populations by name: no size, no household', async () => {
    const text = await groepsbeeld(configHome, 'history');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Verschilcontrole: 1 eerdere export(s) in ${store()}\n`);
    expect(text.stdout).toContain(`  ${study.study.name}  ${packageFolder}  (`);
    const json = await groepsbeeld(configHome, 'history', '--json');
    expect(json.code, json.stderr).toBe(0);
    const listed = JSON.parse(json.stdout) as {
      folder: string;
      exports: { study: string; folder: string; exportedAt: string; populations: Record<string, unknown>[] }[];
    };
    expect(listed).toMatchObject({ folder: store(), exports: [{ study: study.study.name, folder: packageFolder }] });
    const populations = listed.exports[0]!.populations;
    // The comparisons' two populations and the five clusters, by name only: a population's exact size may be a figure
    // the package hides (a cluster's size, say).
    expect(populations.map((population) => population.id)).toEqual(expect.arrayContaining(['alle-huishoudens', 'klanthuishoudens']));
    expect(populations).toHaveLength(7);
    for (const population of populations) expect(Object.keys(population).sort()).toEqual(['id', 'label']);
    // Fingerprints stay in the store: no household key or hash is printed.
    expect(json.stdout).not.toMatch(/"\d{9,10}"|[0-9a-f]{32}/);
  });

  it('refuses to clear without --confirm (exit 2), saying what clearing costs, and keeps every export', async () => {
    const refused = await groepsbeeld(configHome, 'history', 'clear');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/"history clear" wist de verschilcontrole in .*bevestig met --confirm/s);
    expect(refused.stdout).toBe('');
    const wrong = await groepsbeeld(configHome, 'history', 'wis');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Na history volgt niets of "clear --confirm" \(opgegeven: "wis"\)/);
    expect((await groepsbeeld(configHome, 'history', 'clear', 'alles', '--confirm')).code).toBe(2);
    expect(JSON.parse((await groepsbeeld(configHome, 'history', '--json')).stdout).exports).toHaveLength(1);
  });

  it('clears the store with --confirm (exit 0): its secret key too, and the listing is empty', async () => {
    const cleared = await groepsbeeld(configHome, 'history', 'clear', '--confirm');
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(cleared.stderr).toContain(`De verschilcontrole in ${store()} is gewist.`);
    await expect(stat(store())).rejects.toMatchObject({ code: 'ENOENT' });
    const listed = await groepsbeeld(configHome, 'history');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Verschilcontrole: 0 eerdere export(s)');
    // The exported package itself is the analyst's and stays where it was.
    expect((await stat(join(packageFolder, 'output-log.json'))).isFile()).toBe(true);
  });
});
