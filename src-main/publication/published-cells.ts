// The cell a figure leaves the main process as: its value as published (rounded as the method says) with its status
// and format, a review flag where a checker should look, or one mark for a hidden figure.
import type { AmountFeature } from '../analysis/features';
import type { PublishedCell } from '../disclosure/checked-table';
import type { ProtectionMethod } from '../disclosure/disclosure-shapes';
import type { RuleSet } from '../disclosure/rule-set';
import { dutchFigure } from './dutch-format';
import { figureFormat } from './figure-formats';
import { figureValue, type FigureInputs } from './figure-values';
import type { CountCell, Figure } from './figures';
import type { HiddenBecause } from './ledger-options';
import { publishAmount, publishModel, publishPValue, publishShare, publishTest } from './precision';

/** Why a checker should look at a count that is shown. */
export interface Review {
  reason: 'zero' | 'group-disclosure';
}

/** What resolving a figure reads of the ledger, once the publication is protected. */
export interface CellSources {
  readonly rules: RuleSet;
  readonly method: ProtectionMethod;
  readonly amountFeatures: ReadonlyMap<string, AmountFeature>;
  readonly inputs: FigureInputs;
  readonly hiddenBecause: (figure: Figure) => HiddenBecause | null;
  /** A count's true value (for deciding, never to publish). */
  readonly rawCount: (cell: CountCell) => number;
  /** A count as published: exact, or rounded to the base under the rounding method. */
  readonly publishedCount: (cell: CountCell) => number;
  readonly reviewOf: (cell: CountCell, value: number) => Review | null;
  /** A figure's value from the true counts. */
  readonly raw: (figure: Figure) => number | null;
}

/** The figure as it leaves: its rounded value with its status and format, or one mark when hidden. */
export function publishedCell(figure: Figure, sources: CellSources): PublishedCell {
  if (sources.hiddenBecause(figure) !== null) return { status: 'suppressed' };
  const rounding = sources.method === 'rounding';
  const { format, decimals } = figureFormat(figure, sources.amountFeatures);
  const withStatus = (value: number, review: Review | null, rounded = false, text?: string): PublishedCell => {
    const shape = { value, decimals, format, ...(text === undefined ? {} : { text }) };
    if (review) return { status: 'review', reason: review.reason, ...shape };
    if (rounded) return { status: 'rounded', base: sources.rules.roundingBase, ...shape };
    return { status: 'safe', ...shape };
  };
  switch (figure.kind) {
    case 'count':
      return withStatus(sources.publishedCount(figure.cell), sources.reviewOf(figure.cell, sources.rawCount(figure.cell)), rounding);
    case 'share': {
      const denominator = sources.publishedCount(figure.denominator);
      if (denominator === 0) return { status: 'empty' };
      return withStatus(
        publishShare((100 * sources.publishedCount(figure.numerator)) / denominator),
        sources.reviewOf(figure.numerator, sources.rawCount(figure.numerator)),
        rounding,
      );
    }
    case 'shareAtLeast':
      return withStatus(
        figure.floor,
        sources.reviewOf(figure.numerator, sources.rawCount(figure.numerator)),
        false,
        `${dutchFigure(figure.floor, 'percent', 0)} of meer`,
      );
    case 'difference': {
      const a = publishedCell({ kind: 'share', ...figure.minuend }, sources);
      const b = publishedCell({ kind: 'share', ...figure.subtrahend }, sources);
      if (!('value' in a) || !('value' in b)) return { status: 'empty' };
      return withStatus(publishShare(a.value - b.value), null, rounding);
    }
    case 'residual':
    case 'chiSquare':
    case 'vTest': {
      const value = figureValue(figure, (cell) => sources.publishedCount(cell), sources.inputs);
      return value === null || !Number.isFinite(value) ? { status: 'empty' } : withStatus(publishTest(value), null);
    }
    case 'pValue':
    case 'amountTest': {
      const value = figure.kind === 'pValue' ? figureValue(figure, (cell) => sources.publishedCount(cell), sources.inputs) : sources.raw(figure);
      if (value === null || !Number.isFinite(value)) return { status: 'empty' };
      if (figure.kind === 'amountTest' && figure.result === 'vTest') return withStatus(publishTest(value), null);
      const published = publishPValue(value);
      return withStatus(published.value, null, false, published.text);
    }
    case 'amount': {
      const value = sources.raw(figure);
      const feature = sources.amountFeatures.get(figure.feature)!;
      return value === null ? { status: 'empty' } : withStatus(publishAmount(feature.unit, value), null);
    }
    case 'record':
      return withStatus(sources.inputs.recordValues.get(`${figure.family}:${figure.cell}`)!.value, null);
    case 'model':
      return withStatus(publishModel(figure.value, figure.decimals), null);
  }
}
