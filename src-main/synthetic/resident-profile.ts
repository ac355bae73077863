// The profile of an ordinary household, shifted by how urban its municipality is.
import type { EducationLevel, IncomeSource, Tenure } from './cbs-codes';
import { typicalChildCount, typicalReferenceAge, type HouseholdProfile, type TraitRates } from './household-profile';
import type { Random } from './random';

function workingAgeSource(random: Random): IncomeSource {
  return random.pick<IncomeSource>([
    [11, 0.77],
    [12, 0.02],
    [13, 0.05],
    [14, 0.02],
    [21, 0.02],
    [22, 0.04],
    [23, 0.01],
    [24, 0.045],
    [26, 0.01],
    [30, 0.005],
  ]);
}

const INCOME_MEDIAN: Partial<Record<IncomeSource, number>> = {
  11: 30_000,
  12: 52_000,
  13: 33_000,
  14: 27_000,
  21: 19_000,
  22: 14_500,
  23: 16_000,
  24: 19_500,
  25: 24_000,
  26: 11_000,
  30: 40_000,
};

/** Rough household scale: a second adult adds 55 %, each child 20 % (wages and pensions only). */
function householdFactor(source: IncomeSource, adults: number, children: number): number {
  const earning = source === 11 || source === 12 || source === 13 || source === 14 || source === 25 || source === 30;
  if (earning) return 1 + 0.55 * (adults - 1) + 0.08 * children;
  return 1 + 0.35 * (adults - 1) + 0.12 * children;
}

export function residentIncome(random: Random, source: IncomeSource, adults: number, children: number): number {
  const median = (INCOME_MEDIAN[source] ?? 25_000) * householdFactor(source, adults, children);
  const spread = source === 22 || source === 21 || source === 24 ? 0.15 : 0.35;
  return Math.max(2_000, Math.round(random.logNormal(median, spread) / 10) * 10);
}

function residentEducation(random: Random, source: IncomeSource): EducationLevel {
  if (source === 22 || source === 24)
    return random.pick([
      ['low', 0.62],
      ['middle', 0.3],
      ['high', 0.08],
    ]);
  if (source === 25)
    return random.pick([
      ['low', 0.45],
      ['middle', 0.33],
      ['high', 0.22],
    ]);
  return random.pick([
    ['low', 0.22],
    ['middle', 0.42],
    ['high', 0.36],
  ]);
}

function residentTenure(random: Random, source: IncomeSource, income: number, urbanity: number): Tenure {
  const benefit = source === 21 || source === 22 || source === 23 || source === 24;
  if (benefit)
    return random.pick([
      [1, 0.14],
      [2, 0.3],
      [3, 0.56],
    ]);
  const ownerBase = income < 25_000 ? 0.42 : income < 40_000 ? 0.66 : 0.86;
  const owner = Math.max(0.1, ownerBase - 0.25 * urbanity);
  const allowance = income < 25_000 ? 0.3 : income < 32_000 ? 0.08 : 0.01;
  return random.pick([
    [1, owner],
    [3, allowance * (1 - owner)],
    [2, (1 - allowance) * (1 - owner)],
    [9, 0.008],
  ]);
}

/** Ordinary households: rarely debts (WSNP), Halt, special education or early school leaving. */
export const RESIDENT_TRAITS: TraitRates = { debt4y: 0.01, halt4y: 0.03, specialEducation: 0.04, earlySchoolLeaving4y: 0.02 };

export function residentProfile(urbanity: number): HouseholdProfile {
  return {
    types: [
      [1, 0.25 + 0.16 * urbanity],
      [2, 0.075],
      [3, 0.2 - 0.04 * urbanity],
      [4, 0.07],
      [5, 0.29 - 0.1 * urbanity],
      [6, 0.075 + 0.01 * urbanity],
      [7, 0.015],
      [8, 0.01],
    ],
    referenceAge: typicalReferenceAge,
    childCount: typicalChildCount,
    firstBirthAge: [29.5, 4],
    incomeSource: (random, age) =>
      age >= 67
        ? random.pick([
            [25, 0.92],
            [11, 0.05],
            [30, 0.03],
          ])
        : workingAgeSource(random),
    disposableIncome: residentIncome,
    unknownIncomeRate: 0.015,
    educationLevel: residentEducation,
    tenure: (random, source, income) => residentTenure(random, source, income, urbanity),
    migrationBackground: 0.16 + 0.25 * urbanity,
    youthHelpPerChild: 0.09,
    youthProtectionPerChild: 0.011,
    wmoPerAdult: 0.03,
    wmoPerElderly: 0.14,
    traits: RESIDENT_TRAITS,
  };
}
