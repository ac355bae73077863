// What a kind of household looks like: the distributions a household draft is drawn from.
import type { EducationLevel, HouseholdType, IncomeSource, Tenure } from './cbs-codes';
import type { Random } from './random';

export type WeightTable<K extends string | number> = readonly (readonly [K, number])[];

/**
 * Planted register traits, as shares of the households that can have them (see household-traits.ts): debts of any
 * member in the 4-year window; a Halt event of a teenager; a child in special education on the reference date; an early
 * school leaver in the window.
 */
export interface TraitRates {
  /** Of all households. */
  debt4y: number;
  /** Of households with a member aged 12-17. */
  halt4y: number;
  /** Of households with a member aged 4-17. */
  specialEducation: number;
  /** Of households with a member aged 16-22. */
  earlySchoolLeaving4y: number;
}

export interface HouseholdProfile {
  types: WeightTable<HouseholdType>;
  referenceAge(random: Random, type: HouseholdType): number;
  /** Number of children for a type with children (at least 1). */
  childCount(random: Random, type: HouseholdType): number;
  /** Age of the mother (or single parent) at the first birth: mean and spread. */
  firstBirthAge: readonly [mean: number, sd: number];
  /** Upper bound for the youngest child's age, if the profile needs young children. */
  youngestChildMaxAge?: number;
  incomeSource(random: Random, referenceAge: number, type: HouseholdType): IncomeSource;
  /** Disposable household income in euros. */
  disposableIncome(random: Random, source: IncomeSource, adults: number, children: number): number;
  unknownIncomeRate: number;
  educationLevel(random: Random, source: IncomeSource): EducationLevel;
  tenure(random: Random, source: IncomeSource, disposableIncome: number): Tenure;
  /** Probability that the household has a migration background (first or second generation). */
  migrationBackground: number;
  youthHelpPerChild: number;
  /** For clusters defined by care: the probability that at least one child has youth help. */
  youthHelpHousehold?: number;
  youthProtectionPerChild: number;
  /** Probability of WMO support per adult under 65 and per person 65+. */
  wmoPerAdult: number;
  wmoPerElderly: number;
  /** For clusters defined by care: the probability that at least one member has WMO support. */
  wmoHousehold?: number;
  /** Preferred districts (wc2017 codes) with weights; otherwise the municipality's own spread. */
  districts?: WeightTable<string>;
  traits: TraitRates;
}

/** Age of a parent-less adult household by type: young singles and older couples, as in a real population. */
export function typicalReferenceAge(random: Random, type: HouseholdType): number {
  switch (type) {
    case 1:
      return random.chance(0.45) ? random.int(19, 40) : random.int(41, 92);
    case 2:
      return random.chance(0.7) ? random.int(21, 38) : random.int(39, 80);
    case 3:
      return random.int(30, 88);
    case 4:
    case 5:
      return Math.round(Math.min(62, Math.max(24, random.normal(42, 7))));
    case 6:
      return Math.round(Math.min(62, Math.max(21, random.normal(42, 8))));
    case 7:
      return random.int(25, 80);
    case 8:
      return random.int(70, 98);
  }
}

export function typicalChildCount(random: Random, type: HouseholdType): number {
  return type === 6
    ? random.pick([
        [1, 0.55],
        [2, 0.33],
        [3, 0.1],
        [4, 0.02],
      ])
    : random.pick([
        [1, 0.36],
        [2, 0.44],
        [3, 0.15],
        [4, 0.05],
      ]);
}
