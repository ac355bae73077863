// When a row of a feature's table counts: on the reference date, in the years before it, in the calendar year before,
// or always. Dates are YYYYMMDD text (compared as text, so DuckDB can push the filter into the scan); an end that is
// blank, 0, 99999999 or the study's open end means the spell is still open.
import { UserFacingError } from '../common/errors';
import { calendarParts, isCalendarDate, sqlDate, type ReferenceDate } from '../common/reference-date';
import type { FeatureDefinition } from './feature-definition-shapes';
import type { RowDates } from './feature-columns';

/** The date `years` before the reference date (29 February becomes 28 February when that year has none). */
export function yearsBefore(ref: ReferenceDate, years: number): ReferenceDate {
  const { year } = calendarParts(ref);
  const text = `${year - years}${ref.slice(4)}`;
  return (isCalendarDate(text) ? text : `${year - years}0228`) as ReferenceDate;
}

/** True (as SQL) when the end text means "still open". */
export function openEndSql(end: string, openEnd: string): string {
  if (!/^\d{8}$/.test(openEnd)) throw new Error(`Not an open end date: ${JSON.stringify(openEnd)}`);
  return `(${end} IS NULL OR trim(${end}) IN ('', '0', '00000000', '99999999') OR ${end} = '${openEnd}')`;
}

/** The window [from, to] (inclusive, YYYYMMDD) in which a row must lie or overlap; null for "always". */
function windowOf(definition: FeatureDefinition, ref: ReferenceDate): { from: string | null; to: string } | null {
  switch (definition.validity) {
    case 'reference':
      return { from: null, to: ref };
    case 'window': {
      // After the date `years` before, up to and including the reference date: 31-12-2013 < d <= 31-12-2017.
      const before = yearsBefore(ref, definition.years);
      const day = new Date(Date.UTC(Number(before.slice(0, 4)), Number(before.slice(4, 6)) - 1, Number(before.slice(6, 8)) + 1));
      const from = `${day.getUTCFullYear()}${String(day.getUTCMonth() + 1).padStart(2, '0')}${String(day.getUTCDate()).padStart(2, '0')}`;
      return { from, to: ref };
    }
    case 'yearBefore': {
      const year = calendarParts(ref).year - 1;
      return { from: `${year}0101`, to: `${year}1231` };
    }
    case 'any':
      return null;
  }
}

/** The condition a row must meet, as SQL over the row's date expressions (already YYYYMMDD text). */
export function validitySql(definition: FeatureDefinition, dates: RowDates, ref: ReferenceDate, openEnd: string): string {
  const window = windowOf(definition, ref);
  if (window === null) return 'true';
  const to = sqlDate(window.to as ReferenceDate);
  const from = window.from === null ? null : sqlDate(window.from as ReferenceDate);
  switch (dates.type) {
    case 'none':
      if (definition.validity === 'reference') return 'true';
      throw new UserFacingError(
        `Het kenmerk "${definition.label}" (${definition.id}) telt rijen ` +
          (definition.validity === 'window' ? `in de ${definition.years} jaar voor de peildatum, ` : 'in het jaar voor de peildatum, ') +
          'maar de tabel heeft geen datum; geef source.date of source.begin op, of kies validity "reference" of "any".',
      );
    case 'event':
      // On the reference date, an event counts when it happened on or before it.
      return from === null ? `${dates.date} <= ${to}` : `${dates.date} >= ${from} AND ${dates.date} <= ${to}`;
    case 'spell': {
      const readable = `length(trim(${dates.begin})) = 8`;
      const since = from ?? to;
      const open = dates.end === undefined ? 'true' : `(${openEndSql(dates.end, openEnd)} OR ${dates.end} >= ${since})`;
      return `${readable} AND ${dates.begin} <= ${to} AND ${open}`;
    }
  }
}
