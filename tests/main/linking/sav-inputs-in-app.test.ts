// Linking in the app with .sav inputs: persons and clients opened as SPSS files link exactly as their CSVs do.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { LinkingJob } from '../../../src-main/linking/linking-job';
import { writeSav } from '../engine/sav/support/sav-writer';
import { tempFolder } from '../support/temp-folder';
import { generateWorld } from '../synthetic/support/demo-world';
import { linkRequestSchema } from '../../../src-main/linking/linking-shapes';

const REQUEST = linkRequestSchema.parse({ referenceDate: '20171231', municipality: '0784' });
let worldFolder: string;
let savFolder: string;

async function csvRows(name: string): Promise<string[][]> {
  return (await readFile(join(worldFolder, name), 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

/** Opens the files in a fresh engine and links them as the Populatie page does. */
async function linkInApp(paths: string[]) {
  const engine = await StudyEngine.create();
  try {
    const opened = await engine.openFiles(paths);
    return { opened, report: await new LinkingJob(engine).run(REQUEST) };
  } finally {
    await engine.close();
  }
}

beforeAll(async () => {
  ({ folder: worldFolder } = await generateWorld());
  savFolder = await tempFolder('groepsbeeld-sav-');
  const persons = await csvRows('GBAPERSOON2018TABV1.csv');
  // As some CBS .sav files store them: the person key as a number (its zeros lost), codes as N-format numbers.
  await writeSav(join(savFolder, 'GBAPERSOON2018TABV1.sav'), {
    variables: [
      { name: 'RINPERSS', longName: 'RINPERSOONS', width: 1 },
      { name: 'RINPERSO', longName: 'RINPERSOON', width: 0, formatWidth: 9, decimals: 0 },
      { name: 'GBAGESLA', longName: 'GBAGESLACHT', width: 0, formatWidth: 1, decimals: 0 },
      { name: 'GBAGEBJ', longName: 'GBAGEBOORTEJAAR', width: 0, formatWidth: 4, decimals: 0 },
      { name: 'GBAGEBM', longName: 'GBAGEBOORTEMAAND', width: 0, formatType: 16, formatWidth: 2, decimals: 0 },
      { name: 'GBAGENER', longName: 'GBAGENERATIE', width: 0, formatWidth: 1, decimals: 0 },
      { name: 'GBAHERK', longName: 'GBAHERKOMSTGROEPERING', width: 0, formatType: 16, formatWidth: 3, decimals: 0 },
    ],
    caseCount: persons.length,
    caseValues: (index) => {
      const [source, ...numbers] = persons[index]!;
      return [source!, ...numbers.map(Number)];
    },
    compression: 1,
  });
  const clients = await csvRows('VOEDSELBANK_KLANTEN.csv');
  await writeSav(join(savFolder, 'VOEDSELBANK_KLANTEN.sav'), {
    variables: [
      { name: 'RINPERSS', longName: 'RINPERSOONS', width: 1 },
      { name: 'RINPERSO', longName: 'RINPERSOON', width: 9 },
      { name: 'STARTDAT', longName: 'STARTDATUM', width: 8 },
      { name: 'EINDDATU', longName: 'EINDDATUM', width: 8 },
    ],
    caseCount: clients.length,
    caseValues: (index) => clients[index]!,
    compression: 1,
  });
});

describe('.sav inputs in the app', () => {
  it('link to the same report as the CSVs, with numeric person keys given back their zeros', async () => {
    const csvs = (await readdir(worldFolder)).filter((name) => name.endsWith('.csv'));
    const fromCsv = await linkInApp(csvs.map((name) => join(worldFolder, name)));
    const others = csvs.filter((name) => !/^(GBAPERSOON|VOEDSELBANK)/.test(name)).map((name) => join(worldFolder, name));
    const fromSav = await linkInApp([...others, join(savFolder, 'GBAPERSOON2018TABV1.sav'), join(savFolder, 'VOEDSELBANK_KLANTEN.sav')]);
    const savFiles = fromSav.opened.filter((file) => file.format === 'sav');
    expect(savFiles.map((file) => file.tableKind).sort()).toEqual(['clients', 'persons']);
    const persons = savFiles.find((file) => file.tableKind === 'persons')!;
    expect(persons.columns.find((column) => column.name === 'RINPERSOON')).toMatchObject({ type: 'VARCHAR', kind: 'key' });
    expect(persons.columns.find((column) => column.name === 'GBAGEBOORTEMAAND')).toMatchObject({ type: 'VARCHAR', kind: 'code' });
    expect(fromSav.report).toEqual(fromCsv.report);
    expect(JSON.stringify(fromSav.report)).toContain('"count":191');
  });
});
