// The figures a publication can hold, by definition: counts of households in a cell, and what is computed from
// counts (shares, differences, residuals, tests), amounts' statistics, record counts of the link report and model
// statistics. A definition names no value; the ledger computes every value from the data.

/** Households of `population` whose published code on `feature` is one of `codes`; null: the population's total. */
export interface CountCell {
  feature: string;
  codes: readonly string[] | null;
  population: string;
}

export type AmountStatistic = 'mean' | 'median' | 'quartile1' | 'quartile3';

/** The count a published "floor % of meer" of `total` units says the numerator reaches at least. */
export function atLeastCount(floor: number, total: number): number {
  return Math.ceil((floor / 100) * total - 1e-9);
}

export type Figure =
  | { kind: 'count'; cell: CountCell }
  | { kind: 'share'; numerator: CountCell; denominator: CountCell }
  /**
   * A share published only as "`floor` % of meer", where the exact share would say how few households are not in the
   * category: it bounds the numerator from below and publishes nothing exact about it.
   */
  | { kind: 'shareAtLeast'; numerator: CountCell; denominator: CountCell; floor: number }
  | { kind: 'difference'; minuend: { numerator: CountCell; denominator: CountCell }; subtrahend: { numerator: CountCell; denominator: CountCell } }
  /** The adjusted residual of `codes` in `focus` against the rest of `whole` (focus is part of whole). */
  | { kind: 'residual'; feature: string; codes: readonly string[]; focus: string; whole: string }
  /** Pearson's chi-square of `focus` against the rest of `whole` over every category of `feature`. */
  | { kind: 'chiSquare'; feature: string; focus: string; whole: string }
  /** The hypergeometric v-test of `codes` in `part` (part of whole). */
  | { kind: 'vTest'; feature: string; codes: readonly string[]; part: string; whole: string }
  | {
      kind: 'pValue';
      of:
        | { kind: 'chiSquare'; feature: string; focus: string; whole: string }
        | { kind: 'vTest'; feature: string; codes: readonly string[]; part: string; whole: string };
    }
  | { kind: 'amount'; feature: string; statistic: AmountStatistic; population: string }
  /** The mean of an amount in `part` against `whole` (v-test), or its two-sided p-value. */
  | { kind: 'amountTest'; feature: string; part: string; whole: string; result: 'vTest' | 'pValue' }
  | { kind: 'record'; family: string; cell: string }
  | { kind: 'model'; name: string; value: number; decimals: number };

export function countKey(cell: CountCell): string {
  return JSON.stringify([cell.feature, cell.codes === null ? null : [...cell.codes].sort(), cell.population]);
}

export function figureKey(figure: Figure): string {
  return JSON.stringify(figure, (_key, value: unknown) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...value].sort() : value,
  );
}

/** The counts a figure is a function of (none for amounts, records and model statistics). */
export function countInputs(figure: Figure, categoriesOf: (feature: string) => readonly string[]): CountCell[] {
  switch (figure.kind) {
    case 'count':
      return [figure.cell];
    case 'share':
      return [figure.numerator, figure.denominator];
    case 'shareAtLeast':
      // The numerator is only bounded (the ledger registers the bound); the denominator is a published total.
      return [figure.denominator];
    case 'difference':
      return [figure.minuend.numerator, figure.minuend.denominator, figure.subtrahend.numerator, figure.subtrahend.denominator];
    case 'residual':
    case 'vTest': {
      const part = figure.kind === 'residual' ? figure.focus : figure.part;
      return [
        { feature: figure.feature, codes: figure.codes, population: part },
        { feature: figure.feature, codes: figure.codes, population: figure.whole },
        { feature: figure.feature, codes: null, population: part },
        { feature: figure.feature, codes: null, population: figure.whole },
      ];
    }
    case 'chiSquare':
      return categoriesOf(figure.feature).flatMap((code) => [
        { feature: figure.feature, codes: [code], population: figure.focus },
        { feature: figure.feature, codes: [code], population: figure.whole },
      ]);
    case 'pValue':
      return countInputs(figure.of, categoriesOf);
    case 'amount':
    case 'amountTest':
    case 'record':
    case 'model':
      return [];
  }
}
