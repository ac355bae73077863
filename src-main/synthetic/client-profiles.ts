// The five client clusters of the pilot (seed-study.md), as household profiles with realistic noise:
// each trait takes its modal value with a stated probability, otherwise a value other clusters have; and the rates
// of the planted register traits (debts, Halt, special education, early school leaving) per cluster.
import type { EducationLevel, IncomeSource, Tenure } from './cbs-codes';
import { typicalChildCount, type HouseholdProfile } from './household-profile';
import type { Random } from './random';
import { RESIDENT_TRAITS } from './resident-profile';

export interface ClientCluster {
  id: number;
  name: string;
  size: number;
  profile: HouseholdProfile;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const ageAround = (random: Random, mean: number, sd: number) => Math.round(clamp(random.normal(mean, sd), 20, 85));
const amount = (value: number) => Math.max(6_000, Math.round(value / 10) * 10);

/** Shared by all clusters: food bank clients are poorer, younger parents, rarely owners. */
const clientBase = {
  childCount: typicalChildCount,
  firstBirthAge: [23.5, 3.5] as const,
  unknownIncomeRate: 0.01,
  youthHelpPerChild: 0.12,
  youthProtectionPerChild: 0.03,
  wmoPerAdult: 0.08,
  wmoPerElderly: 0.2,
  /** Where a cluster states no rate it has the residents' one. */
  traits: RESIDENT_TRAITS,
};

const noBenefit: ClientCluster = {
  id: 1,
  name: 'geen uitkering',
  size: 35,
  profile: {
    ...clientBase,
    types: [
      [3, 0.55],
      [2, 0.3],
      [1, 0.1],
      [5, 0.05],
    ],
    referenceAge: (random) => ageAround(random, 50, 7),
    incomeSource: (random) =>
      random.modalOr<IncomeSource>(11, 0.85, [
        [25, 2],
        [13, 1],
      ]),
    disposableIncome: (random) => amount(random.normal(22_000, 2_800)),
    educationLevel: (random) =>
      random.modalOr<EducationLevel>('middle', 0.75, [
        ['low', 1],
        ['high', 1],
      ]),
    tenure: (random) =>
      random.modalOr<Tenure>(1, 0.8, [
        [3, 2],
        [2, 1],
      ]),
    migrationBackground: 0.1,
    youthHelpPerChild: 0.03,
    youthProtectionPerChild: 0,
    wmoPerAdult: 0.03,
    districts: [
      ['078401', 0.75],
      ['078402', 0.2],
      ['078404', 0.05],
    ],
    traits: { ...RESIDENT_TRAITS, debt4y: 0.05 },
  },
};

const unemployment: ClientCluster = {
  id: 2,
  name: 'WW-uitkering',
  size: 38,
  profile: {
    ...clientBase,
    types: [
      [5, 0.55],
      [4, 0.3],
      [6, 0.1],
      [3, 0.05],
    ],
    referenceAge: (random) => ageAround(random, 42, 6),
    incomeSource: (random) =>
      random.modalOr<IncomeSource>(21, 0.8, [
        [11, 3],
        [24, 1],
      ]),
    disposableIncome: (random) => amount(random.normal(18_000, 2_300)),
    educationLevel: (random) =>
      random.modalOr<EducationLevel>('high', 0.7, [
        ['middle', 4],
        ['low', 1],
      ]),
    tenure: (random) =>
      random.pick<Tenure>([
        [1, 0.35],
        [2, 0.2],
        [3, 0.45],
      ]),
    migrationBackground: 0.2,
    youthHelpHousehold: 0.75,
    youthProtectionPerChild: 0.02,
    wmoPerAdult: 0.03,
    traits: { ...RESIDENT_TRAITS, debt4y: 0.05, halt4y: 0.25, specialEducation: 0.15 },
  },
};

const youngSingleParent: ClientCluster = {
  id: 3,
  name: 'jonge alleenstaande ouder in de bijstand',
  size: 26,
  profile: {
    ...clientBase,
    types: [
      [6, 0.88],
      [4, 0.08],
      [1, 0.04],
    ],
    referenceAge: (random) => ageAround(random, 33, 4),
    childCount: (random) =>
      random.pick([
        [1, 0.45],
        [2, 0.4],
        [3, 0.15],
      ]),
    firstBirthAge: [22, 2.5],
    youngestChildMaxAge: 9,
    incomeSource: (random) =>
      random.modalOr<IncomeSource>(22, 0.85, [
        [21, 2],
        [11, 1],
      ]),
    disposableIncome: (random) => amount(random.normal(14_000, 1_400)),
    educationLevel: (random) => random.modalOr<EducationLevel>('low', 0.85, [['middle', 1]]),
    tenure: (random) => random.modalOr<Tenure>(3, 0.93, [[2, 1]]),
    migrationBackground: 0.65,
    youthHelpHousehold: 0.72,
    youthProtectionPerChild: 0.12,
    wmoPerAdult: 0.05,
    traits: { debt4y: 0.35, halt4y: 0.25, specialEducation: 0.3, earlySchoolLeaving4y: 0.2 },
  },
};

const wmoSupport: ClientCluster = {
  id: 4,
  name: 'met Wmo-ondersteuning',
  size: 30,
  profile: {
    ...clientBase,
    types: [
      [5, 0.5],
      [4, 0.3],
      [6, 0.15],
      [3, 0.05],
    ],
    referenceAge: (random) => ageAround(random, 45, 8),
    incomeSource: (random) =>
      random.modalOr<IncomeSource>(24, 0.75, [
        [22, 3],
        [21, 2],
      ]),
    disposableIncome: (random) => amount(random.logNormal(19_000, 0.4)),
    educationLevel: (random) => random.modalOr<EducationLevel>('low', 0.8, [['middle', 1]]),
    tenure: (random) =>
      random.pick<Tenure>([
        [3, 0.8],
        [2, 0.15],
        [1, 0.05],
      ]),
    migrationBackground: 0.25,
    youthHelpPerChild: 0.1,
    wmoHousehold: 0.85,
    traits: { ...RESIDENT_TRAITS, debt4y: 0.15 },
  },
};

const singleOnAssistance: ClientCluster = {
  id: 5,
  name: 'alleenstaande in de bijstand',
  size: 62,
  profile: {
    ...clientBase,
    types: [
      [1, 0.92],
      [2, 0.05],
      [7, 0.03],
    ],
    referenceAge: (random) => ageAround(random, 45, 11),
    incomeSource: (random) =>
      random.modalOr<IncomeSource>(22, 0.85, [
        [24, 2],
        [23, 1],
      ]),
    disposableIncome: (random) => amount(random.normal(14_000, 1_200)),
    educationLevel: (random) => random.modalOr<EducationLevel>('low', 0.8, [['middle', 1]]),
    tenure: (random) => random.modalOr<Tenure>(3, 0.93, [[2, 1]]),
    migrationBackground: 0.3,
    youthHelpPerChild: 0,
    youthProtectionPerChild: 0,
    wmoPerAdult: 0.1,
    traits: { ...RESIDENT_TRAITS, debt4y: 0.35, earlySchoolLeaving4y: 0.2 },
  },
};

export const CLIENT_CLUSTERS: readonly ClientCluster[] = [noBenefit, unemployment, youngSingleParent, wmoSupport, singleOnAssistance];
