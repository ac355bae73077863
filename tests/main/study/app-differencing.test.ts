// The differencing guard in the app: the real handlers behind the IPC gate, a study opened from its file, linked,
// previewed and exported, then three near-identical studies (one client row less; the reference date one day later;
// renamed with one client row less) opened in a fresh app on the same app-data folder. Each must be flagged on the
// Export page, refused without (or with a too short) justification, and written with a real one, which then stands in
// results.json and the output log as an exception for the output checker.
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acroResultsSchema } from '../../../src-main/export/acro-results-schema';
import type { ExportOutcome, ExportPreview } from '../../../src-main/study/study-shapes';
import { demoStudy } from '../../../src-main/linking/demo-study';
import type { Study } from '../../../src-main/linking/study-file';
import { removableClientLine, worldWithoutClientLine } from '../support/client-worlds';
import { generatedWorld } from '../support/study-fixture';
import { testApp, type TestApp } from '../support/test-app';
import { referenceDateOf } from '../../../src-main/common/reference-date';

const JUSTIFICATION =
  'De tweede export is nodig omdat de voedselbank haar klantenlijst heeft gecorrigeerd; de eerste export wordt vernietigd en niet samen met deze gedeeld.';

interface Opened {
  app: TestApp;
  out: string;
  preview: ExportPreview;
  exportAll(justification?: string): Promise<ExportOutcome>;
}

async function writeStudy(path: string, study: Study): Promise<string> {
  const withoutReference: Study = { ...study };
  delete withoutReference.clustering;
  await writeFile(path, `${JSON.stringify(withoutReference, null, 2)}\n`);
  return path;
}

/** A fresh app on `userData`: opens the study file, links it on its date and municipality, and previews the export. */
async function openInApp(folder: string, userData: string, studyPath: string, out: string): Promise<Opened> {
  // The folder dialog only picks folders that exist.
  await mkdir(out, { recursive: true });
  const app = await testApp(folder, { userData, pickStudyToOpen: async () => studyPath, pickFolder: async () => out });
  const opened = await app.call<{ status: string; referenceDate: string; municipality: string }>('openStudy');
  expect(opened.status).toBe('opened');
  await app.call('linkHouseholds', { referenceDate: opened.referenceDate, municipality: opened.municipality });
  const preview = await app.call<ExportPreview>('exportPreview', { method: 'suppression' });
  const exportAll = (justification?: string) =>
    app.call<ExportOutcome>('writeExport', {
      method: 'suppression',
      outputs: preview.candidates.map((candidate) => ({ id: candidate.id, chart: false })),
      ...(justification === undefined ? {} : { differencingJustification: justification }),
    });
  return { app, out, preview, exportAll };
}

async function packagesIn(out: string): Promise<string[]> {
  try {
    return (await readdir(out)).filter((name) => name.startsWith('groepsbeeld-export-'));
  } catch {
    return [];
  }
}

describe('the app refuses an export that nearly repeats an earlier one', () => {
  let folder: string;
  const opened: Opened[] = [];
  const scenarios = new Map<string, Opened>();
  let base: ExportOutcome;

  beforeAll(async () => {
    const generated = await generatedWorld();
    folder = generated.folder;
    const smaller = join(folder, 'world-minus-one');
    await worldWithoutClientLine(generated.world, smaller, await removableClientLine(generated.world));

    const baseApp = await openInApp(
      folder,
      join(folder, 'userdata'),
      await writeStudy(join(folder, 'base.json'), demoStudy({ folder: generated.world })),
      join(folder, 'out-base'),
    );
    opened.push(baseApp);
    expect(baseApp.preview.differencing).toEqual([]);
    base = await baseApp.exportAll();

    const studies: [string, Study][] = [
      ['one client row removed', demoStudy({ folder: smaller })],
      ['reference date 20180101', { ...demoStudy({ folder: generated.world }), referenceDate: referenceDateOf('20180101') }],
      ['renamed, one client row removed', { ...demoStudy({ folder: smaller }), name: 'Voedselbank Gilze en Rijen (herzien)' }],
    ];
    for (const [index, [name, study]] of studies.entries()) {
      // Each scenario starts from the app-data folder as the base export left it.
      const userData = join(folder, `userdata-${index}`);
      await cp(join(folder, 'userdata'), userData, { recursive: true });
      const scenario = await openInApp(folder, userData, await writeStudy(join(folder, `study-${index}.json`), study), join(folder, `out-${index}`));
      opened.push(scenario);
      scenarios.set(name, scenario);
    }
  }, 600_000);

  afterAll(async () => {
    for (const { app } of opened) await app.engine.close();
  });

  it('writes the base export', () => {
    expect(base.status).toBe('written');
  });

  describe.each(['one client row removed', 'reference date 20180101', 'renamed, one client row removed'])('%s', (name) => {
    it('is flagged on the Export page, per output, with the reason and without the small number', () => {
      const { preview } = scenarios.get(name)!;
      expect(preview.differencing.length).toBeGreaterThan(0);
      for (const finding of preview.differencing) {
        expect(preview.candidates.map((candidate) => candidate.id)).toContain(finding.outputId);
        expect(finding.message).toMatch(/verschil(t)? minder dan 10 huishoudens|bij minder dan 10 van die huishoudens/);
        expect(finding.message).toMatch(/eerdere export/);
        expect(finding.message).not.toMatch(/\b[1-9] huishouden/);
      }
    });

    it('is refused without a justification, and with one too short, writing nothing', async () => {
      const scenario = scenarios.get(name)!;
      const refused = await scenario.exportAll();
      expect(refused.status).toBe('refused');
      const reasons = refused.status === 'refused' ? refused.reasons.join('\n') : '';
      expect(reasons).toMatch(/minder dan 10/);
      expect(reasons).toMatch(/Onderbouwing.*pagina Export/);
      const tooShort = await scenario.exportAll('Het is goed zo, echt waar.');
      expect(tooShort.status).toBe('refused');
      expect(tooShort.status === 'refused' ? tooShort.reasons.join('\n') : '').toMatch(/te kort/);
      expect(await packagesIn(scenario.out)).toEqual([]);
    });

    it('is written with a real justification, which the checker finds as an exception in results.json and the log', async () => {
      const scenario = scenarios.get(name)!;
      const written = await scenario.exportAll(JUSTIFICATION);
      expect(written.status).toBe('written');
      if (written.status !== 'written') return;
      const results = acroResultsSchema.parse(JSON.parse(await readFile(join(written.folder, 'results.json'), 'utf8')));
      const flagged = new Set(scenario.preview.differencing.map((finding) => finding.outputId));
      const excepted = Object.values(results.results).filter((result) => result.exception.includes('Verschilcontrole'));
      expect(excepted.length).toBeGreaterThan(0);
      for (const result of excepted) {
        expect(result.status).toBe('fail');
        expect(result.exception).toContain('voedselbank haar klantenlijst heeft gecorrigeerd');
      }
      expect(excepted.length).toBeLessThanOrEqual(flagged.size);
      const log = await readFile(join(written.folder, 'output-log.json'), 'utf8');
      expect(log).toContain('Verschilcontrole');
    });
  });
});
