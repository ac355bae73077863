// One household's planted register traits: parent-child links, debts (WSNP), Halt, school careers with special
// education and early school leaving (VSV), with noise outside the window; returns what the ground truth needs.
import { yyyymmdd } from '../common/calendar';
import type { CellValue } from './csv-writer';
import { noiseDebtSpell, plantedDebtSpell } from './debt-restructuring';
import type { ExtractTableId } from './extract-tables';
import { noiseHaltEvent, plantedHaltEvent, type HaltEvent } from './halt-events';
import { householdParents, motherFirstChildAge, writeParentChild, type MothersElsewhere, type TraitHousehold, type TraitPerson } from './parent-child';
import { SOURCE } from './keys';
import type { Random } from './random';
import { leaveSchool, leavingDay, schoolCareer, SPECIAL_EDUCATION, type Enrolment } from './school-careers';
import type { TraitFlags } from './trait-planting';
import {
  ageAtReference,
  birthdayAt,
  endCell,
  EXTRACT_LAST_DAY,
  eventInWindow,
  spellInWindow,
  spellOnReference,
  WINDOW_FIRST_DAY,
  type Spell,
} from './trait-window';
import { REFERENCE_DAY } from './world-plan';

/** The extracts the traits write; a world without traits leaves them out. */
export const TRAIT_TABLES: readonly ExtractTableId[] = ['parentChild', 'debtRestructuring', 'halt', 'schoolEnrolment', 'earlySchoolLeaving'];

/** Noise per person: debts, Halt and early school leaving outside the window, special education that ended. */
const NOISE = { debt: 0.012, halt: 0.02, earlySchoolLeaving: 0.02, formerlySpecial: 0.02 };

export interface TraitOutcome {
  debt4y: boolean;
  halt4y: boolean;
  specialEducation: boolean;
  earlySchoolLeaving4y: boolean;
  /** Eldest child's birth year minus the mother's, when the mother is the reference person or partner. */
  motherFirstChildAge: number | null;
  /** Who could have a trait: a member aged 12-17, 4-17, 16-22 on the reference date. */
  withTeenager: boolean;
  withSchoolChild: boolean;
  withPerson16to22: boolean;
}

export interface TraitContext {
  write(table: ExtractTableId, values: readonly CellValue[]): void;
  /** Age of a mother at her first child (mean, sd), for mothers who are not in the household data. */
  firstBirthAge: readonly [number, number];
  /** Set for the municipality whose children must all have a mother in GBAPERSOON. */
  mothersElsewhere: MothersElsewhere | null;
}

interface PersonTraits {
  debts: Spell[];
  halt: HaltEvent[];
  career: Enrolment[];
  leaving: number[];
}

const ageBetween = (person: TraitPerson, low: number, high: number) => ageAtReference(person.birthDay) >= low && ageAtReference(person.birthDay) <= high;
const pickOne = <T>(random: Random, items: readonly T[]): T => items[random.int(0, items.length - 1)]!;

/**
 * Plants the traits the household was given (see trait-planting.ts) on its members, adds noise outside the window,
 * writes the rows, and reports the traits as the files show them.
 */
export function writeHouseholdTraits(random: Random, household: TraitHousehold, planted: TraitFlags, context: TraitContext): TraitOutcome {
  const { members } = household;
  const parents = householdParents(random, household, context.mothersElsewhere, context.firstBirthAge);
  writeParentChild(context.write, parents);

  const traits = new Map<TraitPerson, PersonTraits>(members.map((m) => [m, { debts: [], halt: [], career: [], leaving: [] }]));
  const of = (person: TraitPerson) => traits.get(person)!;
  const adults = members.filter((m) => m.position !== 'child' && ageAtReference(m.birthDay) >= 18);
  const teenagers = members.filter((m) => ageBetween(m, 12, 17));
  const schoolChildren = members.filter((m) => ageBetween(m, 4, 17));
  const youngAdults = members.filter((m) => ageBetween(m, 16, 22));

  // Debts: one adult in a planted household; noise for anyone of 18 and over.
  if (planted.debt4y && adults.length > 0) {
    const debtor = pickOne(random, adults);
    of(debtor).debts.push(plantedDebtSpell(random, debtor.birthDay));
  }
  for (const member of members) {
    if (!random.chance(NOISE.debt)) continue;
    const spell = noiseDebtSpell(random, member.birthDay);
    if (spell) of(member).debts.push(spell);
  }

  // Halt: one or two events of a teenager; noise in the teenage years outside the window.
  if (planted.halt4y && teenagers.length > 0) {
    const teenager = pickOne(random, teenagers);
    for (let n = random.chance(0.2) ? 2 : 1; n > 0; n--) {
      const event = plantedHaltEvent(random, teenager.birthDay);
      if (event) of(teenager).halt.push(event);
    }
  }
  for (const member of members) {
    if (!ageBetween(member, 12, 23) || !random.chance(NOISE.halt)) continue;
    const event = noiseHaltEvent(random, member.birthDay);
    if (event) of(member).halt.push(event);
  }

  // School careers (4-22), a special child, an early school leaver (another person where the household has one).
  const special = planted.specialEducation && schoolChildren.length > 0 ? pickOne(random, schoolChildren) : null;
  const leaverCandidates = youngAdults.length > 1 ? youngAdults.filter((m) => m !== special) : youngAdults;
  const leaver = planted.earlySchoolLeaving4y && leaverCandidates.length > 0 ? pickOne(random, leaverCandidates) : null;
  for (const member of members) {
    if (!ageBetween(member, 4, 22)) continue;
    const formerlySpecial = member !== special && ageBetween(member, 12, 17) && random.chance(NOISE.formerlySpecial);
    let career = schoolCareer(random, member.birthDay, member === special ? 'special' : formerlySpecial ? 'formerlySpecial' : 'regular');
    if (member === leaver) {
      const day = leavingDay(random, career, Math.max(WINDOW_FIRST_DAY, birthdayAt(member.birthDay, 16)), REFERENCE_DAY);
      of(member).leaving.push(day);
      // A special child who also left keeps the special school they went back to.
      if (member !== special) career = leaveSchool(random, career, day);
    }
    of(member).career = career;
  }
  for (const member of members) {
    if (member === leaver || !ageBetween(member, 16, 24) || !random.chance(NOISE.earlySchoolLeaving)) continue;
    const day = noiseLeavingDay(random, member, of(member).career);
    if (day === null) continue;
    of(member).leaving.push(day);
    // Outside the window: a special child leaves after the reference date, so still counts as in special education.
    // Those over 22 on the reference date have no enrolments in the extract, so nothing to cut.
    if (of(member).career.length > 0) of(member).career = leaveSchool(random, of(member).career, day);
  }

  for (const member of members) writePersonTraits(context, member, of(member));
  const all = [...traits.values()];
  return {
    debt4y: all.some((t) => t.debts.some(spellInWindow)),
    halt4y: all.some((t) => t.halt.some((event) => eventInWindow(event.day))),
    specialEducation: all.some((t) => t.career.some((spell) => SPECIAL_EDUCATION.includes(spell.kind) && spellOnReference(spell))),
    earlySchoolLeaving4y: all.some((t) => t.leaving.some(eventInWindow)),
    motherFirstChildAge: motherFirstChildAge(parents),
    withTeenager: teenagers.length > 0,
    withSchoolChild: schoolChildren.length > 0,
    withPerson16to22: youngAdults.length > 0,
  };
}

/** Leaving school at 16-22 before 2014 or after the reference date; null when neither fits the person's age. */
function noiseLeavingDay(random: Random, member: TraitPerson, career: readonly Enrolment[]): number | null {
  const from = birthdayAt(member.birthDay, 16);
  const to = birthdayAt(member.birthDay, 23) - 1;
  const beforeTo = Math.min(to, WINDOW_FIRST_DAY - 1);
  const afterFrom = Math.max(from, REFERENCE_DAY + 1);
  const afterTo = Math.min(to, EXTRACT_LAST_DAY);
  const before = from <= beforeTo;
  const after = afterFrom <= afterTo;
  if (!before && !after) return null;
  return before && (!after || random.chance(0.5)) ? leavingDay(random, career, from, beforeTo) : leavingDay(random, career, afterFrom, afterTo);
}

function writePersonTraits(context: TraitContext, member: TraitPerson, traits: PersonTraits): void {
  const person = [SOURCE, member.key];
  for (const spell of traits.debts) context.write('debtRestructuring', [...person, yyyymmdd(spell.begin), endCell(spell)]);
  for (const event of [...traits.halt].sort((a, b) => a.day - b.day)) context.write('halt', [...person, yyyymmdd(event.day), event.offence]);
  for (const spell of traits.career) context.write('schoolEnrolment', [...person, yyyymmdd(spell.begin), endCell(spell), spell.kind]);
  for (const day of [...traits.leaving].sort((a, b) => a - b)) context.write('earlySchoolLeaving', [...person, yyyymmdd(day)]);
}
