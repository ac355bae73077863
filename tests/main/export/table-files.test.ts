// A checked table as CSV and as .xlsx: exact Dutch CSV text, and a sheet that reads back with the expected values.
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { CheckedTable } from '../../../src-main/disclosure/checked-table';
import { blockedText, formatDutch } from '../../../src-main/export/cell-text';
import { csvField, tableCsv, tableCsvNotes, tableCsvText } from '../../../src-main/export/table-csv';
import { sheetName, tableXlsx } from '../../../src-main/export/table-xlsx';
import { householdTable, RULE_SET_REF, RULES } from './support/tables';

const NOW = new Date(2026, 10, 25, 14, 30, 5);

function smallTable(): CheckedTable {
  return {
    id: 'klein',
    title: 'Klein',
    unit: 'huishoudens',
    population: { id: 'p', label: 'Klanten', units: 191 },
    rowHeader: 'Huishoudtype',
    columns: [
      { id: 'n', label: 'Klanten', format: 'count' },
      { id: 'pct', label: 'Aandeel', format: 'percent' },
    ],
    rows: [
      { id: 'a', label: 'Eénoudergezin', total: false, cells: [{ status: 'safe', value: 35 }, { status: 'safe', value: 18.34 }] },
      { id: 'b', label: 'Paar; "jong"', total: false, cells: [{ status: 'blocked', rule: 'threshold' }, { status: 'secondary' }] },
      { id: 'c', label: 'Overig', total: false, cells: [{ status: 'rounded', base: 5, value: 1235 }, { status: 'review', reason: 'zero', value: 0 }] },
      { id: 'd', label: 'Onbekend', total: false, cells: [{ status: 'empty' }, { status: 'empty' }] },
    ],
    protection: 'suppression',
    ruleSet: RULE_SET_REF,
    notes: ['Een notitie.'],
  };
}

describe('tableCsv', () => {
  it('writes a header row and one line per row: ";" separator, decimal comma, blocked cells as words, CRLF', () => {
    expect(tableCsvText(smallTable(), RULES)).toBe(
      [
        'Huishoudtype;Klanten;Aandeel',
        'Eénoudergezin;35;18,3',
        '"Paar; ""jong""";geblokkeerd: minder dan 10 eenheden;secundair onderdrukt',
        'Overig;1235;0,0',
        'Onbekend;leeg;leeg',
        '',
      ].join('\r\n'),
    );
  });

  it('starts with a UTF-8 byte order mark and keeps Dutch characters', () => {
    const bytes = tableCsv(smallTable(), RULES);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Eénoudergezin');
  });

  it('names every blocking rule in words, and neutralises a label that starts like a formula', () => {
    const text = tableCsvText(householdTable(), RULES);
    for (const rule of ['dominance', 'p-percent', 'min-max', 'statistic-threshold', 'degrees-of-freedom'] as const) {
      expect(text).toContain(blockedText(rule, RULES));
    }
    expect(text).toContain("\r\n'=SOM(A1);1235;92,5;");
    expect(text).not.toMatch(/\r\n=/);
  });

  it('quotes fields with separators, quotes, line breaks or surrounding spaces only', () => {
    expect(csvField('gewoon')).toBe('gewoon');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('regel\nregel')).toBe('"regel\nregel"');
    expect(csvField(' spatie')).toBe('" spatie"');
    expect(csvField('')).toBe('');
  });

  it('puts the title and notes for rounded and review cells in notes for the output log, not in the CSV', () => {
    const notes = tableCsvNotes(smallTable());
    expect(notes[0]).toBe('Klein (Klanten, 191 huishoudens)');
    expect(notes).toContain('Overig / Klanten: afgerond op een veelvoud van 5');
    expect(notes).toContain('Overig / Aandeel: ter controle: nulcel');
    expect(notes).toContain('Een notitie.');
    expect(tableCsvText(smallTable(), RULES)).not.toContain('Klein');
  });
});

describe('formatDutch', () => {
  it('formats counts, percentages and amounts the Dutch way', () => {
    expect(formatDutch(11346, 'count')).toBe('11.346');
    expect(formatDutch(12.34, 'percent')).toBe('12,3\u00a0%');
    expect(formatDutch(14000, 'amount')).toBe('€\u00a014.000');
  });
});

describe('tableXlsx', () => {
  it('reads back with a title, the header, numbers where cells have values and words where they do not', async () => {
    const rows = (await readSheet(await tableXlsx(householdTable(), RULES, NOW))) as unknown[][];
    expect(rows[0]?.[0]).toBe('Huishoudtype van cliënten (€ per jaar)');
    const headerIndex = rows.findIndex((row) => row[0] === 'Huishoudtype');
    expect(rows[headerIndex]).toEqual(['Huishoudtype', 'Aantal', 'Aandeel', 'Gem. inkomen', 'Status']);
    const body = rows.slice(headerIndex + 1, headerIndex + 6);
    expect(body[0]?.slice(0, 4)).toEqual(['Eénoudergezin', 35, 18.3246, 14250.4]);
    expect(body[1]?.slice(0, 4)).toEqual(['Paar; "jong"', blockedText('dominance', RULES), 'secundair onderdrukt', blockedText('p-percent', RULES)]);
    expect(body[2]?.slice(0, 4)).toEqual(['=SOM(A1)', 1235, 92.5, blockedText('min-max', RULES)]);
    expect(body[2]?.[4]).toBe('a c x');
    expect(body[3]?.slice(0, 3)).toEqual(['Onbekend', 'leeg', 'leeg']);
    expect(body[4]?.slice(0, 3)).toEqual(['Totaal', 191, 100]);
    const flat = rows.flat().map(String);
    expect(flat).toContain('Legenda');
    expect(flat.some((text) => text.startsWith('secundair onderdrukt, zodat'))).toBe(true);
    expect(flat).toContain('Populatie: Klanthuishoudens (191 huishoudens)');
  });

  it('gives the same bytes for the same table and moment', async () => {
    const first = await tableXlsx(householdTable(), RULES, NOW);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await tableXlsx(householdTable(), RULES, NOW)).equals(first)).toBe(true);
  });

  it('makes a sheet name Excel accepts', () => {
    expect(sheetName('% huishoudens: [2017] / gemeente?')).toBe('% huishoudens   2017    gemeent');
    expect(sheetName('???')).toBe('Tabel');
  });
});
