// The .sav reader against files from the test writer: both byte orders, many batches, odd but valid files.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSav, spssDateTimeToIso, spssDateToIso, type SavBatch, type SavColumn } from '../../../../src-main/engine/sav';
import { tempFolder } from '../../support/temp-folder';
import { writeSav, type WriteSavOptions, type WriterVariable } from './support/sav-writer';

const folder = await tempFolder('groepsbeeld-sav-written-');

const VARIABLES: WriterVariable[] = [
  { name: 'KEY', width: 9 },
  { name: 'CODE', width: 1 },
  { name: 'AMOUNT', width: 0 },
  { name: 'TEXT', width: 20 },
  { name: 'EXACT8', width: 8 },
  { name: 'BORN', width: 0, formatType: 20 },
];
/** Seconds since 1582-10-14 of 2017-12-31. */
const DEC_31_2017 = (141428 + 17531) * 86400;

const SAMPLE_ROWS: (number | string | null)[][] = [
  ['000000001', 'R', 1, 'Köln', 'abcdefgh', DEC_31_2017],
  ['000000002', 'R', -99, '', '        ', 0],
  ['123456789', ' ', 151.5, 'x'.repeat(20), 'ab', null],
  ['000000004', 'X', null, 'café au lait', '', DEC_31_2017 + 86400],
  ['000000005', 'R', 9999999999, '  leading', 'é', -86400],
];

async function readAll(path: string, batchRows?: number): Promise<SavBatch[]> {
  const batches: SavBatch[] = [];
  for await (const batch of (await openSav(path)).batches({ batchRows })) batches.push(batch);
  return batches;
}

function plain(column: SavColumn | undefined): unknown[] {
  if (!column) return [];
  return column.kind === 'number' ? [...column.values].map((value, i) => (column.missing[i] ? null : value)) : column.values;
}

describe('files from the test writer', () => {
  describe.each([
    ['little-endian uncompressed', { compression: 0, littleEndian: true }],
    ['little-endian compressed', { compression: 1, littleEndian: true }],
    ['big-endian uncompressed', { compression: 0, littleEndian: false }],
    ['big-endian compressed', { compression: 1, littleEndian: false }],
  ] as const)('%s', (label, layout: Pick<WriteSavOptions, 'compression' | 'littleEndian'>) => {
    it('reads back every value', async () => {
      const path = join(folder, `${label}.sav`);
      await writeSav(path, { ...layout, variables: VARIABLES, caseCount: SAMPLE_ROWS.length, caseValues: (i) => SAMPLE_ROWS[i]! });
      const [batch, ...rest] = await readAll(path);
      expect(rest).toEqual([]);
      expect(plain(batch!.columns[0])).toEqual(['000000001', '000000002', '123456789', '000000004', '000000005']);
      expect(plain(batch!.columns[1])).toEqual(['R', 'R', '', 'X', 'R']);
      expect(plain(batch!.columns[2])).toEqual([1, -99, 151.5, null, 9999999999]);
      expect(plain(batch!.columns[3])).toEqual(['Köln', '', 'x'.repeat(20), 'café au lait', '  leading']);
      expect(plain(batch!.columns[4])).toEqual(['abcdefgh', '', 'ab', '', 'é']);
      expect(plain(batch!.columns[5])).toEqual(['2017-12-31', '1582-10-14', null, '2018-01-01', '1582-10-13']);
    });
  });

  it('streams many cases in batches across 4 MB read chunks, compressed and not', async () => {
    const rows = 150_000;
    for (const compression of [0, 1] as const) {
      const path = join(folder, `many-${compression}.sav`);
      await writeSav(path, {
        variables: VARIABLES.slice(0, 3),
        caseCount: rows,
        compression,
        caseValues: (i) => [String(i).padStart(9, '0'), i % 3 === 0 ? 'R' : 'X', i % 7 === 0 ? null : i * 0.5],
      });
      const batches = await readAll(path, 10_000);
      expect(batches.map((batch) => batch.rowCount)).toEqual(Array(15).fill(10_000));
      expect(batches.map((batch) => batch.firstCase)).toEqual(Array.from({ length: 15 }, (_, i) => i * 10_000));
      let expected = 0;
      for (const batch of batches) {
        const keys = batch.columns[0]!.values as string[];
        const amounts = batch.columns[2] as SavColumn & { kind: 'number' };
        for (let row = 0; row < batch.rowCount; row++) {
          const i = batch.firstCase + row;
          if (keys[row] !== String(i).padStart(9, '0')) throw new Error(`case ${i}: key ${keys[row]}`);
          const missing = i % 7 === 0;
          if (missing ? amounts.missing[row] !== 1 : amounts.values[row] !== i * 0.5) throw new Error(`case ${i}: amount ${amounts.values[row]}`);
          expected++;
        }
      }
      expect(expected).toBe(rows);
    }
  });

  it('stops at the end code (252) and ignores what follows it', async () => {
    for (const caseCount of [5, 4, 3]) {
      const path = join(folder, `end-code-${caseCount}.sav`);
      await writeSav(path, { variables: VARIABLES, caseCount, compression: 1, endCode: true, caseValues: (i) => SAMPLE_ROWS[i]! });
      const [batch] = await readAll(path);
      expect(batch!.rowCount).toBe(caseCount);
      expect(plain(batch!.columns[0])).toEqual(['000000001', '000000002', '123456789', '000000004', '000000005'].slice(0, caseCount));
      expect(plain(batch!.columns[5])).toEqual(['2017-12-31', '1582-10-14', null, '2018-01-01', '1582-10-13'].slice(0, caseCount));
    }
  });

  it('reads a file whose header does not know the case count', async () => {
    const path = join(folder, 'unknown-count.sav');
    await writeSav(path, { variables: VARIABLES, caseCount: 5, headerCaseCount: -1, compression: 1, caseValues: (i) => SAMPLE_ROWS[i]! });
    const file = await openSav(path);
    expect(file.caseCount).toBe(-1);
    let rows = 0;
    for await (const batch of file.batches()) rows += batch.rowCount;
    expect(rows).toBe(5);
  });

  it('falls back on the code page of record 7.3 when record 7.20 is missing', async () => {
    const path = join(folder, 'codepage.sav');
    await writeSav(path, {
      variables: [{ name: 'PLAATS', width: 12 }],
      caseCount: 2,
      encoding: 'windows-1252',
      omitEncodingRecord: true,
      caseValues: (i) => [['Köln', 'Zürich'][i]!],
    });
    const file = await openSav(path);
    expect(file.encoding).toBe('windows-1252');
    const [batch] = await readAll(path);
    expect(plain(batch!.columns[0])).toEqual(['Köln', 'Zürich']);
    await file.close();
  });

  it('reads the cases once, and closes the file when the loop is left early', async () => {
    const path = join(folder, 'once.sav');
    await writeSav(path, { variables: VARIABLES, caseCount: 5, caseValues: (i) => SAMPLE_ROWS[i]! });
    const file = await openSav(path);
    for await (const batch of file.batches({ batchRows: 2 })) {
      expect(batch.rowCount).toBe(2);
      break;
    }
    await expect(file.batches().next()).rejects.toThrow(/al eens gelezen/);
  });
});

describe('SPSS dates', () => {
  it('counts seconds from 1582-10-14', () => {
    expect(spssDateToIso(0)).toBe('1582-10-14');
    expect(spssDateToIso(DEC_31_2017)).toBe('2017-12-31');
    expect(spssDateToIso(DEC_31_2017 + 86399)).toBe('2017-12-31');
    expect(spssDateTimeToIso(DEC_31_2017 + 13 * 3600 + 45 * 60 + 30)).toBe('2017-12-31T13:45:30');
    expect(spssDateTimeToIso(DEC_31_2017 + 0.25)).toBe('2017-12-31T00:00:00.250');
  });
});
