// `groepsbeeld run STUDY.json --out DIR` with the study's chosen k and its profiles section: the laid-out cluster table
// and the edited persona cards, printed and written into the export package with their output-log entry.
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { demoStudy } from '../../src-main/linking/demo-study';
import { generateWorld } from './synthetic/support/demo-world';
import { tempFolder } from './support/temp-folder';
import { SEED_TABLE_FEATURES } from './support/study-fixture';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', '..', 'bin', 'groepsbeeld.mjs');

async function groepsbeeld(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('groepsbeeld run --out with clustering.k and a profiles section', () => {
  it('clusters at the chosen k, lays out the table, edits the cards and exports them', async () => {
    const folder = await tempFolder();
    const { folder: world } = await generateWorld();
    const study = {
      ...demoStudy({ folder: world }),
      export: { protection: 'suppression', charts: true, outputs: ['clusterprofiel-k4', 'persona-kaarten'] },
      // The seed table's features with k-means, fixed: this test is about the layout, the edits and the export. (With
      // the default features and PAM at k = 4 the package audit refuses the cards: see the issue 16 note.)
      clustering: { k: 4, algorithm: 'kmeans', features: SEED_TABLE_FEATURES },
      profiles: {
        rowOrder: ['care', 'tenure', 'bestaat-niet'],
        hiddenRows: ['client-duration'],
        personas: [
          { cluster: 1, title: 'De eerste groep', narrative: 'Een verhaal van de analist.' },
          { cluster: 9, title: 'Bestaat niet' },
        ],
      },
    };
    const studyPath = join(folder, 'studie.json');
    await writeFile(studyPath, JSON.stringify(study, null, 2));
    const out = join(folder, 'export');
    const { code, stdout, stderr } = await groepsbeeld({ XDG_CONFIG_HOME: join(folder, 'config') }, 'run', studyPath, '--out', out);
    expect(code, stderr).toBe(0);
    // The table at k = 4 with care and tenure first and the client duration hidden.
    const table = stdout.slice(stdout.indexOf('wat kenmerkt elk cluster'));
    const labels = table
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s{2,}/)[0]);
    const rows = labels.slice(0, labels.indexOf(''));
    // The features in the analyst's order; the cluster sizes row goes with the rows the study does not name.
    expect(rows.filter((label) => label !== 'Aantal huishoudens').slice(0, 3)).toEqual(['Zorg', 'Woning', 'Type uitkering']);
    expect(rows).toContain('Aantal huishoudens');
    expect(rows).not.toContain('Duur klantschap op de peildatum');
    expect(table).toMatch(/1 rij niet getoond op verzoek van de analist/);
    expect(stdout).toMatch(/Cluster 1: De eerste groep \(\d+\shuishoudens\)\n {2}Een verhaal van de analist\./);
    expect(stdout).toContain('De bewerking van persona 9 is niet gebruikt: cluster 9 heeft geen personakaart.');
    // Shares with one decimal; a share a checker should look at (nearly the whole cluster) is marked "c".
    expect(stdout).toMatch(/Grafiek: [^\n]+ \d+(,\d)?\s%( c)? \(alle klanten\s\d+(,\d)?\s%\)/);
    expect(stderr).toMatch(/persona-kaarten/);

    const [packageName] = await readdir(out);
    const packageFolder = join(out, packageName!);
    const names = await readdir(packageFolder);
    expect(names).toEqual(
      expect.arrayContaining([
        'clusterprofiel-k4.csv',
        'persona-kaarten.html',
        'persona-kaarten.pdf',
        'persona-kaarten-cluster-1.svg',
        'persona-kaarten-cluster-1.png',
      ]),
    );
    expect(names.filter((name) => /^persona-kaarten-cluster-\d\.svg$/.test(name)).length).toBeGreaterThanOrEqual(3);
    const csv = await readFile(join(packageFolder, 'clusterprofiel-k4.csv'), 'utf8');
    expect(csv).not.toMatch(/Duur klantschap|client-duration/i);
    const html = await readFile(join(packageFolder, 'persona-kaarten.html'), 'utf8');
    expect(html).toContain('<h2>De eerste groep</h2>');
    expect(html).toContain('Een verhaal van de analist.');
    const log = JSON.parse(await readFile(join(packageFolder, 'output-log.json'), 'utf8'));
    const entry = log.outputs.find((output: { id: string }) => output.id === 'persona-kaarten');
    expect(entry).toMatchObject({ kind: 'personas', population: { id: 'klanthuishoudens' } });
    expect(entry.files.map((file: { name: string }) => file.name)).toEqual(expect.arrayContaining(['persona-kaarten.html', 'persona-kaarten.pdf']));
    const sums = await readFile(join(packageFolder, 'SHA256SUMS'), 'utf8');
    expect(sums).toMatch(/ {2}persona-kaarten\.pdf\n/);

    // --json says the same: k = 4, the edited card, and the note about the edit that found no card.
    const json = await groepsbeeld({ XDG_CONFIG_HOME: join(folder, 'config') }, 'run', studyPath, '--json');
    expect(json.code, json.stderr).toBe(0);
    const clustering = JSON.parse(json.stdout).clustering;
    expect(clustering.chosenK).toBe(4);
    expect(clustering.profile.personas.find((card: { cluster: number }) => card.cluster === 1)).toMatchObject({ title: 'De eerste groep' });
    expect(clustering.notes).toEqual(['De bewerking van persona 9 is niet gebruikt: cluster 9 heeft geen personakaart.']);
  }, 240_000);
});
