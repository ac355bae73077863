// The stated rule that turns the evaluations of every k into one recommended k, the k that are also defensible, and a
// Dutch sentence saying why.
import type { KEvaluation } from './choose-k';

export type AdviceInput = Pick<KEvaluation, 'k' | 'silhouette' | 'silhouetteSd' | 'calinskiHarabasz' | 'gap' | 'jaccard'>;

export interface KAdvice {
  recommendedK: number;
  /** The k named by at least one index (ascending); the recommended one among them. */
  defensible: number[];
  reason: string;
}

export interface AdviceThresholds {
  /** Below this mean Jaccard a cluster is not to be trusted (clusterboot); default 0.6. */
  minJaccard?: number;
  /** From this mean Jaccard a cluster is stable; default 0.75. */
  stableJaccard?: number;
}

/** How many bootstrap standard deviations a silhouette may lie under the best one and still count as level with it. */
export const SILHOUETTE_NOISE_SDS = 2;
/** The gap's rise at k must be at least this many times its rise at k + 1 for an elbow at k. */
export const GAP_ELBOW_RATIO = 2;

type Index = 'silhouet' | 'Calinski-Harabasz' | 'gap-statistiek';

/**
 * The rule, in the order it is applied:
 * 1. Stability gate: a k is admissible when every cluster's mean bootstrap Jaccard is at least `minJaccard` (0.6;
 *    Hennig's clusterboot: below 0.6 a cluster is not to be trusted, 0.6-0.75 doubtful, 0.75 and up stable). When no
 *    k is admissible, the k whose weakest cluster is most stable is given, with that warning.
 * 2. Three indices each name one admissible k:
 *    - silhouette: the largest k whose silhouette lies within SILHOUETTE_NOISE_SDS bootstrap standard deviations of
 *      the best silhouette (the best k's own spread): where silhouettes are level, the finer division wins;
 *    - Calinski-Harabasz: the highest (pseudo-)F;
 *    - gap statistic: the elbow, the k after which the gap's rise drops most, among the k whose rise is at least
 *      GAP_ELBOW_RATIO times the next one (no such k: no vote). The rise itself keeps growing slowly on data with
 *      structure, so Tibshirani's first-k rule would stop early or never; the elbow is where extra clusters stop paying.
 * 3. The k named by most indices is recommended; a tie goes to the larger k. Every named k is defensible, and the
 *    reason says so when there is more than one.
 */
export function adviseK(evaluations: readonly AdviceInput[], gapAtOne: { gap: number }, thresholds: AdviceThresholds = {}): KAdvice {
  const { minJaccard = 0.6, stableJaccard = 0.75 } = thresholds;
  if (evaluations.length === 0) throw new Error('Choosing k: nothing to choose from.');
  const weakest = (evaluation: AdviceInput) => Math.min(...evaluation.jaccard);
  const admissible = evaluations.filter((evaluation) => weakest(evaluation) >= minJaccard);
  if (admissible.length === 0) {
    const best = evaluations.reduce((a, b) => (weakest(b) > weakest(a) || (weakest(b) === weakest(a) && b.silhouette > a.silhouette) ? b : a));
    return {
      recommendedK: best.k,
      defensible: [],
      reason:
        `k = ${best.k}: bij elke k valt minstens een cluster uiteen (Jaccard < ${dutch(minJaccard)}); ` +
        `bij k = ${best.k} is het zwakste cluster het stabielst (Jaccard ${dutch(weakest(best))}), silhouet ${dutch(best.silhouette)}. ` +
        'Vertrouw deze indeling niet zonder meer.',
    };
  }
  const votes = new Map<number, Index[]>();
  const vote = (k: number | undefined, index: Index) => {
    if (k !== undefined) votes.set(k, [...(votes.get(k) ?? []), index]);
  };
  vote(silhouetteChoice(admissible), 'silhouet');
  vote(admissible.reduce((a, b) => (b.calinskiHarabasz > a.calinskiHarabasz ? b : a)).k, 'Calinski-Harabasz');
  vote(gapElbow(evaluations, gapAtOne.gap, new Set(admissible.map((evaluation) => evaluation.k))), 'gap-statistiek');
  const named = [...votes.keys()].sort((a, b) => a - b);
  const recommendedK = named.reduce((a, b) => (votes.get(b)!.length >= votes.get(a)!.length ? b : a));
  const chosen = evaluations.find((evaluation) => evaluation.k === recommendedK)!;
  const stable = chosen.jaccard.filter((value) => value >= stableJaccard).length;
  const stability =
    stable === chosen.k
      ? `alle clusters stabiel (Jaccard >= ${dutch(stableJaccard)})`
      : `${stable} van de ${chosen.k} clusters stabiel (Jaccard >= ${dutch(stableJaccard)}), geen onbetrouwbaar (alle >= ${dutch(minJaccard)})`;
  const others = named.filter((k) => k !== recommendedK);
  const also = others.length === 0 ? '' : ` Ook verdedigbaar: ${others.map((k) => `k = ${k} (${votes.get(k)!.join(', ')})`).join('; ')}.`;
  return {
    recommendedK,
    defensible: named,
    reason: `k = ${recommendedK}: aangewezen door ${list(votes.get(recommendedK)!)}; ${stability}.${also}`,
  };
}

/** The largest admissible k whose silhouette is level with the best one (within its noise). */
function silhouetteChoice(admissible: readonly AdviceInput[]): number {
  const best = admissible.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
  const noise = Number.isFinite(best.silhouetteSd) ? SILHOUETTE_NOISE_SDS * best.silhouetteSd : 0;
  return Math.max(...admissible.filter((evaluation) => best.silhouette - evaluation.silhouette <= noise).map((evaluation) => evaluation.k));
}

/**
 * The admissible k with the clearest elbow in the gap statistic, if any: among the k whose rise from k - 1 is at least
 * GAP_ELBOW_RATIO times the rise to k + 1 (or the gap falls after k), the one where the rise drops most. Needs k - 1
 * (which may be 1) and k + 1 evaluated.
 */
function gapElbow(evaluations: readonly AdviceInput[], gapAtOne: number, admissible: ReadonlySet<number>): number | undefined {
  const gapOf = new Map<number, number>([[1, gapAtOne], ...evaluations.map((evaluation): [number, number] => [evaluation.k, evaluation.gap])]);
  let best: { k: number; drop: number } | undefined;
  for (const { k } of evaluations) {
    const [before, at, after] = [gapOf.get(k - 1), gapOf.get(k)!, gapOf.get(k + 1)];
    if (!admissible.has(k) || before === undefined || after === undefined) continue;
    const rise = at - before;
    const next = after - at;
    if (rise <= 0 || rise < GAP_ELBOW_RATIO * Math.max(next, 0)) continue;
    if (!best || rise - next > best.drop) best = { k, drop: rise - next };
  }
  return best?.k;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** Two decimals with a decimal comma, as Dutch readers expect. */
function dutch(value: number): string {
  return value.toFixed(2).replace('.', ',');
}
