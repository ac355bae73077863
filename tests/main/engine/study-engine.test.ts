// The study engine opens only what the analyst chose, handles hostile names safely, and fails atomically.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdentifier } from '../../../src-main/engine/sql';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { tempFolder } from '../support/temp-folder';

const hostileColumn = `x" FROM read_csv('/etc/passwd'); DROP TABLE t; --`;
let folder: string;
let hostileFile: string;
let plainFile: string;
let parquetFile: string;
let engine: StudyEngine;

beforeAll(async () => {
  folder = await tempFolder();
  // A folder and file name with quotes, semicolons and SQL keywords.
  const hostileFolder = join(folder, `it's; DROP TABLE "x" --`);
  await mkdir(hostileFolder);
  hostileFile = join(hostileFolder, `GBA'PERSOON; SELECT * FROM read_csv('etc').csv`);
  const quotedColumn = `"${hostileColumn.replaceAll('"', '""')}"`;
  await writeFile(hostileFile, `RINPERSOON,${quotedColumn},"select"\n000000001,a,1\n000000002,,2\n000000003,a,3\n`);
  plainFile = join(folder, 'VSLGWBTAB.csv');
  await writeFile(plainFile, 'SOORTOBJECTNUMMER,RINOBJECTNUMMER,gem2017\nA,1,0784\nA,2,0784\nA,3,0824\n');
  parquetFile = join(folder, 'persons.parquet');
  const writer = await DuckDBInstance.create(':memory:');
  const connection = await writer.connect();
  await connection.run("COPY (SELECT lpad(i::VARCHAR, 9, '0') AS RINPERSOON, i % 2 AS GBAGESLACHT FROM range(100) t(i)) TO $path (FORMAT parquet)", {
    path: parquetFile,
  });
  connection.closeSync();
  writer.closeSync();
  engine = await StudyEngine.create();
});
afterAll(() => engine.close());

describe('StudyEngine', () => {
  it('opens a file whose path is full of quotes, semicolons and keywords, and reads its real columns', async () => {
    const [file] = await engine.openFiles([hostileFile]);
    expect(file).toMatchObject({ name: `GBA'PERSOON; SELECT * FROM read_csv('etc').csv`, format: 'csv', rowCount: { below: 10 } });
    expect(file!.columns.map((column) => column.name)).toEqual(['RINPERSOON', hostileColumn, 'select']);
    expect((await engine.security()).allowedPaths).toEqual([hostileFile]);
  });

  it('summarises a column whose name is an injection attempt, as that column and nothing else', async () => {
    const [file] = await engine.listFiles();
    expect(await engine.columnSummary(file!.id, hostileColumn)).toEqual({
      column: hostileColumn,
      type: 'VARCHAR',
      // Three rows count three units: a row count below 10 leaves the engine only as "below 10" too.
      rowCount: { below: 10 },
      // One missing value is a count of one unit: it leaves the engine only as "below 10".
      missing: { below: 10 },
      distinct: 1,
    });
    expect(await engine.columnSummary(file!.id, 'select')).toMatchObject({ rowCount: { below: 10 }, distinct: 3 });
  });

  it('refuses a column the file does not have, naming file and column', async () => {
    const [file] = await engine.listFiles();
    await expect(engine.columnSummary(file!.id, 'RINPERSOON" --')).rejects.toThrow(/heeft geen kolom "RINPERSOON\\" --"/);
    await expect(engine.columnSummary('no-such-id', 'RINPERSOON')).rejects.toThrow(/niet meer open/);
  });

  it('adds files to the allowed list as they are opened; reopening a file keeps one entry', async () => {
    const files = await engine.openFiles([plainFile, parquetFile, plainFile]);
    expect(files.map((file) => file.name)).toEqual([files[0]!.name, 'VSLGWBTAB.csv', 'persons.parquet']);
    expect(files[2]).toMatchObject({ format: 'parquet', rowCount: 100 });
    expect((await engine.security()).allowedPaths.sort()).toEqual([hostileFile, plainFile, parquetFile].sort());
  });

  it('keeps everything as it was when one of the new files cannot be read', async () => {
    const before = await engine.listFiles();
    const broken = join(folder, 'broken.parquet');
    await writeFile(broken, 'this is not parquet');
    const good = join(folder, 'extra.csv');
    await writeFile(good, 'a\n1\n');
    await expect(engine.openFiles([good, broken])).rejects.toThrow(/"broken\.parquet" kon niet worden gelezen als PARQUET/);
    expect(await engine.listFiles()).toEqual(before);
    expect((await engine.security()).allowedPaths).not.toContain(good);
    // The old session still works.
    expect(await engine.columnSummary(before[1]!.id, 'gem2017')).toMatchObject({ distinct: 2 });
  });

  it('explains files it cannot open', async () => {
    await expect(engine.openFiles([join(folder, 'missing.csv')])).rejects.toThrow(/"missing\.csv" bestaat niet/);
    await expect(engine.openFiles([join(folder, 'GBAPERSOON2018TABV2.sas7bdat')])).rejects.toThrow(
      /\.sas7bdat.*open een \.csv-, \.parquet-, \.xlsx- of SPSS-bestand \(\.sav\/\.zsav\)/,
    );
    await expect(engine.openFiles([join(folder, 'GBAPERSOON2018TABV2.sav')])).rejects.toThrow(/"GBAPERSOON2018TABV2\.sav" bestaat niet/);
    await expect(engine.openFiles(['relative.csv'])).rejects.toThrow(/geen volledig pad/);
    await expect(engine.openFiles([folder + '/'])).rejects.toThrow(/soort bestand/);
  });

  it('lets DuckDB write only into the chosen export folder', async () => {
    const exportFolder = join(folder, 'export');
    await engine.setExportDirectory(exportFolder);
    expect((await engine.security()).allowedDirectories).toContain(`${exportFolder}/`);
    expect((await engine.listFiles()).length).toBe(3);
  });
});

describe('quoteIdentifier', () => {
  it('keeps any text one identifier', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(`SELECT 1 AS ${quoteIdentifier(hostileColumn)}`);
    expect(reader.columnNames()).toEqual([hostileColumn]);
    connection.closeSync();
    instance.closeSync();
  });

  it('refuses names that cannot be identifiers', () => {
    expect(() => quoteIdentifier('')).toThrow(/empty/);
    expect(() => quoteIdentifier('a\u0000b')).toThrow(/NUL/);
  });
});
