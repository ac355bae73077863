// A partner's .xlsx list opens as an in-memory table of the locked session: keys as text, dates as YYYYMMDD, kept across session swaps.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile, { type Row } from 'write-excel-file/node';
import { scanRelation } from '../../../src-main/engine/file-scan';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { tempFolder } from '../support/temp-folder';

let folder: string;
let engine: StudyEngine;

async function writeXlsx(name: string, rows: Row[]): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, await writeExcelFile(rows).toBuffer());
  return path;
}

function clientRows(fileId: string) {
  return engine.withFiles(async (session, files) => {
    const relation = scanRelation(files.find((file) => file.id === fileId)!);
    return session.query(`SELECT * FROM ${relation.sql} AS clients ORDER BY RINPERSOON`, relation.parameters);
  });
}

beforeAll(async () => {
  folder = await tempFolder();
  engine = await StudyEngine.create();
});
afterAll(() => engine.close());

describe('.xlsx client lists', () => {
  it('reads keys as text (putting back zeros Excel dropped), dates as YYYYMMDD, numbers as numbers', async () => {
    const path = await writeXlsx('VOEDSELBANK_KLANTEN.xlsx', [
      ['RINPERSOONS', 'RINPERSOON', 'STARTDATUM', 'EINDDATUM', 'aantal'].map((value) => ({ value })),
      [{ value: 'R' }, { value: '000000042' }, { value: '20170306' }, { value: '20180530' }, { value: 2 }],
      [{ value: 'R' }, { value: 12345678 }, { type: Date, value: new Date(Date.UTC(2017, 11, 15)), format: 'dd-mm-yyyy' }, null, { value: 3.5 }],
    ]);
    const [file] = await engine.openFiles([path]);
    expect(file).toMatchObject({ format: 'xlsx', rowCount: { below: 10 }, tableKind: 'clients', warnings: [] });
    expect(file!.roles).toEqual({ personSource: 'RINPERSOONS', personKey: 'RINPERSOON', clientBegin: 'STARTDATUM', clientEnd: 'EINDDATUM' });
    expect(Object.fromEntries(file!.columns.map((column) => [column.name, column.type]))).toEqual({
      RINPERSOONS: 'VARCHAR',
      RINPERSOON: 'VARCHAR',
      STARTDATUM: 'DATE (YYYYMMDD)',
      EINDDATUM: 'DATE (YYYYMMDD)',
      aantal: 'DOUBLE',
    });
    expect(await clientRows(file!.id)).toEqual([
      { RINPERSOONS: 'R', RINPERSOON: '000000042', STARTDATUM: '20170306', EINDDATUM: '20180530', aantal: 2 },
      { RINPERSOONS: 'R', RINPERSOON: '012345678', STARTDATUM: '20171215', EINDDATUM: null, aantal: 3.5 },
    ]);
    // DuckDB never reads the workbook itself: it is not on the allowed list.
    expect((await engine.security()).allowedPaths).not.toContain(path);
  });

  it('keeps the sheet when opening more files swaps in a new locked session', async () => {
    const [clients] = await engine.listFiles();
    const csv = join(folder, 'extra.csv');
    await writeFile(csv, 'a\n1\n');
    await engine.openFiles([csv]);
    expect(await clientRows(clients!.id)).toHaveLength(2);
    expect(await engine.columnSummary(clients!.id, 'RINPERSOON')).toMatchObject({ rowCount: { below: 10 }, distinct: 2 });
  });

  it('refuses a workbook that is not one, and a sheet without a header, naming the file', async () => {
    const fake = join(folder, 'fake.xlsx');
    await writeFile(fake, 'RINPERSOON\n000000001\n');
    await expect(engine.openFiles([fake])).rejects.toThrow(/"fake\.xlsx" kon niet worden gelezen als Excel-werkmap/);
    const unnamed = await writeXlsx('unnamed.xlsx', [
      [{ value: 'RINPERSOON' }, null],
      [{ value: '1' }, { value: 'x' }],
    ]);
    await expect(engine.openFiles([unnamed])).rejects.toThrow(/"unnamed\.xlsx": kolom 2 van de kopregel heeft geen naam/);
    expect(await engine.listFiles()).toHaveLength(2);
  });
});
