// Client lists as partners send them, on a world generated with another seed: open periods with a blank end (or 0,
// 99999999, the study's own open end), no RINPERSOONS column, the region file renamed to another year with a
// lower-case column; durations counted up to the reference date; a municipality the region file does not have.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { municipalityCodeOf } from '../../../src-main/common/municipality-code';
import type { Study } from '../../../src-main/linking/study-file';
import { ANALYSIS_TABLE } from '../../../src-main/linking/analysis-table-name';
import { generatedWorld, linkedStudy, type StudyFixture } from '../support/study-fixture';

const CLIENTS = 'VOEDSELBANK_KLANTEN.csv';
const OPEN_END = '20501231';

interface Expected {
  clientHouseholds: number;
  clientPeriod: { underSixMonths: number; overOneYear: number };
}

/** The client list with its open ends written another way, and optionally without the RINPERSOONS column. */
async function clientVariant(world: string, name: string, openEnd: (row: number) => string, dropSource = false): Promise<string> {
  const [header, ...rows] = (await readFile(join(world, CLIENTS), 'utf8')).trim().split('\n');
  const lines = [header!, ...rows.map((row, index) => row.replace(new RegExp(`,${OPEN_END}$`), () => `,${openEnd(index)}`))];
  const out = lines.map((line) => (dropSource ? line.split(',').slice(1).join(',') : line));
  const path = join(world, name);
  await writeFile(path, `${out.join('\n')}\n`);
  return path;
}

function withClients(path: string): (study: Study) => Study {
  return (study) => ({ ...study, inputs: study.inputs.map((input) => (input.kind === 'clients' ? { ...input, path } : input)) });
}

async function clientFigures(fixture: StudyFixture) {
  const [row] = await fixture.engine.withSession((session) =>
    session.query(
      `SELECT count(*) FILTER (WHERE client)::INTEGER AS clients,
         (count(*) FILTER (WHERE client AND client_days < 183) / count(*) FILTER (WHERE client))::DOUBLE AS short,
         (count(*) FILTER (WHERE client AND client_days > 365) / count(*) FILTER (WHERE client))::DOUBLE AS long
       FROM ${ANALYSIS_TABLE}`,
    ),
  );
  return { clients: Number(row!.clients), short: Number(row!.short), long: Number(row!.long) };
}

function count(fixture: StudyFixture, step: string, id: string) {
  return (fixture.session as unknown as { linked: { report: { steps: { id: string; counts: { id: string; count: number }[] }[] } } }).linked.report.steps
    .find((entry) => entry.id === step)!
    .counts.find((entry) => entry.id === id)?.count;
}

describe('client lists with open, blank and odd end dates (seed 4711)', () => {
  let world: { folder: string; world: string };
  let expected: Expected;
  const fixtures: StudyFixture[] = [];

  beforeAll(async () => {
    world = await generatedWorld(4711);
    expected = JSON.parse(await readFile(join(world.world, 'ground-truth', 'expected.json'), 'utf8'));
  }, 120_000);

  afterAll(async () => {
    for (const fixture of fixtures) await fixture.close();
  });

  async function linked(edit?: (study: Study) => Study): Promise<StudyFixture> {
    const fixture = await linkedStudy({ world, cluster: null, ...(edit ? { edit } : {}) });
    fixtures.push(fixture);
    return fixture;
  }

  it('counts durations up to the reference date, as the world planted them, and counts the open periods', async () => {
    const fixture = await linked();
    const figures = await clientFigures(fixture);
    expect(figures.clients).toBe(expected.clientHouseholds);
    // One household either way at most: a planted household's partner may be listed with the same period.
    expect(Math.abs(figures.short - expected.clientPeriod.underSixMonths)).toBeLessThanOrEqual(1 / expected.clientHouseholds);
    expect(Math.abs(figures.long - expected.clientPeriod.overOneYear)).toBeLessThanOrEqual(1 / expected.clientHouseholds);
    expect(figures.long).toBeGreaterThan(0.45);
    expect(figures.long).toBeLessThan(0.65);
    expect(count(fixture, 'clients', 'openPeriods')).toBeGreaterThan(0);
    expect(count(fixture, 'clients', 'unreadableDates')).toBe(0);
  }, 120_000);

  it.each([
    ['blank', () => ''],
    ['0', () => '0'],
    ['99999999', () => '99999999'],
    ['mixed', (row: number) => ['', '0', '99999999', OPEN_END][row % 4]!],
  ])(
    'keeps every client household when the open ends are %s',
    async (name, openEnd) => {
      const plain = await clientFigures(fixtures[0] ?? (await linked()));
      const fixture = await linked(withClients(await clientVariant(world.world, `KLANTEN_${name}.csv`, openEnd)));
      expect(await clientFigures(fixture)).toEqual(plain);
      expect(count(fixture, 'clients', 'openPeriods')).toBe(count(fixtures[0]!, 'clients', 'openPeriods'));
    },
    120_000,
  );

  it('counts unreadable dates instead of guessing, and does not count those rows as clients', async () => {
    const plain = await clientFigures(fixtures[0] ?? (await linked()));
    const fixture = await linked(
      withClients(
        await clientVariant(
          world.world,
          'KLANTEN_unreadable.csv',
          (() => {
            let first = true;
            return () => (first ? ((first = false), '31-12-2050') : OPEN_END);
          })(),
        ),
      ),
    );
    expect(count(fixture, 'clients', 'unreadableDates')).toBe(1);
    expect((await clientFigures(fixture)).clients).toBeGreaterThanOrEqual(plain.clients - 1);
  }, 120_000);

  it('reads a client list without RINPERSOONS as source R, and says so in the report', async () => {
    const plain = await clientFigures(fixtures[0] ?? (await linked()));
    const fixture = await linked(withClients(await clientVariant(world.world, 'KLANTEN_zonder_bron.csv', () => OPEN_END, true)));
    expect(await clientFigures(fixture)).toEqual(plain);
    const published = await fixture.session.lastLinkReport();
    expect(published!.notes.join('\n')).toMatch(/KLANTEN_zonder_bron\.csv: er is geen kolom RINPERSOONS voor de rol personSource; overal is R aangenomen/);
    // The demo's CBS-named columns need no note; only the defaulted source does.
    expect(published!.notes.filter((note) => note.includes('KLANTEN_zonder_bron'))).toHaveLength(1);
  }, 120_000);
});

describe('a municipality or region column the files do not have', () => {
  let world: { folder: string; world: string };

  beforeAll(async () => {
    world = await generatedWorld(4712);
  }, 120_000);

  it('refuses a municipality code the region file does not have, naming the code and the nearest codes present', async () => {
    const attempt = linkedStudy({ world, cluster: null, edit: (study) => ({ ...study, municipality: { code: municipalityCodeOf('0790') } }) });
    const message =
      'De gemeentecode 0790 komt niet voor in kolom gem2017 van VSLGWB2018TABV1.csv; ' +
      'de dichtstbijzijnde codes in dat bestand zijn 0785, 0784, 0766, 0758, 0826.';
    await expect(attempt).rejects.toThrow(message);
  }, 120_000);

  it('says which region column it used when the file has none for the year of the reference date', async () => {
    const regions = (await readFile(join(world.world, 'VSLGWB2018TABV1.csv'), 'utf8')).replace('gem2017', 'GEM2016');
    const renamed = join(world.world, 'VSLGWB2016TAB03V1.csv');
    await writeFile(renamed, regions);
    await rename(join(world.world, 'VSLGWB2018TABV1.csv'), join(world.folder, 'old-regions.csv'));
    const fixture = await linkedStudy({
      world,
      cluster: null,
      edit: (study) => ({ ...study, inputs: study.inputs.map((input) => (input.kind === 'addressRegions' ? { ...input, path: renamed } : input)) }),
    });
    try {
      const published = await fixture.session.lastLinkReport();
      expect(published!.notes).toContain('VSLGWB2016TAB03V1.csv: de gemeente komt uit kolom GEM2016, niet uit gem2017 (het jaar van de peildatum).');
      expect(published!.steps.find((step) => step.id === 'table')!.counts.find((entry) => entry.id === 'clientHouseholds')).toMatchObject({
        count: expect.any(Number),
      });
    } finally {
      await fixture.close();
    }
  }, 120_000);
});

describe('codes the label lists do not know', () => {
  it('names them per feature in the link report and counts them as "Overig of onbekend"', async () => {
    const world = await generatedWorld(4713);
    const income = join(world.world, 'INHA2017TABV2.csv');
    const [header, ...rows] = (await readFile(income, 'utf8')).trim().split('\n');
    // Codes 8 and 9 on many income rows; code 7 on one only.
    const changed = rows.map((row, index) =>
      index === 1 ? row.replace(/,\d+$/, ',7') : index % 40 === 0 ? row.replace(/,\d+$/, index % 80 === 0 ? ',8' : ',9') : row,
    );
    await writeFile(income, `${[header, ...changed].join('\n')}\n`);
    const fixture = await linkedStudy({ world, cluster: null });
    try {
      const published = await fixture.session.lastLinkReport();
      expect(published!.notes).toContain(
        'Type uitkering: de bestanden hebben codes die niet in de labellijst staan (8, 9 en codes van minder dan 10 huishoudens); ' +
          'ze tellen mee als "Overig of onbekend".',
      );
      expect(published!.notes.join('\n')).not.toMatch(/Type huishouden/);
      // A code of fewer than 10 households is not named: its existence alone is a small count.
      expect(published!.notes.join('\n')).not.toMatch(/\b7\b/);
    } finally {
      await fixture.close();
    }
  }, 120_000);
});
