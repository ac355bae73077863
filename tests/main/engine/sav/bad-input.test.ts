// Damaged and wrong files: each gives one clear error that names the file and says what is wrong.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSav, SavFormatError } from '../../../../src-main/engine/sav';
import { tempFolder } from '../../support/temp-folder';

const FIXTURES = join(__dirname, '../../../fixtures/sav');
const folder = await tempFolder('groepsbeeld-sav-');

/** Writes `bytes` under a CBS-like name and reads the whole file; resolves to the error it raised. */
async function errorOf(name: string, bytes: Uint8Array | string): Promise<SavFormatError> {
  const path = join(folder, name);
  await writeFile(path, bytes);
  try {
    const file = await openSav(path);
    for await (const batch of file.batches()) void batch;
  } catch (error) {
    expect(error).toBeInstanceOf(SavFormatError);
    expect((error as Error).message).toContain(name);
    return error as SavFormatError;
  }
  throw new Error(`${name} was read without an error`);
}

async function fixture(name: string): Promise<Buffer> {
  return readFile(join(FIXTURES, name));
}

function withInt32(bytes: Buffer, offset: number, value: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeInt32LE(value, offset);
  return copy;
}

describe('bad .sav input', () => {
  it('a 0-byte file', async () => {
    expect((await errorOf('GBAPERSOON2018TABV1.sav', new Uint8Array(0))).message).toMatch(/is leeg \(0 bytes\)/);
  });

  it('a file that is not a .sav (bad magic)', async () => {
    const error = await errorOf('GBAPERSOON2018TABV2.sav', 'RINPERSOONS,RINPERSOON\nR,000000001\n');
    expect(error.message).toMatch(/geen SPSS-bestand \(\.sav\): het zou moeten beginnen met "\$FL2", maar begint met "RINP"/);
  });

  it('a file cut inside the header and inside the dictionary', async () => {
    const bytes = await fixture('mixed-compressed.sav');
    expect((await errorOf('header-cut.sav', bytes.subarray(0, 100))).message).toMatch(/afgebroken: het houdt onverwacht op in de kop van het bestand/);
    expect((await errorOf('dictionary-cut.sav', bytes.subarray(0, 400))).message).toMatch(/afgebroken: het houdt onverwacht op in variabelerecord/);
    expect((await errorOf('labels-cut.sav', bytes.subarray(0, 2000))).message).toMatch(/afgebroken: het houdt onverwacht op/);
  });

  it('an uncompressed file cut in the middle of a case names the case', async () => {
    const bytes = await fixture('mixed-uncompressed.sav');
    // 4 cases of 400 bytes end the file; dropping 600 bytes leaves 2.5 cases.
    const error = await errorOf('GBAADRESOBJECT2018BUSV1.sav', bytes.subarray(0, bytes.length - 600));
    expect(error.message).toMatch(/afgebroken: het houdt onverwacht op midden in geval 3 \(de kop belooft 4 gevallen\)/);
  });

  it('a compressed file cut short', async () => {
    const bytes = await fixture('mixed-compressed.sav');
    expect((await errorOf('cut-compressed.sav', bytes.subarray(0, bytes.length - 20))).message).toMatch(
      /afgebroken: het houdt onverwacht op midden in geval 4/,
    );
  });

  it('a .zsav cut short', async () => {
    const bytes = await fixture('mixed-zcompressed.zsav');
    expect((await errorOf('cut.zsav', bytes.subarray(0, bytes.length - 30))).message).toMatch(/afgebroken/);
  });

  it('an unknown compression code', async () => {
    const bytes = withInt32(await fixture('mixed-compressed.sav'), 72, 7);
    expect((await errorOf('odd-compression.sav', bytes)).message).toMatch(/onbekende compressiecode 7/);
  });

  it('an unsupported record type in the dictionary', async () => {
    const bytes = withInt32(await fixture('mixed-compressed.sav'), 176, 5);
    expect((await errorOf('odd-record.sav', bytes)).message).toMatch(/recordtype 5 bij byte 176/);
  });

  it('a header that promises more or fewer cases than the data holds', async () => {
    const bytes = await fixture('mixed-compressed.sav');
    expect((await errorOf('more.sav', withInt32(bytes, 80, 9))).message).toMatch(
      /afgebroken: het houdt onverwacht op na geval 4, terwijl de kop 9 gevallen belooft/,
    );
    expect((await errorOf('fewer.sav', withInt32(bytes, 80, 2))).message).toMatch(
      /het aantal gevallen klopt niet: de kop noemt 2 gevallen, maar de gegevens bevatten er 4/,
    );
  });

  it('a file that does not exist, and a folder', async () => {
    await expect(openSav(join(folder, 'missing.sav'))).rejects.toThrow(/missing\.sav: het bestand bestaat niet/);
    await expect(openSav(folder)).rejects.toThrow(/dit is een map of apparaat, geen bestand/);
  });
});
