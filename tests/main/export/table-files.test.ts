// A checked table as CSV and as .xlsx: exact Dutch CSV text, and a sheet whose numbers are numbers with the format
// of their decimals, every hidden cell "x", the legend and the rules line.
import { unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { parsePackageCsv } from '../../../src-main/audit/package-csv';
import { cellFormat, type CheckedTable } from '../../../src-main/disclosure/checked-table';
import { ruleSummary } from '../../../src-main/disclosure/rule-summary';
import { formatDutch, statusLegend } from '../../../src-main/export/cell-text';
import { csvField, csvLabel, tableCsv, tableCsvNotes, tableCsvText } from '../../../src-main/export/table-csv';
import { sheetName, tableXlsx, xlsxNumberFormat } from '../../../src-main/export/table-xlsx';
import { educationTable, householdTable, RULES } from './support/tables';
import { xlsxCells } from './support/xlsx-cells';

const NOW = new Date(2026, 10, 25, 14, 30, 5);

describe('tableCsv', () => {
  it(
    'writes the rules comment, a header row and one line per row: ";" separator, ' + 'decimal comma with each cell’s decimals, "x" for every hidden cell, CRLF',
    () => {
      expect(tableCsvText(householdTable(), RULES)).toBe(
        [
          `# ${ruleSummary(RULES)}`,
          'Huishoudtype;Aantal;Aandeel;Gem. inkomen;Gem. personen;Verschil',
          'Eénoudergezin;35;18,3;14300;2,46;-2,0',
          '"Paar; ""jong""";x;x;x;x;x',
          "'=SOM(A1);1235;92,5;21400;varieert;< 0,001",
          'Onbekend;;;x;;',
          'Totaal;191;100,0;16900;2,2;',
          '',
        ].join('\r\n'),
      );
    },
  );

  it('states the rules actually used on its first line, "# Regelset ... drempel 10 ...", as one comment line whatever the rule set is called', () => {
    const first = tableCsvText(householdTable(), RULES).split('\r\n')[0]!;
    expect(first).toMatch(/^# Regelset .*\(SHA-256 [0-9a-f]{12}\): drempel 10, .*beschermingsniveau 10, afronding op 10\.$/);
    const stricter = { ...RULES, name: 'Gemeente; strenger\r\nregel', threshold: 15 };
    const text = tableCsvText(householdTable(), stricter);
    expect(text.split('\r\n')[0]).toMatch(/^# Regelset Gemeente, strenger regel \(SHA-256 [0-9a-f]{12}\): drempel 15, /);
    // A reader that skips comment lines finds the header and every row.
    const parsed = parsePackageCsv(text, 'huishoudtype.csv');
    expect(parsed.header).toEqual(['Huishoudtype', 'Aantal', 'Aandeel', 'Gem. inkomen', 'Gem. personen', 'Verschil']);
    expect(parsed.rows.map((row) => row.fields[0])).toEqual(['Eénoudergezin', 'Paar; "jong"', "'=SOM(A1)", 'Onbekend', 'Totaal']);
  });

  it('starts with a UTF-8 byte order mark and keeps Dutch characters', () => {
    const bytes = tableCsv(householdTable(), RULES);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\nEénoudergezin;');
    expect(bytes.toString('utf8')).toContain('≥');
  });

  it('writes "x" for every hidden cell and for nothing else', () => {
    const table = householdTable();
    const rows = parsePackageCsv(tableCsvText(table, RULES), 'huishoudtype.csv').rows;
    table.rows.forEach((row, rowIndex) =>
      row.cells.forEach((cell, column) => expect(rows[rowIndex]!.fields[column + 1] === 'x', `${row.label} / ${column}`).toBe(cell.status === 'suppressed')),
    );
  });

  it('neutralises a label that starts like a formula, but never a number', () => {
    const text = tableCsvText(householdTable(), RULES);
    expect(text).toContain("\r\n'=SOM(A1);");
    expect(text).not.toMatch(/(^|\r\n|;)[=+@]/);
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvLabel(`${start}1+1`)).toMatch(/^"?'/);
    // A negative difference is a number, not a formula: no apostrophe.
    expect(text).toContain(';-2,0\r\n');
  });

  it('quotes fields with separators, quotes, line breaks or surrounding spaces only', () => {
    expect(csvField('gewoon')).toBe('gewoon');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('zeg "ja"')).toBe('"zeg ""ja"""');
    expect(csvField('regel\nregel')).toBe('"regel\nregel"');
    expect(csvField('regel\r\nregel')).toBe('"regel\r\nregel"');
    expect(csvField(' spatie')).toBe('" spatie"');
    expect(csvField('a,b')).toBe('a,b');
    expect(csvField('')).toBe('');
  });

  it('puts the title, population and the notes for rounded and review cells in notes for the output log, not in the CSV', () => {
    const notes = tableCsvNotes(householdTable());
    expect(notes[0]).toBe('Huishoudtype van cliënten (€ per jaar) (Klanthuishoudens, 191 huishoudens)');
    expect(notes).toContain('=SOM(A1) / Aantal: afgerond op een veelvoud van 5');
    expect(notes).toContain('=SOM(A1) / Aandeel: ter controle: groepsonthulling');
    expect(tableCsvNotes(educationTable())).toContain('Onbekend / Alle huishoudens: ter controle: nulcel');
    expect(tableCsvNotes(educationTable())).toContain('2 cellen zijn niet getoond (x) ter bescherming van de huishoudens erachter.');
    expect(tableCsvText(householdTable(), RULES)).not.toContain('cliënten');
    expect(tableCsvNotes({ ...householdTable(), population: { id: 'p', label: 'Klein', units: { below: 10 } } })[0]).toContain('(Klein, x huishoudens)');
  });

  it('refuses a row whose cells do not match the columns', () => {
    const table: CheckedTable = householdTable();
    table.rows[0]!.cells = table.rows[0]!.cells.slice(1);
    expect(() => tableCsvText(table, RULES)).toThrow(/row "eenouder": 4 cells for 5 columns/);
  });
});

describe('formatDutch', () => {
  it('formats counts, percentages, differences and amounts the Dutch way, with the decimals given', () => {
    expect(formatDutch(11346, 'count')).toBe('11.346');
    expect(formatDutch(12.3, 'percent')).toBe('12,3\u00a0%');
    expect(formatDutch(12, 'percent', 1)).toBe('12,0\u00a0%');
    expect(formatDutch(3.4, 'percentagePoints')).toBe('+3,4\u00a0%-punt');
    expect(formatDutch(14000, 'amount')).toBe('€\u00a014.000');
    expect(formatDutch(2.46, 'number', 2)).toBe('2,46');
  });
});

describe('tableXlsx', () => {
  it('reads back with a title, the population, the header, numbers where cells have values and "x" for hidden cells', async () => {
    const rows = (await readSheet(await tableXlsx(householdTable(), RULES, NOW))) as unknown[][];
    expect(rows[0]?.[0]).toBe('Huishoudtype van cliënten (€ per jaar)');
    expect(rows[1]?.[0]).toBe('Populatie: Klanthuishoudens (191 huishoudens)');
    const headerIndex = rows.findIndex((row) => row[0] === 'Huishoudtype');
    expect(rows[headerIndex]).toEqual(['Huishoudtype', 'Aantal', 'Aandeel', 'Gem. inkomen', 'Gem. personen', 'Verschil']);
    const body = rows.slice(headerIndex + 1, headerIndex + 6);
    expect(body[0]).toEqual(['Eénoudergezin', 35, 18.3, 14300, 2.46, -2]);
    expect(body[1]).toEqual(['Paar; "jong"', 'x', 'x', 'x', 'x', 'x']);
    expect(body[2]).toEqual(['=SOM(A1)', 1235, 92.5, 21400, 'varieert', '< 0,001']);
    expect(body[3]).toEqual(['Onbekend', null, null, 'x', null, null]);
    expect(body[4]?.slice(0, 5)).toEqual(['Totaal', 191, 100, 16900, 2.2]);
  });

  it('stores each value as a number with the Excel format of its decimals, and a label that looks like a formula as text', async () => {
    const table = householdTable();
    const bytes = await tableXlsx(table, RULES, NOW);
    const cells = xlsxCells(bytes);
    const columns = ['B', 'C', 'D', 'E', 'F'];
    table.rows.forEach((row, rowIndex) =>
      row.cells.forEach((cell, column) => {
        const stored = cells.get(`${columns[column]}${rowIndex + 5}`);
        const where = `${row.label} / ${table.columns[column]!.label}`;
        if (cell.status === 'suppressed') expect(stored, where).toEqual({ kind: 'text', value: 'x', format: null });
        else if ('value' in cell && cell.text === undefined)
          expect(stored, where).toEqual({
            kind: 'number',
            value: String(cell.value),
            format: xlsxNumberFormat(cellFormat(table, rowIndex, column)!, cell.decimals),
          });
        else if (cell.text !== undefined) expect(stored, where).toEqual({ kind: 'text', value: cell.text, format: null });
        else expect(stored, where).toBeUndefined();
      }),
    );
    expect(cells.get('C5')).toEqual({ kind: 'number', value: '18.3', format: '0.0" %"' });
    expect(cells.get('E5')).toEqual({ kind: 'number', value: '2.46', format: '#,##0.00' });
    expect(cells.get('D5')).toEqual({ kind: 'number', value: '14300', format: '"€ "#,##0' });
    expect(cells.get('F5')).toEqual({ kind: 'number', value: '-2', format: '+0.0" %-punt";-0.0" %-punt";0.0" %-punt"' });
    expect(cells.get('A7')).toEqual({ kind: 'text', value: '=SOM(A1)', format: null });
    expect(Object.values(unzipSync(bytes)).some((entry) => Buffer.from(entry).toString('utf8').includes('<f>'))).toBe(false);
  });

  it('gives every decimals and format its own number format', () => {
    expect(xlsxNumberFormat('count', 0)).toBe('#,##0');
    expect(xlsxNumberFormat('percent', 0)).toBe('0" %"');
    expect(xlsxNumberFormat('percent', 1)).toBe('0.0" %"');
    expect(xlsxNumberFormat('number', 3)).toBe('#,##0.000');
    expect(xlsxNumberFormat('amount', 0)).toBe('"€ "#,##0');
    expect(xlsxNumberFormat('residual', 1)).toBe('+0.0;-0.0;0.0');
  });

  it('ends with the notes, the legend of the marks and the rules line', async () => {
    const rows = ((await readSheet(await tableXlsx(householdTable(), RULES, NOW))) as unknown[][]).filter((row) => row.some((cell) => cell !== null));
    const legend = rows.findIndex((row) => row[0] === 'Legenda');
    expect(legend).toBeGreaterThan(0);
    expect(rows.slice(legend - 2, legend).map((row) => row[0])).toEqual([
      '=SOM(A1) / Aantal: afgerond op een veelvoud van 5',
      '=SOM(A1) / Aandeel: ter controle: groepsonthulling',
    ]);
    expect(rows.slice(legend + 1, legend + 5).map((row) => row.slice(0, 2))).toEqual(statusLegend(RULES).map((entry) => [entry.mark, entry.text]));
    expect(rows[legend + 1]?.[0]).toBe('x');
    expect(rows.at(-1)?.[0]).toBe(ruleSummary(RULES));
  });

  it('gives the same bytes for the same table and moment', async () => {
    const first = await tableXlsx(householdTable(), RULES, NOW);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await tableXlsx(householdTable(), RULES, NOW)).equals(first)).toBe(true);
    expect((await tableXlsx(householdTable(), RULES, new Date(NOW.getTime() + 60_000))).equals(first)).toBe(false);
  });

  it('makes a sheet name Excel accepts', () => {
    expect(sheetName('% huishoudens: [2017] / gemeente?')).toBe('% huishoudens   2017    gemeent');
    expect(sheetName('???')).toBe('Tabel');
  });
});
