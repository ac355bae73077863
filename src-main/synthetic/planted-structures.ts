// Other planted client structures than the pilot's five clusters: worlds with three, four and six client groups that
// differ in other traits (income source, age group, education, household type, migration background, care), so that
// clustering defaults and persona titles are tested on data they were not tuned to. `pilot` is the demo's structure.
import type { EducationLevel, HouseholdType, IncomeSource, Tenure } from './cbs-codes';
import { typicalChildCount, type HouseholdProfile } from './household-profile';
import type { Random } from './random';
import { RESIDENT_TRAITS } from './resident-profile';
import { CLIENT_CLUSTERS, type ClientCluster } from './client-profiles';

export const PLANTED_STRUCTURES = ['pilot', 'three', 'four', 'six'] as const;
export type PlantedStructure = (typeof PLANTED_STRUCTURES)[number];

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const ageAround = (mean: number, sd: number) => (random: Random) => Math.round(clamp(random.normal(mean, sd), 18, 95));
const amountAround = (median: number, sigma: number) => (random: Random) => Math.max(6_000, Math.round(random.logNormal(median, sigma) / 10) * 10);

/** One planted trait: its modal value with `probability`, otherwise one of `rest` (weighted). */
function modal<K extends string | number>(value: K, probability: number, rest: readonly (readonly [K, number])[]) {
  return (random: Random) => random.modalOr<K>(value, probability, rest);
}

interface GroupPlan {
  name: string;
  size: number;
  types: HouseholdProfile['types'];
  age: (random: Random) => number;
  source: (random: Random) => IncomeSource;
  income: (random: Random) => number;
  education: (random: Random) => EducationLevel;
  tenure: (random: Random) => Tenure;
  migration: number;
  youthHelpHousehold?: number;
  wmoHousehold?: number;
  youngestChildMaxAge?: number;
  childCount?: HouseholdProfile['childCount'];
}

/** A group as a household profile: what the plan leaves open is the food bank's typical client. */
function group(id: number, plan: GroupPlan): ClientCluster {
  const profile: HouseholdProfile = {
    types: plan.types,
    referenceAge: (random) => plan.age(random),
    childCount: plan.childCount ?? typicalChildCount,
    firstBirthAge: [25, 3.5],
    ...(plan.youngestChildMaxAge === undefined ? {} : { youngestChildMaxAge: plan.youngestChildMaxAge }),
    incomeSource: (random) => plan.source(random),
    disposableIncome: (random) => plan.income(random),
    unknownIncomeRate: 0.01,
    educationLevel: (random) => plan.education(random),
    tenure: (random) => plan.tenure(random),
    migrationBackground: plan.migration,
    youthHelpPerChild: 0.05,
    ...(plan.youthHelpHousehold === undefined ? {} : { youthHelpHousehold: plan.youthHelpHousehold }),
    youthProtectionPerChild: 0.02,
    wmoPerAdult: 0.04,
    wmoPerElderly: 0.15,
    ...(plan.wmoHousehold === undefined ? {} : { wmoHousehold: plan.wmoHousehold }),
    traits: RESIDENT_TRAITS,
  };
  return { id, name: plan.name, size: plan.size, profile };
}

const only = (type: HouseholdType, share: number, rest: HouseholdProfile['types']): HouseholdProfile['types'] => [[type, share], ...rest];

/** Three groups set apart by benefit, household type and migration background. */
const THREE: readonly ClientCluster[] = [
  group(1, {
    name: 'ouder stel met WW',
    size: 110,
    types: only(3, 0.8, [
      [2, 0.15],
      [1, 0.05],
    ]),
    age: ageAround(59, 4),
    source: modal<IncomeSource>(21, 0.8, [
      [11, 2],
      [25, 1],
    ]),
    income: amountAround(24_000, 0.15),
    education: modal<EducationLevel>('middle', 0.75, [
      ['high', 1],
      ['low', 1],
    ]),
    tenure: modal<Tenure>(1, 0.7, [
      [2, 1],
      [3, 1],
    ]),
    migration: 0.1,
  }),
  group(2, {
    name: 'alleenstaande met arbeidsongeschiktheidsuitkering en Wmo',
    size: 90,
    types: only(1, 0.85, [
      [2, 0.1],
      [7, 0.05],
    ]),
    age: ageAround(52, 7),
    source: modal<IncomeSource>(24, 0.8, [
      [22, 2],
      [23, 1],
    ]),
    income: amountAround(17_000, 0.12),
    education: modal<EducationLevel>('low', 0.75, [['middle', 1]]),
    tenure: modal<Tenure>(3, 0.8, [[2, 1]]),
    migration: 0.15,
    wmoHousehold: 0.7,
  }),
  group(3, {
    name: 'groot gezin met migratieachtergrond in de bijstand',
    size: 120,
    types: only(5, 0.8, [
      [4, 0.15],
      [6, 0.05],
    ]),
    age: ageAround(41, 5),
    childCount: (random) =>
      random.pick([
        [2, 0.2],
        [3, 0.45],
        [4, 0.35],
      ]),
    source: modal<IncomeSource>(22, 0.8, [
      [11, 2],
      [21, 1],
    ]),
    income: amountAround(19_000, 0.12),
    education: modal<EducationLevel>('low', 0.8, [['middle', 1]]),
    tenure: modal<Tenure>(3, 0.85, [[2, 1]]),
    migration: 0.85,
    youthHelpHousehold: 0.45,
  }),
];

/** Four groups whose benefit type is mostly "none": income source, age, education and tenure set them apart. */
const FOUR: readonly ClientCluster[] = [
  group(1, {
    name: 'zelfstandige met gezin en koopwoning',
    size: 90,
    types: only(5, 0.75, [
      [4, 0.2],
      [3, 0.05],
    ]),
    age: ageAround(44, 5),
    source: modal<IncomeSource>(13, 0.8, [
      [11, 2],
      [12, 1],
    ]),
    income: amountAround(21_000, 0.15),
    education: modal<EducationLevel>('high', 0.75, [['middle', 1]]),
    tenure: modal<Tenure>(1, 0.8, [
      [2, 1],
      [3, 1],
    ]),
    migration: 0.15,
  }),
  group(2, {
    name: 'oudere alleenstaande met pensioen en Wmo',
    size: 80,
    types: only(1, 0.85, [
      [3, 0.1],
      [2, 0.05],
    ]),
    age: ageAround(79, 5),
    source: modal<IncomeSource>(25, 0.85, [
      [24, 1],
      [23, 1],
    ]),
    income: amountAround(15_500, 0.1),
    education: modal<EducationLevel>('low', 0.75, [['middle', 1]]),
    tenure: modal<Tenure>(3, 0.8, [[2, 1]]),
    migration: 0.1,
    wmoHousehold: 0.7,
  }),
  group(3, {
    name: 'jongere met studiefinanciering',
    size: 70,
    types: only(1, 0.75, [
      [7, 0.15],
      [2, 0.1],
    ]),
    age: ageAround(22, 2),
    source: modal<IncomeSource>(26, 0.8, [
      [11, 2],
      [22, 1],
    ]),
    income: amountAround(9_500, 0.15),
    education: modal<EducationLevel>('middle', 0.8, [
      ['high', 1],
      ['low', 1],
    ]),
    tenure: modal<Tenure>(2, 0.75, [[3, 1]]),
    migration: 0.45,
  }),
  group(4, {
    name: 'werkende ouders met jeugdhulp',
    size: 100,
    types: only(4, 0.75, [
      [5, 0.2],
      [6, 0.05],
    ]),
    age: ageAround(36, 4),
    youngestChildMaxAge: 12,
    source: modal<IncomeSource>(11, 0.85, [
      [21, 1],
      [22, 1],
    ]),
    income: amountAround(22_000, 0.12),
    education: modal<EducationLevel>('middle', 0.7, [['low', 1]]),
    tenure: modal<Tenure>(3, 0.8, [[2, 1]]),
    migration: 0.5,
    youthHelpHousehold: 0.8,
  }),
];

/** Six groups with more noise and overlap: two share an income source, two a household type. */
const SIX: readonly ClientCluster[] = [
  group(1, {
    name: 'gepensioneerd stel',
    size: 70,
    types: only(3, 0.75, [
      [2, 0.15],
      [1, 0.1],
    ]),
    age: ageAround(72, 4),
    source: modal<IncomeSource>(25, 0.75, [
      [11, 1],
      [24, 1],
    ]),
    income: amountAround(21_000, 0.12),
    education: modal<EducationLevel>('middle', 0.7, [['low', 1]]),
    tenure: modal<Tenure>(1, 0.7, [[3, 1]]),
    migration: 0.1,
  }),
  group(2, {
    name: 'oudere alleenstaande met Wmo',
    size: 60,
    types: only(1, 0.8, [
      [2, 0.1],
      [3, 0.1],
    ]),
    age: ageAround(82, 4),
    source: modal<IncomeSource>(25, 0.75, [
      [24, 1],
      [23, 1],
    ]),
    income: amountAround(14_500, 0.1),
    education: modal<EducationLevel>('low', 0.7, [['middle', 1]]),
    tenure: modal<Tenure>(3, 0.75, [[2, 1]]),
    migration: 0.2,
    wmoHousehold: 0.75,
  }),
  group(3, {
    name: 'jonge alleenstaande ouder met jeugdhulp',
    size: 80,
    types: only(6, 0.8, [
      [4, 0.1],
      [1, 0.1],
    ]),
    age: ageAround(30, 4),
    youngestChildMaxAge: 8,
    source: modal<IncomeSource>(22, 0.75, [
      [11, 1],
      [21, 1],
    ]),
    income: amountAround(14_000, 0.1),
    education: modal<EducationLevel>('low', 0.7, [['middle', 1]]),
    tenure: modal<Tenure>(3, 0.75, [[2, 1]]),
    migration: 0.5,
    youthHelpHousehold: 0.7,
  }),
  group(4, {
    name: 'werkend gezin',
    size: 90,
    types: only(5, 0.75, [
      [4, 0.2],
      [6, 0.05],
    ]),
    age: ageAround(41, 5),
    source: modal<IncomeSource>(11, 0.75, [
      [13, 1],
      [21, 1],
    ]),
    income: amountAround(24_000, 0.12),
    education: modal<EducationLevel>('middle', 0.7, [
      ['high', 1],
      ['low', 1],
    ]),
    tenure: modal<Tenure>(2, 0.6, [
      [3, 1],
      [1, 1],
    ]),
    migration: 0.3,
  }),
  group(5, {
    name: 'zelfstandige alleenstaande',
    size: 60,
    types: only(1, 0.75, [
      [2, 0.2],
      [7, 0.05],
    ]),
    age: ageAround(47, 6),
    source: modal<IncomeSource>(13, 0.75, [
      [11, 1],
      [14, 1],
    ]),
    income: amountAround(18_000, 0.15),
    education: modal<EducationLevel>('high', 0.7, [['middle', 1]]),
    tenure: modal<Tenure>(2, 0.7, [
      [1, 1],
      [3, 1],
    ]),
    migration: 0.25,
  }),
  group(6, {
    name: 'student',
    size: 70,
    types: only(1, 0.7, [
      [7, 0.2],
      [2, 0.1],
    ]),
    age: ageAround(21, 2),
    source: modal<IncomeSource>(26, 0.75, [
      [11, 1],
      [22, 1],
    ]),
    income: amountAround(9_000, 0.15),
    education: modal<EducationLevel>('middle', 0.7, [['high', 1]]),
    tenure: modal<Tenure>(2, 0.7, [[3, 1]]),
    migration: 0.4,
  }),
];

const STRUCTURES: Record<PlantedStructure, readonly ClientCluster[]> = { pilot: CLIENT_CLUSTERS, three: THREE, four: FOUR, six: SIX };

/** The client groups planted in the demo municipality for a structure. */
export function plantedClusters(structure: PlantedStructure = 'pilot'): readonly ClientCluster[] {
  return STRUCTURES[structure];
}
