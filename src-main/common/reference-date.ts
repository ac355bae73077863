// The study's reference moment as a value: YYYYMMDD text that is known to be a real calendar date, parsed once at the
// edge (IPC gate, study file, CLI) and then carried as ReferenceDate to the SQL; one formatter for Dutch display, one
// for SQL, one for the year that picks the region column.
import { z } from 'zod';
import { civilOf, dayOf } from './calendar';

declare const referenceDateBrand: unique symbol;
/** YYYYMMDD of a date that exists (not 31-02-2017), from 1900 on. Make one with referenceDateSchema or parseReferenceDate. */
export type ReferenceDate = string & { readonly [referenceDateBrand]: true };

const FIRST_YEAR = 1900;

/** True for YYYYMMDD text naming a day of the calendar (month 1-12, the day within that month, leap years counted). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{8}$/.test(text)) return false;
  const [year, month, day] = [Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8))];
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const back = civilOf(dayOf(year, month, day));
  return back.year === year && back.month === month && back.day === day;
}

/** A CBS date in YYYYMMDD that exists (open ends such as 20501231 or 99991231 included). */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{8}$/, 'een datum als JJJJMMDD, bijvoorbeeld 20171231')
  .refine(isCalendarDate, 'een bestaande datum (31-02-2017 bestaat bijvoorbeeld niet)');

/** The reference date at every gate: a calendar date from 1900 on, as a ReferenceDate. */
export const referenceDateSchema = calendarDateSchema
  .refine((text) => Number(text.slice(0, 4)) >= FIRST_YEAR, `een peildatum vanaf ${FIRST_YEAR}`)
  .transform((text) => text as ReferenceDate);

/** The text as a ReferenceDate, or null when it is not one. */
export function parseReferenceDate(text: string): ReferenceDate | null {
  const parsed = referenceDateSchema.safeParse(text);
  return parsed.success ? parsed.data : null;
}

/** The text as a ReferenceDate for a date the code itself names (the demo's 20171231); throws when it is none. */
export function referenceDateOf(text: string): ReferenceDate {
  const date = parseReferenceDate(text);
  if (date === null) throw new Error(`Not a reference date: ${JSON.stringify(text)}`);
  return date;
}

/** The calendar year (the region file's gem<year> column is chosen by it). */
export function referenceYear(date: ReferenceDate): number {
  return calendarParts(date).year;
}

/** Year, month and day as numbers (for ages on the reference date). */
export function calendarParts(date: ReferenceDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(4, 6)), day: Number(date.slice(6, 8)) };
}

/** 31-12-2017: the Dutch way of writing the date, for every page, report and log. */
export function dutchDate(date: ReferenceDate): string {
  return `${date.slice(6, 8)}-${date.slice(4, 6)}-${date.slice(0, 4)}`;
}

/** The SQL literal the link compares YYYYMMDD text columns with: '20171231'. The digits are checked once more here,
 * where the value enters SQL text, so a cast can never smuggle a quote in. */
export function sqlDate(date: ReferenceDate): string {
  if (!/^\d{8}$/.test(date)) throw new Error(`Not a reference date: ${JSON.stringify(date)}`);
  return `'${date}'`;
}
