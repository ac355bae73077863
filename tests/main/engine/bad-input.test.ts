// Issue 4's bad inputs, each a real file: a clear error naming file, column and row or value, and an engine that still works.
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUnchanged, inspectFile } from '../../../src-main/engine/opened-files';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { UserFacingError } from '../../../src-main/common/errors';
import { tempFolder } from '../support/temp-folder';

let folder: string;
let engine: StudyEngine;
let goodFileId: string;

const PERSONS_HEADER = 'RINPERSOONS,RINPERSOON,GBAGESLACHT';

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

/** Opening fails with a UserFacingError matching `message`, and the engine is exactly as before and still answers. */
async function expectRefused(path: string, message: RegExp): Promise<void> {
  const before = await engine.listFiles();
  const allowedBefore = (await engine.security()).allowedPaths;
  const failure = await engine.openFiles([path]).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(UserFacingError);
  expect((failure as Error).message).toMatch(message);
  expect(await engine.listFiles()).toEqual(before);
  expect((await engine.security()).allowedPaths).toEqual(allowedBefore);
  expect(await engine.columnSummary(goodFileId, 'RINPERSOON')).toMatchObject({ rowCount: { below: 10 }, distinct: 2 });
}

beforeAll(async () => {
  folder = await tempFolder();
  engine = await StudyEngine.create();
  const [good] = await engine.openFiles([await file('good.csv', 'RINPERSOON,x\n000000001,1\n000000002,2\n')]);
  goodFileId = good!.id;
});
afterAll(() => engine.close());

describe('bad input', () => {
  it('a 0-byte file', async () => {
    await expectRefused(await file('GBAPERSOON2018TABV1.csv', ''), /^"GBAPERSOON2018TABV1\.csv" is leeg \(0 bytes\)/);
  });

  it('an empty file (only empty lines)', async () => {
    await expectRefused(await file('blank.csv', '\n\r\n\n'), /"blank\.csv" heeft geen kopregel en geen gegevens/);
  });

  it('a header only', async () => {
    await expectRefused(await file('header-only.csv', `${PERSONS_HEADER}\n`), /"header-only\.csv" heeft een kopregel maar geen gegevensrijen/);
  });

  it('a wrong delimiter', async () => {
    await expectRefused(await file('pipes.csv', 'RINPERSOON|GBAGESLACHT\n000000001|1\n'), /"pipes\.csv" scheidt de kolommen met "\|".*"," of ";"/);
    await expectRefused(await file('tabs.csv', 'RINPERSOON\tGBAGESLACHT\n000000001\t1\n'), /"tabs\.csv" scheidt de kolommen met tabs/);
  });

  it('rows that do not fit the header (a delimiter inside an unquoted value)', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => `R,${String(index).padStart(9, '0')},1`);
    rows.push('R,000000099,1,extra');
    await expectRefused(
      await file('ragged.csv', `${PERSONS_HEADER}\n${rows.join('\n')}\n`),
      /"ragged\.csv", regel 32: 4 waarden, terwijl de kopregel 3 kolommen heeft \(gescheiden door ","\)/,
    );
    const late = Array.from({ length: 30_000 }, (_, index) => `R,${String(index).padStart(9, '0')},1`);
    late.push('R,999999999,1,extra');
    await expectRefused(
      await file('ragged-late.csv', `${PERSONS_HEADER}\n${late.join('\n')}\n`),
      /"ragged-late\.csv" kon niet worden gelezen als CSV: regel 30002 heeft 4 waarden, terwijl de kopregel 3 kolommen heeft/,
    );
  });

  it('a value that does not fit its column type, naming column, line and value', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => `R,${String(index).padStart(9, '0')},1`);
    const more = Array.from({ length: 30_000 }, (_, index) => `R,${String(100 + index).padStart(9, '0')},2`);
    const content = `${PERSONS_HEADER}\n${rows.join('\n')}\n${more.join('\n')}\nR,999999999,x\n`;
    await expectRefused(
      await file('typo.csv', content),
      /"typo\.csv" kon niet worden gelezen als CSV: kolom GBAGESLACHT, regel 30032: de waarde "x" is geen BIGINT/,
    );
  });

  it('a key column missing in a recognised CBS table', async () => {
    const path = await file(
      'GBAADRESOBJECT2018BUSV1.csv',
      'RINPERSOONS,RINPERSOON,GBADATUMAANVANGADRESHOUDING,GBADATUMEINDEADRESHOUDING,SOORTOBJECTNUMMER\nR,000000001,20170101,20501231,A\n',
    );
    await expectRefused(
      path,
      /"GBAADRESOBJECT2018BUSV1\.csv" heeft de naam van een CBS-tabel van de soort addresses, maar mist de sleutelkolom RINOBJECTNUMMER/,
    );
  });

  it('duplicate keys in a one-row-per-unit (TAB) file, naming both rows', async () => {
    const path = await file('GBAPERSOON2017TABV1.csv', `${PERSONS_HEADER}\nR,000000001,1\nR,000000002,2\nR,000000001,2\n`);
    await expectRefused(
      path,
      new RegExp(
        String.raw`"GBAPERSOON2017TABV1\.csv" is een tabel met één rij per eenheid \(TAB\), ` +
          String.raw`maar minder dan 10 sleutels \(RINPERSOONS \+ RINPERSOON\) komen meer dan één keer voor, ` +
          String.raw`het eerst in rij 1 \(regel 2\) en rij 3 \(regel 4\)`,
      ),
    );
  });

  it('an impossible date (20171332), naming column, row and value', async () => {
    const path = await file(
      'JGDHULP2018BUSV1.csv',
      'RINPERSOONS,RINPERSOON,JGDHHULPVORM,JGDHGELDIGHEIDBEGINDATUM,' +
        'JGDHGELDIGHEIDEINDDATUM\nR,000000001,1,20170101,20171231\nR,000000002,1,20171332,20180101\n',
    );
    await expectRefused(path, /"JGDHULP2018BUSV1\.csv", kolom JGDHGELDIGHEIDBEGINDATUM, rij 2 \(regel 3\): "20171332" is geen bestaande datum/);
  });

  it('an end date before the begin date: opened, with a warning naming column and row (linking leaves the row out)', async () => {
    const path = await file(
      'JGDBESCHERM2018BUSV1.csv',
      'RINPERSOONS,RINPERSOON,JGDBMAATREGEL,JGDBGELDIGHEIDBEGINDATUM,' +
        'JGDBGELDIGHEIDEINDDATUM\nR,000000001,1,20170101,20171231\nR,000000002,1,20180101,20170101\n',
    );
    const opened = (await engine.openFiles([path])).find((candidate) => candidate.name === 'JGDBESCHERM2018BUSV1.csv')!;
    expect(opened.warnings).toEqual([
      '"JGDBESCHERM2018BUSV1.csv", kolom JGDBGELDIGHEIDEINDDATUM, rij 2 (regel 3): de einddatum ligt vóór de begindatum ' +
        '(JGDBGELDIGHEIDBEGINDATUM). Bij het koppelen blijft deze rij buiten beschouwing; het koppelrapport telt hem mee.',
    ]);
  });

  it('a truncated Parquet file', async () => {
    const complete = join(folder, 'complete.parquet');
    const writer = await DuckDBInstance.create(':memory:');
    const connection = await writer.connect();
    await connection.run("COPY (SELECT lpad(i::VARCHAR, 9, '0') AS RINPERSOON FROM range(10000) t(i)) TO $path (FORMAT parquet)", { path: complete });
    connection.closeSync();
    writer.closeSync();
    const bytes = await readFile(complete);
    await expectRefused(
      await file('truncated.parquet', bytes.subarray(0, Math.floor(bytes.length / 2))),
      /"truncated\.parquet" kon niet worden gelezen als PARQUET: het is geen volledig Parquet-bestand/,
    );
  });

  it('a binary file named .csv', async () => {
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x01]);
    await expectRefused(await file('photo.csv', binary), /"photo\.csv" is geen tekstbestand \(binaire inhoud bij byte 6\)/);
  });

  it('mixed encodings within the first part of the file, naming the line', async () => {
    const content = Buffer.concat([Buffer.from('RINPERSOON,naam\n000000001,Zoë\n', 'utf8'), Buffer.from('000000002,Jos\xe9\n', 'latin1')]);
    await expectRefused(await file('mixed.csv', content), /"mixed\.csv" mengt tekstcoderingen: .* regel 3 is geen UTF-8/);
  });

  it('mixed encodings far into the file, naming the line', async () => {
    const head = `RINPERSOON,naam\n${'000000001,Jan\n'.repeat(30_000)}`;
    const content = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from('000000002,Jos\xe9\n', 'latin1')]);
    await expectRefused(
      await file('mixed-late.csv', content),
      /"mixed-late\.csv" kon niet worden gelezen als CSV: regel 30002 is geen UTF-8-tekst, .* mengt tekstcoderingen/,
    );
  });

  it('Windows-1252 characters DuckDB cannot read (€) far into the file, naming the line', async () => {
    const late = Buffer.concat([
      Buffer.from(`RINPERSOON;naam\n000000001;Jos\xe9\n${'000000002;x\n'.repeat(30_000)}`, 'latin1'),
      Buffer.from('000000003;\x93q\x94\n', 'latin1'),
    ]);
    await expectRefused(
      await file('quotes-late.csv', late),
      /"quotes-late\.csv" is Windows-1252-tekst .* voor het eerst op regel 30003\. Sla het bestand op als UTF-8/,
    );
  });

  it('a path with quotes and non-ASCII characters opens; its errors name it', async () => {
    const odd = join(folder, `Zoë's "map" – één`);
    await mkdir(odd);
    const path = join(odd, `cliënten 'lijst' "2018".csv`);
    await writeFile(path, 'RINPERSOON,STARTDATUM\n000000001,20170101\n');
    const opened = (await engine.openFiles([path])).find((candidate) => candidate.name === `cliënten 'lijst' "2018".csv`);
    expect(opened).toMatchObject({ rowCount: { below: 10 }, tableKind: 'clients' });
    expect((await engine.security()).allowedPaths).toContain(path);
    await expectRefused(await file(`Zoë's "leeg".csv`, ''), /^"Zoë's "leeg"\.csv" is leeg/);
  });

  it('a file that is appended to while the engine reads it', async () => {
    const rows = Array.from({ length: 400_000 }, (_, index) => `R,${String(index).padStart(9, '0')},1`);
    const path = await file('GBAPERSOON2016TABV1.csv', `${PERSONS_HEADER}\n${rows.join('\n')}\n`);
    // Inspecting the file takes a few milliseconds, scanning 400,000 rows far longer: the write lands mid-scan.
    const writing = new Promise<void>((resolve) => setTimeout(() => void appendFile(path, 'R,999999999,2\n').then(resolve), 40));
    await Promise.all([expectRefused(path, /"GBAPERSOON2016TABV1\.csv" is veranderd terwijl het werd gelezen/), writing]);
  });

  it('a file that changes while it is being read (the check itself)', async () => {
    const path = await file('growing.csv', 'RINPERSOON\n000000001\n');
    const inspected = await inspectFile(path);
    await checkUnchanged(inspected);
    await appendFile(path, '000000002\n');
    await expect(checkUnchanged(inspected)).rejects.toThrow(
      /"growing\.csv" is veranderd terwijl het werd gelezen \(grootte 21 -> 31 bytes\); wacht tot het helemaal is geschreven/,
    );
  });
});
