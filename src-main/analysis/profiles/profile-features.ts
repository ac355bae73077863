// The rows of a cluster profile: the seed table's characteristics as features with Dutch labels, some of them
// coarser than the analysis table's (a couple, a single parent, children yes or no, the kind of care).
import { CARE_FEATURE } from '../clustering-service/cluster-features';
import { featureById, type AmountFeature, type CategoricalFeature, type Feature } from '../features';

function categorical(id: string): CategoricalFeature {
  const feature = featureById(id);
  if (feature.kind !== 'category') throw new Error(`${id} is not a feature with categories.`);
  return feature;
}

function amount(id: string): AmountFeature {
  const feature = featureById(id);
  if (feature.kind !== 'amount') throw new Error(`${id} is not an amount.`);
  return feature;
}

/** Household type as the seed table reads it: alone, a couple (with or without children), a single parent. */
export const HOUSEHOLD_COMPOSITION: CategoricalFeature = {
  id: 'household_composition',
  label: 'Samenstelling huishouden',
  group: 'huishouden',
  kind: 'category',
  columns: ['household_type'],
  sql:
    "CASE WHEN household_type = '1' THEN 'alleen' WHEN household_type IN ('2', '3', '4', '5') THEN 'paar' " +
    "WHEN household_type = '6' THEN 'eenouder' WHEN household_type IN ('7', '8') THEN 'overig' END",
  categories: [
    { code: 'alleen', label: 'Alleenstaande' },
    { code: 'paar', label: 'Paar' },
    { code: 'eenouder', label: 'Eenouderhuishouden' },
    { code: 'overig', label: 'Overig huishouden' },
  ],
  residual: ['overig'],
};

export const HAS_CHILDREN: CategoricalFeature = {
  id: 'has_children',
  label: 'Kinderen',
  group: 'kind',
  kind: 'category',
  columns: ['children'],
  sql: "CASE WHEN children IS NULL THEN NULL WHEN children > 0 THEN 'ja' ELSE 'nee' END",
  categories: [
    { code: 'ja', label: 'Met kinderen' },
    { code: 'nee', label: 'Zonder kinderen' },
  ],
};

/** The seed's "youngest < 10": the age of the youngest child in two bands. */
export const YOUNGEST_CHILD: CategoricalFeature = {
  id: 'youngest_child',
  label: 'Jongste kind',
  group: 'kind',
  kind: 'category',
  columns: ['children', 'youngest_child_age'],
  sql: "CASE WHEN children = 0 THEN 'geen' WHEN youngest_child_age IS NULL THEN NULL WHEN youngest_child_age < 10 THEN 'onder-10' ELSE '10-plus' END",
  categories: [
    { code: 'geen', label: 'Geen kinderen' },
    { code: 'onder-10', label: 'Jonger dan 10 jaar' },
    { code: '10-plus', label: '10 jaar of ouder' },
  ],
};

/** The clustering's combined care feature, with labels. */
export const CARE: CategoricalFeature = {
  id: CARE_FEATURE.id,
  label: 'Zorg',
  group: 'zorg',
  kind: 'category',
  columns: ['youth_help', 'youth_protection', 'wmo'],
  sql: CARE_FEATURE.sql,
  categories: [
    { code: 'geen', label: 'Geen jeugdzorg of Wmo' },
    { code: 'jeugd', label: 'Jeugdzorg' },
    { code: 'wmo', label: 'Wmo-ondersteuning' },
    { code: 'beide', label: 'Jeugdzorg en Wmo' },
  ],
};

/** The profile's rows in the seed table's order, then what else describes a cluster. */
export const PROFILE_FEATURES: readonly Feature[] = [
  categorical('benefit_type'),
  categorical('income_source'),
  amount('disposable_income'),
  categorical('education_level'),
  categorical('tenure'),
  HOUSEHOLD_COMPOSITION,
  categorical('household_type'),
  HAS_CHILDREN,
  YOUNGEST_CHILD,
  CARE,
  categorical('reference_age'),
  amount('reference_age_years'),
  categorical('migration_background'),
  amount('size'),
  categorical('client_duration'),
];

export function profileFeatureById(id: string): Feature {
  const feature = PROFILE_FEATURES.find((candidate) => candidate.id === id);
  if (!feature) throw new Error(`Unknown profile feature ${id}`);
  return feature;
}
