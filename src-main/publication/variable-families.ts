// Variable families: the published features grouped by the register their columns come from (features of one source
// can nest or overlap: household type and composition, number of children and a one-parent household, benefit type and
// main income source), each with its atoms: every combination of category codes the definitions allow.
import type { QuerySession } from '../analysis/cross-table';
import { analysisColumn, type AnalysisColumn, type GridValue } from '../linking/analysis-columns';
import type { PublishedFeature } from './published-feature';
import { sqlString } from '../engine/sql';

export interface VariableFamily {
  id: string;
  features: readonly PublishedFeature[];
  columns: readonly string[];
  /**
   * Per atom, one code per feature (in `features` order); derived from the definitions, never from the data (they go
   * into the package for the auditor). Features that share a column constrain each other's codes; features on
   * different columns of the same source combine freely.
   */
  atoms: readonly (readonly string[])[];
}

interface Group {
  features: PublishedFeature[];
  columns: Set<string>;
}

/** Groups features transitively by a key (shared columns, or shared sources), in catalogue order. */
function groupBy(features: readonly PublishedFeature[], keys: (feature: PublishedFeature) => readonly string[]): Group[] {
  const groups: { features: PublishedFeature[]; keys: Set<string>; columns: Set<string> }[] = [];
  for (const feature of features) {
    const own = keys(feature);
    const touching = groups.filter((group) => own.some((key) => group.keys.has(key)));
    const merged = {
      features: [...touching.flatMap((group) => group.features), feature],
      keys: new Set([...touching.flatMap((group) => [...group.keys]), ...own]),
      columns: new Set([...touching.flatMap((group) => [...group.columns]), ...feature.columns]),
    };
    for (const group of touching) groups.splice(groups.indexOf(group), 1);
    groups.push(merged);
  }
  const order = (feature: PublishedFeature) => features.indexOf(feature);
  return groups
    .map((group) => ({ features: [...group.features].sort((a, b) => order(a) - order(b)), columns: group.columns }))
    .sort((a, b) => order(a.features[0]!) - order(b.features[0]!));
}

function sourcesOf(feature: PublishedFeature): string[] {
  return [...new Set(feature.columns.map((column) => analysisColumn(column, feature.source.described).source))];
}

/** The descriptions of the catalogue columns some features read (the fixed columns describe themselves). */
function describedBy(features: readonly PublishedFeature[]): Readonly<Record<string, AnalysisColumn>> {
  return Object.assign({}, ...features.map((feature) => feature.source.described ?? {})) as Record<string, AnalysisColumn>;
}

/** The families: features of one source (transitively) together, named after their first feature. */
export function groupIntoFamilies(features: readonly PublishedFeature[]): Omit<VariableFamily, 'atoms'>[] {
  return groupBy(features, sourcesOf).map((group) => ({ id: group.features[0]!.id, features: group.features, columns: [...group.columns].sort() }));
}

function valueSql(value: GridValue, type: string): string {
  if (value === null) return `NULL::${type}`;
  if (typeof value === 'string') return sqlString(value);
  return String(value);
}

/** The grid of some columns: every combination of the values they can take, as a sub-query with those column names. */
export function gridSql(columns: readonly string[], described?: Readonly<Record<string, AnalysisColumn>>): string {
  const parts = columns.map((name) => {
    const column = analysisColumn(name, described);
    return `(SELECT unnest([${column.grid.map((value) => valueSql(value, column.type)).join(', ')}]::${column.type}[]) AS "${name}")`;
  });
  return parts.join(' CROSS JOIN ');
}

/** The code combinations features that share columns can take together, evaluated on the grid of those columns. */
async function componentAtoms(session: QuerySession, features: readonly PublishedFeature[], columns: readonly string[]): Promise<string[][]> {
  const codes = features.map((feature, index) => `${feature.sql}::VARCHAR AS c${index}`);
  const rows = await session.query(`SELECT DISTINCT ${codes.join(', ')} FROM ${gridSql(columns, describedBy(features))} ORDER BY ALL`);
  return rows.map((row) => features.map((_, index) => String(row[`c${index}`])));
}

/**
 * A family's atoms: per group of features that share columns, the combinations their definitions allow; across such
 * groups every combination (the source's own relations are unknown to the definitions, so an auditor assumes none).
 */
export async function familyAtoms(session: QuerySession, family: Omit<VariableFamily, 'atoms'>): Promise<string[][]> {
  const components = groupBy(family.features, (feature) => feature.columns);
  let product: { codes: Map<PublishedFeature, string> }[] = [{ codes: new Map() }];
  for (const component of components) {
    const atoms = await componentAtoms(session, component.features, [...component.columns].sort());
    product = product.flatMap((partial) =>
      atoms.map((atom) => ({ codes: new Map([...partial.codes, ...component.features.map((feature, index) => [feature, atom[index]!] as const)]) })),
    );
  }
  return product.map((atom) => family.features.map((feature) => atom.codes.get(feature)!));
}

export async function buildFamilies(session: QuerySession, features: readonly PublishedFeature[]): Promise<VariableFamily[]> {
  const families: VariableFamily[] = [];
  for (const family of groupIntoFamilies(features)) families.push({ ...family, atoms: await familyAtoms(session, family) });
  return families;
}
