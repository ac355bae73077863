// A study file adds a feature from a table the loader does not know (a partner's debt-help file with lowercase
// columns and no RINPERSOONS), without code: it is computed for exactly the planted households, published through the
// disclosure rules by `groepsbeeld run`, and every mistake in its definition is an error naming the feature and file.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_TABLE } from '../../../src-main/linking/analysis-table-name';
import { demoStudy } from '../../../src-main/linking/demo-study';
import { runStudy } from '../../../src-main/linking/run-study';
import { loadStudyFile, type Study } from '../../../src-main/linking/study-file';
import { groepsbeeld } from '../support/cli-runs';
import { tempFolder } from '../support/temp-folder';
import { generateWorld } from '../synthetic/support/demo-world';
import { DEBT_HELP_FEATURE, DEBT_HELP_FILE, DEBT_HELP_PLANTED, writeDebtHelpFile } from './support/debt-help-file';

const FILE = DEBT_HELP_FILE;
let folder: string;
const planted = DEBT_HELP_PLANTED;

const feature = DEBT_HELP_FEATURE;

async function studyWith(features: unknown[], extra: object = {}): Promise<string> {
  const study = demoStudy({ folder });
  const path = join(folder, `study-${Math.random().toString(36).slice(2)}.json`);
  const inputs = [...study.inputs, { path: join(folder, FILE), kind: 'unknown', roles: { personKey: 'rinpersoon' } }];
  await writeFile(path, JSON.stringify({ ...study, clustering: undefined, inputs, features, ...extra }));
  return path;
}

beforeAll(async () => {
  ({ folder } = await generateWorld(7));
  await writeDebtHelpFile(folder);
}, 120_000);

describe('a feature the study file adds', () => {
  it('is computed from the partner file for exactly the planted households', async () => {
    const study: Study = await loadStudyFile(await studyWith([feature]));
    const run = await runStudy(study);
    try {
      expect(run.report.features?.map((entry) => entry.id)).toContain('debt_help_4y');
      const [row] = await run.session.query(
        `SELECT count(*) FILTER (WHERE k_debt_help_4y) AS yes, count(*) FILTER (WHERE k_debt_help_4y AND client) AS clients FROM ${ANALYSIS_TABLE}`,
      );
      expect(row).toEqual({ yes: planted.counted, clients: planted.counted });
    } finally {
      await run.session.close();
    }
  }, 60_000);

  it('reaches the comparison of `groepsbeeld run`, checked by the disclosure rules', async () => {
    const { code, stdout, stderr } = await groepsbeeld(await tempFolder(), 'run', await studyWith([feature]), '--json');
    expect(code, stderr).toBe(0);
    const table = JSON.parse(stdout).comparisons.find((entry: { id: string }) => entry.id === 'vergelijking-debt-help-4y');
    expect(table.title).toMatch(/^Schuldhulp in de 4 jaar/);
    const yes = table.rows.find((entry: { id: string }) => entry.id === 'ja');
    // Clients with the trait, and all households with it: the same planted households, each a checked cell.
    expect(yes.cells[0]).toMatchObject({ status: 'safe', value: planted.counted });
    expect(yes.cells[2]).toMatchObject({ status: 'safe', value: planted.counted });
  }, 120_000);

  it('replaces a built-in feature of the same id', async () => {
    const district = {
      id: 'district',
      label: 'Woonplaats',
      group: 'huishouden',
      source: { kind: 'addressRegions', value: 'district' },
      unit: 'address',
      validity: 'any',
      rollUp: 'value',
      coding: { type: 'codes', codes: [{ code: '078401', label: 'Gilze' }] },
    };
    const run = await runStudy(await loadStudyFile(await studyWith([district])));
    try {
      expect(run.report.features?.find((entry) => entry.id === 'district')?.label).toBe('Woonplaats');
    } finally {
      await run.session.close();
    }
  }, 60_000);

  it('names the feature, the file and the column when the definition does not fit the file', async () => {
    const wrongColumn = { ...feature, source: { ...feature.source, where: { column: 'soortcode', in: ['A'] } } };
    const failure = runStudy(await loadStudyFile(await studyWith([wrongColumn])));
    await expect(failure).rejects.toThrow(/"Schuldhulp in de 4 jaar voor de peildatum" \(debt_help_4y\) leest het filter uit kolom of rol "soortcode"/);
    await expect(failure).rejects.toThrow(/maar SCHULDHULP2017\.csv heeft die niet \(kolommen: rinpersoon, start, eind, soort\)/);
    const notOpened = { ...feature, source: { ...feature.source, file: 'SCHULDEN2019' } };
    await expect(runStudy(await loadStudyFile(await studyWith([notOpened])))).rejects.toThrow(
      /debt_help_4y\) leest SCHULDEN2019, maar de studie heeft zo'n bestand niet geopend/,
    );
  }, 60_000);

  it('refuses a definition that is not valid, or takes the id of a fixed feature, when the study is read', async () => {
    await expect(loadStudyFile(await studyWith([{ ...feature, id: 'Schuld hulp' }]))).rejects.toThrow(/features\.0\.id: kleine letters/);
    await expect(loadStudyFile(await studyWith([{ ...feature, coding: { type: 'codes', codes: [{ code: 'A', label: 'A' }] } }]))).rejects.toThrow(
      /rollUp any geeft ja\/nee/,
    );
    await expect(runStudy(await loadStudyFile(await studyWith([{ ...feature, id: 'tenure' }])))).rejects.toThrow(/"tenure" is een vast kenmerk/);
  }, 60_000);
});
