// The features of the analysis table as the analyst sees them: Dutch names, value labels (never bare codes),
// and the SQL that derives each from `analysis_households`.
import { z } from 'zod';
import type { AnalysisColumn } from '../linking/analysis-columns';

export interface Category {
  code: string;
  label: string;
}

interface FeatureBase {
  id: string;
  label: string;
  /** The seed study's grouping of features: child, parent and household factors. */
  group: 'huishouden' | 'ouder' | 'kind' | 'inkomen' | 'zorg' | 'klant';
  /**
   * The columns of the analysis table `sql` reads. Features that share a column can nest or overlap (household type
   * and composition; number of children and age of the youngest), so disclosure control protects them together.
   */
  columns: readonly string[];
  /** For a catalogue feature: its own columns of the analysis table (k_<id>), described as analysis-columns.ts does the fixed ones. */
  described?: Readonly<Record<string, AnalysisColumn>>;
}

/** A feature with categories: `sql` yields a category code, NULL for unknown. */
export interface CategoricalFeature extends FeatureBase {
  kind: 'category';
  sql: string;
  categories: readonly Category[];
  /**
   * Small rest categories ("Overig huishouden", "Institutioneel") that publication merges by default, with the unknowns
   * and any code outside `categories`, into one "Overig of onbekend" (a study file's recodes can change this).
   */
  residual?: readonly string[];
}

/** An amount (euros, years, persons): `sql` yields a number, NULL for unknown. */
export interface AmountFeature extends FeatureBase {
  kind: 'amount';
  sql: string;
  unit: 'euro' | 'jaar' | 'personen' | 'dagen';
  /** Income-like amounts are magnitudes: their sums and means must also pass dominance (NK, p%). */
  magnitude: boolean;
}

export type Feature = CategoricalFeature | AmountFeature;

/** The label shown for a missing value in every table. */
export const UNKNOWN_LABEL = 'Onbekend';

const yesNo = (column: string) => `CASE WHEN ${column} THEN 'ja' WHEN NOT ${column} THEN 'nee' END`;
const YES_NO: readonly Category[] = [
  { code: 'ja', label: 'Ja' },
  { code: 'nee', label: 'Nee' },
];

export const FEATURES: readonly Feature[] = [
  {
    id: 'household_type',
    label: 'Type huishouden',
    group: 'huishouden',
    kind: 'category',
    sql: 'household_type',
    columns: ['household_type'],
    residual: ['7', '8'],
    categories: [
      { code: '1', label: 'Eenpersoonshuishouden' },
      { code: '2', label: 'Ongehuwd paar zonder kinderen' },
      { code: '3', label: 'Gehuwd paar zonder kinderen' },
      { code: '4', label: 'Ongehuwd paar met kinderen' },
      { code: '5', label: 'Gehuwd paar met kinderen' },
      { code: '6', label: 'Eenouderhuishouden' },
      { code: '7', label: 'Overig huishouden' },
      { code: '8', label: 'Institutioneel huishouden' },
    ],
  },
  { id: 'size', label: 'Aantal personen', group: 'huishouden', kind: 'amount', sql: 'size', columns: ['size'], unit: 'personen', magnitude: false },
  {
    id: 'children',
    label: 'Kinderen in het huishouden',
    group: 'kind',
    kind: 'category',
    columns: ['children'],
    sql: "CASE WHEN children IS NULL THEN NULL WHEN children = 0 THEN '0' WHEN children = 1 THEN '1' WHEN children = 2 THEN '2' ELSE '3+' END",
    categories: [
      { code: '0', label: 'Geen kinderen' },
      { code: '1', label: '1 kind' },
      { code: '2', label: '2 kinderen' },
      { code: '3+', label: '3 of meer kinderen' },
    ],
  },
  {
    id: 'youngest_child_age',
    label: 'Leeftijd jongste kind',
    group: 'kind',
    kind: 'category',
    columns: ['children', 'youngest_child_age'],
    sql:
      "CASE WHEN children = 0 THEN 'geen' WHEN youngest_child_age IS NULL THEN NULL WHEN youngest_child_age < 4 THEN '0-3' " +
      "WHEN youngest_child_age < 12 THEN '4-11' WHEN youngest_child_age < 18 THEN '12-17' ELSE '18+' END",
    categories: [
      { code: 'geen', label: 'Geen kinderen' },
      { code: '0-3', label: '0 tot 4 jaar' },
      { code: '4-11', label: '4 tot 12 jaar' },
      { code: '12-17', label: '12 tot 18 jaar' },
      { code: '18+', label: '18 jaar of ouder' },
    ],
  },
  {
    id: 'reference_age',
    label: 'Leeftijd referentiepersoon',
    group: 'ouder',
    kind: 'category',
    columns: ['reference_age'],
    sql:
      "CASE WHEN reference_age IS NULL THEN NULL WHEN reference_age < 25 THEN '<25' WHEN reference_age < 45 THEN '25-44' " +
      "WHEN reference_age < 60 THEN '45-59' WHEN reference_age < 75 THEN '60-74' ELSE '75+' END",
    categories: [
      { code: '<25', label: 'Jonger dan 25' },
      { code: '25-44', label: '25 tot 45 jaar' },
      { code: '45-59', label: '45 tot 60 jaar' },
      { code: '60-74', label: '60 tot 75 jaar' },
      { code: '75+', label: '75 jaar of ouder' },
    ],
  },
  {
    id: 'reference_age_years',
    label: 'Leeftijd referentiepersoon (jaren)',
    group: 'ouder',
    kind: 'amount',
    sql: 'reference_age',
    columns: ['reference_age'],
    unit: 'jaar',
    magnitude: false,
  },
  {
    id: 'migration_background',
    label: 'Migratieachtergrond (een van de leden)',
    group: 'ouder',
    kind: 'category',
    sql: yesNo('migration_background'),
    columns: ['migration_background'],
    categories: YES_NO,
  },
  {
    id: 'education_level',
    label: 'Hoogste opleidingsniveau volwassenen',
    group: 'ouder',
    kind: 'category',
    sql: 'education_level',
    columns: ['education_level'],
    categories: [
      { code: 'low', label: 'Laag' },
      { code: 'middle', label: 'Middelbaar' },
      { code: 'high', label: 'Hoog' },
    ],
  },
  {
    id: 'benefit_type',
    label: 'Type uitkering',
    group: 'inkomen',
    kind: 'category',
    sql: 'benefit_type',
    columns: ['benefit_type'],
    residual: ['4'],
    categories: [
      { code: '0', label: 'Geen uitkering' },
      { code: '1', label: 'Werkloosheidsuitkering (WW)' },
      { code: '2', label: 'Arbeidsongeschiktheidsuitkering' },
      { code: '3', label: 'Bijstand' },
      { code: '4', label: 'Overige uitkering' },
    ],
  },
  {
    id: 'income_source',
    label: 'Belangrijkste inkomensbron',
    group: 'inkomen',
    kind: 'category',
    columns: ['income_source'],
    residual: ['23', '26', '30'],
    sql: "CASE WHEN income_source IN ('13', '14') THEN '13' WHEN income_source = '99' THEN NULL ELSE income_source END",
    categories: [
      { code: '11', label: 'Loon' },
      { code: '12', label: 'Directeur-grootaandeelhouder' },
      { code: '13', label: 'Zelfstandige' },
      { code: '21', label: 'Werkloosheidsuitkering' },
      { code: '22', label: 'Bijstand' },
      { code: '23', label: 'Overige sociale uitkering' },
      { code: '24', label: 'Ziekte- of arbeidsongeschiktheidsuitkering' },
      { code: '25', label: 'Pensioen' },
      { code: '26', label: 'Studiefinanciering' },
      { code: '30', label: 'Vermogen' },
    ],
  },
  {
    id: 'disposable_income',
    label: 'Besteedbaar inkomen',
    group: 'inkomen',
    kind: 'amount',
    sql: 'disposable_income',
    columns: ['disposable_income'],
    unit: 'euro',
    magnitude: true,
  },
  {
    id: 'tenure',
    label: 'Woning',
    group: 'huishouden',
    kind: 'category',
    sql: 'tenure',
    columns: ['tenure'],
    residual: ['8'],
    categories: [
      { code: '1', label: 'Koopwoning' },
      { code: '2', label: 'Huur zonder huurtoeslag' },
      { code: '3', label: 'Huur met huurtoeslag' },
      { code: '8', label: 'Institutioneel' },
    ],
  },
  {
    id: 'youth_help',
    label: 'Jeugdhulp (een van de leden)',
    group: 'zorg',
    kind: 'category',
    sql: yesNo('youth_help'),
    columns: ['youth_help'],
    categories: YES_NO,
  },
  {
    id: 'youth_protection',
    label: 'Jeugdbescherming (een van de leden)',
    group: 'zorg',
    kind: 'category',
    sql: yesNo('youth_protection'),
    columns: ['youth_protection'],
    categories: YES_NO,
  },
  { id: 'wmo', label: 'Wmo-ondersteuning (een van de leden)', group: 'zorg', kind: 'category', sql: yesNo('wmo'), columns: ['wmo'], categories: YES_NO },
  {
    id: 'client_duration',
    label: 'Duur klantschap op de peildatum',
    group: 'klant',
    kind: 'category',
    columns: ['client_days'],
    sql: "CASE WHEN client_days IS NULL THEN NULL WHEN client_days < 183 THEN '<6m' WHEN client_days <= 365 THEN '6-12m' ELSE '>12m' END",
    categories: [
      { code: '<6m', label: 'Korter dan een half jaar' },
      { code: '6-12m', label: 'Een half jaar tot een jaar' },
      { code: '>12m', label: 'Langer dan een jaar' },
    ],
  },
];

export const featureIdSchema = z.enum(FEATURES.map((feature) => feature.id) as [string, ...string[]]);

/** The feature with this id; throws for an unknown id (ids come from the contract's enum, so this is a programming error). */
export function featureById(id: string): Feature {
  const feature = FEATURES.find((candidate) => candidate.id === id);
  if (!feature) throw new Error(`Unknown feature ${id}`);
  return feature;
}

/** The label of a category code, "Onbekend" for a missing value. */
export function categoryLabel(feature: CategoricalFeature, code: string | null): string {
  if (code === null) return UNKNOWN_LABEL;
  return feature.categories.find((category) => category.code === code)?.label ?? code;
}
