// The two tests of a cluster description: a category's count in a cluster against the hypergeometric distribution,
// an amount's cluster mean against the overall mean; each as a two-sided p-value and a signed v-test.
import { logGamma } from '../statistics/chi-square';
import { normalQuantile, normalUpperTail } from './normal';

/** A test's outcome: positive v-test when the cluster has more (a higher mean) than expected, negative when less. */
export interface VTest {
  pValue: number;
  vTest: number;
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** The counts of one category within one cluster, out of all units. */
export interface CategoryDraw {
  /** Units in all (the clients with a known value). */
  units: number;
  /** Units with the category, in all. */
  withCategory: number;
  /** Units in the cluster. */
  inCluster: number;
  /** Units in the cluster with the category. */
  inClusterWithCategory: number;
}

function validate({ units, withCategory, inCluster, inClusterWithCategory }: CategoryDraw): void {
  const whole = [units, withCategory, inCluster, inClusterWithCategory].every((value) => Number.isInteger(value) && value >= 0);
  const consistent = withCategory <= units && inCluster <= units && inClusterWithCategory <= Math.min(withCategory, inCluster);
  const possible = inCluster - inClusterWithCategory <= units - withCategory;
  if (!whole || !consistent || !possible)
    throw new Error(`Impossible category counts: ${JSON.stringify({ units, withCategory, inCluster, inClusterWithCategory })}.`);
}

/** P(X = x) for X the number with the category among `inCluster` units drawn without replacement. */
export function hypergeometricProbability(draw: Omit<CategoryDraw, 'inClusterWithCategory'>, x: number): number {
  const { units, withCategory, inCluster } = draw;
  if (x < Math.max(0, inCluster - (units - withCategory)) || x > Math.min(withCategory, inCluster)) return 0;
  return Math.exp(logChoose(withCategory, x) + logChoose(units - withCategory, inCluster - x) - logChoose(units, inCluster));
}

/** P(X <= x) and P(X >= x), each summed term by term over its own (shorter) side, so that tiny tails keep their precision. */
export function hypergeometricTails(draw: CategoryDraw): { lower: number; upper: number } {
  validate(draw);
  const x = draw.inClusterWithCategory;
  const low = Math.max(0, draw.inCluster - (draw.units - draw.withCategory));
  const high = Math.min(draw.withCategory, draw.inCluster);
  let lower = 0;
  for (let value = low; value <= x; value++) lower += hypergeometricProbability(draw, value);
  let upper = 0;
  for (let value = x; value <= high; value++) upper += hypergeometricProbability(draw, value);
  return { lower: Math.min(1, lower), upper: Math.min(1, upper) };
}

/**
 * Over- or under-representation of a category in a cluster. The p-value is two-sided: twice the smaller tail
 * (at most 1). The v-test is the standard normal value with that smaller tail above it, z = -Φ⁻¹(tail),
 * signed by whether the cluster's share is above or below the overall share: |v| > 1,96 is p < 0,05.
 */
export function categoryVTest(draw: CategoryDraw): VTest {
  const { lower, upper } = hypergeometricTails(draw);
  const tail = Math.min(lower, upper, 0.5);
  const pValue = Math.min(1, 2 * Math.min(lower, upper));
  const expected = (draw.inCluster * draw.withCategory) / draw.units;
  const sign = draw.inClusterWithCategory > expected ? 1 : draw.inClusterWithCategory < expected ? -1 : 0;
  return { pValue, vTest: sign * Math.max(0, -normalQuantile(tail)) };
}

/** An amount in a cluster against all units (those with a known value). */
export interface AmountDraw {
  units: number;
  overallMean: number;
  /** The variance over all units, divided by `units` (the population variance). */
  overallVariance: number;
  inCluster: number;
  clusterMean: number;
}

/**
 * The cluster mean against the overall mean: v = (mean_k - mean) / sqrt(s² / n_k · (n - n_k) / (n - 1)), the
 * standard error of the mean of n_k units drawn without replacement from n; p two-sided from the normal.
 */
export function amountVTest({ units, overallMean, overallVariance, inCluster, clusterMean }: AmountDraw): VTest | null {
  if (inCluster < 1 || inCluster >= units || overallVariance <= 0) return null;
  const standardError = Math.sqrt((overallVariance / inCluster) * ((units - inCluster) / (units - 1)));
  const vTest = (clusterMean - overallMean) / standardError;
  return { vTest, pValue: Math.min(1, 2 * normalUpperTail(Math.abs(vTest))) };
}
