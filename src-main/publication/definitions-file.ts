// definities.json: what every published figure of an export package means, without its value. The independent auditor
// (`groepsbeeld audit`) rebuilds an attacker's system of equations from this file and the values in the package's CSV files.
import { z } from 'zod';

export const DEFINITIONS_FILE = 'definities.json';
export const DEFINITIONS_FORMAT = 'groepsbeeld-definities';
export const DEFINITIONS_VERSION = 1;

const idSchema = z.string().min(1).max(120);

/**
 * A variable family: features computed from the same columns of the analysis table, so that their categories can
 * nest or overlap (household type and household composition; number of children and age of the youngest child).
 * `atoms` lists every combination of category codes (one code per feature, in `features` order) that the features'
 * definitions allow, derived from the definitions alone (never from the data): the finest cells an attacker must
 * reckon with. Categories of families that share no column are independent given the population totals.
 */
export const familySchema = z.strictObject({
  id: idSchema,
  features: z.array(idSchema).min(1),
  /** Per feature (same order): its categories as published, code and label. */
  categories: z.array(z.array(z.strictObject({ code: idSchema, label: z.string() }))),
  atoms: z.array(z.array(idSchema)).min(1),
});
export type FamilyDefinition = z.infer<typeof familySchema>;

/**
 * The households of the analysis table fall into population atoms (for instance: non-client households, and the
 * client households of each cluster); every published population is a union of atoms. Ids are stable for the same
 * data and the same clustering, so packages of the same data can be audited together.
 */
export const populationsSchema = z.strictObject({
  atoms: z.array(idSchema).min(1),
  sets: z.record(idSchema, z.strictObject({ label: z.string(), atoms: z.array(idSchema).min(1) })),
});

/**
 * Households of `population` whose code on `feature` is one of `codes`; `codes: null` is the population's total, which
 * is the same in every family (its `family` names one of them).
 */
export const countCellSchema = z.strictObject({
  family: idSchema,
  feature: idSchema,
  codes: z.array(idSchema).min(1).nullable(),
  population: idSchema,
});
export type CountCellDefinition = z.infer<typeof countCellSchema>;

/** A record-level family (the link report): named counts with the relations between them. */
export const recordFamilySchema = z.strictObject({
  id: idSchema,
  cells: z.array(z.strictObject({ id: idSchema, label: z.string() })),
  relations: z.array(
    z.discriminatedUnion('kind', [
      /** total = the sum of parts. */
      z.strictObject({ kind: z.literal('sum'), total: idSchema, parts: z.array(idSchema).min(1) }),
      /** part <= whole (a subset, or distinct persons among rows). */
      z.strictObject({ kind: z.literal('atMost'), part: idSchema, whole: idSchema }),
    ]),
  ),
});

const shareSchema = z.strictObject({ kind: z.literal('share'), numerator: countCellSchema, denominator: countCellSchema });
/** A share printed only as "`floor` % of meer": numerator >= floor / 100 x denominator, nothing exact. */
const shareAtLeastSchema = z.strictObject({
  kind: z.literal('shareAtLeast'),
  numerator: countCellSchema,
  denominator: countCellSchema,
  floor: z.number().min(0).max(100),
});

/**
 * What one printed number is. Counts are linear in the atoms; a share (percent, its precision in `precision`) bounds
 * its numerator linearly; the other kinds are non-linear in the counts and are published only where every count they
 * are computed from is itself published exactly (`inputs`), so the auditor checks that those inputs are pinned.
 */
export const figureSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('count'), cell: countCellSchema }),
  shareSchema,
  shareAtLeastSchema,
  z.strictObject({ kind: z.literal('difference'), minuend: shareSchema, subtrahend: shareSchema }),
  z.strictObject({ kind: z.literal('record'), family: idSchema, cell: idSchema }),
  z.strictObject({
    kind: z.enum(['residual', 'chiSquare', 'vTest', 'pValue']),
    /** The counts the statistic is computed from. */
    inputs: z.array(countCellSchema).min(1),
  }),
  z.strictObject({
    kind: z.literal('amount'),
    feature: idSchema,
    statistic: z.enum(['mean', 'median', 'quartile1', 'quartile3', 'vTest', 'pValue']),
    population: idSchema,
    /** The households with a known value it is computed over (a published count). */
    units: countCellSchema,
  }),
  /** A model statistic (silhouette, Jaccard) that is not a function of cell counts. */
  z.strictObject({ kind: z.literal('model'), name: idSchema }),
]);
export type FigureDefinition = z.infer<typeof figureSchema>;

/** Where a figure is printed: a CSV data row (0-based, after the header row) and value column (0-based, after the label column). */
export const placedFigureSchema = z.strictObject({ row: z.number().int().nonnegative(), column: z.number().int().nonnegative(), figure: figureSchema });

export const outputDefinitionSchema = z.strictObject({
  id: idSchema,
  /** The CSV file of the output, whose cells the figures are. */
  csv: z.string().min(1),
  cells: z.array(placedFigureSchema),
  /** Figures printed in the output's notes (a chi-square test, for instance), with no cell of their own. */
  notes: z.array(figureSchema),
});

export const definitionsSchema = z.strictObject({
  format: z.literal(DEFINITIONS_FORMAT),
  version: z.literal(DEFINITIONS_VERSION),
  /** SHA-256 of the analysis table's recipe and content: packages with the same digest describe the same households. */
  dataDigest: z.string().regex(/^[0-9a-f]{64}$/),
  rules: z.strictObject({ threshold: z.number().int().positive(), protectionLevel: z.number().int().positive() }),
  /** How counts are printed: exact (secondary suppression) or rounded to a base (then each count is known to within half the base). */
  counts: z.discriminatedUnion('method', [
    z.strictObject({ method: z.literal('exact') }),
    z.strictObject({ method: z.literal('rounded'), base: z.number().int().positive() }),
  ]),
  /** Decimals of a printed share (percent). */
  shareDecimals: z.number().int().nonnegative(),
  families: z.array(familySchema),
  populations: populationsSchema,
  recordFamilies: z.array(recordFamilySchema),
  outputs: z.array(outputDefinitionSchema),
});
export type PackageDefinitions = z.infer<typeof definitionsSchema>;
