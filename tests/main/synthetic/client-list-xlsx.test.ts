// The client list as .xlsx: every key and date a text cell with its leading zeros, and the same bytes every time.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { writeClientListXlsx } from '../../../src-main/synthetic/client-list-xlsx';
import { tempFolder } from '../support/temp-folder';

const CLIENTS_CSV = [
  'RINPERSOONS,RINPERSOON,STARTDATUM,EINDDATUM',
  'R,000000042,20170306,20180530',
  'R,012345678,20171215,20181005',
  'R,900000001,20160101,20171231',
].join('\n');

interface SheetCell {
  ref: string;
  type: string | undefined;
  text: string;
}

/** The first sheet's cells with their text, resolved through the shared strings table. */
function readCells(xlsx: Uint8Array): SheetCell[] {
  const files = unzipSync(xlsx);
  const shared = [...strFromU8(files['xl/sharedStrings.xml']!).matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((match) => match[1]!);
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  return [...sheet.matchAll(/<c r="([A-Z]+\d+)"(?: s="\d+")?(?: t="(\w+)")?>(?:<v>([^<]*)<\/v>|<is><t>([^<]*)<\/t><\/is>)<\/c>/g)].map((match) => {
    const [, ref, type, value, inline] = match;
    return { ref: ref!, type, text: type === 's' ? shared[Number(value)]! : (inline ?? value ?? '') };
  });
}

let folder: string;

beforeAll(async () => {
  folder = await tempFolder('groepsbeeld-xlsx-');
  await writeFile(join(folder, 'VOEDSELBANK_KLANTEN.csv'), `${CLIENTS_CSV}\n`);
});

describe('writeClientListXlsx', () => {
  it('writes the header and every row, keys and dates as text cells', async () => {
    const xlsx = join(folder, 'VOEDSELBANK_KLANTEN.xlsx');
    expect(await writeClientListXlsx(join(folder, 'VOEDSELBANK_KLANTEN.csv'), xlsx)).toBe(3);
    const cells = readCells(await readFile(xlsx));
    expect(cells).toHaveLength(16);
    expect(cells.every((cell) => cell.type === 's' || cell.type === 'inlineStr')).toBe(true);
    const rows = CLIENTS_CSV.split('\n').map((line) => line.split(','));
    expect(cells.map((cell) => cell.text)).toEqual(rows.flat());
    expect(cells.find((cell) => cell.ref === 'B2')?.text).toBe('000000042');
  });

  it('gives the same bytes on every run', async () => {
    const first = join(folder, 'first.xlsx');
    const second = join(folder, 'second.xlsx');
    // The zip library stamps entries with the current time: another day must not matter.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(2024, 0, 2, 10, 0, 0));
      await writeClientListXlsx(join(folder, 'VOEDSELBANK_KLANTEN.csv'), first);
      vi.setSystemTime(new Date(2025, 5, 7, 15, 31, 12));
      await writeClientListXlsx(join(folder, 'VOEDSELBANK_KLANTEN.csv'), second);
    } finally {
      vi.useRealTimers();
    }
    expect((await readFile(first)).equals(await readFile(second))).toBe(true);
  });

  it('names the file and row of a malformed list', async () => {
    const bad = join(folder, 'bad');
    await mkdir(bad);
    await writeFile(join(bad, 'clients.csv'), 'RINPERSOONS,RINPERSOON,STARTDATUM,EINDDATUM\nR,000000001,20170101\n');
    await expect(writeClientListXlsx(join(bad, 'clients.csv'), join(bad, 'clients.xlsx'))).rejects.toThrow(/clients\.csv, row 2: 3 values, expected 4/);
    await writeFile(join(bad, 'other.csv'), 'A,B\n1,2\n');
    await expect(writeClientListXlsx(join(bad, 'other.csv'), join(bad, 'other.xlsx'))).rejects.toThrow(/other\.csv: the header row is "A,B"/);
  });
});
