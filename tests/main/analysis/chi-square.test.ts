// The chi-square test and adjusted residuals against values computed by hand and standard table values.
import { describe, expect, it } from 'vitest';
import { chiSquarePValue, chiSquareTest, logGamma } from '../../../src-main/analysis/statistics/chi-square';

describe('the chi-square distribution', () => {
  it('gives the textbook 5 % critical values', () => {
    expect(chiSquarePValue(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquarePValue(5.991465, 2)).toBeCloseTo(0.05, 6);
    expect(chiSquarePValue(14.06714, 7)).toBeCloseTo(0.05, 6);
    expect(chiSquarePValue(6.634897, 1)).toBeCloseTo(0.01, 6);
  });

  it('gives exact values where the distribution has a closed form', () => {
    // With 2 degrees of freedom P(X >= x) = exp(-x / 2).
    for (const x of [0.1, 1, 4, 20, 60]) expect(chiSquarePValue(x, 2)).toBeCloseTo(Math.exp(-x / 2), 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });
});

describe('the chi-square test of a table', () => {
  it('computes statistic, degrees of freedom and adjusted residuals of a 2x2 table by hand', () => {
    // Expected counts: 20, 30 / 20, 30; chi-square = 25/20 + 25/30 + 25/20 + 25/30 = 4.1667.
    const test = chiSquareTest([
      [25, 25],
      [15, 35],
    ]);
    expect(test.statistic).toBeCloseTo(4.166667, 5);
    expect(test.degreesOfFreedom).toBe(1);
    expect(test.pValue).toBeCloseTo(0.041227, 5);
    // (25 - 20) / sqrt(20 * 0.5 * 0.6) = 5 / sqrt(6)
    expect(test.residuals[0]![0]).toBeCloseTo(5 / Math.sqrt(6), 10);
    expect(test.residuals[1]![0]).toBeCloseTo(-5 / Math.sqrt(6), 10);
    expect(test.smallExpectedShare).toBe(0);
  });

  it('leaves empty categories out of the degrees of freedom', () => {
    const test = chiSquareTest([
      [10, 20],
      [0, 0],
      [30, 15],
    ]);
    expect(test.degreesOfFreedom).toBe(1);
    expect(test.residuals[1]).toEqual([0, 0]);
  });
});
