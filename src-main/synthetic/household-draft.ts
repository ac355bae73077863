// Draws one household as it is on the reference date, with the dates its history needs (pure: random in, draft out).
import { civilOf } from '../common/calendar';
import {
  COUPLE_TYPES,
  DUTCH_ORIGIN,
  EDUCATION_CODES,
  EDUCATION_UNKNOWN,
  MIGRANT_ORIGINS,
  UNKNOWN_INCOME,
  socioEconomicOf,
  type EducationLevel,
  type HouseholdType,
  type IncomeSource,
  type Tenure,
} from './cbs-codes';
import type { HouseholdProfile } from './household-profile';
import type { Random } from './random';
import { REFERENCE_DAY, YEAR_DAYS } from './world-plan';

export type Position = 'reference' | 'partner' | 'child' | 'other';
export type CareState = 'none' | 'current' | 'past';

export interface MemberDraft {
  sex: 1 | 2;
  birthDay: number;
  generation: 0 | 1 | 2;
  origin: string;
  position: Position;
  /** SOI code, EDUCATION_UNKNOWN ('----'), or null when the person has no row in the education file. */
  education: string | null;
  /** SECM on the reference date (persons of 15 and over), else null. */
  socioEconomic: number | null;
  youthHelp: CareState;
  youthProtection: boolean;
  wmo: CareState;
}

/** What happens after the reference date: the spells that make a naive join count wrong. */
export type LaterEvent = { kind: 'none' } | { kind: 'move'; day: number } | { kind: 'birth'; day: number; sex: 1 | 2 } | { kind: 'split'; day: number };

export interface HouseholdDraft {
  type: HouseholdType;
  /** Members on the reference date: reference person first, then partner, then children (oldest first). */
  members: MemberDraft[];
  /** Start of the composition valid on the reference date (DATUMAANVANGHH). */
  composedSince: number;
  /** When the couple (or the single-parent family) formed; earlier compositions start here. */
  formedOn: number;
  /** A single parent's former partner, who left on composedSince (absent when the parent was never in a couple). */
  formerPartner: MemberDraft | null;
  /** Start of the current address spell. */
  movedIn: number;
  /** Moved into this municipality from another one at movedIn. */
  movedFromElsewhere: boolean;
  incomeSource: IncomeSource;
  /** Euros, or UNKNOWN_INCOME. */
  disposableIncome: number;
  tenure: Tenure;
  later: LaterEvent;
  district: string | null;
}

function birthDayFor(random: Random, age: number): number {
  return REFERENCE_DAY - Math.floor(age * YEAR_DAYS) - random.int(0, 364);
}

export function ageOnReference(member: Pick<MemberDraft, 'birthDay'>): number {
  const birth = civilOf(member.birthDay);
  const reference = civilOf(REFERENCE_DAY);
  return reference.year - birth.year - (reference.month < birth.month || (reference.month === birth.month && reference.day < birth.day) ? 1 : 0);
}

function educationCode(random: Random, level: EducationLevel, age: number): string | null {
  if (age < 15) return null;
  if (random.chance(age >= 70 ? 0.3 : 0.06)) return null;
  if (random.chance(0.07)) return EDUCATION_UNKNOWN;
  return random.pick(EDUCATION_CODES[level]);
}

function studentLevel(random: Random): EducationLevel {
  return random.pick([
    ['low', 0.6],
    ['middle', 0.35],
    ['high', 0.05],
  ]);
}

function partnerSocioEconomic(random: Random, source: IncomeSource, age: number): number {
  if (age >= 67) return 25;
  if (source === 11 || source === 12 || source === 13 || source === 14)
    return random.pick([
      [11, 0.65],
      [13, 0.05],
      [32, 0.3],
    ]);
  if (source === 25)
    return random.pick([
      [25, 0.7],
      [32, 0.3],
    ]);
  return random.pick([
    [32, 0.6],
    [11, 0.3],
    [socioEconomicOf(source), 0.1],
  ]);
}

function youngSocioEconomic(random: Random, age: number): number | null {
  if (age < 15) return null;
  if (age < 18) return 31;
  return random.pick([
    [31, 0.6],
    [11, 0.35],
    [26, 0.05],
  ]);
}

interface Origin {
  generation: 0 | 1 | 2;
  origin: string;
}

function person(random: Random, position: Position, sex: 1 | 2, birthDay: number, origin: Origin): MemberDraft {
  return {
    sex,
    birthDay,
    generation: origin.generation,
    origin: origin.origin,
    position,
    education: null,
    socioEconomic: null,
    youthHelp: 'none',
    youthProtection: false,
    wmo: 'none',
  };
}

/** Child birth days: the first at the mother's first-birth age, then 1.2 to 4 years apart. */
function childBirthDays(random: Random, profile: HouseholdProfile, motherBirth: number, count: number): number[] {
  const [mean, sd] = profile.firstBirthAge;
  let birth = motherBirth + Math.floor(Math.max(16.5, random.normal(mean, sd)) * YEAR_DAYS) + random.int(0, 364);
  const births: number[] = [];
  for (let i = 0; i < count; i++) {
    births.push(birth);
    birth += Math.floor(random.next() * 2.8 * YEAR_DAYS + 1.2 * YEAR_DAYS);
  }
  // Children not yet born on the reference date, or older than 25 (moved out), are not in the household.
  let living = births.filter((day) => day <= REFERENCE_DAY - 30 && REFERENCE_DAY - day < 25 * YEAR_DAYS);
  if (living.length === 0) living = [REFERENCE_DAY - random.int(60, Math.floor(8 * YEAR_DAYS))];
  if (profile.youngestChildMaxAge !== undefined) {
    const youngest = living[living.length - 1]!;
    const latestAllowed = REFERENCE_DAY - Math.floor(profile.youngestChildMaxAge * YEAR_DAYS);
    if (youngest < latestAllowed) {
      const shift = latestAllowed - youngest + random.int(0, Math.floor(profile.youngestChildMaxAge * YEAR_DAYS * 0.8));
      living = living.map((day) => Math.min(REFERENCE_DAY - 30, day + shift));
    }
  }
  return living;
}

function assignCare(random: Random, profile: HouseholdProfile, members: MemberDraft[]): void {
  const children = members.filter((member) => member.position === 'child' && ageOnReference(member) < 23);
  if (profile.youthHelpHousehold !== undefined) {
    if (children.length > 0 && random.chance(profile.youthHelpHousehold)) {
      for (const child of children) if (random.chance(0.5)) child.youthHelp = 'current';
      children[random.int(0, children.length - 1)]!.youthHelp = 'current';
    }
  } else {
    for (const child of children) if (random.chance(profile.youthHelpPerChild)) child.youthHelp = 'current';
  }
  for (const child of children) {
    if (child.youthHelp === 'none' && random.chance(0.03)) child.youthHelp = 'past';
    if (ageOnReference(child) < 18 && random.chance(profile.youthProtectionPerChild)) child.youthProtection = true;
  }
  const adults = members.filter((member) => member.position !== 'child');
  if (profile.wmoHousehold !== undefined) {
    if (random.chance(profile.wmoHousehold)) adults[random.int(0, adults.length - 1)]!.wmo = 'current';
  } else {
    for (const member of members) {
      const rate = ageOnReference(member) >= 65 ? profile.wmoPerElderly : member.position === 'child' ? 0.01 : profile.wmoPerAdult;
      if (random.chance(rate)) member.wmo = 'current';
    }
  }
  for (const adult of adults) if (adult.wmo === 'none' && random.chance(0.02)) adult.wmo = 'past';
}

function laterEvent(random: Random, type: HouseholdType, referenceAge: number): LaterEvent {
  const day = REFERENCE_DAY + random.int(1, 540);
  const roll = random.next();
  if (roll < 0.04) return { kind: 'move', day };
  if ((type === 4 || type === 5) && referenceAge < 42 && roll < 0.08) return { kind: 'birth', day, sex: random.chance(0.5) ? 1 : 2 };
  if (COUPLE_TYPES.includes(type) && roll > 0.98) return { kind: 'split', day };
  return { kind: 'none' };
}

/** Draws one household from a profile. */
export function draftHousehold(random: Random, profile: HouseholdProfile, movedFromElsewhereRate: number): HouseholdDraft {
  const type = random.pick(profile.types);
  const referenceAge = profile.referenceAge(random, type);
  const migrant = random.chance(profile.migrationBackground);
  const referenceOrigin: Origin = migrant
    ? { generation: random.chance(0.55) ? 1 : 2, origin: random.pick(MIGRANT_ORIGINS) }
    : { generation: 0, origin: DUTCH_ORIGIN };
  const childOrigin: Origin = referenceOrigin.generation === 0 ? referenceOrigin : { generation: 2, origin: referenceOrigin.origin };

  const hasPartner = COUPLE_TYPES.includes(type);
  const referenceSex: 1 | 2 = type === 6 ? (random.chance(0.85) ? 2 : 1) : random.chance(hasPartner ? 0.6 : 0.5) ? 1 : 2;
  const reference = person(random, 'reference', referenceSex, birthDayFor(random, referenceAge), referenceOrigin);
  const members: MemberDraft[] = [reference];
  if (hasPartner) {
    const partnerAge = Math.max(18, Math.round(referenceAge + random.normal(referenceSex === 1 ? -2 : 2, 3)));
    const partnerOrigin = migrant && random.chance(0.8) ? referenceOrigin : { generation: 0 as const, origin: DUTCH_ORIGIN };
    members.push(person(random, 'partner', referenceSex === 1 ? 2 : 1, birthDayFor(random, partnerAge), partnerOrigin));
  } else if (type === 7) {
    const others = random.int(1, 2);
    for (let i = 0; i < others; i++)
      members.push(person(random, 'other', random.chance(0.5) ? 1 : 2, birthDayFor(random, random.int(18, 80)), referenceOrigin));
  }

  let childBirths: number[] = [];
  if (type === 4 || type === 5 || type === 6) {
    const mother = members.find((member) => member.sex === 2) ?? reference;
    childBirths = childBirthDays(random, profile, mother.birthDay, profile.childCount(random, type));
    for (const birth of childBirths) members.push(person(random, 'child', random.chance(0.51) ? 1 : 2, birth, childOrigin));
  }

  // Dates of the current composition and its beginnings.
  const adultFrom = Math.max(...members.filter((m) => m.position !== 'child').map((m) => m.birthDay + Math.floor(19 * YEAR_DAYS)));
  const firstBirth = childBirths[0];
  const youngestBirth = childBirths[childBirths.length - 1];
  let formedOn: number;
  let composedSince: number;
  let formerPartner: MemberDraft | null = null;
  if (firstBirth !== undefined && youngestBirth !== undefined) {
    formedOn = Math.max(Math.min(adultFrom, firstBirth), firstBirth - random.int(0, Math.floor(4 * YEAR_DAYS)));
    composedSince = youngestBirth;
    if (type === 6 && random.chance(0.8)) {
      // Separated after the youngest was born; the former partner now lives elsewhere.
      composedSince = random.int(Math.min(youngestBirth + 180, REFERENCE_DAY - 31), REFERENCE_DAY - 30);
      const partnerSex: 1 | 2 = referenceSex === 1 ? 2 : 1;
      formerPartner = person(random, 'partner', partnerSex, reference.birthDay + random.int(-1500, 1500), referenceOrigin);
    }
  } else {
    const earliest = Math.min(REFERENCE_DAY - 30, adultFrom);
    const span = Math.max(0, Math.min(REFERENCE_DAY - 30 - earliest, Math.floor((type === 8 ? 5 : 30) * YEAR_DAYS)));
    formedOn = REFERENCE_DAY - 30 - random.int(0, span);
    composedSince = formedOn;
  }
  const familyWithChildren = type === 4 || type === 5;
  const movedIn = familyWithChildren
    ? random.int(formedOn, REFERENCE_DAY - 30)
    : type === 6 && formerPartner && random.chance(0.5)
      ? random.int(formedOn, composedSince)
      : composedSince;

  // Income, tenure, education, socio-economic position.
  const adults = members.filter((m) => m.position !== 'child').length;
  const children = members.length - adults;
  const incomeSource: IncomeSource = type === 8 ? 25 : profile.incomeSource(random, referenceAge, type);
  const unknownIncome = type === 8 || random.chance(profile.unknownIncomeRate);
  const disposableIncome = unknownIncome ? UNKNOWN_INCOME : profile.disposableIncome(random, incomeSource, adults, children);
  const tenure: Tenure = type === 8 ? 8 : unknownIncome ? 9 : profile.tenure(random, incomeSource, disposableIncome);
  const referenceLevel = profile.educationLevel(random, incomeSource);
  for (const member of members) {
    const age = ageOnReference(member);
    if (member.position === 'child') {
      member.education = educationCode(random, age < 23 ? studentLevel(random) : referenceLevel, age);
      member.socioEconomic = youngSocioEconomic(random, age);
    } else if (member.position === 'reference') {
      member.education = educationCode(random, referenceLevel, age);
      member.socioEconomic = type === 8 ? (age >= 67 ? 25 : 32) : socioEconomicOf(incomeSource);
    } else {
      // Partners often share a level; otherwise they are drawn like the household's profile (clients like clients).
      const level = random.chance(0.6) ? referenceLevel : profile.educationLevel(random, incomeSource);
      member.education = educationCode(random, level, age);
      member.socioEconomic = partnerSocioEconomic(random, incomeSource, age);
    }
  }
  assignCare(random, profile, members);

  return {
    type,
    members,
    composedSince,
    formedOn,
    formerPartner,
    movedIn,
    movedFromElsewhere: random.chance(movedFromElsewhereRate),
    incomeSource,
    disposableIncome,
    tenure,
    later: laterEvent(random, type, referenceAge),
    district: profile.districts ? random.pick(profile.districts) : null,
  };
}
