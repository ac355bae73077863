// How checked-table values read on screen in Dutch and English: counts, shares, points, amounts, residuals, model figures.
import { describe, expect, it } from 'vitest';
import { formatCellValue, keepFiguresTogether } from '../../src-renderer/src/tables/cellFormat';

describe('formatCellValue', () => {
  it('writes Dutch numbers as the seed does', () => {
    expect(formatCellValue(11346, 'count', 'nl')).toBe('11.346');
    expect(formatCellValue(46.07, 'percent', 'nl')).toBe('46,1 %');
    expect(formatCellValue(23.44, 'percentagePoints', 'nl')).toBe('+23,4 %-punt');
    expect(formatCellValue(-2, 'percentagePoints', 'nl')).toBe('-2,0 %-punt');
    expect(formatCellValue(14_049, 'amount', 'nl')).toBe('EUR 14.000');
    expect(formatCellValue(4.81, 'residual', 'nl')).toBe('+4,8');
    expect(formatCellValue(0.2254, 'number', 'nl')).toBe('0,225');
    expect(formatCellValue(1585.87, 'number', 'nl')).toBe('1.585,9');
    expect(formatCellValue(0.0004, 'pValue', 'nl')).toBe('< 0,001');
  });

  it('writes English numbers the English way', () => {
    expect(formatCellValue(11346, 'count', 'en')).toBe('11,346');
    expect(formatCellValue(46.07, 'percent', 'en')).toBe('46.1 %');
    expect(formatCellValue(23.44, 'percentagePoints', 'en')).toBe('+23.4 pp');
  });
});

describe('keepFiguresTogether', () => {
  it('binds a share to its percent sign and an amount to EUR, leaving the words free to wrap', () => {
    expect(keepFiguresTogether('10 jaar of ouder 65 %')).toBe('10 jaar of ouder 65\u00a0%');
    expect(keepFiguresTogether('EUR 14.000')).toBe('EUR\u00a014.000');
    expect(keepFiguresTogether('varieert')).toBe('varieert');
  });
});
