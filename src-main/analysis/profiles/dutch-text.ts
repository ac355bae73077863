// Figures as a Dutch reader writes them in a profile: "EUR 14.000", "81 %", "45 jaar", "2,5 personen".
import type { AmountFeature } from '../features';

const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export function percentText(share: number): string {
  return `${whole.format(share)} %`;
}

/**
 * An amount rounded as the profile publishes it: euros to hundreds, years to whole years, the rest to one
 * decimal. Rounding says no less to a reader and keeps a median from being read as one household's value.
 */
export function roundAmount(feature: AmountFeature, value: number): number {
  if (feature.unit === 'euro') return Math.round(value / 100) * 100;
  if (feature.unit === 'jaar' || feature.unit === 'dagen') return Math.round(value);
  return Math.round(value * 10) / 10;
}

export function amountText(feature: AmountFeature, value: number): string {
  switch (feature.unit) {
    case 'euro':
      return `EUR ${whole.format(value)}`;
    case 'jaar':
      return `${whole.format(value)} jaar`;
    case 'dagen':
      return `${whole.format(value)} ${value === 1 ? 'dag' : 'dagen'}`;
    case 'personen':
      return `${oneDecimal.format(value)} ${value === 1 ? 'persoon' : 'personen'}`;
  }
}

export function countText(units: number): string {
  return whole.format(units);
}
