// How a published cell's value reads in the chosen language: 1.234, 12,3 %, +4,5 procentpunt, EUR 14.000.
import { localeOf, type Language } from '../i18n/language';
import type { CheckedTable } from '../api/types';

export type ValueFormat = CheckedTable['columns'][number]['format'];

export function formatCellValue(value: number, format: ValueFormat, language: Language): string {
  const locale = localeOf[language];
  switch (format) {
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'percent':
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} %`;
    case 'percentagePoints': {
      const text = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
      return language === 'nl' ? `${text} %-punt` : `${text} pp`;
    }
    case 'amount':
      // Amounts of income are rounded to hundreds on screen, as the seed reports them (EUR 14.000).
      return `EUR ${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(value / 100) * 100)}`;
    case 'number':
      // Small model figures (silhouette 0,225, Jaccard 0,976) need their decimals; larger ones read better with one.
      return Math.abs(value) < 10
        ? new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 3 }).format(value)
        : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
    case 'residual':
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
    case 'pValue':
      return value < 0.001 ? `< ${new Intl.NumberFormat(locale).format(0.001)}` : new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
  }
}

/** "65 %" and "EUR 14.000" stay on one line when a cell's words wrap: no-break spaces inside the figure. */
export function keepFiguresTogether(text: string): string {
  return text.replace(/ %/g, '\u00a0%').replace(/EUR /g, 'EUR\u00a0');
}
