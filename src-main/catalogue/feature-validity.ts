// When a row of a feature's table counts: on the household's moment (the reference date, or the start of its client
// period), in the years before it, in the calendar year before, or always. Dates are YYYYMMDD text: against one date
// the condition compares with literals (so DuckDB pushes it into the scan); against each household's own moment it
// compares with that moment's column, after a literal filter on the range of all moments has reduced the file. An end
// that is blank, 0, 99999999 or the study's open end means the spell is still open.
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

/** The day after a date, as YYYYMMDD. */
function dayAfter(date: ReferenceDate): string {
  const day = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)) + 1));
  return `${day.getUTCFullYear()}${String(day.getUTCMonth() + 1).padStart(2, '0')}${String(day.getUTCDate()).padStart(2, '0')}`;
}

/** A moment: one date for every row, or a column holding each row's moment (YYYYMMDD text). */
export type Moment = { date: ReferenceDate } | { column: string };

/** SQL bounds of the window of one moment: rows must lie in [from, to] (or overlap it; `since` where a spell must reach). */
interface Bounds {
  from: string | null;
  to: string;
  since: string;
}

function boundsOf(definition: FeatureDefinition, moment: Moment): Bounds | null {
  const literal = 'date' in moment ? moment.date : null;
  const column = 'column' in moment ? moment.column : null;
  const asDate = `strptime(${column}, '%Y%m%d')`;
  switch (definition.validity) {
    case 'reference': {
      const to = literal !== null ? sqlDate(literal) : (column as string);
      return { from: null, to, since: to };
    }
    case 'window': {
      // After the date `years` before, up to and including the moment: 31-12-2013 < d <= 31-12-2017. DuckDB's year
      // arithmetic keeps 29 February where the year has one and gives 28 February where not, as yearsBefore does.
      const from =
        literal !== null
          ? sqlDate(dayAfter(yearsBefore(literal, definition.years)) as ReferenceDate)
          : `strftime(${asDate} - INTERVAL (${definition.years}) YEAR + INTERVAL 1 DAY, '%Y%m%d')`;
      const to = literal !== null ? sqlDate(literal) : (column as string);
      return { from, to, since: from };
    }
    case 'yearBefore': {
      if (literal !== null) {
        const year = calendarParts(literal).year - 1;
        return { from: `'${year}0101'`, to: `'${year}1231'`, since: `'${year}0101'` };
      }
      const year = `(year(${asDate}) - 1)::VARCHAR`;
      return { from: `${year} || '0101'`, to: `${year} || '1231'`, since: `${year} || '0101'` };
    }
    case 'any':
      return null;
  }
}

function conditionSql(definition: FeatureDefinition, dates: RowDates, bounds: Bounds | null, openEnd: string): string {
  if (bounds === null) return 'true';
  switch (dates.type) {
    case 'none':
      if (definition.validity === 'reference') return 'true';
      throw new UserFacingError(
        `Het kenmerk "${definition.label}" (${definition.id}) telt rijen ` +
          (definition.validity === 'window' ? `in de ${definition.years} jaar voor de peildatum, ` : 'in het jaar voor de peildatum, ') +
          'maar de tabel heeft geen datum; geef source.date of source.begin op, of kies validity "reference" of "any".',
      );
    case 'event':
      // On the moment, an event counts when it happened on or before it.
      return bounds.from === null ? `${dates.date} <= ${bounds.to}` : `${dates.date} >= ${bounds.from} AND ${dates.date} <= ${bounds.to}`;
    case 'spell': {
      const readable = `length(trim(${dates.begin})) = 8`;
      const open = dates.end === undefined ? 'true' : `(${openEndSql(dates.end, openEnd)} OR ${dates.end} >= ${bounds.since})`;
      return `${readable} AND ${dates.begin} <= ${bounds.to} AND ${open}`;
    }
  }
}

/** The condition a row must meet at one moment, as SQL over the row's date expressions (already YYYYMMDD text). */
export function validitySql(definition: FeatureDefinition, dates: RowDates, moment: Moment | ReferenceDate, openEnd: string): string {
  return conditionSql(definition, dates, boundsOf(definition, typeof moment === 'string' ? { date: moment } : moment), openEnd);
}

/** The condition a row must meet to count at some moment from `earliest` up to `latest` (literals: pushed into the scan). */
export function rangeValiditySql(definition: FeatureDefinition, dates: RowDates, earliest: ReferenceDate, latest: ReferenceDate, openEnd: string): string {
  const first = boundsOf(definition, { date: earliest });
  const last = boundsOf(definition, { date: latest });
  const bounds = first && last ? { from: first.from, to: last.to, since: first.since } : null;
  return conditionSql(definition, dates, bounds, openEnd);
}
