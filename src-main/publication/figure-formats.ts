// How a figure's value reads wherever it is shown: its format, and the decimals it is rounded to.
import type { AmountFeature } from '../analysis/features';
import type { ValueFormat } from '../disclosure/checked-table';
import type { Figure } from './figures';
import { amountDecimals, P_VALUE_DECIMALS, SHARE_DECIMALS, TEST_DECIMALS } from './precision';

/** How a figure's value reads wherever it is shown: its format and the decimals it was rounded to. */
export function figureFormat(figure: Figure, amountFeatures: ReadonlyMap<string, AmountFeature>): { format: ValueFormat; decimals: number } {
  switch (figure.kind) {
    case 'count':
    case 'record':
      return { format: 'count', decimals: 0 };
    case 'share':
      return { format: 'percent', decimals: SHARE_DECIMALS };
    case 'shareAtLeast':
      return { format: 'percent', decimals: 0 };
    case 'difference':
      return { format: 'percentagePoints', decimals: SHARE_DECIMALS };
    case 'residual':
      return { format: 'residual', decimals: TEST_DECIMALS };
    case 'chiSquare':
    case 'vTest':
      return { format: 'number', decimals: TEST_DECIMALS };
    case 'pValue':
      return { format: 'pValue', decimals: P_VALUE_DECIMALS };
    case 'amountTest':
      return figure.result === 'vTest' ? { format: 'number', decimals: TEST_DECIMALS } : { format: 'pValue', decimals: P_VALUE_DECIMALS };
    case 'amount': {
      const unit = amountFeatures.get(figure.feature)!.unit;
      return unit === 'euro' ? { format: 'amount', decimals: 0 } : { format: 'number', decimals: amountDecimals(unit) };
    }
    case 'model':
      return { format: 'number', decimals: figure.decimals };
  }
}
