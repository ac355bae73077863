// The differencing guard in an export: a population a few households away from an earlier export is refused
// without a written justification, and exported with it (the justification goes to the output log).
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFeature } from '../../../src-main/analysis/comparison-outputs';
import { featureById } from '../../../src-main/analysis/features';
import { ALL_HOUSEHOLDS, populationDifferenceSql, type Population } from '../../../src-main/analysis/population';
import type { StudyOutput } from '../../../src-main/analysis/study-outputs';
import { appendExportHistory, readExportHistory } from '../../../src-main/disclosure/differencing-guard';
import { DEFAULT_RULE_SET as rules } from '../../../src-main/disclosure/rule-set';
import { openLockedSession, type LockedSession } from '../../../src-main/engine/locked-session';
import { exportStudy } from '../../../src-main/export/study-export';
import { ANALYSIS_TABLE } from '../../../src-main/linking/link-households';
import { tempFolder } from '../support/temp-folder';

let session: LockedSession;
let output: StudyOutput;
const study = { name: 'Proefstudie', referenceDate: '20171231', municipality: '0784', sha256: 'a'.repeat(64) };

beforeAll(async () => {
  session = await openLockedSession({ readableFiles: [] });
  // 200 households, 3 of them single parents.
  await session.query(`CREATE TEMP TABLE ${ANALYSIS_TABLE} AS
    SELECT lpad(i::VARCHAR, 10, '0') AS household_key, i % 4 = 0 AS client,
      CASE WHEN i % 3 = 0 THEN 'low' WHEN i % 3 = 1 THEN 'middle' ELSE 'high' END AS education_level,
      CASE WHEN i < 3 THEN '6' ELSE '1' END AS household_type
    FROM range(200) t(i)`);
  output = { table: await compareFeature(session, featureById('education_level'), { rules, method: 'suppression' }), population: ALL_HOUSEHOLDS, chartable: true };
});
afterAll(() => session?.close());

describe('the differencing guard on export', () => {
  it('refuses without a justification, then writes with one and logs it', async () => {
    const folder = await tempFolder();
    const historyFile = join(folder, 'history.json');
    const exportsFolder = join(folder, 'exports');
    await mkdir(exportsFolder);
    const withoutSingleParents: Population = { id: 'zonder-eenouder', label: 'Zonder eenouderhuishoudens', clientsOnly: false, filters: [{ feature: 'household_type', codes: ['1'] }] };
    await appendExportHistory(historyFile, study.name, [{ outputId: 'eerder', title: 'Eerdere tabel zonder eenouders', exportedAt: '2026-11-01T09:00:00.000Z', folder: '/elders', population: withoutSingleParents }]);
    const countDifference = async (a: Population, b: Population) => Number((await session.query(populationDifferenceSql(a, b)))[0]?.units);
    const request = { study, rules, appVersion: '0.0.0', available: [output], selection: [{ id: output.table.id, chart: false }], maskBlocked: false };

    const refused = await exportStudy(request, { folder: exportsFolder, historyFile, countDifference });
    expect(refused.status).toBe('refused');
    expect(refused.status === 'refused' && refused.reasons.join(' ')).toMatch(/minder dan 10 huishoudens.*Eerdere tabel zonder eenouders/);
    expect(await readdir(exportsFolder)).toEqual([]);

    const written = await exportStudy({ ...request, differencingJustification: 'Beide tabellen gaan naar dezelfde gemeente; afgestemd met de outputcontroleur.' }, { folder: exportsFolder, historyFile, countDifference });
    if (written.status !== 'written') throw new Error(JSON.stringify(written));
    const log = await readFile(join(written.folder, 'output-log.json'), 'utf8');
    expect(log).toContain('afgestemd met de outputcontroleur');
    expect((await readExportHistory(historyFile)).map((entry) => entry.outputId)).toEqual(['eerder', output.table.id]);
  });

  it('refuses an output the study does not have, and a table chosen twice', async () => {
    const folder = await tempFolder();
    const context = { folder, historyFile: join(folder, 'h.json'), countDifference: async () => 0 };
    const base = { study, rules, appVersion: '0.0.0', available: [output], maskBlocked: false };
    expect(await exportStudy({ ...base, selection: [{ id: 'personen-met-sleutel', chart: false }] }, context)).toMatchObject({ status: 'refused' });
    expect(await exportStudy({ ...base, selection: [{ id: output.table.id, chart: false }, { id: output.table.id, chart: true }] }, context)).toMatchObject({ status: 'refused' });
  });
});
