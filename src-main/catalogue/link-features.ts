// Step 10 of a link: the study's catalogue features, one statement each over its own table (reduced to the linked
// units while it is read), joined into the analysis table as columns k_<id>. A built-in feature whose table is not
// open is left out with a note; a study's own feature that cannot be computed is an error naming it.
import type { Feature } from '../analysis/features';
import { UserFacingError } from '../common/errors';
import type { MomentRange } from '../linking/link-moments';
import type { LockedSession } from '../engine/locked-session';
import { quoteIdentifier as q } from '../engine/sql';
import { ANALYSIS_TABLE_BUILD } from '../linking/analysis-table-name';
import type { Input, LinkTables } from '../linking/link-inputs';
import { asText } from '../linking/link-sql';
import type { Linker } from '../linking/linker';
import type { InputKind } from '../linking/study-file';
import { analysisFeature, featureColumnName } from './analysis-feature';
import { findColumn, inputOf } from './feature-columns';
import { sourceName, type FeatureDefinition } from './feature-definition-shapes';
import { featureColumnSql, featureTableName, featureTableSql } from './feature-sql';
import type { CatalogueEntry } from './study-catalogue';

export interface LinkedFeatures {
  /** The features the analysis table now holds, as the analysis reads them. */
  features: Feature[];
  definitions: FeatureDefinition[];
}

/** The region codes of the municipality's address objects, added to a region feature's label list (public geography). */
async function withMunicipalityCodes(
  session: LockedSession,
  definition: FeatureDefinition,
  input: Input<InputKind>,
  municipality: string,
): Promise<FeatureDefinition> {
  const { coding } = definition;
  if (coding.type !== 'codes' || !coding.addMunicipalityCodes || input.kind !== 'addressRegions') return definition;
  const value = findColumn(input, definition.source.value ?? '');
  const region = input.roles.municipality;
  if (value === undefined || region === undefined) return definition;
  const code = asText(input, value);
  const rows = await session.query(
    `SELECT DISTINCT ${code} AS code FROM ${input.scan} WHERE ${asText(input, region)} = $municipality AND ${code} IS NOT NULL ORDER BY 1`,
    { ...input.parameters, municipality },
  );
  const known = new Set(coding.codes.map((category) => category.code));
  const added = rows.map((row) => String(row.code)).filter((code) => code.trim() !== '' && !known.has(code));
  return { ...definition, coding: { ...coding, codes: [...coding.codes, ...added.map((code) => ({ code, label: `Wijk ${code}` }))] } };
}

/** Builds every computable catalogue feature and adds its column to the analysis table. */
export async function linkFeatures(
  linker: Linker,
  session: LockedSession,
  tables: LinkTables,
  catalogue: readonly CatalogueEntry[],
  study: { moments: MomentRange; openEndDate: string; municipality: string },
): Promise<LinkedFeatures> {
  const linked: FeatureDefinition[] = [];
  const absent: string[] = [];
  const failed: string[] = [];
  try {
    for (const entry of catalogue) {
      const input = inputOf(entry.definition, tables);
      if (!input) {
        if (!entry.builtIn)
          throw new UserFacingError(
            `Het kenmerk "${entry.definition.label}" (${entry.definition.id}) leest ${sourceName(entry.definition)}, ` +
              "maar de studie heeft zo'n bestand niet geopend.",
          );
        absent.push(`${entry.definition.label} (${sourceName(entry.definition)})`);
        continue;
      }
      try {
        const definition = await withMunicipalityCodes(session, entry.definition, input, study.municipality);
        await linker.run(`Kenmerk ${definition.label} (${input.name})`, featureTableSql(definition, input, tables, study.moments, study.openEndDate), []);
        linked.push(definition);
      } catch (error) {
        if (!entry.builtIn || !(error instanceof UserFacingError)) throw error;
        failed.push(error.message);
      }
    }
    if (linked.length > 0) {
      const joins = linked.map(
        (definition, index) =>
          `LEFT JOIN ${featureTableName(definition)} f${index} ON f${index}.household_key = a.household_key AND f${index}.household_start = a.household_start`,
      );
      const columns = linked.map((definition, index) => `${featureColumnSql(definition, `f${index}`)} AS ${q(featureColumnName(definition))}`);
      await session.query(
        `CREATE OR REPLACE TEMP TABLE ${ANALYSIS_TABLE_BUILD}_next AS SELECT a.*, ${columns.join(', ')} FROM ${ANALYSIS_TABLE_BUILD} a ${joins.join(' ')}`,
      );
      await session.query(`DROP TABLE ${ANALYSIS_TABLE_BUILD}`);
      await session.query(`ALTER TABLE ${ANALYSIS_TABLE_BUILD}_next RENAME TO ${ANALYSIS_TABLE_BUILD}`);
    }
  } finally {
    for (const entry of catalogue) await session.query(`DROP TABLE IF EXISTS ${featureTableName(entry.definition)}`).catch(() => undefined);
  }
  if (absent.length > 0) linker.note(`Niet berekend, want het bestand is niet geopend: ${absent.join('; ')}.`);
  for (const message of failed) linker.note(`Niet berekend: ${message}`);
  return { features: linked.map(analysisFeature), definitions: linked };
}
