// A figure's value from the counts it is computed from (the true counts to decide what to publish, the published
// ones for the tests printed with them), from an amount's statistics, or from the link report's record counts.
import { categoryVTest, amountVTest } from '../analysis/profiles/hypergeometric';
import { chiSquareTest } from '../analysis/statistics/chi-square';
import { countInputs, type CountCell, type Figure } from './figures';
import type { AmountData, AmountStatistics, PublicationData } from './publication-data';
import type { PublishedFeature } from './published-feature';

/** What a figure's value needs besides its counts. */
export interface FigureInputs {
  /** The published feature (its categories after the recode). */
  readonly feature: (id: string) => PublishedFeature;
  readonly amountStatistics: (feature: string, population: string) => AmountStatistics;
  /** The link report's counts, by `family:cell`. */
  readonly recordValues: ReadonlyMap<string, { readonly value: number }>;
}

function stat(statistics: AmountStatistics, statistic: 'mean' | 'median' | 'quartile1' | 'quartile3'): number | null {
  return statistics[statistic];
}

export function amountDataOf(publication: PublicationData, feature: string): AmountData {
  const data = publication.amounts.get(feature);
  if (!data) throw new Error(`The publication has no amount ${feature}.`);
  return data;
}

export function amountStatisticsOf(publication: PublicationData, feature: string, population: string): AmountStatistics {
  const statistics = amountDataOf(publication, feature).perPopulation.get(population);
  if (!statistics) throw new Error(`No statistics of ${feature} for ${population}.`);
  return statistics;
}

/** A figure's value from the given counts; null when it has none (a share of no one, a test without degrees of freedom). */
export function figureValue(figure: Figure, count: (cell: CountCell) => number, inputs: FigureInputs): number | null {
  switch (figure.kind) {
    case 'count':
      return count(figure.cell);
    case 'share': {
      const denominator = count(figure.denominator);
      return denominator === 0 ? null : (100 * count(figure.numerator)) / denominator;
    }
    case 'shareAtLeast':
      return figure.floor;
    case 'difference': {
      const a = figureValue({ kind: 'share', ...figure.minuend }, count, inputs);
      const b = figureValue({ kind: 'share', ...figure.subtrahend }, count, inputs);
      return a === null || b === null ? null : a - b;
    }
    case 'residual': {
      const [inFocus, inWhole, focusTotal, wholeTotal] = countInputs(figure, () => []).map(count) as [number, number, number, number];
      const test = chiSquareTest([
        [inFocus, focusTotal - inFocus],
        [inWhole - inFocus, wholeTotal - focusTotal - (inWhole - inFocus)],
      ]);
      return wholeTotal === 0 ? null : (test.residuals[0]?.[0] ?? null);
    }
    case 'chiSquare':
      return chiSquare(figure, count, inputs)?.statistic ?? null;
    case 'vTest':
      return vTest(figure, count)?.vTest ?? null;
    case 'pValue':
      return figure.of.kind === 'chiSquare' ? (chiSquare(figure.of, count, inputs)?.pValue ?? null) : (vTest(figure.of, count)?.pValue ?? null);
    case 'amount':
      return stat(inputs.amountStatistics(figure.feature, figure.population), figure.statistic);
    case 'amountTest': {
      const part = inputs.amountStatistics(figure.feature, figure.part);
      const whole = inputs.amountStatistics(figure.feature, figure.whole);
      if (part.mean === null || whole.mean === null || whole.variance === null) return null;
      const test = amountVTest({
        units: whole.known,
        overallMean: whole.mean,
        overallVariance: whole.variance,
        inCluster: part.known,
        clusterMean: part.mean,
      });
      return test === null ? null : figure.result === 'vTest' ? test.vTest : test.pValue;
    }
    case 'record':
      return inputs.recordValues.get(`${figure.family}:${figure.cell}`)?.value ?? null;
    case 'model':
      return figure.value;
  }
}

function chiSquare(figure: Extract<Figure, { kind: 'chiSquare' }>, count: (cell: CountCell) => number, inputs: FigureInputs) {
  const codes = inputs.feature(figure.feature).categories.map((category) => category.code);
  const rows = codes.map((code) => {
    const focus = count({ feature: figure.feature, codes: [code], population: figure.focus });
    return [focus, count({ feature: figure.feature, codes: [code], population: figure.whole }) - focus];
  });
  const test = chiSquareTest(rows);
  return test.degreesOfFreedom === 0 ? null : test;
}

function vTest(figure: Extract<Figure, { kind: 'vTest' }>, count: (cell: CountCell) => number) {
  const [inPart, inWhole, partTotal, wholeTotal] = countInputs(figure, () => []).map(count) as [number, number, number, number];
  if (wholeTotal === 0 || inWhole === 0 || partTotal === 0 || partTotal === wholeTotal) return null;
  return categoryVTest({ units: wholeTotal, withCategory: inWhole, inCluster: partTotal, inClusterWithCategory: inPart });
}
