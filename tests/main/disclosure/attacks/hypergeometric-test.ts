// The what-stands-out test as FactoMineR's catdes computes it (public definitions): the hypergeometric p-value of a
// category in a cluster and its v-test, with the standard normal quantile they need.

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
  return logFactorials[n]!;
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** FactoMineR catdes: two-sided hypergeometric p-value and the signed v-test -Φ⁻¹(smaller tail). */
export function hypergeometricTest(n: number, K: number, nc: number, x: number): { p: number; v: number } {
  const low = Math.max(0, nc - (n - K));
  const high = Math.min(K, nc);
  const probability = (value: number) => Math.exp(logChoose(K, value) + logChoose(n - K, nc - value) - logChoose(n, nc));
  let lower = 0;
  for (let value = low; value <= x; value++) lower += probability(value);
  let upper = 0;
  for (let value = x; value <= high; value++) upper += probability(value);
  lower = Math.min(1, lower);
  upper = Math.min(1, upper);
  const tail = Math.min(lower, upper, 0.5);
  const expected = (nc * K) / n;
  const sign = x > expected ? 1 : x < expected ? -1 : 0;
  return { p: Math.min(1, 2 * Math.min(lower, upper)), v: sign * Math.max(0, -normalQuantile(tail)) };
}

// Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9).
const QA = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const QB = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const QC = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const QD = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const horner = (coefficients: readonly number[], x: number) => coefficients.reduce((sum, c) => sum * x + c, 0);

function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return horner(QC, q) / (horner(QD, q) * q + 1);
  }
  if (p > 1 - 0.02425) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (horner(QA, r) * q) / (horner(QB, r) * r + 1);
}
