// `groepsbeeld audit`: exit codes 0 / 1 / 2, the Dutch text report and the JSON report.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../../src-main/cli/audit';
import { tempFolder } from '../support/temp-folder';
import { countColumn, DIGEST_B, ONE_POPULATION, singleFeatureFamily, writePackage, type FixturePackage } from './package-fixtures';

function capture(): { out: (text: string) => void; err: (text: string) => void; stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  return { out: (text) => (stdout += text), err: (text) => (stderr += text), stdout: () => stdout, stderr: () => stderr };
}

const FAMILY = singleFeatureFamily('type', ['a', 'b', 'c', 'd']);
const safe: FixturePackage = {
  families: [FAMILY],
  populations: ONE_POPULATION,
  outputs: [countColumn('type', 'type', ['a', 'b', 'c', 'd'], 'alle', ['x', '30', 'x', '55', '101'])],
};
const leaking: FixturePackage = {
  families: [FAMILY],
  populations: ONE_POPULATION,
  outputs: [countColumn('type', 'type', ['a', 'b', 'c', 'd'], 'alle', ['x', '30', '12', '55', '101'])],
};
// With the total hidden too, nothing bounds a from above (other data, so audited on its own).
const unbounded: FixturePackage = {
  dataDigest: DIGEST_B,
  families: [FAMILY],
  populations: ONE_POPULATION,
  outputs: [countColumn('type', 'type', ['a', 'b', 'c', 'd'], 'alle', ['x', '30', '12', '55', 'x'])],
};

describe('runAuditCommand', () => {
  it('exits 0 and prints a Dutch verdict for a package that passes', async () => {
    const output = capture();
    const code = await runAuditCommand([await writePackage(await tempFolder(), 'veilig', safe)], { json: false }, output);
    expect(code).toBe(0);
    expect(output.stdout()).toContain('Pakket veilig: GOEDGEKEURD');
    expect(output.stdout()).toContain('✓ a / Aantal (rij 1, kolom 1): de aanvaller weet [0, 16], breedte 16 (in gehele aantallen nagerekend)');
    expect(output.stdout()).toMatch(/Oordeel: GOEDGEKEURD/);
    expect(output.stderr()).toBe('');
  });

  it('exits 1 for a package with a recomputable cell, and names it', async () => {
    const output = capture();
    const code = await runAuditCommand([await writePackage(await tempFolder(), 'lek', leaking)], { json: false }, output);
    expect(code).toBe(1);
    expect(output.stdout()).toContain('✗ a / Aantal (rij 1, kolom 1): de aanvaller weet [4, 4], breedte 0');
    expect(output.stdout()).toContain('Oordeel: AFGEKEURD (1 van 1 pakket).');
  });

  it('prints the report as JSON with --json, an unbounded interval with upper null', async () => {
    const folder = await tempFolder();
    const output = capture();
    const code = await runAuditCommand([await writePackage(folder, 'lek', leaking), await writePackage(folder, 'open', unbounded)], { json: true }, output);
    expect(code).toBe(1);
    const report = JSON.parse(output.stdout()) as {
      pass: boolean;
      packages: { name: string; pass: boolean; outputs: { hiddenCells: unknown[] }[] }[];
      groups: { packages: string[] }[];
    };
    expect(report.pass).toBe(false);
    // Different data digests: two groups, each audited on its own.
    expect(report.groups.map((group) => group.packages)).toEqual([['lek'], ['open']]);
    expect(report.packages.map((item) => [item.name, item.pass, item.outputs[0]?.hiddenCells])).toEqual([
      ['lek', false, [{ output: 'type', row: 0, column: 0, label: 'a / Aantal', lower: 4, upper: 4, integerVerified: true, pass: false }]],
      [
        'open',
        true,
        [
          { output: 'type', row: 0, column: 0, label: 'a / Aantal', lower: 0, upper: null, integerVerified: true, pass: true },
          { output: 'type', row: 4, column: 0, label: 'Totaal / Aantal', lower: 97, upper: null, integerVerified: true, pass: true },
        ],
      ],
    ]);
  });

  it('exits 2 without a package, and for a folder that is not a package', async () => {
    const none = capture();
    expect(await runAuditCommand([], { json: false }, none)).toBe(2);
    expect(none.stderr()).toContain('Geef ten minste één pakketmap op.');
    const missing = capture();
    const folder = join(await tempFolder(), 'bestaat-niet');
    expect(await runAuditCommand([folder], { json: false }, missing)).toBe(2);
    expect(missing.stderr()).toBe(
      `${join(folder, 'definities.json')} ontbreekt of is niet te lezen: ${folder} is geen (volledig) exportpakket van Groepsbeeld.\n`,
    );
    expect(missing.stdout()).toBe('');
  });
});
