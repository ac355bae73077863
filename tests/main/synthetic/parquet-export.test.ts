// CSV extracts become typed Parquet: keys stay text with leading zeros, counts INTEGER, amounts BIGINT, bytes repeat.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLockedSession } from '../../../src-main/engine/locked-session';
import { extractTable } from '../../../src-main/synthetic/extract-tables';
import { convertExtractsToParquet, csvColumnsStruct } from '../../../src-main/synthetic/parquet-export';
import { tempFolder } from '../support/temp-folder';

const households = extractTable('households');
const income = extractTable('householdIncome');
const tables = [households, income];

const HOUSEHOLD_CSV = [
  'RINPERSOONS,RINPERSOON,DATUMAANVANGHH,DATUMEINDEHH,HUISHOUDNR,TYPHH,PLHH,REFPERSOONHH,AANTALPERSHH,AANTALKINDHH,GEBJAARJONGSTEKINDHH,GEBMAANDJONGSTEKINDHH',
  'R,000000042,20150101,20501231,0000000007,6,05,1,3,2,2012,03',
  'R,012345678,20100601,20171130,0000000008,1,01,1,1,0,----,--',
].join('\n');
const INCOME_CSV = [
  'RINPERSOONSHKW,RINPERSOONHKW,INHBESTINKH,INHBRUTINKH,INHGESTINKH,INHEHALGR,INHBBIHJ,INHUAFTYP',
  'R,000000042,21500,26000,14300,3,22,3',
  'R,012345678,9999999999,9999999999,9999999999,9,99,0',
  'R,100000000,-1200,0,-800,2,13,0',
].join('\n');

let root: string;
let counter = 0;

async function extractsFolder(): Promise<string> {
  const folder = join(root, `run-${++counter}`);
  await mkdir(folder);
  await writeFile(join(folder, `${households.fileName}.csv`), `${HOUSEHOLD_CSV}\n`);
  await writeFile(join(folder, `${income.fileName}.csv`), `${INCOME_CSV}\n`);
  return folder;
}

beforeAll(async () => {
  root = await tempFolder('groepsbeeld-parquet-');
});

describe('convertExtractsToParquet', () => {
  it('writes typed Parquet with the same rows and removes the CSVs', async () => {
    const folder = await extractsFolder();
    const fractions: number[] = [];
    const converted = await convertExtractsToParquet(folder, { tables, onProgress: (fraction) => fractions.push(fraction) });
    expect(converted.map(({ name, rows }) => [name, rows])).toEqual([
      [`${households.fileName}.parquet`, 2],
      [`${income.fileName}.parquet`, 3],
    ]);
    expect((await readdir(folder)).sort()).toEqual(converted.map(({ name }) => name).sort());
    expect(fractions.at(-1)).toBe(1);

    const paths = converted.map(({ name }) => join(folder, name));
    const session = await openLockedSession({ readableFiles: paths });
    try {
      const types = async (path: string) =>
        Object.fromEntries(
          (await session.query('DESCRIBE SELECT * FROM read_parquet($path)', { path })).map((row) => [row['column_name'], row['column_type']]),
        );
      expect(await types(paths[0]!)).toMatchObject({
        RINPERSOON: 'VARCHAR',
        DATUMAANVANGHH: 'VARCHAR',
        HUISHOUDNR: 'VARCHAR',
        PLHH: 'VARCHAR',
        AANTALPERSHH: 'INTEGER',
        AANTALKINDHH: 'INTEGER',
      });
      expect(await types(paths[1]!)).toMatchObject({
        RINPERSOONHKW: 'VARCHAR',
        INHBESTINKH: 'BIGINT',
        INHBRUTINKH: 'BIGINT',
        INHEHALGR: 'VARCHAR',
        INHBBIHJ: 'VARCHAR',
      });
      expect(
        await session.query('SELECT RINPERSOON, HUISHOUDNR, PLHH, AANTALPERSHH, GEBJAARJONGSTEKINDHH FROM read_parquet($path)', { path: paths[0]! }),
      ).toEqual([
        { RINPERSOON: '000000042', HUISHOUDNR: '0000000007', PLHH: '05', AANTALPERSHH: 3, GEBJAARJONGSTEKINDHH: '2012' },
        { RINPERSOON: '012345678', HUISHOUDNR: '0000000008', PLHH: '01', AANTALPERSHH: 1, GEBJAARJONGSTEKINDHH: '----' },
      ]);
      expect(await session.query('SELECT INHBESTINKH FROM read_parquet($path)', { path: paths[1]! })).toEqual([
        { INHBESTINKH: 21500 },
        { INHBESTINKH: 9_999_999_999 },
        { INHBESTINKH: -1200 },
      ]);
    } finally {
      await session.close();
    }
  });

  it('gives byte-identical Parquet for identical CSVs', async () => {
    const [first, second] = [await extractsFolder(), await extractsFolder()];
    await convertExtractsToParquet(first, { tables });
    await convertExtractsToParquet(second, { tables });
    for (const table of tables) {
      const name = `${table.fileName}.parquet`;
      expect((await readFile(join(first, name))).equals(await readFile(join(second, name))), name).toBe(true);
    }
  });

  it('names the file when a header is wrong or a CSV is missing', async () => {
    const folder = await extractsFolder();
    await writeFile(join(folder, `${income.fileName}.csv`), 'RINPERSOONSHKW,RINPERSOONHKW\nR,000000001\n');
    await expect(convertExtractsToParquet(folder, { tables })).rejects.toThrow(new RegExp(`${income.fileName}\\.csv: the header row is`));
    await expect(convertExtractsToParquet(await extractsFolder(), { tables: [extractTable('persons')] })).rejects.toThrow(
      /GBAPERSOON2018TABV1\.csv is missing/,
    );
  });

  it('names the file when a value does not fit its column type', async () => {
    const folder = await extractsFolder();
    await writeFile(join(folder, `${income.fileName}.csv`), `${INCOME_CSV.split('\n')[0]}\nR,000000001,lots,0,0,1,11,0\n`);
    await expect(convertExtractsToParquet(folder, { tables: [income] })).rejects.toThrow(new RegExp(`Converting .*${income.fileName}\\.csv to Parquet failed`));
  });

  it('stops between files when aborted', async () => {
    const folder = await extractsFolder();
    await expect(convertExtractsToParquet(folder, { tables, signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
  });

  it('quotes column names in the read_csv columns struct', () => {
    expect(
      csvColumnsStruct({
        id: 'x',
        fileName: 'X',
        description: '',
        columns: [
          ['a"b', 'key'],
          ['n', 'count'],
        ],
      }),
    ).toBe(`{"a""b": 'VARCHAR', "n": 'INTEGER'}`);
  });
});
