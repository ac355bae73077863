// The differencing guard in a study session's export: the same study linked again with one client household fewer
// (in the same app-data folder) is warned about in the preview and refused without a written justification, and
// exported with one, the justification in the output log and the export in the store.
// The guard's parts (fingerprints, the store, the wording) are tested in tests/main/publication/differencing.test.ts;
// whether two packages written anyway give a household away, in tests/main/disclosure/attacks/export-differencing.test.ts.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputLogSchema } from '../../../src-main/export/output-log';
import { DifferencingStore } from '../../../src-main/publication/differencing-store';
import { removableClientLine, worldWithoutClientLine } from '../support/client-worlds';
import { generatedWorld, linkedStudy, type StudyFixture } from '../support/study-fixture';
import { tempFolder } from '../support/temp-folder';

const TABLE = 'vergelijking-education-level';
const JUSTIFICATION =
  'De tweede export gaat alleen naar de gemeente zelf; het verschil van één klant is met de outputcontroleur besproken en akkoord bevonden.';

let first: StudyFixture;
let second: StudyFixture;
let userData: string;
let root: string;

beforeAll(async () => {
  root = await tempFolder('groepsbeeld-differencing-export-');
  userData = join(root, 'userdata');
  const world = await generatedWorld();
  const smaller = join(root, 'world-minus-one');
  await worldWithoutClientLine(world.world, smaller, await removableClientLine(world.world));
  first = await linkedStudy({ world, userData, cluster: null });
  const folder = join(root, 'eerste');
  await mkdir(folder);
  const written = await first.session.export({ method: 'suppression', selection: [{ id: TABLE, chart: false }], folder });
  if (written.status !== 'written') throw new Error(written.reasons.join('\n'));
  second = await linkedStudy({ world: { folder: world.folder, world: smaller }, userData, cluster: null });
}, 240_000);
afterAll(async () => {
  await first?.close();
  await second?.close();
});

async function exportsFolder(name: string): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder, { recursive: true });
  return folder;
}

describe('the differencing guard on export', () => {
  it('finds nothing for the very same populations, and warns in the preview about one a household away', async () => {
    expect((await first.session.exportPreview('suppression')).differencing).toEqual([]);
    expect((await second.session.lastLinkReport())!.steps.find((step) => step.id === 'table')!.counts.find((count) => count.id === 'clientHouseholds')).toEqual(
      {
        id: 'clientHouseholds',
        label: expect.any(String),
        count: 190,
      },
    );
    const preview = await second.session.exportPreview('suppression');
    const warnings = preview.differencing.filter((warning) => warning.outputId === TABLE);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.map((warning) => warning.message).join(' ')).toMatch(/"Klanthuishoudens".*verschilt minder dan 10 huishoudens/);
    // Every output over the client households is warned about, not only the one exported before.
    expect(new Set(preview.differencing.map((warning) => warning.outputId)).size).toBeGreaterThan(5);
  });

  it('refuses without a justification, or with one too short, writing nothing', async () => {
    const folder = await exportsFolder('zonder');
    const refused = await second.session.export({ method: 'suppression', selection: [{ id: TABLE, chart: false }], folder });
    if (refused.status !== 'refused') throw new Error('expected a refusal');
    expect(refused.reasons.join(' ')).toMatch(/verschilt minder dan 10 huishoudens/);
    expect(refused.reasons).toContain('Schrijf de onderbouwing in het veld "Onderbouwing" op de pagina Export.');
    const short = await second.session.export({
      method: 'suppression',
      selection: [{ id: TABLE, chart: false }],
      folder,
      differencingJustification: 'Akkoord.',
      justificationWhere: 'in export.differencingJustification',
    });
    if (short.status !== 'refused') throw new Error('expected a refusal');
    expect(short.reasons).toContain('Schrijf de onderbouwing in export.differencingJustification.');
    expect(short.reasons.at(-1)).toMatch(/ontbreken nog \d+ tekens/);
    expect(await readdir(folder)).toEqual([]);
    expect(await new DifferencingStore(userData).listExports()).toHaveLength(1);
  });

  it('writes with a justification, logs it for the output checker, and remembers the export', async () => {
    const folder = await exportsFolder('met');
    const written = await second.session.export({
      method: 'suppression',
      selection: [{ id: TABLE, chart: false, comment: 'Opleiding, tweede versie.' }],
      folder,
      differencingJustification: JUSTIFICATION,
    });
    if (written.status !== 'written') throw new Error(written.reasons.join('\n'));
    const log = outputLogSchema.parse(JSON.parse(await readFile(join(written.folder, 'output-log.json'), 'utf8')));
    const entry = log.outputs.find((output) => output.id === TABLE)!;
    expect(entry.comment).toBe('Opleiding, tweede versie.');
    // Both populations of the table: the client households (one fewer) and all households (one household changed).
    expect(entry.exceptionRequest).toMatch(/^Verschilcontrole: populatie "Alle huishoudens"/);
    expect(entry.exceptionRequest).toMatch(/populatie "Klanthuishoudens" verschilt minder dan 10 huishoudens/);
    expect(entry.exceptionRequest).toContain(`Onderbouwing van de analist: ${JUSTIFICATION}`);
    // It leaves only by an exception: the checker has to decide.
    expect(entry.checks.verdict).toBe('fail');
    const exports = await new DifferencingStore(userData).listExports();
    expect(exports).toHaveLength(2);
    expect(exports.map((stored) => stored.exportFolder)).toContain(written.folder);
    // A justified export does not make the guard forget the first: the next preview still warns.
    const again = await second.session.exportPreview('suppression');
    expect(again.differencing.some((warning) => warning.outputId === TABLE)).toBe(true);
  });

  it('refuses an output the study does not have, a table chosen twice, and an empty choice', async () => {
    const folder = await exportsFolder('fout');
    const attempt = (selection: { id: string; chart: boolean }[]) =>
      second.session.export({ method: 'suppression', selection, folder, differencingJustification: JUSTIFICATION });
    expect(await attempt([{ id: 'personen-met-sleutel', chart: false }])).toEqual({
      status: 'refused',
      reasons: ['Er is geen uitvoer "personen-met-sleutel" in deze studie.'],
    });
    expect(
      await attempt([
        { id: TABLE, chart: false },
        { id: TABLE, chart: true },
      ]),
    ).toEqual({ status: 'refused', reasons: ['Elke tabel kan maar één keer in een export.'] });
    expect(await attempt([])).toEqual({ status: 'refused', reasons: ['Kies ten minste één tabel om te exporteren.'] });
    // Clusters are not part of this study: their outputs cannot be chosen.
    expect(await attempt([{ id: 'clusterprofiel-k5', chart: false }])).toMatchObject({ status: 'refused' });
    expect(await readdir(folder)).toEqual([]);
  });
});
