// Packages of the same data audited together: two cluster partitions that are safe alone but pin a cell together, and the reverse checks.
import { describe, expect, it } from 'vitest';
import { auditPackages } from '../../../src-main/audit/audit-package';
import type { AuditReport } from '../../../src-main/audit/audit-report';
import { jointPopulations } from '../../../src-main/audit/joint-populations';
import { readPackage } from '../../../src-main/audit/read-package';
import type { PackageDefinitions } from '../../../src-main/publication/definitions-file';
import { tempFolder } from '../support/temp-folder';
import { count, countFigure, DIGEST_A, DIGEST_B, singleFeatureFamily, writePackage, type FixtureOutput, type FixturePackage } from './package-fixtures';

const FAMILY = singleFeatureFamily('kenmerk', ['k1', 'k2', 'k3']);

/** One column per population: a row per code, then the total row. */
function columns(id: string, populations: readonly { id: string; label: string; fields: readonly string[] }[]): FixtureOutput {
  const rows = ['k1', 'k2', 'k3', 'Totaal'].map((label, row) => ({ label, fields: populations.map((population) => population.fields[row] as string) }));
  const cells = populations.flatMap((population, column) =>
    [['k1'], ['k2'], ['k3'], null].map((codes, row) => ({ row, column, figure: countFigure(count('kenmerk', 'kenmerk', codes, population.id)) })),
  );
  return { id, rowHeader: 'Kenmerk', columns: populations.map((population) => population.label), rows, cells };
}

// Package A: non-clients and clients; the clients' column k1 = 3 and k2 = 30 hidden, k3 = 40, total 73.
const populationsA: PackageDefinitions['populations'] = {
  atoms: ['niet-klant', 'klant'],
  sets: { alle: { label: 'Alle huishoudens', atoms: ['niet-klant', 'klant'] }, klanten: { label: 'Klanten', atoms: ['klant'] } },
};
const packageA = (digest: string): FixturePackage => ({
  dataDigest: digest,
  families: [FAMILY],
  populations: populationsA,
  outputs: [columns('klanten', [{ id: 'klanten', label: 'Klanten', fields: ['x', 'x', '40', '73'] }])],
});

// Package B: the clients in two clusters (33 and 40 households), by the same feature.
const populationsB: PackageDefinitions['populations'] = {
  atoms: ['niet-klant', 'cluster-1', 'cluster-2'],
  sets: {
    alle: { label: 'Alle huishoudens', atoms: ['niet-klant', 'cluster-1', 'cluster-2'] },
    klanten: { label: 'Klanten', atoms: ['cluster-1', 'cluster-2'] },
    'cluster-1': { label: 'Cluster 1', atoms: ['cluster-1'] },
    'cluster-2': { label: 'Cluster 2', atoms: ['cluster-2'] },
  },
};
const packageB = (digest: string, clusterTwoK2: string): FixturePackage => ({
  dataDigest: digest,
  families: [FAMILY],
  populations: populationsB,
  outputs: [
    columns('clusters', [
      { id: 'cluster-1', label: 'Cluster 1', fields: ['x', '15', 'x', '33'] },
      // With k2 hidden here, k3 must be hidden too (else k2 = 40 - 0 - 25).
      { id: 'cluster-2', label: 'Cluster 2', fields: clusterTwoK2 === 'x' ? ['0', 'x', 'x', '40'] : ['0', clusterTwoK2, '25', '40'] },
    ]),
  ],
});

async function auditFolders(...fixtures: FixturePackage[]): Promise<AuditReport> {
  const folder = await tempFolder('groepsbeeld-audit-joint-');
  const paths = await Promise.all(fixtures.map((fixture, index) => writePackage(folder, `pakket-${String.fromCharCode(97 + index)}`, fixture)));
  return auditPackages(await Promise.all(paths.map(readPackage)));
}

function hiddenCell(report: AuditReport, name: string, label: string) {
  return report.packages
    .find((item) => item.name === name)
    ?.outputs.flatMap((output) => output.hiddenCells)
    .find((cell) => cell.label === label);
}

describe('joint audit of packages of the same data', () => {
  it('each package alone passes: A leaves k1 in [0, 33], B leaves cluster 1 k1 in [0, 18]', async () => {
    const alone = await auditFolders(packageA(DIGEST_A));
    expect(hiddenCell(alone, 'pakket-a', 'k1 / Klanten')).toMatchObject({ lower: 0, upper: 33, pass: true });
    expect(alone.pass).toBe(true);
    const other = await auditFolders(packageB(DIGEST_A, '15'));
    expect(hiddenCell(other, 'pakket-a', 'k1 / Cluster 1')).toMatchObject({ lower: 0, upper: 18, pass: true });
    expect(other.pass).toBe(true);
  });

  it('together they fail: the clusters give the clients k2 = 15 + 15 = 30, so k1 = 73 - 30 - 40 = 3', async () => {
    const report = await auditFolders(packageA(DIGEST_A), packageB(DIGEST_A, '15'));
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]?.packages).toEqual(['pakket-a', 'pakket-b']);
    expect(hiddenCell(report, 'pakket-a', 'k2 / Klanten')).toMatchObject({ lower: 30, upper: 30, pass: true });
    expect(hiddenCell(report, 'pakket-a', 'k1 / Klanten')).toMatchObject({ lower: 3, upper: 3, pass: false });
    // And through A, cluster 1's k1 is the clients' k1 (cluster 2 has none): 3 as well.
    expect(hiddenCell(report, 'pakket-b', 'k1 / Cluster 1')).toMatchObject({ lower: 3, upper: 3, pass: false });
    expect(report.pass).toBe(false);
  });

  it('the same two packages with different data digests are audited separately and pass', async () => {
    const report = await auditFolders(packageA(DIGEST_A), packageB(DIGEST_B, '15'));
    expect(report.groups.map((group) => group.packages)).toEqual([['pakket-a'], ['pakket-b']]);
    expect(hiddenCell(report, 'pakket-a', 'k1 / Klanten')).toMatchObject({ lower: 0, upper: 33, pass: true });
    expect(report.pass).toBe(true);
  });

  it('together they pass when cluster 2 hides k2 as well: the clients k2 is then 15 + [0, 40]', async () => {
    const report = await auditFolders(packageA(DIGEST_A), packageB(DIGEST_A, 'x'));
    expect(hiddenCell(report, 'pakket-a', 'k1 / Klanten')).toMatchObject({ lower: 0, upper: 18, pass: true });
    expect(report.pass).toBe(true);
  });

  it('treats a family with the same id but other atoms as a different family', async () => {
    const otherFamily = { ...packageB(DIGEST_A, '15'), families: [singleFeatureFamily('kenmerk', ['k1', 'k2', 'k3', 'k4'])] };
    const report = await auditFolders(packageA(DIGEST_A), otherFamily);
    expect(hiddenCell(report, 'pakket-a', 'k1 / Klanten')).toMatchObject({ lower: 0, upper: 33, pass: true });
    expect(report.pass).toBe(true);
  });
});

describe('jointPopulations', () => {
  it('combines atoms that agree on every shared population id, and finds atoms the packages disagree about', () => {
    const joint = jointPopulations([populationsA, populationsB]);
    // (niet-klant, niet-klant), (klant, cluster-1), (klant, cluster-2): 'klanten' and 'alle' must agree.
    expect(joint.atoms).toEqual([
      [0, 0],
      [1, 1],
      [1, 2],
    ]);
    expect(joint.sets.get('klanten')).toEqual([1, 2]);
    expect(joint.sets.get('cluster-2')).toEqual([2]);
    expect(joint.orphans).toEqual([]);
    // A third package that calls everyone a client contradicts A's non-clients.
    const contradiction = jointPopulations([populationsA, { atoms: ['iedereen'], sets: { klanten: { label: 'Klanten', atoms: ['iedereen'] } } }]);
    expect(contradiction.orphans).toEqual([{ packageIndex: 0, atom: 'niet-klant' }]);
  });
});
