// WSNP: statutory debt restructuring, about three years (some end early); planted in the 4-year window or, as noise,
// wholly outside it (ended before 2014, or begun after the reference date).
import { dayOf } from '../common/calendar';
import type { Random } from './random';
import { birthdayAt, EXTRACT_LAST_DAY, recordedSpell, WINDOW_FIRST_DAY, type Spell } from './trait-window';
import { REFERENCE_DAY } from './world-plan';

const PLANTED_FROM = dayOf(2011, 7, 1);
const NOISE_FROM = dayOf(2004, 1, 1);

/** Days a WSNP runs: three years as the law plans, or broken off after a few months to two and a half years. */
function duration(random: Random): number {
  return random.chance(0.8) ? random.int(1_070, 1_120) : random.int(150, 900);
}

/** A spell that overlaps the window: begun by the reference date, not ended before 2014 (ongoing ones have a blank end). */
export function plantedDebtSpell(random: Random, birthDay: number): Spell {
  const begin = random.int(Math.max(PLANTED_FROM, birthdayAt(birthDay, 18)), REFERENCE_DAY - 14);
  let end = begin + duration(random);
  if (end < WINDOW_FIRST_DAY) end = WINDOW_FIRST_DAY + random.int(0, 400);
  return recordedSpell(begin, end);
}

/** A spell outside the window: ended in 2013 or before, or begun in 2018 (then still open); null for the too young. */
export function noiseDebtSpell(random: Random, birthDay: number): Spell | null {
  const adult = birthdayAt(birthDay, 18);
  const latestEarlyEnd = WINDOW_FIRST_DAY - 1;
  if (adult + 400 < latestEarlyEnd && random.chance(0.6)) {
    const end = random.int(Math.max(NOISE_FROM, adult + 400), latestEarlyEnd);
    return { begin: Math.max(adult, end - duration(random)), end };
  }
  if (adult > EXTRACT_LAST_DAY) return null;
  const begin = random.int(Math.max(REFERENCE_DAY + 1, adult), EXTRACT_LAST_DAY);
  return recordedSpell(begin, begin + duration(random));
}
