// Differencing across exports: the same study exported twice with one household more or less. The second export must
// be refused with the reason and how to justify it, or else two packages must not give that household away.
//
// TODAY (commit 6ad6cc3) all three fail: each second export is written (exit code 0) without a warning, and the
// two packages give one client household away (191 against 190 client households, a clean difference):
// - one client row removed (the only client of a one-parent household), same study: Eenouderhuishouden, Bijstand
//   (benefit type and income source), 2 kinderen, youngest 4 tot 12 jaar, Laag, migration background Ja, 25 tot 45
//   jaar, jeugdhulp Ja, Wmo Nee; disposable income 13396..13434 (true: 13420; the sheet's means have one decimal,
//   so ± EUR 19); age of the reference person 25..63.
// - reference date moved to 20180101 (a new history: the guard keys on name, municipality and date): one client
//   household fewer: Eenpersoonshuishouden, Bijstand, Geen kinderen, Middelbaar, migration background Ja, 25 tot 45
//   jaar, jeugdhulp Nee, Wmo Nee; disposable income 14435..14473; age 25..63. (All households differ by a net 1
//   too, but not cleanly: people moved both ways, so the attack leaves that population alone.)
// - study renamed and one client row removed: an empty history; the same recovery as the first case.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoStudy } from '../../../../src-main/linking/demo-study';
import type { Study } from '../../../../src-main/linking/study-file';
import { removableClientLine, worldWithoutClientLine } from '../../support/client-worlds';
import { tempFolder } from '../../support/temp-folder';
import { differencingAttack } from './differencing-attack';
import { describeRecoveries } from './recoveries';
import { groepsbeeld, packageFolder, type CliRun } from '../../support/cli-runs';
import { readPackage, type Package } from './package-reader';
import { referenceDateOf } from '../../../../src-main/common/reference-date';

async function writeStudy(path: string, study: Study): Promise<string> {
  await writeFile(path, `${JSON.stringify(study, null, 2)}\n`);
  return path;
}

/** The study as an analyst writes it for the demo world in `folder` (the demo's inputs and export choices). */
function studyOn(folder: string, overrides: Partial<Study> = {}): Study {
  // Without the demo's reference labelling: an analyst's study has none, and it changes nothing in the package.
  const study: Study = { ...demoStudy({ folder }), ...overrides };
  delete study.clustering;
  return study;
}

interface Scenario {
  run: CliRun;
  out: string;
}

describe('exporting the same study twice with one household more or less', () => {
  let root: string;
  let original: Package;
  const scenarios = new Map<string, Scenario>();

  beforeAll(async () => {
    root = await tempFolder('groepsbeeld-differencing-');
    const world = join(root, 'world');
    const generated = await groepsbeeld(join(root, 'config-generate'), 'demo', 'generate', '--out', world);
    if (generated.code !== 0) throw new Error(generated.stderr);
    const line = await removableClientLine(world);
    const smaller = join(root, 'world-minus-one');
    await worldWithoutClientLine(world, smaller, line);

    // The first export, into an app-data folder each scenario then starts from.
    const config = join(root, 'config');
    const first = await groepsbeeld(config, 'run', await writeStudy(join(root, 'studie.json'), studyOn(world)), '--out', join(root, 'out-original'));
    if (first.code !== 0) throw new Error(first.stderr);
    original = await readPackage((await packageFolder(join(root, 'out-original')))!);

    const second: [string, Study][] = [
      ['one client row removed', studyOn(smaller)],
      ['reference date 20180101', studyOn(world, { referenceDate: referenceDateOf('20180101') })],
      ['renamed, one client row removed', studyOn(smaller, { name: 'Voedselbank Gilze en Rijen (tweede versie)' })],
    ];
    for (const [index, [name, study]] of second.entries()) {
      const scenarioConfig = join(root, `config-${index}`);
      await mkdir(scenarioConfig, { recursive: true });
      await cp(config, scenarioConfig, { recursive: true });
      const out = join(root, `out-${index}`);
      scenarios.set(name, { run: await groepsbeeld(scenarioConfig, 'run', await writeStudy(join(root, `studie-${index}.json`), study), '--out', out), out });
    }
  }, 600_000);

  async function expectRefusedOrHarmless(name: string): Promise<void> {
    const { run, out } = scenarios.get(name)!;
    const said = `${run.stdout}\n${run.stderr}`;
    if (run.code === 1) {
      // Refused: it says why (a population close to an earlier export's) and how to go on anyway.
      expect(said).toMatch(/verschilt minder dan \d+ huishoudens/i);
      expect(said).toMatch(/onderbouwing/i);
      expect(said).toMatch(/differencingJustification|studiebestand/i);
      expect(await packageFolder(out)).toBeNull();
      return;
    }
    expect(run.code, run.stderr).toBe(0);
    const written = await readPackage((await packageFolder(out))!);
    // Written anyway: then the two packages together must not give any household away.
    expect(describeRecoveries(differencingAttack(original, written)), `${name}: exported without refusal; the two packages give away`).toEqual([]);
  }

  it('refuses the export of the study with one client row removed, or it gives nothing away', async () => {
    await expectRefusedOrHarmless('one client row removed');
  });

  it('refuses the export of the study one day later, or it gives nothing away', async () => {
    await expectRefusedOrHarmless('reference date 20180101');
  });

  it('refuses the export of the renamed study with one client row removed, or it gives nothing away', async () => {
    await expectRefusedOrHarmless('renamed, one client row removed');
  });
});
