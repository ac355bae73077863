// SPSS format codes (print/write formats) and the conversion of SPSS date numbers to ISO text.
import { civilOf } from '../../common/calendar';
import type { SavFormat, SavValueKind } from './types';

const FORMAT_NAMES: Record<number, string> = {
  1: 'A',
  2: 'AHEX',
  3: 'COMMA',
  4: 'DOLLAR',
  5: 'F',
  6: 'IB',
  7: 'PIBHEX',
  8: 'P',
  9: 'PIB',
  10: 'PK',
  11: 'RB',
  12: 'RBHEX',
  15: 'Z',
  16: 'N',
  17: 'E',
  20: 'DATE',
  21: 'TIME',
  22: 'DATETIME',
  23: 'ADATE',
  24: 'JDATE',
  25: 'DTIME',
  26: 'WKDAY',
  27: 'MONTH',
  28: 'MOYR',
  29: 'QYR',
  30: 'WKYR',
  31: 'PCT',
  32: 'DOT',
  33: 'CCA',
  34: 'CCB',
  35: 'CCC',
  36: 'CCD',
  37: 'CCE',
  38: 'EDATE',
  39: 'SDATE',
  40: 'MTIME',
  41: 'YMDHMS',
};

const DATE_FORMATS = new Set(['DATE', 'ADATE', 'EDATE', 'SDATE', 'JDATE', 'MOYR', 'QYR', 'WKYR']);
const DATETIME_FORMATS = new Set(['DATETIME', 'YMDHMS']);

/** Decodes the packed int32 of a variable record: type << 16 | width << 8 | decimals. */
export function decodeFormat(packed: number): SavFormat {
  const code = (packed >>> 16) & 0xff;
  return { type: FORMAT_NAMES[code] ?? `FORMAT${code}`, width: (packed >>> 8) & 0xff, decimals: packed & 0xff };
}

/** Date formats become ISO text; durations (TIME, DTIME) and weekdays/months stay numbers. */
export function valueKindOf(type: 'numeric' | 'string', format: SavFormat): SavValueKind {
  if (type === 'string') return 'string';
  if (DATE_FORMATS.has(format.type)) return 'date';
  if (DATETIME_FORMATS.has(format.type)) return 'datetime';
  return 'number';
}

const SECONDS_PER_DAY = 86400;
/** Days from the SPSS epoch (1582-10-14, the first day of the Gregorian calendar) to 1970-01-01. */
const SPSS_EPOCH_TO_UNIX_DAYS = 141428;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Civil date of a day count since 1970-01-01, as 'YYYY-MM-DD'. */
function civilDate(days: number): string {
  const { year, month, day } = civilOf(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** SPSS date number (seconds since 1582-10-14) as 'YYYY-MM-DD'. */
export function spssDateToIso(seconds: number): string {
  return civilDate(Math.floor(seconds / SECONDS_PER_DAY) - SPSS_EPOCH_TO_UNIX_DAYS);
}

/** SPSS date-time number as 'YYYY-MM-DDTHH:MM:SS' (with milliseconds only when there are any). */
export function spssDateTimeToIso(seconds: number): string {
  const days = Math.floor(seconds / SECONDS_PER_DAY);
  const millisOfDay = Math.round((seconds - days * SECONDS_PER_DAY) * 1000);
  const secondsOfDay = Math.floor(millisOfDay / 1000);
  const millis = millisOfDay % 1000;
  const time = `${pad(Math.floor(secondsOfDay / 3600), 2)}:${pad(Math.floor(secondsOfDay / 60) % 60, 2)}:${pad(secondsOfDay % 60, 2)}`;
  return `${civilDate(days - SPSS_EPOCH_TO_UNIX_DAYS)}T${time}${millis === 0 ? '' : `.${pad(millis, 3)}`}`;
}
