// ONDERWIJSINSCHR: a school career from the fourth birthday (primary, secondary, then mbo or higher education), with
// special education (SBAO, SO, VSO) for some, and the cut an early school leaver makes in it.
import { civilOf, dayOf } from '../common/calendar';
import type { Random } from './random';
import { birthdayAt, EXTRACT_LAST_DAY, recordedSpell, type Spell } from './trait-window';
import { REFERENCE_DAY } from './world-plan';

/** ONDSOORT: primary, special primary, special (primary age), secondary special, secondary, mbo, higher education. */
export type SchoolKind = 'BAO' | 'SBAO' | 'SO' | 'VSO' | 'VO' | 'MBO' | 'HO';
export const SPECIAL_EDUCATION: readonly SchoolKind[] = ['SBAO', 'SO', 'VSO'];

export interface Enrolment extends Spell {
  kind: SchoolKind;
}

/** regular; special: in SBAO, SO or VSO on the reference date; formerlySpecial: in SBAO before secondary school only. */
export type CareerPlan = 'regular' | 'special' | 'formerlySpecial';

const schoolYearStart = (year: number) => dayOf(year, 8, 1);
const schoolYearEnd = (year: number) => dayOf(year, 7, 31);

interface Planned {
  kind: SchoolKind;
  begin: number;
  end: number;
}

/** Primary school from the fourth birthday to the summer of the twelfth year, partly special for some. */
function primary(random: Random, birthDay: number, plan: CareerPlan): Planned[] {
  const begin = birthdayAt(birthDay, 4);
  const end = schoolYearEnd(civilOf(birthDay).year + 12);
  if (plan === 'regular') return [{ kind: 'BAO', begin, end }];
  const special: SchoolKind = plan === 'special' && random.chance(0.3) ? 'SO' : 'SBAO';
  // The switch to special education comes after a year or more of ordinary school (or at once, for the youngest in SO).
  const latest = plan === 'special' ? REFERENCE_DAY - 30 : end - 200;
  const earliest = begin + 365;
  if (earliest > latest) return [{ kind: special, begin, end }];
  const switchDay = random.int(earliest, latest);
  return [
    { kind: 'BAO', begin, end: switchDay - 1 },
    { kind: special, begin: switchDay, end },
  ];
}

/** Secondary school (vmbo 4, havo 5, vwo 6 years, or VSO to 18-20), then mbo or higher education for most. */
function afterPrimary(random: Random, birthDay: number, special: boolean): Planned[] {
  const first = civilOf(birthDay).year + 12;
  if (special) return [{ kind: 'VSO', begin: schoolYearStart(first), end: schoolYearEnd(first + random.int(6, 8)) }];
  const years = random.pick([
    [4, 0.5],
    [5, 0.3],
    [6, 0.2],
  ]);
  const secondary: Planned = { kind: 'VO', begin: schoolYearStart(first), end: schoolYearEnd(first + years) };
  const next = schoolYearStart(first + years);
  const roll = random.next();
  if (years === 4) return roll < 0.95 ? [secondary, { kind: 'MBO', begin: next, end: schoolYearEnd(first + years + random.int(2, 4)) }] : [secondary];
  if (roll < 0.8) return [secondary, { kind: 'HO', begin: next, end: schoolYearEnd(first + years + random.int(3, 5)) }];
  return roll < 0.95 ? [secondary, { kind: 'MBO', begin: next, end: schoolYearEnd(first + years + random.int(2, 4)) }] : [secondary];
}

/**
 * The enrolments of a person aged 4-22 on the reference date, as the 2018 extract knows them: spells begun by the end
 * of 2018, the running ones with a blank end. A special child is in SBAO or SO (primary age) or VSO on the reference date.
 */
export function schoolCareer(random: Random, birthDay: number, plan: CareerPlan): Enrolment[] {
  const inSecondary = REFERENCE_DAY >= schoolYearStart(civilOf(birthDay).year + 12);
  const planned = [
    ...primary(random, birthDay, plan === 'special' && inSecondary ? 'regular' : plan),
    ...afterPrimary(random, birthDay, plan === 'special' && inSecondary),
  ];
  return planned.filter((spell) => spell.begin <= EXTRACT_LAST_DAY).map((spell) => ({ kind: spell.kind, ...recordedSpell(spell.begin, spell.end) }));
}

/** Days in [from, to] on which the person was in secondary school or mbo (where early school leaving happens). */
function leavableDays(career: readonly Enrolment[], from: number, to: number): [number, number][] {
  return career
    .filter((spell) => spell.kind === 'VO' || spell.kind === 'MBO' || spell.kind === 'VSO')
    .map((spell): [number, number] => [Math.max(from, spell.begin + 30), Math.min(to, spell.end ?? EXTRACT_LAST_DAY)])
    .filter(([a, b]) => a <= b);
}

/** A leaving day in [from, to], while enrolled in secondary school or mbo when the career allows it. */
export function leavingDay(random: Random, career: readonly Enrolment[], from: number, to: number): number {
  const ranges = leavableDays(career, from, to);
  if (ranges.length === 0) return random.int(from, to);
  const [a, b] = ranges[random.int(0, ranges.length - 1)]!;
  return random.int(a, b);
}

/** The career of someone who left school without a qualification on `day`: nothing after it, a third enrol again later. */
export function leaveSchool(random: Random, career: readonly Enrolment[], day: number): Enrolment[] {
  const kept = career.filter((spell) => spell.begin < day).map((spell) => (spell.end === null || spell.end >= day ? { ...spell, end: day - 1 } : spell));
  const again = day + random.int(90, 500);
  if (random.chance(0.3) && again <= EXTRACT_LAST_DAY) kept.push({ kind: 'MBO', ...recordedSpell(again, again + random.int(300, 900)) });
  return kept;
}
