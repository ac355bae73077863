// The catalogue as the feature screen shows it: every feature (built-in or the study's own) with where it reads and
// whether the last link computed it, and the opened files a new feature can read, with their columns and roles.
// Names and metadata only: no value of any row leaves through this listing.
import { z } from 'zod';
import { tableNameOf } from '../engine/column-roles';
import { FEATURE_GROUPS, FEATURE_SOURCE_KINDS, sourceName, type FeatureDefinition } from './feature-definition-shapes';

/** A catalogue entry as the listing reads it (the IPC contract imports this file: it stays free of the linking code). */
interface ListedEntry {
  definition: FeatureDefinition;
  builtIn: boolean;
}

export const catalogueFeatureSchema = z.object({
  id: z.string(),
  label: z.string(),
  labelEn: z.string().optional(),
  group: z.enum(FEATURE_GROUPS),
  origin: z.enum(['builtIn', 'study']),
  /** The table kind or file name it reads. */
  source: z.string(),
  /** The table kind it reads (the screen names it in words); null for a file read by its name. */
  sourceKind: z.enum(FEATURE_SOURCE_KINDS).nullable(),
  coding: z.enum(['flag', 'codes', 'bins', 'amount']),
  /** linked: in the analysis table now; notOpen: its table is not open; notLinked: open, but not linked since it was defined. */
  state: z.enum(['linked', 'notOpen', 'notLinked']),
});
export type CatalogueFeature = z.infer<typeof catalogueFeatureSchema>;

export const featureFileSchema = z.object({
  name: z.string(),
  tableKind: z.string(),
  /** The kind a feature reads this file by (so a study holds for other file-name years); null: read by its name. */
  sourceKind: z.enum(FEATURE_SOURCE_KINDS).nullable(),
  columns: z.array(z.string()),
  /** The columns that are keys (a person, an address, a household): never a feature's value or selection. */
  keyColumns: z.array(z.string()),
  /** Role -> column, as the Data page set them (a definition may name a role instead of a column). */
  roles: z.record(z.string(), z.string()),
});
export type FeatureFile = z.infer<typeof featureFileSchema>;

export const catalogueListingSchema = z.object({ features: z.array(catalogueFeatureSchema), files: z.array(featureFileSchema) });
export type CatalogueListing = z.infer<typeof catalogueListingSchema>;

/** The file a definition reads among the opened ones: by table kind, else by table name ("SCHULDHULP2017.csv" = "schuldhulp2017"). */
export function openedSource(entry: ListedEntry, files: readonly FeatureFile[]): FeatureFile | undefined {
  const { kind, file } = entry.definition.source;
  if (kind) return files.find((candidate) => candidate.tableKind === kind);
  const wanted = tableNameOf(file ?? '');
  return files.find((candidate) => tableNameOf(candidate.name) === wanted);
}

export function catalogueListing(catalogue: readonly ListedEntry[], files: readonly FeatureFile[], linkedIds: ReadonlySet<string>): CatalogueListing {
  const features = catalogue.map((entry): CatalogueFeature => {
    const { definition } = entry;
    const state = linkedIds.has(definition.id) ? 'linked' : openedSource(entry, files) ? 'notLinked' : 'notOpen';
    return {
      id: definition.id,
      label: definition.label,
      ...(definition.labelEn ? { labelEn: definition.labelEn } : {}),
      group: definition.group,
      origin: entry.builtIn ? 'builtIn' : 'study',
      source: sourceName(definition),
      sourceKind: definition.source.kind ?? null,
      coding: definition.coding.type,
      state,
    };
  });
  return { features, files: [...files] };
}
