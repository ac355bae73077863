// A feature of the catalogue as data: where its values come from (a table kind or an opened file, the column or role,
// the dates), for which unit and at which moment they count, how members roll up to the household, and how the result
// is coded. The built-in catalogue, the study file's `features` section and the app's feature screen share this shape.
import { z } from 'zod';

export const FEATURE_GROUPS = ['huishouden', 'ouder', 'kind', 'inkomen', 'zorg', 'klant'] as const;

/** The table kinds a feature can read (the loader's recognised tables); `file` names any other opened table. */
export const FEATURE_SOURCE_KINDS = [
  'persons',
  'households',
  'addressRegions',
  'householdIncome',
  'socioEconomic',
  'education',
  'youthHelp',
  'youthProtection',
  'wmo',
  'parentChild',
  'debtRestructuring',
  'halt',
  'schoolEnrolment',
  'earlySchoolLeaving',
] as const;
export type FeatureSourceKind = (typeof FEATURE_SOURCE_KINDS)[number];

const name = z.string().trim().min(1).max(80);
const code = z.string().min(1).max(16);

export const featureSourceSchema = z
  .strictObject({
    kind: z.enum(FEATURE_SOURCE_KINDS).optional(),
    /** The base name of an opened file (e.g. "SCHULDHULP2017"), for a table the loader does not recognise. */
    file: z.string().trim().min(1).max(120).optional(),
    /** A derived view of the table instead of its rows: the age of a mother at the birth of her first child. */
    view: z.enum(['ageAtFirstChild']).optional(),
    /** The column (or role) holding the value; absent for a flag that only asks whether a valid row exists. */
    value: name.optional(),
    /** An event's date (one day); for spells, `begin` and `end`. Each defaults to the table's own role. */
    date: name.optional(),
    begin: name.optional(),
    end: name.optional(),
    /** Only rows whose column holds one of these codes. */
    where: z.strictObject({ column: name, in: z.array(code).min(1).max(100) }).optional(),
  })
  .refine((source) => (source.kind === undefined) !== (source.file === undefined), { message: 'geef precies een van kind of file' })
  .refine((source) => source.view === undefined || source.kind === 'parentChild', { message: 'de view ageAtFirstChild leest parentChild' });
export type FeatureSource = z.infer<typeof featureSourceSchema>;

export const featureCodingSchema = z.discriminatedUnion('type', [
  /** Ja/nee: whether the household has a valid row (or the rolled-up value is true). */
  z.strictObject({ type: z.literal('flag') }),
  /** Codes with labels; `residual` codes are merged with the unknowns into "Overig of onbekend" by default. */
  z.strictObject({
    type: z.literal('codes'),
    codes: z
      .array(z.strictObject({ code, label: name, labelEn: name.optional() }))
      .min(1)
      .max(60),
    residual: z.array(code).max(60).optional(),
    /**
     * For a region code (source kind addressRegions): every code the region file holds for the municipality's address
     * objects joins the list, labelled by its code. That is geography, not persons: no code betrays a household.
     */
    addMunicipalityCodes: z.boolean().optional(),
  }),
  /** A number in bins: each bin holds the values up to and including `upTo`; the last bin has no `upTo`. */
  z.strictObject({
    type: z.literal('bins'),
    bins: z
      .array(z.strictObject({ code, label: name, labelEn: name.optional(), upTo: z.number().finite().optional() }))
      .min(2)
      .max(20),
  }),
  /** A number shown as a distribution (mean, median); magnitudes (incomes) also pass dominance rules. */
  z.strictObject({ type: z.literal('amount'), unit: z.enum(['euro', 'jaar', 'personen', 'dagen']), magnitude: z.boolean().default(false) }),
]);
export type FeatureCoding = z.infer<typeof featureCodingSchema>;

export const featureDefinitionSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'kleine letters, cijfers en _, beginnend met een letter')
      .max(40),
    label: z.string().trim().min(1).max(120),
    labelEn: z.string().trim().min(1).max(120).optional(),
    group: z.enum(FEATURE_GROUPS),
    source: featureSourceSchema,
    /** Whose row it is: a person, the main breadwinner of an income household, the household's address, the household. */
    unit: z.enum(['person', 'breadwinner', 'address', 'household']).default('person'),
    /** When a row counts: on the reference date, any time in the `years` before it, in the calendar year before, always. */
    validity: z.enum(['reference', 'window', 'yearBefore', 'any']).default('reference'),
    years: z.number().int().min(1).max(20).default(4),
    /** Which members of the household count. */
    members: z.enum(['all', 'referencePerson', 'adults', 'children']).default('all'),
    /** How the members' values become the household's: any (ja/nee), count, share, max, min, sum, or the value itself. */
    rollUp: z.enum(['any', 'count', 'share', 'max', 'min', 'sum', 'value']).default('any'),
    coding: featureCodingSchema,
  })
  .refine(
    (definition) => definition.source.value !== undefined || definition.source.view !== undefined || ['any', 'count', 'share'].includes(definition.rollUp),
    {
      message: 'zonder source.value kan een kenmerk alleen tellen of er een regel is (rollUp any, count of share)',
    },
  )
  .refine((definition) => definition.coding.type !== 'flag' || definition.rollUp === 'any', { message: 'een ja/nee-kenmerk heeft rollUp any' })
  .refine((definition) => definition.coding.type === 'flag' || definition.rollUp !== 'any', {
    message: 'rollUp any geeft ja/nee: gebruik coding flag',
  });
export type FeatureDefinition = z.infer<typeof featureDefinitionSchema>;
/** A definition as written (defaults not yet applied). */
export type FeatureDefinitionInput = z.input<typeof featureDefinitionSchema>;

/** What a definition reads from, in the analyst's words ("socioEconomic", "SCHULDHULP2017"). */
export function sourceName(definition: Pick<FeatureDefinition, 'source'>): string {
  return definition.source.kind ?? definition.source.file ?? '?';
}

/** The column behind a name a definition uses: the role of that name, else the column spelled so (case-insensitive). */
export function columnByName(roles: Readonly<Partial<Record<string, string>>>, columns: readonly string[], name: string): string | undefined {
  const mapped = Object.hasOwn(roles, name) ? roles[name] : undefined;
  if (mapped !== undefined) return mapped;
  const lower = name.toLowerCase();
  return columns.find((column) => column.toLowerCase() === lower);
}
