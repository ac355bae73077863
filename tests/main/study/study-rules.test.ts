// A study file's own rule set, end to end: one with threshold 1 under the standard's name is refused by
// `groepsbeeld run` (nothing written) and by the app's Open study (the open files stay); a stricter one (threshold 15)
// is used by both, and the package then prints no count below 15 and states threshold 15 at the top of every CSV.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../../src-main/audit/read-package';
import { DEFAULT_RULE_SET, type RuleSet } from '../../../src-main/disclosure/rule-set';
import type { ExportPreview } from '../../../src-main/study/study-shapes';
import { demoStudy } from '../../../src-main/linking/demo-study';
import type { Study } from '../../../src-main/linking/study-file';
import { groepsbeeld, packageFolder } from '../support/cli-runs';
import { generatedWorld, SEED_TABLE_FEATURES } from '../support/study-fixture';
import { testApp, type TestApp } from '../support/test-app';

const WEAK: RuleSet = { ...DEFAULT_RULE_SET, name: DEFAULT_RULE_SET.name, threshold: 1, statisticThreshold: 1, clusterMinimum: 1, protectionLevel: 1 };
const STRICT: RuleSet = { ...DEFAULT_RULE_SET, name: 'Strenger voor deze studie', threshold: 15 };

let folder: string;
let world: string;
const apps: TestApp[] = [];

async function studyWith(name: string, rules: RuleSet): Promise<string> {
  const rulesPath = join(folder, `${name}-regels.json`);
  await writeFile(rulesPath, JSON.stringify(rules, null, 2));
  const study: Study = { ...demoStudy({ folder: world }), ruleSet: rulesPath };
  // The seed table's features with k-means, fixed: this test is about the rule set, not the clustering defaults.
  study.clustering = { algorithm: 'kmeans', features: SEED_TABLE_FEATURES };
  const path = join(folder, `${name}.json`);
  await writeFile(path, JSON.stringify(study, null, 2));
  return path;
}

beforeAll(async () => {
  ({ folder, world } = await generatedWorld());
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.engine.close();
});

describe('a study that names a weaker rule set', () => {
  it('is refused by groepsbeeld run, naming the weaker rules, and writes nothing', async () => {
    const out = join(folder, 'out-weak');
    const run = await groepsbeeld(join(folder, 'config-weak'), 'run', await studyWith('zwak', WEAK), '--out', out);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/zwakker.*drempel 1 is lager dan de 10 van de instelling/s);
    expect(run.stderr).toMatch(/alleen strenger/);
    expect(await packageFolder(out)).toBeNull();
  });

  it('is refused by the app on opening, and the files that were open stay open', async () => {
    const path = await studyWith('zwak-app', WEAK);
    const app = await testApp(folder, { userData: join(folder, 'userdata-weak'), pickStudyToOpen: async () => path });
    apps.push(app);
    await app.call('openDemo');
    const before = await app.call<unknown[]>('listFiles');
    const opened = await app.attempt('openStudy');
    expect(opened.ok).toBe(false);
    expect(opened.ok ? '' : opened.error.message).toMatch(/niet geopend.*drempel 1 is lager dan de 10 van de instelling.*regels-outputcontrole\.json/s);
    expect(await app.call<unknown[]>('listFiles')).toEqual(before);
  });
});

describe('a study that names a stricter rule set', () => {
  it('is protected with it by groepsbeeld run: threshold 15 at the top of every CSV, and no count of 1 to 14', async () => {
    const out = join(folder, 'out-strict');
    const run = await groepsbeeld(join(folder, 'config-strict'), 'run', await studyWith('streng', STRICT), '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const written = (await packageFolder(out))!;
    const csvs = (await readdir(written)).filter((name) => name.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(3);
    for (const name of csvs) expect((await readFile(join(written, name), 'utf8')).replace(/^\ufeff/, '').split('\r\n')[0], name).toMatch(/drempel 15\b/);
    const pkg = await readPackage(written);
    const small = pkg.outputs.flatMap((output) =>
      output.cells
        .filter((cell) => cell.figure.kind === 'count' && cell.printed.kind === 'number' && cell.printed.value > 0 && cell.printed.value < 15)
        .map((cell) => `${output.id} ${cell.row}/${cell.column}: ${cell.printed.kind === 'number' ? cell.printed.value : ''}`),
    );
    expect(small).toEqual([]);
  }, 240_000);

  it('is used by the app after opening: the Export page names the stricter rule set', async () => {
    const path = await studyWith('streng-app', STRICT);
    const app = await testApp(folder, { userData: join(folder, 'userdata-strict'), pickStudyToOpen: async () => path });
    apps.push(app);
    await mkdir(join(folder, 'userdata-strict'), { recursive: true });
    const opened = await app.call<{ referenceDate: string; municipality: string }>('openStudy');
    await app.call('linkHouseholds', { referenceDate: opened.referenceDate, municipality: opened.municipality });
    const preview = await app.call<ExportPreview>('exportPreview', { method: 'suppression' });
    expect(preview.ruleSet.name).toMatch(/Strenger voor deze studie.*strenger dan/);
  }, 120_000);
});
