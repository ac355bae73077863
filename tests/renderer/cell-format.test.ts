// How published cells read on screen: in Dutch exactly as the export writes them (the main process's dutchFigure), in
// English the English way; values are written with their own decimals and never rounded again.
import { describe, expect, it } from 'vitest';
import { dutchFigure } from '../../src-main/publication/dutch-format';
import { cellFormatOf, cellReading, formatCellValue, statusMark, type ValueFormat } from '../../src-renderer/src/tables/cellFormat';
import { justificationCounts } from '../../src-renderer/src/export/useExport';
import type { CheckedTable } from '../../src-renderer/src/api/types';

const NBSP = '\u00a0';

describe('formatCellValue', () => {
  it('writes Dutch figures as the export does, with no-break spaces', () => {
    expect(formatCellValue(11346, 'count', 0, 'nl')).toBe('11.346');
    expect(formatCellValue(32.5, 'percent', 1, 'nl')).toBe(`32,5${NBSP}%`);
    expect(formatCellValue(3.4, 'percentagePoints', 1, 'nl')).toBe(`+3,4${NBSP}%-punt`);
    expect(formatCellValue(-2, 'percentagePoints', 1, 'nl')).toBe(`-2,0${NBSP}%-punt`);
    expect(formatCellValue(2.2, 'residual', 1, 'nl')).toBe('+2,2');
    expect(formatCellValue(0, 'residual', 1, 'nl')).toBe('0,0');
    expect(formatCellValue(14000, 'amount', 0, 'nl')).toBe(`€${NBSP}14.000`);
    expect(formatCellValue(0.225, 'number', 3, 'nl')).toBe('0,225');
    expect(formatCellValue(1585.86, 'number', 2, 'nl')).toBe('1.585,86');
    expect(formatCellValue(0.03, 'pValue', 2, 'nl')).toBe('0,03');
  });

  it('never rounds a value again: the main process already did, to the decimals the cell carries', () => {
    expect(formatCellValue(14049, 'amount', 0, 'nl')).toBe(`€${NBSP}14.049`);
    expect(formatCellValue(2.4, 'number', 1, 'nl')).toBe('2,4');
    expect(formatCellValue(100, 'percent', 0, 'nl')).toBe(`100${NBSP}%`);
  });

  it('matches the export word for word for every format and a spread of values', () => {
    const formats: ValueFormat[] = ['count', 'percent', 'percentagePoints', 'amount', 'number', 'pValue', 'residual'];
    const values = [0, 1, -1, 0.5, 2.25, -9.2, 11346, 1585.86, 41800, -0.04, 99.95];
    for (const format of formats) {
      for (const decimals of [0, 1, 2, 3]) {
        for (const value of values)
          expect(formatCellValue(value, format, decimals, 'nl'), `${format} ${decimals} ${value}`).toBe(dutchFigure(value, format, decimals));
      }
    }
  });

  it('writes English figures the English way', () => {
    expect(formatCellValue(11346, 'count', 0, 'en')).toBe('11,346');
    expect(formatCellValue(46.1, 'percent', 1, 'en')).toBe(`46.1${NBSP}%`);
    expect(formatCellValue(23.4, 'percentagePoints', 1, 'en')).toBe(`+23.4${NBSP}pp`);
    expect(formatCellValue(14000, 'amount', 0, 'en')).toBe(`€${NBSP}14,000`);
  });
});

describe('cellReading', () => {
  it('shows a cell\'s own words, "x" for a hidden cell and "–" for an empty one', () => {
    expect(cellReading({ status: 'safe', value: 80, decimals: 0, format: 'percent', text: `Bijstand 80${NBSP}% of meer` }, 'percent', 'nl')).toBe(
      `Bijstand 80${NBSP}% of meer`,
    );
    expect(cellReading({ status: 'safe', value: 0.001, decimals: 2, format: 'pValue', text: '< 0,001' }, 'pValue', 'nl')).toBe('< 0,001');
    expect(cellReading({ status: 'suppressed' }, 'count', 'nl')).toBe('x');
    expect(cellReading({ status: 'empty' }, 'count', 'nl')).toBe('–');
    expect(cellReading({ status: 'empty', text: 'varieert' }, 'percent', 'nl')).toBe('varieert');
    expect(cellReading({ status: 'rounded', base: 10, value: 190, decimals: 0 }, 'count', 'nl')).toBe('190');
  });

  it('marks review and rounded cells as the export does', () => {
    expect(statusMark({ status: 'review', reason: 'zero', value: 0, decimals: 0 })).toBe('c');
    expect(statusMark({ status: 'rounded', base: 10, value: 190, decimals: 0 })).toBe('a');
    expect(statusMark({ status: 'suppressed' })).toBeNull();
  });
});

describe('cellFormatOf', () => {
  it("takes the cell's own format first, then the row's, then the column's", () => {
    const table = {
      columns: [{ id: 'a', label: 'A', format: 'percent' }],
      rows: [
        { id: 'r1', label: 'R1', total: false, cells: [{ status: 'safe', value: 14800, decimals: 0, format: 'amount' }] },
        { id: 'r2', label: 'R2', total: false, format: 'number', cells: [{ status: 'safe', value: 3.2, decimals: 1 }] },
        { id: 'r3', label: 'R3', total: false, cells: [{ status: 'suppressed' }] },
      ],
    } as unknown as CheckedTable;
    expect([0, 1, 2].map((row) => cellFormatOf(table, row, 0))).toEqual(['amount', 'number', 'percent']);
  });
});

describe('justificationCounts', () => {
  it('counts characters and words of two or more letters as the main process does', () => {
    expect(justificationCounts('  ok  ')).toEqual({ characters: 2, words: 1 });
    expect(justificationCounts('a b c')).toEqual({ characters: 5, words: 0 });
    expect(justificationCounts("De peildatum is verschoven naar zo'n   maand eerder.")).toEqual({ characters: 50, words: 8 });
  });
});
