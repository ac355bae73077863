// The demo study's export package read as an output checker reads it: audited independently, every hidden client cell
// keeps an interval of at least the protection level, no count of 1 to 9 is printed, the ACRO log and checksums are there.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPackages } from '../../../src-main/audit/audit-package';
import type { AuditReport } from '../../../src-main/audit/audit-report';
import { readPackage, type ReadPackage } from '../../../src-main/audit/read-package';
import { acroResultsSchema } from '../../../src-main/export/acro-results-schema';
import { verifyChecksums } from '../../../src-main/export/checksums-folder';
import { outputLogSchema } from '../../../src-main/export/output-log';
import { CLIENTS_ID } from '../../../src-main/publication/population-atoms';
import { linkedStudy, type StudyFixture } from '../support/study-fixture';

let study: StudyFixture;
let folder: string;
let pkg: ReadPackage;
let audit: AuditReport;

beforeAll(async () => {
  study = await linkedStudy();
  const preview = await study.session.exportPreview('suppression');
  const result = await study.session.export({
    method: 'suppression',
    selection: preview.candidates.map((candidate) => ({ id: candidate.id, chart: candidate.chart })),
    folder: study.folder,
  });
  if (result.status !== 'written') throw new Error(result.reasons.join('\n'));
  folder = result.folder;
  pkg = await readPackage(folder);
  audit = auditPackages([pkg]);
}, 240_000);

afterAll(() => study?.close());

/** The populations of clients: all client households and each cluster. */
function isClientPopulation(population: string): boolean {
  return population === CLIENTS_ID || population.startsWith('cluster-');
}

describe('the demo export package, as an output checker receives it', () => {
  it('passes the independent audit, with every hidden client cell at least the protection level wide', () => {
    expect(audit.pass, JSON.stringify(audit.packages[0]?.findings.filter((finding) => finding.severity === 'fail').slice(0, 5))).toBe(true);
    const hidden = pkg.outputs.flatMap((output) => output.cells.filter((cell) => cell.printed.kind === 'hidden').map((cell) => ({ output: output.id, cell })));
    expect(hidden.length).toBeGreaterThan(10);
    const results = audit.packages[0]!.outputs.flatMap((output) => output.hiddenCells.map((cell) => ({ output: output.id, cell })));
    for (const { output, cell } of hidden) {
      const figure = cell.figure;
      const population = figure.kind === 'count' ? figure.cell.population : figure.kind === 'share' ? figure.numerator.population : null;
      if (population === null || !isClientPopulation(population)) continue;
      const attacked = results.find((result) => result.output === output && result.cell.row === cell.row && result.cell.column === cell.column)?.cell;
      expect(attacked, `${output} ${cell.row}/${cell.column}`).toBeDefined();
      const width = attacked!.upper === null ? Infinity : attacked!.upper - attacked!.lower;
      expect(width >= 10 || attacked!.lower >= 10, `${output}, ${attacked!.label}: [${attacked!.lower}, ${attacked!.upper}]`).toBe(true);
    }
  });

  it('prints no count of 1 to 9 households, anywhere', () => {
    const small = pkg.outputs.flatMap((output) =>
      output.cells
        .filter((cell) => cell.figure.kind === 'count' && cell.printed.kind === 'number' && cell.printed.value > 0 && cell.printed.value < 10)
        .map((cell) => `${output.id} ${cell.row}/${cell.column}`),
    );
    expect(small).toEqual([]);
  });

  it("keeps the seed's headline visible: client households renting with housing allowance", async () => {
    const csv = await readFile(join(folder, 'vergelijking-tenure.csv'), 'utf8');
    expect(csv).toMatch(/^Huur met huurtoeslag;130;68,1;/m);
  });

  it('marks every hidden cell with the same "x", and says why only in the output log', async () => {
    const files = (await readdir(folder)).filter((name) => name.endsWith('.csv') || name.endsWith('.html'));
    for (const name of files) {
      const text = await readFile(join(folder, name), 'utf8');
      expect(text, name).not.toMatch(/geblokkeerd|secundair|onderdrukt/i);
    }
    const log = outputLogSchema.parse(JSON.parse(await readFile(join(folder, 'output-log.json'), 'utf8')));
    const reasons = new Set(log.outputs.flatMap((output) => output.checks.hiddenCells.map((cell) => cell.reason)));
    expect(reasons).toEqual(new Set(['primary', 'secondary', 'derived']));
    expect(log.ruleSet.summary).toMatch(/drempel 10.*beschermingsniveau 10/);
    expect(log.audit.hiddenCells).toBeGreaterThan(10);
  });

  it("writes ACRO's results.json and a checksum per file that SACRO-Viewer can check", async () => {
    const results = acroResultsSchema.parse(JSON.parse(await readFile(join(folder, 'results.json'), 'utf8')));
    expect(Object.keys(results.results)).toEqual(
      expect.arrayContaining(['koppelrapport', 'vergelijking-household-type', 'clusterprofiel-k5', 'persona-kaarten']),
    );
    const table = results.results['vergelijking-household-type']!;
    expect(table.status).toBe('review');
    expect(table.files[0]?.name).toBe('vergelijking-household-type.csv');
    expect(await verifyChecksums(folder)).toEqual({ ok: true, problems: [] });
  });

  it('states the thresholds used at the top of every CSV', async () => {
    for (const name of (await readdir(folder)).filter((file) => file.endsWith('.csv'))) {
      expect((await readFile(join(folder, name), 'utf8')).replace(/^\ufeff/, '').split('\r\n')[0], name).toMatch(
        /^# Regelset .*drempel 10, .*beschermingsniveau 10/,
      );
    }
  });
});
