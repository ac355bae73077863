// The column profile: aggregates only, counts of 1-9 masked, no raw min/max of numbers, quartiles from 10 values, dates as a range.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskCount } from '../../../src-main/engine/file-profile';
import { StudyEngine } from '../../../src-main/engine/study-engine';
import { createHandlers } from '../../../src-main/ipc/handlers';
import type { FileProfile } from '../../../src-main/engine/engine-shapes';
import { contract } from '../../../src-main/ipc/contract';
import { tempFolder } from '../support/temp-folder';

let engine: StudyEngine;
let profile: FileProfile;

/** 30 households: 20 of type 1, 7 of type 2, 3 with no type; incomes 1000..30000; begin dates in 2015-2017. */
function householdsCsv(): string {
  const lines = ['RINPERSOONS,RINPERSOON,HUISHOUDNR,DATUMAANVANGHH,DATUMEINDEHH,TYPHH,INHBESTINKH'];
  for (let i = 1; i <= 30; i++) {
    const type = i <= 20 ? '1' : i <= 27 ? '2' : '';
    const begin = `${2015 + (i % 3)}0${1 + (i % 9)}15`;
    lines.push(`R,${String(i).padStart(9, '0')},${String(1000 + i).padStart(12, '0')},${begin},20501231,${type},${i * 1000}`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  const folder = await tempFolder();
  const path = join(folder, 'GBAHUISHOUDENS2018BUSV1.csv');
  await writeFile(path, householdsCsv());
  engine = await StudyEngine.create();
  const [file] = await engine.openFiles([path]);
  profile = await engine.fileProfile(file!.id);
});
afterAll(() => engine.close());

const column = (name: string) => profile.columns.find((candidate) => candidate.name === name)!;

describe('fileProfile', () => {
  it('masks counts of 1 to 9 (zero and 10+ shown)', () => {
    expect([0, 1, 9, 10, 11].map((count) => maskCount(count))).toEqual([0, { below: 10 }, { below: 10 }, 10, 11]);
  });

  it('gives missing share, distinct count and top values of a code column; values of fewer than 10 units are not named', () => {
    expect(profile.rowCount).toBe(30);
    expect(column('TYPHH')).toEqual({
      name: 'TYPHH',
      type: 'BIGINT',
      kind: 'number',
      missing: { below: 10 },
      missingPercent: null,
      // The number of categories describes no one: shown as is. A code gets no quartiles.
      distinct: 2,
      // Type 2 is held by 7 households: below the threshold, so it is not named at all.
      topValues: [{ value: '1', count: 20 }],
      dateRange: null,
      quartiles: null,
    });
  });

  it('never gives raw values of keys: no top values', () => {
    expect(column('RINPERSOON')).toMatchObject({ kind: 'key', type: 'VARCHAR', missing: 0, missingPercent: 0, distinct: 30, topValues: [], quartiles: null });
    expect(column('HUISHOUDNR').topValues).toEqual([]);
  });

  it('gives dates as the years they span (end years with at least 10 rows), numbers as quartiles only', () => {
    expect(column('DATUMAANVANGHH')).toMatchObject({ type: 'DATE (YYYYMMDD)', dateRange: { from: '2015', to: '2017' }, quartiles: null });
    expect(column('DATUMEINDEHH').dateRange).toEqual({ from: '2050', to: '2050' });
    const income = column('INHBESTINKH');
    expect(income.quartiles).toEqual({ q1: 8250, median: 15500, q3: 22750 });
    expect(JSON.stringify(income)).not.toMatch(/\b(1000|30000)\b/);
  });

  it('lets the analyst change a role: the column gives up its old role, the role leaves its old column', async () => {
    const handlers = createHandlers({ engine, pickFiles: async () => [], demoFolder: '/nonexistent' });
    const before = (await engine.listFiles())[0]!;
    expect(before.roles).toMatchObject({ householdKey: 'HUISHOUDNR', householdType: 'TYPHH' });
    const moved = await handlers.setColumnRole({ fileId: before.id, column: 'TYPHH', role: 'householdKey' });
    expect(moved.roles.householdKey).toBe('TYPHH');
    expect(moved.roles.householdType).toBeUndefined();
    const cleared = await handlers.setColumnRole({ fileId: before.id, column: 'TYPHH', role: null });
    expect(cleared.roles.householdKey).toBeUndefined();
    expect(await engine.listFiles()).toEqual([cleared]);
    await expect(engine.setColumnRole(before.id, 'nope', 'personKey')).rejects.toThrow(/heeft geen kolom "nope"/);
    await handlers.setColumnRole({ fileId: before.id, column: 'HUISHOUDNR', role: 'householdKey' });
    await handlers.setColumnRole({ fileId: before.id, column: 'TYPHH', role: 'householdType' });
  });

  it('lets the analyst say which table a file is: its roles are proposed anew', async () => {
    const handlers = createHandlers({ engine, pickFiles: async () => [], demoFolder: '/nonexistent' });
    const file = (await engine.listFiles())[0]!;
    const asClients = await handlers.setTableKind({ fileId: file.id, tableKind: 'clients' });
    expect(asClients).toMatchObject({ tableKind: 'clients', roles: { personSource: 'RINPERSOONS', personKey: 'RINPERSOON', clientBegin: 'DATUMAANVANGHH' } });
    const back = await handlers.setTableKind({ fileId: file.id, tableKind: 'households' });
    expect(back.roles).toEqual(file.roles);
  });

  it('is served through the handlers and the contract', async () => {
    const handlers = createHandlers({ engine, pickFiles: async () => [], demoFolder: '/nonexistent' });
    const reply = await handlers.fileProfile({ fileId: profile.fileId });
    expect(contract.fileProfile.response.parse(reply)).toEqual(profile);
    await expect(engine.fileProfile('gone')).rejects.toThrow(/niet meer open/);
  });
});
