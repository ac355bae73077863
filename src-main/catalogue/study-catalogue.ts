// A study's catalogue: the built-in definitions, then the study's own (`features` in the study file, or made on the
// app's feature screen); a study definition with a built-in's id replaces it. Ids of the fixed features are reserved.
import { FEATURES } from '../analysis/features';
import { PROFILE_FEATURES } from '../analysis/profiles/profile-features';
import { UserFacingError } from '../common/errors';
import { BUILTIN_FEATURES } from './builtin-features';
import { featureDefinitionSchema, type FeatureDefinition, type FeatureDefinitionInput } from './feature-definition-shapes';

export interface CatalogueEntry {
  definition: FeatureDefinition;
  /** True for the app's own definitions: computed only when their table is open, silently left out otherwise. */
  builtIn: boolean;
}

/** Ids a catalogue feature may not take: the fixed features, their "known" companions and the link report's features. */
function reservedIds(): Set<string> {
  const fixed = [...FEATURES, ...PROFILE_FEATURES].map((feature) => feature.id);
  return new Set([...fixed, ...fixed.map((id) => `${id}_bekend`), 'income_status', 'members_complete', 'care', 'client']);
}

function parsed(input: FeatureDefinitionInput, where: string): FeatureDefinition {
  const result = featureDefinitionSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(geheel)'}: ${issue.message}`);
  throw new UserFacingError(`${where}: het kenmerk ${JSON.stringify(input.id ?? '?')} is niet geldig: ${issues.join('; ')}.`);
}

/** The built-in definitions with the study's merged in, in catalogue order (the study's new ones last). */
export function studyCatalogue(studyFeatures: readonly FeatureDefinitionInput[] = [], where = 'Het studiebestand'): CatalogueEntry[] {
  const reserved = reservedIds();
  const entries: CatalogueEntry[] = BUILTIN_FEATURES.map((input) => ({ definition: parsed(input, 'De ingebouwde catalogus'), builtIn: true }));
  const seen = new Set<string>();
  for (const input of studyFeatures) {
    const definition = parsed(input, where);
    if (reserved.has(definition.id))
      throw new UserFacingError(`${where}: het kenmerk "${definition.id}" is een vast kenmerk van de analysetabel; kies een andere id.`);
    if (seen.has(definition.id)) throw new UserFacingError(`${where}: het kenmerk "${definition.id}" staat twee keer in features.`);
    seen.add(definition.id);
    const index = entries.findIndex((entry) => entry.definition.id === definition.id);
    if (index >= 0) entries[index] = { definition, builtIn: false };
    else entries.push({ definition, builtIn: false });
  }
  return entries;
}
