// The study file: a versioned JSON recipe (inputs and their roles, reference date, municipality); never microdata.
import { readFile, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { municipalityCodeSchema } from '../common/municipality-code';
import { calendarDateSchema, referenceDateSchema } from '../common/reference-date';
import { roleMapSchema, type TableKind } from '../engine/column-roles';
import { UserFacingError } from '../common/errors';
import { recodesSchema } from '../publication/published-feature';
import { featureDefinitionSchema } from '../catalogue/feature-definition-shapes';
import { referenceMomentSchema } from './reference-moment';

/** Kinds read only by the feature catalogue (catalogue/), never needed to link: any role of theirs may be mapped. */
export const FEATURE_ONLY_KINDS = ['socioEconomic', 'parentChild', 'debtRestructuring', 'halt', 'schoolEnrolment', 'earlySchoolLeaving', 'unknown'] as const;

export const INPUT_KINDS = [
  'persons',
  'households',
  'addresses',
  'addressRegions',
  'householdIncome',
  'incomeLink',
  'education',
  'youthHelp',
  'youthProtection',
  'wmo',
  'clients',
  ...FEATURE_ONLY_KINDS,
] as const satisfies readonly TableKind[];
/** The table kinds a study reads: those linking needs, and those only features read (any number of 'unknown' tables). */
export type InputKind = (typeof INPUT_KINDS)[number];

export const studyInputSchema = z.strictObject({
  /** Absolute, or relative to the study file's folder. */
  path: z.string().min(1),
  kind: z.enum(INPUT_KINDS),
  /** Role -> column name, where a file's columns differ from CBS's names (roles as in engine/column-roles). */
  roles: roleMapSchema.optional(),
});
export type StudyInput = z.infer<typeof studyInputSchema>;

/** What `run --out` exports and how: the analyst's choices, recorded in the study so a headless run repeats them. */
export const studyExportSchema = z.strictObject({
  /** Secondary suppression, or controlled rounding to the rule set's base, for tables with margins. */
  protection: z.enum(['suppression', 'rounding']).default('suppression'),
  /** No longer used: every hidden cell is protected with the whole publication, so no table leaves unprotected. Accepted for older study files. */
  maskBlocked: z.boolean().optional(),
  /** Output ids to export (e.g. "koppelrapport", "vergelijking-education-level"); all of them when absent. */
  outputs: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/))
    .min(1)
    .optional(),
  /** Per output id: a note for the output checker and an exception request. */
  notes: z.record(z.string(), z.strictObject({ comment: z.string().max(4000).optional(), exceptionRequest: z.string().max(4000).optional() })).optional(),
  /** Why an export is acceptable although its population is close to an earlier one (the differencing guard). */
  differencingJustification: z.string().max(4000).optional(),
  /** Charts (PNG and SVG) for the tables that have shares. */
  charts: z.boolean().default(true),
});
export type StudyExport = z.infer<typeof studyExportSchema>;

/**
 * How `run` clusters the client households. Loosely typed here (the analysis validates feature ids and
 * ranges when it runs, see analysis/clustering-service/cluster-features.ts) so the study file does not
 * depend on the analysis code.
 */
export const studyClusteringSchema = z.strictObject({
  features: z.array(z.strictObject({ id: z.string(), weight: z.number().optional() })).optional(),
  algorithm: z.enum(['kmeans', 'kprototypes', 'pam']).optional(),
  kRange: z.tuple([z.number().int(), z.number().int()]).optional(),
  resamples: z.number().int().optional(),
  seed: z.number().int().optional(),
  /** The k the analyst chose; the recommended k of the range when absent. */
  k: z.number().int().optional(),
  /** A reference labelling (household key, household start, cluster) to report ARI and NMI against; absolute or relative to the study file. */
  reference: z.string().min(1).optional(),
});
export type StudyClustering = z.infer<typeof studyClusteringSchema>;

/** The analyst's edit of one persona card; an absent field keeps the automatic text. */
export const personaEditSchema = z.strictObject({
  cluster: z.number().int().positive(),
  title: z.string().trim().min(1).max(200).optional(),
  narrative: z.string().max(4000).optional(),
});
export type PersonaEditEntry = z.infer<typeof personaEditSchema>;

/**
 * How the cluster profile is shown: the order of its rows, the rows left out, and the persona cards' edited
 * titles and narratives (by cluster number; the same study gives the same clusters).
 */
export const studyProfilesSchema = z.strictObject({
  /** Profile row ids (feature ids such as "benefit-type") in the order to show; rows not named follow in their own order. */
  rowOrder: z.array(z.string().max(80)).max(100).optional(),
  /** Profile row ids to leave out of the table (not out of the computation). */
  hiddenRows: z.array(z.string().max(80)).max(100).optional(),
  personas: z.array(personaEditSchema).max(20).optional(),
});
export type StudyProfiles = z.infer<typeof studyProfilesSchema>;

/**
 * What the study publishes and how: the recodes of features before protection (small rest categories, unknowns and
 * codes outside the label lists merged into "Overig of onbekend"), per feature id.
 */
export const studyPublicationSchema = z.strictObject({
  recodes: recodesSchema.optional(),
});
export type StudyPublicationSettings = z.infer<typeof studyPublicationSchema>;

export const studySchema = z.strictObject({
  version: z.literal(1),
  name: z.string().min(1).max(200),
  referenceDate: referenceDateSchema,
  municipality: z.strictObject({ code: municipalityCodeSchema, name: z.string().optional() }),
  /**
   * When a household's care and catalogue features are measured: on the reference date (every household), or at the
   * start of the client period for client households, the others on the reference date (README, "Meetmoment").
   */
  referenceMoment: referenceMomentSchema.default('referenceDate'),
  /** How open-ended spells are written (commonly 20501231). */
  openEndDate: calendarDateSchema.default('20501231'),
  inputs: z.array(studyInputSchema).min(1),
  /** Features added to the built-in catalogue, or replacing one of the same id (catalogue/feature-definition-shapes.ts). */
  features: z.array(featureDefinitionSchema).max(100).optional(),
  /** An institution's rule set file (absolute or relative to the study file); the app's own when absent. */
  ruleSet: z.string().min(1).optional(),
  export: studyExportSchema.optional(),
  publication: studyPublicationSchema.optional(),
  clustering: studyClusteringSchema.optional(),
  profiles: studyProfilesSchema.optional(),
});
export type Study = z.infer<typeof studySchema>;

const REQUIRED_KINDS: readonly InputKind[] = ['persons', 'households', 'addresses', 'addressRegions'];

/** Checks a parsed study: one input per kind (tables of unknown kind excepted), the required kinds present. */
export function checkStudy(study: Study, where: string): Study {
  const seen = new Set<InputKind>();
  for (const input of study.inputs) {
    if (seen.has(input.kind) && input.kind !== 'unknown')
      throw new UserFacingError(`${where}: twee invoerbestanden hebben de soort "${input.kind}"; geef elke soort één bestand.`);
    seen.add(input.kind);
  }
  const missing = REQUIRED_KINDS.filter((kind) => !seen.has(kind));
  if (missing.length > 0) throw new UserFacingError(`${where}: de studie heeft invoerbestanden nodig van de soort ${missing.join(', ')}.`);
  return study;
}

export function parseStudy(value: unknown, where: string): Study {
  const parsed = studySchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(geheel)'}: ${issue.message}`);
    throw new UserFacingError(`${where} is geen geldig studiebestand: ${issues.join('; ')}.`);
  }
  return checkStudy(parsed.data, where);
}

/** Reads and validates a study file; input paths come back absolute (relative ones resolved against the file's folder). */
export async function loadStudyFile(path: string): Promise<Study> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserFacingError(`Het studiebestand ${path} bestaat niet of is niet te lezen.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserFacingError(`${path} is geen geldige JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const study = parseStudy(json, path);
  const folder = dirname(resolve(path));
  const absolute = (file: string) => (isAbsolute(file) ? file : resolve(folder, file));
  return {
    ...study,
    inputs: study.inputs.map((input) => ({ ...input, path: absolute(input.path) })),
    ...(study.ruleSet ? { ruleSet: absolute(study.ruleSet) } : {}),
    ...(study.clustering?.reference ? { clustering: { ...study.clustering, reference: absolute(study.clustering.reference) } } : {}),
  };
}

/** The study with every input path resolved to the real file (symbolic links followed); a missing file is named. */
export async function resolveInputs(study: Study): Promise<Study> {
  const inputs = [];
  for (const input of study.inputs) {
    try {
      inputs.push({ ...input, path: await realpath(input.path) });
    } catch {
      throw new UserFacingError(
        `Het invoerbestand ${basename(input.path)} (soort ${input.kind}) bestaat niet op ${input.path}; controleer het pad in het studiebestand.`,
      );
    }
  }
  return { ...study, inputs };
}
