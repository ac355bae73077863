// A feature as it is published: the analyst's recode applied (small rest categories, unknowns and codes outside the
// label list merged into one "Overig of onbekend"), so that every household falls in exactly one published category.
import { z } from 'zod';
import type { Category, CategoricalFeature } from '../analysis/features';
import { sqlString } from '../engine/sql';

export const RESIDUAL_CODE = 'overig-onbekend';
export const RESIDUAL_LABEL = 'Overig of onbekend';
export const UNKNOWN_CODE = 'onbekend';
export const UNKNOWN_LABEL = 'Onbekend';

/**
 * A study's recode of one feature: `residual` names the catalogue codes merged with the unknowns into "Overig of
 * onbekend" (an empty list keeps every category, the unknowns alone becoming "Onbekend"); `merges` joins categories
 * under a label of the analyst's (e.g. "Zelfstandige" for codes 12 and 13).
 */
export const featureRecodeSchema = z.strictObject({
  residual: z.array(z.string().min(1).max(16)).max(50).optional(),
  merges: z
    .array(z.strictObject({ codes: z.array(z.string().min(1).max(16)).min(2).max(50), label: z.string().trim().min(1).max(80) }))
    .max(20)
    .optional(),
});
export type FeatureRecode = z.infer<typeof featureRecodeSchema>;
export const recodesSchema = z.record(z.string().min(1).max(64), featureRecodeSchema);
export type Recodes = z.infer<typeof recodesSchema>;

export interface PublishedFeature {
  id: string;
  label: string;
  columns: readonly string[];
  /** Yields a published category code for every household, never NULL. */
  sql: string;
  /** Every code `sql` can yield, in the order of the table rows (the rest category last). */
  categories: readonly Category[];
  /** The code of the rest category (unknowns and codes outside the list). */
  restCode: string;
  /** Codes of the catalogue merged into the rest category. */
  merged: readonly string[];
  /** The feature as the catalogue defines it (its `sql` may yield NULL and unexpected codes). */
  source: CategoricalFeature;
}

/** Checks a recode against the catalogue: every code it names must exist, and none twice. */
export function recodeProblems(feature: CategoricalFeature, recode: FeatureRecode): string[] {
  const known = new Set(feature.categories.map((category) => category.code));
  const named = [...(recode.residual ?? []), ...(recode.merges ?? []).flatMap((merge) => merge.codes)];
  const problems = named
    .filter((code) => !known.has(code))
    .map((code) => `${feature.label}: de code "${code}" bestaat niet (bekend: ${[...known].join(', ')})`);
  const seen = new Set<string>();
  for (const code of named) {
    if (seen.has(code)) problems.push(`${feature.label}: de code "${code}" staat in twee samenvoegingen`);
    seen.add(code);
  }
  return problems;
}

/** The feature with its recode (the catalogue's own `residual` codes when the study names none). */
export function publishedFeature(feature: CategoricalFeature, recode: FeatureRecode | undefined): PublishedFeature {
  const merged = recode?.residual ?? feature.residual ?? [];
  const merges = (recode?.merges ?? []).map((merge, index) => ({ ...merge, code: `samen-${index + 1}` }));
  const joined = new Set(merges.flatMap((merge) => merge.codes));
  const kept = feature.categories.filter((category) => !merged.includes(category.code) && !joined.has(category.code));
  const restCode = merged.length > 0 ? RESIDUAL_CODE : UNKNOWN_CODE;
  const restLabel = merged.length > 0 ? RESIDUAL_LABEL : UNKNOWN_LABEL;
  const raw = `(${feature.sql})`;
  const branches = [
    ...(kept.length > 0 ? [`WHEN ${raw} IN (${kept.map((category) => sqlString(category.code)).join(', ')}) THEN ${raw}`] : []),
    ...merges.map((merge) => `WHEN ${raw} IN (${merge.codes.map(sqlString).join(', ')}) THEN ${sqlString(merge.code)}`),
  ];
  // Categories keep the catalogue's order, a merge taking the place of its first code.
  const categories: Category[] = [];
  for (const category of feature.categories) {
    if (kept.includes(category)) categories.push({ code: category.code, label: category.label });
    const merge = merges.find((candidate) => candidate.codes[0] === category.code);
    if (merge) categories.push({ code: merge.code, label: merge.label });
  }
  categories.push({ code: restCode, label: restLabel });
  return {
    id: feature.id,
    label: feature.label,
    columns: feature.columns,
    sql: branches.length > 0 ? `(CASE ${branches.join(' ')} ELSE ${sqlString(restCode)} END)` : sqlString(restCode),
    categories,
    restCode,
    merged,
    source: feature,
  };
}

/** The note that says what the recode merged, for the table that shows the feature. */
export function recodeNote(feature: PublishedFeature, unexpectedCodes: readonly string[]): string | null {
  const labels = feature.source.categories.filter((category) => feature.merged.includes(category.code)).map((category) => category.label);
  const parts: string[] = [];
  if (labels.length > 0) parts.push(`${labels.join(', ')} en onbekend samengenomen als "${RESIDUAL_LABEL}"`);
  if (unexpectedCodes.length > 0) {
    const rest = feature.categories.find((category) => category.code === feature.restCode)?.label ?? RESIDUAL_LABEL;
    parts.push(
      `code${unexpectedCodes.length === 1 ? '' : 's'} ${unexpectedCodes.join(', ')} ${unexpectedCodes.length === 1 ? 'staat' : 'staan'} ` +
        `niet in de labellijst en ${unexpectedCodes.length === 1 ? 'is' : 'zijn'} meegeteld bij "${rest}"`,
    );
  }
  return parts.length === 0 ? null : `${feature.label}: ${parts.join('; ')}.`;
}
