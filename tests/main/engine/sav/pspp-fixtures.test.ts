// The .sav reader against files written by GNU PSPP from tests/fixtures/sav/make-fixtures.sps.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSav, type SavBatch, type SavFile } from '../../../../src-main/engine/sav';

const FIXTURES = join(__dirname, '../../../fixtures/sav');

const LONG_REMARK = (
  'Een heel lange opmerking die langer is dan tweehonderdvijfenvijftig tekens, zodat PSPP haar als zeer ' +
  'lange string in segmenten van 252 bytes wegschrijft; daarom herhalen we nog wat tekst: aaaaaaaaaa bbbbbbbbbb ' +
  'cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh iiiiiiiiii jjjjjjjjjj EINDE'
).slice(0, 300);

async function readAll(file: SavFile): Promise<SavBatch[]> {
  const batches: SavBatch[] = [];
  for await (const batch of file.batches()) batches.push(batch);
  return batches;
}

describe.each([
  ['mixed-compressed.sav', 'bytecode'],
  ['mixed-uncompressed.sav', 'none'],
  ['mixed-zcompressed.zsav', 'zlib'],
] as const)('%s', (fileName, compression) => {
  it('reads the dictionary: names, labels, formats, value labels, missing values', async () => {
    const file = await openSav(join(FIXTURES, fileName));
    await file.close();
    expect(file.compression).toBe(compression);
    expect(file.encoding).toBe('utf-8');
    expect(file.caseCount).toBe(4);
    expect(file.documents[0]).toBe('DOCUMENT Fixture voor Groepsbeeld: gemaakt met make-fixtures.sps.');
    expect(file.variables.map((variable) => variable.name)).toEqual([
      'RINPERSOONS',
      'RINPERSOON',
      'GEBOORTEDATUM',
      'INKOMEN',
      'PLAATS',
      'GESLACHT',
      'SCORE',
      'OPMERKING',
      'AANMELDING',
      'EINDDATUM',
    ]);
    const byName = new Map(file.variables.map((variable) => [variable.name, variable]));
    const key = byName.get('RINPERSOON')!;
    expect(key).toMatchObject({ shortName: 'RINPER_A', type: 'string', width: 9, kind: 'string', label: 'Persoonsnummer' });
    expect(byName.get('INKOMEN')).toMatchObject({ label: 'Besteedbaar inkomen (€)', type: 'numeric', printFormat: { type: 'F', width: 10, decimals: 0 } });
    expect(byName.get('GEBOORTEDATUM')).toMatchObject({ kind: 'date', printFormat: { type: 'DATE', width: 11 } });
    expect(byName.get('AANMELDING')).toMatchObject({ kind: 'datetime', printFormat: { type: 'DATETIME' } });
    expect(byName.get('EINDDATUM')).toMatchObject({ kind: 'date', printFormat: { type: 'ADATE' } });
    expect(byName.get('OPMERKING')).toMatchObject({ type: 'string', width: 300, label: 'Opmerking' });
    expect(byName.get('SCORE')!.label).toBeNull();

    expect([...byName.get('GESLACHT')!.valueLabels]).toEqual([
      [1, 'Man'],
      [2, 'Vrouw'],
      [9, 'Onbekend'],
    ]);
    expect([...byName.get('RINPERSOONS')!.valueLabels]).toEqual([
      ['R', 'Ingeschreven in de BRP'],
      ['X', 'Overig'],
    ]);
    expect([...byName.get('PLAATS')!.valueLabels]).toEqual([
      ['Köln', 'Keulen'],
      ['onbekend', 'Niet bekend'],
    ]);
    expect([...byName.get('INKOMEN')!.valueLabels]).toEqual([[9999999999, 'Inkomen onbekend']]);

    expect(byName.get('INKOMEN')!.missing).toEqual({ values: [9999999999], range: null });
    expect(byName.get('GESLACHT')!.missing).toEqual({ values: [9], range: null });
    expect(byName.get('SCORE')!.missing).toEqual({ values: [99], range: { low: -Infinity, high: -100 } });
    expect(byName.get('PLAATS')!.missing).toEqual({ values: ['onbekend'], range: null });
  });

  it('reads the cases: keys as text with leading zeros, missing values flagged, dates as ISO text, very long strings whole', async () => {
    const batches = await readAll(await openSav(join(FIXTURES, fileName)));
    expect(batches).toHaveLength(1);
    const [batch] = batches;
    expect(batch!.rowCount).toBe(4);
    const columns = batch!.columns;
    const values = (index: number): unknown[] => {
      const column = columns[index]!;
      return column.kind === 'number' ? [...column.values] : column.values;
    };
    expect(values(0)).toEqual(['R', 'R', 'R', 'X']);
    expect(values(1)).toEqual(['000012345', '001234567', '099999999', '000000001']);
    expect(values(2)).toEqual(['1980-02-14', '2001-01-01', null, '2017-12-31']);
    expect(values(3)).toEqual([23500, Number.NaN, Number.NaN, 0]);
    expect(columns[3]).toMatchObject({ kind: 'number', missing: Uint8Array.from([0, 2, 1, 0]) });
    expect(values(4)).toEqual(['Köln', 'café', null, 'Gilze en Rijen']);
    expect(columns[5]).toMatchObject({ missing: Uint8Array.from([0, 0, 1, 2]) });
    expect(values(6)).toEqual([1.5, -3.25, Number.NaN, 0]);
    expect(columns[6]).toMatchObject({ missing: Uint8Array.from([0, 0, 2, 0]) });
    expect(values(7)).toEqual(['kort', LONG_REMARK, `${'a'.repeat(254)}éz`, 'één']);
    expect(values(8)).toEqual(Array(4).fill('2018-03-15T13:45:30'));
    expect(values(9)).toEqual(Array(4).fill('2050-12-31'));
  });
});

describe('windows-1252.sav', () => {
  it('decodes names, labels and values with the encoding of record 7.20', async () => {
    const file = await openSav(join(FIXTURES, 'windows-1252.sav'));
    expect(file.encoding).toBe('windows-1252');
    expect(file.variables[1]!.label).toBe('Plaats (Zürich)');
    expect([...file.variables[2]!.valueLabels]).toEqual([[-1, 'Négatief']]);
    expect([...file.variables[3]!.valueLabels]).toEqual([['AA', 'Één']]);
    expect(file.variables[3]!.missing).toEqual({ values: ['XX'], range: null });
    const [batch] = await readAll(file);
    expect(batch!.columns[0]).toEqual({ kind: 'string', values: ['000000042', '000000043'] });
    expect(batch!.columns[1]).toEqual({ kind: 'string', values: ['Köln', 'café'] });
    expect(batch!.columns[2]).toMatchObject({ values: Float64Array.from([12.5, -1]) });
    expect(batch!.columns[3]).toEqual({ kind: 'string', values: ['AA', null] });
  });
});
