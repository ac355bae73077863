// HALT: referrals of 12- to 17-year-olds to Halt after an offence, planted in the 4-year window or, as noise, outside it.
import type { Random } from './random';
import { birthdayAt, EXTRACT_LAST_DAY, WINDOW_FIRST_DAY } from './trait-window';
import { REFERENCE_DAY } from './world-plan';

/** HALTDELICT (synthetic codes): 1 vandalism, 2 theft, 3 fireworks, 9 other. */
export const HALT_OFFENCES: readonly (readonly [string, number])[] = [
  ['1', 3],
  ['2', 4],
  ['3', 2],
  ['9', 1],
];

export interface HaltEvent {
  day: number;
  offence: string;
}

function event(random: Random, from: number, to: number): HaltEvent | null {
  return from > to ? null : { day: random.int(from, to), offence: random.pick(HALT_OFFENCES) };
}

/** An event in the window while the person was 12 to 17 (for someone aged 12-17 on the reference date). */
export function plantedHaltEvent(random: Random, birthDay: number): HaltEvent | null {
  return event(random, Math.max(WINDOW_FIRST_DAY, birthdayAt(birthDay, 12)), Math.min(REFERENCE_DAY, birthdayAt(birthDay, 18) - 1));
}

/** An event while 12 to 17 but before 2014 or after the reference date; null when the teenage years miss both. */
export function noiseHaltEvent(random: Random, birthDay: number): HaltEvent | null {
  const from = birthdayAt(birthDay, 12);
  const to = birthdayAt(birthDay, 18) - 1;
  const before = event(random, from, Math.min(to, WINDOW_FIRST_DAY - 1));
  const after = event(random, Math.max(from, REFERENCE_DAY + 1), Math.min(to, EXTRACT_LAST_DAY));
  if (before && after) return random.chance(0.5) ? before : after;
  return before ?? after;
}
