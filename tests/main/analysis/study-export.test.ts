// Comparing, clustering and exporting the demo study through its StudySession (what the IPC handlers and `groepsbeeld
// run` call): checked comparison tables, another k, the export preview, refusal without writing, and a package of
// only the chosen outputs with its output log, checksums and store entry. The whole package as an output checker
// reads it is tested in tests/main/study/demo-package.test.ts.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusteringRequestSchema } from '../../../src-main/analysis/clustering-service/cluster-features';
import { hasValue, type CheckedTable } from '../../../src-main/disclosure/checked-table';
import { DEFAULT_RULE_SET as rules, ruleSetDigest } from '../../../src-main/disclosure/rule-set';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { outputLogSchema } from '../../../src-main/export/output-log';
import { DifferencingStore } from '../../../src-main/publication/differencing-store';
import { knownFeatureId } from '../../../src-main/publication/feature-catalogue';
import { ALL_ID, CLIENTS_ID } from '../../../src-main/publication/population-atoms';
import { StudySession } from '../../../src-main/study/study-session';
import { linkedStudy, quickClustering, type StudyFixture } from '../support/study-fixture';
import { tempFolder } from '../support/temp-folder';

let study: StudyFixture;

beforeAll(async () => {
  study = await linkedStudy({ cluster: quickClustering(5, { kRange: [4, 5] }) });
}, 180_000);
afterAll(() => study?.close());

const counts = (table: CheckedTable | undefined, column: number) =>
  table?.rows.map((row) => [row.label, hasValue(row.cells[column]!) ? row.cells[column].value : row.cells[column]!.status]);

describe('a study session before linking', () => {
  it('refuses to compare, cluster or export, as a message for the analyst', async () => {
    const engine = await StudyEngine.create();
    try {
      const session = new StudySession({ engine, rules, userData: await tempFolder(), appVersion: 'test' });
      await expect(session.comparisons('suppression')).rejects.toThrow(/koppel eerst/i);
      await expect(session.exportPreview('suppression')).rejects.toThrow(/koppel eerst/i);
      await expect(session.cluster(clusteringRequestSchema.parse({}))).rejects.toThrow(/koppel eerst/i);
      expect(await session.lastLinkReport()).toBeNull();
      expect(await session.lastClustering()).toBeNull();
    } finally {
      await engine.close();
    }
  });
});

describe('the demo study in a session', () => {
  it('compares the linked demo clients with all households in checked tables', async () => {
    const tables = await study.session.comparisons('suppression');
    const education = tables.find((table) => table.id === 'vergelijking-education-level');
    expect(counts(education, 0)).toEqual([
      ['Laag', 88],
      ['Middelbaar', 49],
      ['Hoog', 36],
      ['Onbekend', 18],
      ['Totaal', 191],
    ]);
    expect(counts(education, 2)).toEqual([
      ['Laag', 2575],
      ['Middelbaar', 4089],
      ['Hoog', 3791],
      ['Onbekend', 891],
      ['Totaal', 11_346],
    ]);
    expect(education?.rows.every((row) => row.cells.every((cell) => cell.status !== 'suppressed'))).toBe(true);
    // Household type: 4 client households of type "other" (with the institutional ones, none, and the unknowns: the
    // rest row) are below the threshold: hidden, with another client count, and never printed.
    const { ledger } = await study.session.publication('suppression');
    const rest = ledger.rawCount({ feature: 'household_type', codes: ['overig-onbekend'], population: CLIENTS_ID });
    expect(rest).toBeGreaterThan(0);
    expect(rest).toBeLessThan(rules.threshold);
    const types = tables.find((table) => table.id === 'vergelijking-household-type')!;
    expect(types.rows.find((row) => row.id === 'overig-onbekend')?.cells[0]).toEqual({ status: 'suppressed' });
    expect(types.rows.filter((row) => row.id !== 'overig-onbekend' && row.cells[0]!.status === 'suppressed')).not.toHaveLength(0);
    expect(types.rows.flatMap((row) => [row.cells[0], row.cells[2]]).some((cell) => hasValue(cell!) && cell.value === rest)).toBe(false);
    const income = tables.find((table) => table.id === 'bedragen-disposable-income')!;
    expect(income.columns.map((column) => column.format)).toEqual(['count', 'amount', 'amount', 'amount', 'amount']);
    // 190 of 191 clients with a known income: printing 190 would say that one client household has none.
    expect(ledger.rawCount({ feature: knownFeatureId('disposable_income'), codes: ['bekend'], population: CLIENTS_ID })).toBe(190);
    expect(income.rows.find((row) => row.id === 'klanten')?.cells[0]).toEqual({ status: 'suppressed' });
    expect(
      income.rows
        .find((row) => row.id === 'klanten')
        ?.cells.slice(1)
        .every((cell) => cell.status === 'safe' && cell.value % 100 === 0),
    ).toBe(true);
    // The same tables by rounding: every count a multiple of the base.
    const rounded = await study.session.comparisons('rounding');
    const roundedEducation = rounded.find((table) => table.id === 'vergelijking-education-level')!;
    expect(roundedEducation.protection).toBe('rounding');
    expect(counts(roundedEducation, 0)).toEqual([
      ['Laag', 90],
      ['Middelbaar', 50],
      ['Hoog', 40],
      ['Onbekend', 20],
      ['Totaal', 190],
    ]);
  });

  it('publishes the clustering with the sizes of the publication, and follows the analyst to another k', async () => {
    const clustering = (await study.session.lastClustering())!;
    expect(clustering).toMatchObject({ recommendedK: 5, chosenK: 5 });
    expect(clustering.population.units).toBe(191);
    const before = (await study.session.publication('suppression')).clusters!;
    expect(before.clustering.k).toBe(5);
    expect(clustering.clusters.rows.map((row) => row.cells[0])).toEqual(before.table.table.rows[0]!.cells.slice(0, 5));
    const four = await study.session.chooseClusterCount(4);
    expect(four.chosenK).toBe(4);
    const after = await study.session.publication('suppression');
    expect(after.refusals).toEqual([]);
    expect(after.clusters!.table.table.id).toBe('clusterprofiel-k4');
    expect(after.clusters!.personas).toHaveLength(4);
    // The clustering page and the publication print the same sizes.
    const sizes = after.clusters!.table.table.rows[0]!.cells.slice(0, 4);
    expect(four.clusters.rows.map((row) => row.cells[0])).toEqual(sizes);
    expect(sizes.map((size) => (hasValue(size) ? size.value : null)).reduce((sum, size) => sum! + size!, 0)).toBe(191);
    // Back to the first choice: the same publication as before.
    await study.session.chooseClusterCount(5);
    expect((await study.session.publication('suppression')).clusters?.table.table).toEqual(before.table.table);
    await expect(study.session.chooseClusterCount(7)).rejects.toThrow(/k = 7 is in deze clustering niet geprobeerd/);
  });

  it('previews every output with its verdict, the rule set and nothing to warn about', async () => {
    const preview = await study.session.exportPreview('suppression');
    const ids = preview.candidates.map((candidate) => candidate.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'koppelrapport',
        'vergelijking-education-level',
        'bedragen-disposable-income',
        'clusterprofiel-k5',
        'clusterprofiel-opvallend-5-1',
        'clusterprofiel-opvallend-5-5',
        'persona-kaarten',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(preview.candidates.find((candidate) => candidate.id === 'vergelijking-education-level')).toMatchObject({
      verdict: 'pass',
      hidden: 0,
      review: 0,
      chart: true,
    });
    const types = preview.candidates.find((candidate) => candidate.id === 'vergelijking-household-type')!;
    expect(types.verdict).toBe('review');
    expect(types.hidden).toBeGreaterThan(1);
    expect(preview.candidates.find((candidate) => candidate.id === 'koppelrapport')?.chart).toBe(false);
    expect(preview.ruleSet).toEqual({ name: rules.name, digest: ruleSetDigest(rules) });
    expect(preview.differencing).toEqual([]);
    expect(preview.refusals).toEqual([]);
  });

  it('writes only the chosen outputs, with checksums that match and the comment in the log, and remembers the export', async () => {
    const folder = join(study.folder, 'exports');
    await mkdir(folder, { recursive: true });
    const refused = await study.session.export({ method: 'suppression', selection: [{ id: 'vergelijking-onbekend', chart: false }], folder });
    expect(refused).toEqual({ status: 'refused', reasons: ['Er is geen uitvoer "vergelijking-onbekend" in deze studie.'] });
    expect(await readdir(folder)).toEqual([]);

    const chosen = ['koppelrapport', 'vergelijking-education-level', 'vergelijking-household-type'];
    const result = await study.session.export({
      method: 'suppression',
      selection: [
        { id: 'koppelrapport', chart: false },
        { id: 'vergelijking-education-level', chart: true, comment: 'Opleiding van klanten tegenover alle huishoudens.' },
        { id: 'vergelijking-household-type', chart: false },
      ],
      folder,
    });
    if (result.status !== 'written') throw new Error(result.reasons.join('\n'));
    expect(await readdir(folder)).toHaveLength(1);
    const names = await readdir(result.folder);
    expect(names).toEqual(
      expect.arrayContaining([
        'output-log.json',
        'output-log.xlsx',
        'report.html',
        'report.pdf',
        'SHA256SUMS',
        ...chosen.map((id) => `${id}.csv`),
        'vergelijking-education-level.png',
      ]),
    );
    expect(names.filter((name) => name.startsWith('vergelijking-household-type.')).every((name) => !/\.(png|svg)$/.test(name))).toBe(true);
    expect(names.some((name) => name.startsWith('vergelijking-tenure') || name.startsWith('clusterprofiel') || name.startsWith('persona'))).toBe(false);
    for (const file of result.files) {
      const bytes = await readFile(join(result.folder, file.name));
      expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
    }
    const log = outputLogSchema.parse(JSON.parse(await readFile(join(result.folder, 'output-log.json'), 'utf8')));
    expect(log.outputs.map((output) => output.id)).toEqual(chosen);
    expect(log.outputs.find((output) => output.id === 'vergelijking-education-level')).toMatchObject({
      comment: 'Opleiding van klanten tegenover alle huishoudens.',
      exceptionRequest: null,
      checks: { verdict: 'pass' },
    });
    expect(log.study).toMatchObject({ name: study.study.name, referenceDate: '20171231', municipality: '0784' });
    const csv = await readFile(join(result.folder, 'vergelijking-household-type.csv'), 'utf8');
    expect(csv).toMatch(/^Overig of onbekend;x;x;/m);
    expect(csv).not.toMatch(/geblokkeerd|onderdrukt/);
    const exports = await new DifferencingStore(study.userData).listExports();
    expect(exports).toHaveLength(1);
    expect(exports[0]!.populations.map((population) => [population.id, population.outputIds])).toEqual([
      [ALL_ID, chosen],
      [CLIENTS_ID, chosen],
    ]);
    // The same populations again are no differencing risk.
    expect((await study.session.exportPreview('suppression')).differencing).toEqual([]);
  });
});
