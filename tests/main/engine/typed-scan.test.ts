// Typed scanning: CSV dialects and encodings, keys kept as text, YYYYMMDD dates recognised, Parquet converted, one statement over several files.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateExpression } from '../../../src-main/engine/column-kinds';
import { scanRelation } from '../../../src-main/engine/file-scan';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { tempFolder } from '../support/temp-folder';

let folder: string;
let engine: StudyEngine;

beforeAll(async () => {
  folder = await tempFolder();
  engine = await StudyEngine.create();
});
afterAll(() => engine.close());

async function openOne(name: string, content: string | Buffer) {
  const path = join(folder, name);
  await writeFile(path, content);
  const files = await engine.openFiles([path]);
  const file = files.find((candidate) => candidate.name === name);
  if (!file) throw new Error(name);
  return file;
}

/** All rows of a file's typed relation (tests only: rows never leave the engine in the app). */
function rowsOf(fileId: string, sql = 'SELECT * FROM rel') {
  return engine.withFiles(async (session, files) => {
    const file = files.find((candidate) => candidate.id === fileId);
    if (!file) throw new Error(fileId);
    const relation = scanRelation(file);
    return session.query(sql.replace('rel', `${relation.sql} AS rel`), relation.parameters);
  });
}

const typeOf = (file: { columns: { name: string; type: string }[] }) => Object.fromEntries(file.columns.map((column) => [column.name, column.type]));

describe('CSV dialects', () => {
  it('reads ";" with decimal commas, quoted fields and Windows-1252 text; keys and codes stay text, dates are dates', async () => {
    const content = Buffer.from(
      'RINPERSOONS;RINPERSOON;gem2017;INHBESTINKH;naam;STARTDATUM;EINDDATUM\n' +
        'R;000000001;0784;12345,50;"Jos\xe9; de ""Jong""";20170101;20501231\n' +
        'R;000000002;0824;-3,25;M\xfcller;20171231;\n',
      'latin1',
    );
    const file = await openOne('klanten_1252.csv', content);
    expect(typeOf(file)).toEqual({
      RINPERSOONS: 'VARCHAR',
      RINPERSOON: 'VARCHAR',
      gem2017: 'VARCHAR',
      INHBESTINKH: 'DOUBLE',
      naam: 'VARCHAR',
      STARTDATUM: 'DATE (YYYYMMDD)',
      EINDDATUM: 'DATE (YYYYMMDD)',
    });
    expect(file.columns.find((column) => column.name === 'RINPERSOON')?.kind).toBe('key');
    expect(file.tableKind).toBe('clients');
    expect(await rowsOf(file.id)).toEqual([
      {
        RINPERSOONS: 'R',
        RINPERSOON: '000000001',
        gem2017: '0784',
        INHBESTINKH: 12345.5,
        naam: 'José; de "Jong"',
        STARTDATUM: '20170101',
        EINDDATUM: '20501231',
      },
      { RINPERSOONS: 'R', RINPERSOON: '000000002', gem2017: '0824', INHBESTINKH: -3.25, naam: 'Müller', STARTDATUM: '20171231', EINDDATUM: null },
    ]);
    expect(await rowsOf(file.id, `SELECT ${dateExpression('STARTDATUM')} AS d FROM rel`)).toEqual([{ d: '2017-01-01' }, { d: '2017-12-31' }]);
  });

  it('puts back the leading zeros a spreadsheet took from person keys', async () => {
    const file = await openOne('klanten_excel.csv', 'RINPERSOON;STARTDATUM\n12345678;20170101\n123456789;20170101\n1234567890;20170101\n');
    expect(await rowsOf(file.id, 'SELECT RINPERSOON FROM rel')).toEqual([
      { RINPERSOON: '012345678' },
      { RINPERSOON: '123456789' },
      { RINPERSOON: '1234567890' },
    ]);
  });

  it('reads "," with UTF-8 (and a byte-order mark), numeric-looking keys as text', async () => {
    const file = await openOne('GBAPERSOON2018TABV1.csv', '\uFEFFRINPERSOONS,RINPERSOON,GBAGESLACHT,GBAGEBOORTEJAAR\nR,100000001,1,1980\nR,100000002,2,1975\n');
    expect(typeOf(file)).toEqual({ RINPERSOONS: 'VARCHAR', RINPERSOON: 'VARCHAR', GBAGESLACHT: 'BIGINT', GBAGEBOORTEJAAR: 'BIGINT' });
    expect(file).toMatchObject({ tableKind: 'persons', rowCount: { below: 10 }, roles: { personKey: 'RINPERSOON', sex: 'GBAGESLACHT' } });
    expect(await rowsOf(file.id, 'SELECT RINPERSOON FROM rel ORDER BY 1')).toEqual([{ RINPERSOON: '100000001' }, { RINPERSOON: '100000002' }]);
  });

  it('reads Windows-1252 text with € and curly quotes from a private UTF-8 copy, which goes when the engine closes', async () => {
    const content = Buffer.from('RINPERSOON;omschrijving;bedrag\n000000001;\x93pakket\x94 \x80 5;5,00\n000000002;Zo\xeb;7,50\n', 'latin1');
    const file = await openOne('pakketten.csv', content);
    expect(await rowsOf(file.id, 'SELECT * FROM rel ORDER BY RINPERSOON')).toEqual([
      { RINPERSOON: '000000001', omschrijving: '“pakket” € 5', bedrag: 5 },
      { RINPERSOON: '000000002', omschrijving: 'Zoë', bedrag: 7.5 },
    ]);
    const copy = (await engine.security()).allowedPaths.find((path) => path.includes('groepsbeeld-utf8-'));
    expect(copy).toBeDefined();
    expect((await engine.security()).allowedPaths).not.toContain(join(folder, 'pakketten.csv'));
    const separate = await StudyEngine.create();
    await separate.openFiles([join(folder, 'pakketten.csv')]);
    const separateCopy = (await separate.security()).allowedPaths[0]!;
    expect(existsSync(separateCopy)).toBe(true);
    await separate.close();
    expect(existsSync(separateCopy)).toBe(false);
  });

  it('reads UTF-16 text with a byte-order mark', async () => {
    const text = 'RINPERSOON;omschrijving\n000000007;één\n';
    const file = await openOne('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await rowsOf(file.id)).toEqual([{ RINPERSOON: '000000007', omschrijving: 'één' }]);
  });

  it('reads a quoted value that spans lines and holds the delimiter', async () => {
    const file = await openOne('notes.csv', 'RINPERSOON,opmerking\n000000001,"regel 1\nregel 2, met komma"\n000000002,kort\n');
    expect(file.rowCount).toEqual({ below: 10 });
    expect(await rowsOf(file.id, 'SELECT opmerking FROM rel ORDER BY RINPERSOON')).toEqual([
      { opmerking: 'regel 1\nregel 2, met komma' },
      { opmerking: 'kort' },
    ]);
  });

  it('gives ISO dates DuckDB reads as DATE as YYYYMMDD text too', async () => {
    const file = await openOne('iso.csv', 'RINPERSOON,STARTDATUM\n000000001,2017-03-06\n000000002,\n');
    expect(file.columns[1]).toEqual({ name: 'STARTDATUM', type: 'DATE (YYYYMMDD)', kind: 'date' });
    expect(await rowsOf(file.id, 'SELECT STARTDATUM FROM rel ORDER BY RINPERSOON')).toEqual([{ STARTDATUM: '20170306' }, { STARTDATUM: null }]);
    const profile = await engine.fileProfile(file.id);
    expect(profile.columns[1]).toMatchObject({ dateRange: null, missing: { below: 10 } });
  });

  it('does not take an 8-digit number for a date when the column name does not say date', async () => {
    const file = await openOne('amounts.csv', 'bedrag,DATUMAANVANG\n20170101,20170101\n20180101,20180101\n');
    expect(typeOf(file)).toEqual({ bedrag: 'BIGINT', DATUMAANVANG: 'DATE (YYYYMMDD)' });
  });
});

describe('Parquet', () => {
  it('turns numeric keys into text and DATE or integer dates into YYYYMMDD text', async () => {
    const path = join(folder, 'SECM2018BUSV1.parquet');
    const writer = await DuckDBInstance.create(':memory:');
    const connection = await writer.connect();
    await connection.run(
      `COPY (SELECT 'R' AS RINPERSOONS, 99999999 + i AS RINPERSOON, DATE '2017-01-01' + i::INTEGER AS AANVSECM, 20501231 AS EINDSECM, 11 AS SECM
             FROM range(3) t(i)) TO $path (FORMAT parquet)`,
      { path },
    );
    connection.closeSync();
    writer.closeSync();
    const [file] = (await engine.openFiles([path])).filter((candidate) => candidate.name === 'SECM2018BUSV1.parquet');
    expect(typeOf(file!)).toEqual({ RINPERSOONS: 'VARCHAR', RINPERSOON: 'VARCHAR', AANVSECM: 'DATE (YYYYMMDD)', EINDSECM: 'DATE (YYYYMMDD)', SECM: 'INTEGER' });
    expect(file!.roles).toEqual({
      personSource: 'RINPERSOONS',
      personKey: 'RINPERSOON',
      spellBegin: 'AANVSECM',
      spellEnd: 'EINDSECM',
      socioEconomicPosition: 'SECM',
    });
    expect(await rowsOf(file!.id, 'SELECT * FROM rel ORDER BY AANVSECM LIMIT 2')).toEqual([
      { RINPERSOONS: 'R', RINPERSOON: '099999999', AANVSECM: '20170101', EINDSECM: '20501231', SECM: 11 },
      { RINPERSOONS: 'R', RINPERSOON: '100000000', AANVSECM: '20170102', EINDSECM: '20501231', SECM: 11 },
    ]);
  });
});

describe('scanRelation', () => {
  it('combines several files in one statement (parameter names are unique per file)', async () => {
    const persons = await openOne('p.csv', 'RINPERSOON,x\n000000001,1\n000000002,2\n');
    const spells = await openOne('s.csv', 'RINPERSOON;DATUMAANVANG\n000000001;20170101\n000000009;20170101\n');
    const joined = await engine.withFiles(async (session, files) => {
      const [left, right] = [persons.id, spells.id].map((id) => scanRelation(files.find((file) => file.id === id)!));
      return session.query(`SELECT count(*) AS n FROM ${left!.sql} AS a JOIN ${right!.sql} AS b USING (RINPERSOON)`, {
        ...left!.parameters,
        ...right!.parameters,
      });
    });
    expect(joined).toEqual([{ n: 1 }]);
  });
});
