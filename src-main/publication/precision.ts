// How precisely each kind of figure is published: the one place where figures are rounded before they leave. Screen,
// CSV, XLSX, HTML and PDF only format the rounded value, with the decimals given here.
import type { AmountFeature } from '../analysis/features';

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Shares (percent) and differences of shares (percentage points). */
export const SHARE_DECIMALS = 1;
/** Adjusted residuals, v-tests and the chi-square statistic. */
export const TEST_DECIMALS = 1;
/** p-values: two decimals, and below 0,01 only "< 0,01" or "< 0,001". */
export const P_VALUE_DECIMALS = 2;
/** Model statistics of a clustering (silhouette, Jaccard, Calinski-Harabasz, within-cluster error). */
export const MODEL_DECIMALS = 3;

export const publishShare = (value: number): number => round(value, SHARE_DECIMALS);
export const publishTest = (value: number): number => round(value, TEST_DECIMALS);

/** A p-value as published: a value and, below 0,01, the bound it is written as. */
export function publishPValue(p: number): { value: number; text?: string } {
  if (p < 0.001) return { value: 0.001, text: '< 0,001' };
  if (p < 0.01) return { value: 0.01, text: '< 0,01' };
  return { value: round(Math.min(1, p), P_VALUE_DECIMALS) };
}

/** Decimals of an amount as published: euros to hundreds (CBS style), years and days whole, persons to one decimal. */
export function amountDecimals(unit: AmountFeature['unit']): number {
  return unit === 'personen' ? 1 : 0;
}

export function publishAmount(unit: AmountFeature['unit'], value: number): number {
  if (unit === 'euro') return Math.round(value / 100) * 100;
  return round(value, amountDecimals(unit));
}

export function publishModel(value: number, decimals = MODEL_DECIMALS): number {
  return round(value, decimals);
}

/** A count rounded to a base for publication (the rounding method): the nearest multiple. */
export function publishRoundedCount(value: number, base: number): number {
  return Math.round(value / base) * base;
}
