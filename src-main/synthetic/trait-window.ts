// The 4-year window the planted traits count in (20131231 < date <= 20171231), and the spell rules the ground truth uses.
import { civilOf, dayOf, yyyymmdd } from '../common/calendar';
import { REFERENCE_DAY } from './world-plan';

/** First day of the window; its last day is the reference date. */
export const WINDOW_FIRST_DAY = dayOf(2014, 1, 1);
/** The extracts are of 2018: a spell still running at the end of 2018 is written with a blank end date. */
export const EXTRACT_LAST_DAY = dayOf(2018, 12, 31);

/** Begin and end day; a null end is still open (a blank cell). */
export interface Spell {
  begin: number;
  end: number | null;
}

export function eventInWindow(day: number): boolean {
  return day >= WINDOW_FIRST_DAY && day <= REFERENCE_DAY;
}

/** Counts in the window when it begins on or before the reference date and ends on or after 20140101 (or is open). */
export function spellInWindow(spell: Spell): boolean {
  return spell.begin <= REFERENCE_DAY && (spell.end === null || spell.end >= WINDOW_FIRST_DAY);
}

export function spellOnReference(spell: Spell): boolean {
  return spell.begin <= REFERENCE_DAY && (spell.end === null || spell.end >= REFERENCE_DAY);
}

/** A spell as the extract knows it: an end after the extract year is not known yet. */
export function recordedSpell(begin: number, plannedEnd: number): Spell {
  return { begin, end: plannedEnd > EXTRACT_LAST_DAY ? null : plannedEnd };
}

export function endCell(spell: Spell): string {
  return spell.end === null ? '' : yyyymmdd(spell.end);
}

/** The day a person born on `birthDay` turns `years` (29 February counts from 28 February in other years). */
export function birthdayAt(birthDay: number, years: number): number {
  const { year, month, day } = civilOf(birthDay);
  const target = year + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  return dayOf(target, month, month === 2 && day === 29 && !leap ? 28 : day);
}

/** Age on the reference date (31 December): the difference of the years, as GBAGEBOORTEJAAR gives it. */
export function ageAtReference(birthDay: number): number {
  return civilOf(REFERENCE_DAY).year - civilOf(birthDay).year;
}
