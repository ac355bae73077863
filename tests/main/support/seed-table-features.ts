// The seed study's cluster table as clustering features: the fixed set the tests of publication, personas and the
// Clusters page were measured on (the defaults are tested in planted-worlds.test.ts).
export const SEED_TABLE_FEATURE_IDS = [
  'benefit_type',
  'disposable_income',
  'education_level',
  'tenure',
  'household_type',
  'youngest_child_age',
  'reference_age_years',
  'migration_background',
  'children',
  'care',
] as const;

export const SEED_TABLE_FEATURES = SEED_TABLE_FEATURE_IDS.map((id) => ({ id, weight: 1 }));
