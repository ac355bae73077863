// Pearson's chi-square test of independence and adjusted standardised residuals for a table of counts.

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; accurate to about 15 digits). */
export function logGamma(x: number): number {
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = coefficients[0] ?? 1;
  for (let index = 1; index < coefficients.length; index += 1) sum += (coefficients[index] ?? 0) / (shifted + index);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The upper regularised incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a): a series below a + 1, a continued
 * fraction (modified Lentz) above, the usual split where each converges quickly.
 */
export function upperRegularizedGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n += 1) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 1000; n += 1) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(logPrefix) * h);
}

/** P(X >= statistic) for X chi-square distributed with `degreesOfFreedom`. */
export function chiSquarePValue(statistic: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom <= 0) throw new Error('A chi-square test needs at least one degree of freedom.');
  return upperRegularizedGamma(degreesOfFreedom / 2, statistic / 2);
}

export interface ChiSquareTest {
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
  /** Adjusted standardised residual per cell, [row][column]: about N(0, 1) under independence. */
  residuals: number[][];
  /** Share of cells with an expected count below 5 (the test is unreliable when that share is large). */
  smallExpectedShare: number;
}

/**
 * The test on counts[row][column]. Rows or columns without any count are left out of the degrees of freedom
 * (they carry no information), and their residuals are 0.
 */
export function chiSquareTest(counts: readonly (readonly number[])[]): ChiSquareTest {
  const rowTotals = counts.map((row) => row.reduce((sum, value) => sum + value, 0));
  const columnCount = counts[0]?.length ?? 0;
  const columnTotals = Array.from({ length: columnCount }, (_, column) => counts.reduce((sum, row) => sum + (row[column] ?? 0), 0));
  const total = rowTotals.reduce((sum, value) => sum + value, 0);
  const usedRows = rowTotals.filter((value) => value > 0).length;
  const usedColumns = columnTotals.filter((value) => value > 0).length;
  let statistic = 0;
  let small = 0;
  let cells = 0;
  const residuals = counts.map((row, r) =>
    row.map((observed, c) => {
      const rowTotal = rowTotals[r] ?? 0;
      const columnTotal = columnTotals[c] ?? 0;
      if (rowTotal === 0 || columnTotal === 0 || total === 0) return 0;
      const expected = (rowTotal * columnTotal) / total;
      cells += 1;
      if (expected < 5) small += 1;
      statistic += (observed - expected) ** 2 / expected;
      const variance = expected * (1 - rowTotal / total) * (1 - columnTotal / total);
      return variance > 0 ? (observed - expected) / Math.sqrt(variance) : 0;
    }),
  );
  const degreesOfFreedom = Math.max(0, (usedRows - 1) * (usedColumns - 1));
  return {
    statistic,
    degreesOfFreedom,
    pValue: degreesOfFreedom === 0 ? 1 : chiSquarePValue(statistic, degreesOfFreedom),
    residuals,
    smallExpectedShare: cells === 0 ? 0 : small / cells,
  };
}
