// Reading a package as a reader would: the CSV dialect, printed values, and clear Dutch errors for damaged files.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePackageCsv } from '../../../src-main/audit/package-csv';
import { labelText, parsePrintedValue } from '../../../src-main/audit/printed-value';
import { readPackage } from '../../../src-main/audit/read-package';
import { UserFacingError } from '../../../src-main/common/errors';
import { tempFolder } from '../support/temp-folder';
import { countColumn, ONE_POPULATION, singleFeatureFamily, writePackage, type FixturePackage } from './package-fixtures';

const labels = ['=som', 'Paar; met kinderen', ' spatie'];
const fixture: FixturePackage = {
  families: [singleFeatureFamily('type', ['a', 'b', 'c'], labels)],
  populations: ONE_POPULATION,
  outputs: [countColumn('type', 'type', ['a', 'b', 'c'], 'alle', ['x', '30', '', '101'], labels)],
};

describe('parsePackageCsv', () => {
  it('skips the BOM and comment lines, unquotes fields (also across lines) and accepts CRLF and LF', () => {
    const text = '\ufeff# drempel 10; "niet; gesloten\r\nKenmerk;"Aantal ""n"""\r\n"twee\r\nregels";12\n\'=1;"a;b"\r\n';
    const table = parsePackageCsv(text, 'tabel.csv');
    expect(table.header).toEqual(['Kenmerk', 'Aantal "n"']);
    expect(table.rows.map((row) => row.fields)).toEqual([
      ['twee\r\nregels', '12'],
      ["'=1", 'a;b'],
    ]);
    expect(table.rows.map((row) => row.line)).toEqual([3, 5]);
  });

  it('names the file and line of a row with the wrong number of fields, and of an unclosed quote', () => {
    expect(() => parsePackageCsv('K;A;B\r\nx;1\r\n', 'tabel.csv')).toThrow('tabel.csv, regel 2: 2 velden, terwijl de kopregel er 3 heeft');
    expect(() => parsePackageCsv('K;A\r\n"x;1\r\n', 'tabel.csv')).toThrow(
      'tabel.csv: het veld tussen aanhalingstekens dat op regel 2 begint, wordt niet afgesloten.',
    );
    expect(() => parsePackageCsv('\ufeff# alleen commentaar\r\n', 'leeg.csv')).toThrow('leeg.csv bevat geen kopregel');
  });
});

describe('parsePrintedValue', () => {
  it.each([
    ['x', { kind: 'hidden' }],
    ['', { kind: 'empty' }],
    ['32,5', { kind: 'number', value: 32.5, decimals: 1 }],
    ['11346', { kind: 'number', value: 11346, decimals: 0 }],
    ["'-2,0", { kind: 'number', value: -2, decimals: 1 }],
    ["'+3,4", { kind: 'number', value: 3.4, decimals: 1 }],
    ['80 % of meer', { kind: 'number', value: 80, decimals: 0 }],
    ['Bijstand 81,3\u00a0%', { kind: 'number', value: 81.3, decimals: 1 }],
    ['€\u00a014.000', { kind: 'number', value: 14000, decimals: 0 }],
    ['< 0,01', { kind: 'below', value: 0.01, decimals: 2 }],
    ['Paar 50,3 %', { kind: 'number', value: 50.3, decimals: 1 }],
    ['Paar 50\u00a0%', { kind: 'number', value: 50, decimals: 0 }],
    ['EUR 14.000', { kind: 'number', value: 14000, decimals: 0 }],
    ['14.000', { kind: 'number', value: 14000, decimals: 0 }],
    ['1-persoonshuishouden 30,2 %', { kind: 'number', value: 30.2, decimals: 1 }],
    ['< 0,001', { kind: 'below', value: 0.001, decimals: 3 }],
    ['< 10', { kind: 'below', value: 10, decimals: 0 }],
    ['varieert', { kind: 'text', text: 'varieert' }],
    // Words of older writers for a cell without a value: never the number inside them.
    ['geblokkeerd: minder dan 10 eenheden', { kind: 'hidden' }],
    ['secundair onderdrukt', { kind: 'hidden' }],
  ])('%s', (field, expected) => {
    expect(parsePrintedValue(field)).toEqual(expected);
  });

  it('refuses a text with two numbers and none before a percent sign', () => {
    expect(parsePrintedValue('tussen 3 en 5')).toEqual({ error: expect.stringContaining('bevat 2 getallen') });
  });

  it('strips the injection guard from labels, and only the guard', () => {
    expect(labelText("'=som")).toBe('=som');
    expect(labelText("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
  });
});

describe('readPackage', () => {
  it('returns every placed figure with its printed value and the label the reader sees', async () => {
    const path = await writePackage(await tempFolder(), 'pakket', fixture);
    const read = await readPackage(path);
    expect(read.name).toBe('pakket');
    expect(read.outputs[0]?.cells.map((cell) => [cell.label, cell.printed])).toEqual([
      ['=som / Aantal', { kind: 'hidden' }],
      ['Paar; met kinderen / Aantal', { kind: 'number', value: 30, decimals: 0 }],
      [' spatie / Aantal', { kind: 'empty' }],
      ['Totaal / Aantal', { kind: 'number', value: 101, decimals: 0 }],
    ]);
  });

  it('names definities.json when it is missing, not JSON, or not valid, with the first problems', async () => {
    const folder = await tempFolder();
    const path = await writePackage(folder, 'pakket', fixture);
    const definitions = join(path, 'definities.json');
    const original = await readFile(definitions, 'utf8');

    await writeFile(definitions, original.slice(0, 200));
    await expect(readPackage(path)).rejects.toThrow(`${definitions} is geen geldige JSON`);

    const json = JSON.parse(original) as Record<string, unknown>;
    await writeFile(definitions, JSON.stringify({ ...json, dataDigest: 'kort', shareDecimals: -1 }));
    const invalid = readPackage(path);
    await expect(invalid).rejects.toBeInstanceOf(UserFacingError);
    await expect(invalid).rejects.toThrow(
      new RegExp(`^${definitions.replaceAll('/', '\\/')} voldoet niet aan het formaat van een definitiebestand: dataDigest: .*; shareDecimals: `),
    );

    const outputs = json.outputs as { cells: { figure: { cell: { population: string } } }[] }[];
    (outputs[0]?.cells[0] as { figure: { cell: { population: string } } }).figure.cell.population = 'klanten';
    await writeFile(definitions, JSON.stringify(json));
    await expect(readPackage(path)).rejects.toThrow(`${definitions} spreekt zichzelf tegen: uitvoer type, row 0, column 0: onbekende populatie klanten.`);

    await rm(definitions);
    await expect(readPackage(path)).rejects.toThrow(`${definitions} ontbreekt of is niet te lezen`);
  });

  it('names the CSV, the row and the output when a row is missing, and the line and column of a bad value', async () => {
    const path = await writePackage(await tempFolder(), 'pakket', fixture);
    const csv = join(path, 'type.csv');
    const text = await readFile(csv, 'utf8');
    await writeFile(csv, text.split('\r\n').slice(0, 4).join('\r\n'));
    await expect(readPackage(path)).rejects.toThrow(
      'type.csv: rij 3 ontbreekt (het bestand heeft 2 gegevensrijen), maar definities.json plaatst daar een cijfer van uitvoer type (row 2, column 0).',
    );
    await writeFile(csv, text.replace('30', 'tussen 3 en 5'));
    await expect(readPackage(path)).rejects.toThrow('type.csv, regel 4 ("Paar; met kinderen"), kolom 1 ("Aantal"): "tussen 3 en 5" bevat 2 getallen');
    await rm(csv);
    await expect(readPackage(path)).rejects.toThrow('type.csv ontbreekt in het pakket');
  });
});
