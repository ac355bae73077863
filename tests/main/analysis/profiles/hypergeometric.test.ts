// The hypergeometric tails, v-tests and normal functions against values summed exactly (BigInt binomials) in the test.
import { describe, expect, it } from 'vitest';
import { amountVTest, categoryVTest, hypergeometricTails, type CategoryDraw } from '../../../../src-main/analysis/profiles/hypergeometric';
import { normalQuantile, normalUpperTail } from '../../../../src-main/analysis/profiles/normal';

function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let result = 1n;
  for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
  return result;
}

/** P(X <= x) and P(X >= x) as exact fractions of C(N, n), converted at the end. */
function exactTails({ units, withCategory, inCluster, inClusterWithCategory: x }: CategoryDraw): { lower: number; upper: number } {
  const all = choose(units, inCluster);
  let lower = 0n;
  let upper = 0n;
  for (let value = 0; value <= inCluster; value++) {
    const ways = choose(withCategory, value) * choose(units - withCategory, inCluster - value);
    if (value <= x) lower += ways;
    if (value >= x) upper += ways;
  }
  // Scale before dividing so that tiny tails keep 15 digits.
  const scale = 10n ** 40n;
  return { lower: Number((lower * scale) / all) / 1e40, upper: Number((upper * scale) / all) / 1e40 };
}

describe('the hypergeometric test of a category in a cluster', () => {
  it('gives the tails of a draw small enough to sum by hand: 3 of 5 drawn from 10 of which 4 have the category', () => {
    // C(10,5) = 252; P(3) = C(4,3)·C(6,2) = 60, P(4) = C(4,4)·C(6,1) = 6: P(X >= 3) = 66/252, P(X <= 3) = 246/252.
    const draw = { units: 10, withCategory: 4, inCluster: 5, inClusterWithCategory: 3 };
    const tails = hypergeometricTails(draw);
    expect(tails.upper).toBeCloseTo(66 / 252, 12);
    expect(tails.lower).toBeCloseTo(246 / 252, 12);
    const test = categoryVTest(draw);
    expect(test.pValue).toBeCloseTo((2 * 66) / 252, 12);
    // v = -Φ⁻¹(66/252), positive because 3 > the expected 2: Φ(-v) must give the tail back.
    expect(test.vTest).toBeGreaterThan(0);
    expect(normalUpperTail(test.vTest)).toBeCloseTo(66 / 252, 6);
  });

  it('matches exact summation for cluster-sized draws, over- and under-represented, far into the tails', () => {
    const draws: CategoryDraw[] = [
      { units: 191, withCategory: 80, inCluster: 26, inClusterWithCategory: 22 },
      { units: 191, withCategory: 80, inCluster: 62, inClusterWithCategory: 55 },
      { units: 191, withCategory: 90, inCluster: 35, inClusterWithCategory: 2 },
      { units: 191, withCategory: 50, inCluster: 38, inClusterWithCategory: 10 },
    ];
    for (const draw of draws) {
      const exact = exactTails(draw);
      const tails = hypergeometricTails(draw);
      expect(tails.upper / exact.upper).toBeCloseTo(1, 8);
      expect(tails.lower / exact.lower).toBeCloseTo(1, 8);
      const test = categoryVTest(draw);
      const smaller = Math.min(exact.lower, exact.upper);
      expect(test.pValue / Math.min(1, 2 * smaller)).toBeCloseTo(1, 6);
      const expected = (draw.inCluster * draw.withCategory) / draw.units;
      if (smaller >= 0.5) {
        // Both tails hold half or more (the count is the most likely one): no evidence either way, v = 0.
        expect(test.vTest).toBe(0);
        continue;
      }
      expect(Math.sign(test.vTest)).toBe(draw.inClusterWithCategory > expected ? 1 : -1);
      expect(normalUpperTail(Math.abs(test.vTest)) / smaller).toBeCloseTo(1, 4);
    }
    // 55 of 62 where 80 of 191 have it is far beyond 1,96; 10 of 38 where 50 of 191 have it is as expected.
    expect(categoryVTest(draws[1]!).vTest).toBeGreaterThan(8);
    expect(categoryVTest(draws[3]!).pValue).toBeGreaterThan(0.05);
  });

  it('refuses counts that cannot occur', () => {
    expect(() => categoryVTest({ units: 10, withCategory: 4, inCluster: 5, inClusterWithCategory: 5 })).toThrow(/Impossible/);
    expect(() => categoryVTest({ units: 10, withCategory: 2, inCluster: 9, inClusterWithCategory: 0 })).toThrow(/Impossible/);
  });
});

describe('the v-test of an amount', () => {
  it('compares the cluster mean with the overall mean with the finite-population variance, by hand', () => {
    // 1..10, cluster {8, 9, 10}: mean 9 against 5,5; s² = 8,25 (divided by 10); se² = 8,25 / 3 · 7 / 9.
    const test = amountVTest({ units: 10, overallMean: 5.5, overallVariance: 8.25, inCluster: 3, clusterMean: 9 });
    const v = 3.5 / Math.sqrt((8.25 / 3) * (7 / 9));
    expect(test!.vTest).toBeCloseTo(v, 12);
    expect(test!.vTest).toBeCloseTo(2.3932, 4);
    expect(test!.pValue).toBeCloseTo(2 * normalUpperTail(v), 12);
    expect(amountVTest({ units: 10, overallMean: 5.5, overallVariance: 0, inCluster: 3, clusterMean: 9 })).toBeNull();
    expect(amountVTest({ units: 10, overallMean: 5.5, overallVariance: 8.25, inCluster: 10, clusterMean: 5.5 })).toBeNull();
  });
});

describe('the standard normal', () => {
  it('gives the familiar quantiles and tails, and they invert each other far into the tails', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalUpperTail(1.959964)).toBeCloseTo(0.025, 6);
    for (const tail of [0.3, 0.01, 1e-6, 1e-12, 1e-20]) expect(normalUpperTail(-normalQuantile(tail)) / tail).toBeCloseTo(1, 4);
  });
});
