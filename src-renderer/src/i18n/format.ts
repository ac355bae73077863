// Number, size and percentage formatting in the chosen language's conventions (Intl, no hand-made separators).
import { localeOf, type Language } from './language';

export type Formatters = {
  number: (value: number) => string;
  percent: (fraction: number) => string;
  bytes: (sizeBytes: number) => string;
};

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

export function formattersFor(language: Language): Formatters {
  const locale = localeOf[language];
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percentage = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  // A share under 1 % keeps two significant digits, so 26 missing in 70 million does not read as "0 %".
  const smallPercentage = new Intl.NumberFormat(locale, { style: 'percent', maximumSignificantDigits: 2 });
  const unitFormats = byteUnits.map(
    (unit) =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        // 'long' for plain bytes gives "512 bytes" in English; larger units read better short ("1,8 GB").
        unitDisplay: unit === 'byte' ? 'long' : 'short',
        maximumFractionDigits: unit === 'byte' ? 0 : 1,
      }),
  );

  return {
    number: (value) => integer.format(value),
    percent: (fraction) => (fraction > 0 && fraction < 0.01 ? smallPercentage : percentage).format(fraction),
    bytes: (sizeBytes) => {
      // Decimal units (1 kB = 1000 bytes), as the Intl unit names mean.
      let scaled = sizeBytes;
      let unitIndex = 0;
      while (scaled >= 1000 && unitIndex < byteUnits.length - 1) {
        scaled /= 1000;
        unitIndex += 1;
      }
      const format = unitFormats[unitIndex] ?? integer;
      return format.format(scaled);
    },
  };
}
