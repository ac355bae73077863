// A catalogue definition as a feature of the analysis: its column k_<id> of `analysis_households`, described for
// disclosure control (type, register, the values it can take), and the SQL and labels every table reads.
import type { Category, Feature } from '../analysis/features';
import { codeGrid, FLAG_GRID, type AnalysisColumn, type ColumnSource, type GridValue } from '../linking/analysis-columns';
import { quoteIdentifier as q, sqlString } from '../engine/sql';
import type { FeatureDefinition, FeatureSourceKind } from './feature-definition-shapes';
import { featureValueType } from './feature-sql';

/** The analysis table's column of a catalogue feature. */
export function featureColumnName(definition: Pick<FeatureDefinition, 'id'>): string {
  return `k_${definition.id}`;
}

/**
 * The register a catalogue table belongs to. Features of one register can be related by its own definitions, so
 * disclosure control protects them together (analysis-columns.ts); a file of the analyst's is a register of its own.
 */
const SOURCE_OF_KIND: Record<FeatureSourceKind, ColumnSource> = {
  persons: 'personen',
  parentChild: 'personen',
  households: 'huishoudens',
  addressRegions: 'regio',
  householdIncome: 'inkomen',
  socioEconomic: 'inkomen',
  education: 'opleiding',
  schoolEnrolment: 'opleiding',
  earlySchoolLeaving: 'opleiding',
  youthHelp: 'zorg',
  youthProtection: 'zorg',
  wmo: 'zorg',
  halt: 'justitie',
  debtRestructuring: 'schulden',
};

export function columnSourceOf(definition: FeatureDefinition): ColumnSource {
  const { kind, file } = definition.source;
  return kind ? SOURCE_OF_KIND[kind] : `bestand:${(file ?? '').toUpperCase()}`;
}

/** Values that reach every bin: one below the first edge, each edge, one between edges, one above the last. */
function binGrid(definition: FeatureDefinition): GridValue[] {
  if (definition.coding.type !== 'bins') return [];
  const edges = definition.coding.bins.flatMap((bin) => (bin.upTo === undefined ? [] : [bin.upTo])).sort((a, b) => a - b);
  const first = edges[0];
  const last = edges[edges.length - 1];
  if (first === undefined || last === undefined) return [0, null];
  const between = edges.slice(1).map((edge, index) => (edge + (edges[index] ?? edge)) / 2);
  return [first - 1, ...edges, ...between, last + 1, null];
}

function gridOf(definition: FeatureDefinition): readonly GridValue[] {
  switch (definition.coding.type) {
    case 'flag':
      return FLAG_GRID;
    case 'codes':
      return codeGrid(...definition.coding.codes.map((category) => category.code));
    case 'bins':
      return binGrid(definition);
    case 'amount':
      return [0, 1, null];
  }
}

/** The bins as a CASE over the column: each bin up to and including its edge, the open bin above the last. */
function binsSql(column: string, definition: FeatureDefinition): string {
  if (definition.coding.type !== 'bins') throw new Error('not a binned feature');
  const bins = [...definition.coding.bins].sort((a, b) => (a.upTo ?? Infinity) - (b.upTo ?? Infinity));
  const whens = bins.map((bin) => (bin.upTo === undefined ? `ELSE ${sqlString(bin.code)}` : `WHEN ${column} <= ${bin.upTo} THEN ${sqlString(bin.code)}`));
  const hasElse = bins.some((bin) => bin.upTo === undefined);
  return `CASE WHEN ${column} IS NULL THEN NULL ${whens.join(' ')}${hasElse ? '' : ' ELSE NULL'} END`;
}

const YES_NO: readonly Category[] = [
  { code: 'ja', label: 'Ja' },
  { code: 'nee', label: 'Nee' },
];

/** The feature the analysis, the publication and the disclosure checks read. */
export function analysisFeature(definition: FeatureDefinition): Feature {
  const name = featureColumnName(definition);
  const column = q(name);
  const described: Record<string, AnalysisColumn> = {
    [name]: { type: featureValueType(definition), source: columnSourceOf(definition), grid: gridOf(definition) },
  };
  const base = { id: definition.id, label: definition.label, group: definition.group, columns: [name], described };
  const { coding } = definition;
  switch (coding.type) {
    case 'flag':
      return { ...base, kind: 'category', sql: `CASE WHEN ${column} THEN 'ja' WHEN NOT ${column} THEN 'nee' END`, categories: YES_NO };
    case 'codes':
      return {
        ...base,
        kind: 'category',
        sql: column,
        categories: coding.codes.map(({ code, label }) => ({ code, label })),
        ...(coding.residual ? { residual: coding.residual } : {}),
      };
    case 'bins':
      return { ...base, kind: 'category', sql: binsSql(column, definition), categories: coding.bins.map(({ code, label }) => ({ code, label })) };
    case 'amount':
      return { ...base, kind: 'amount', sql: column, unit: coding.unit, magnitude: coding.magnitude };
  }
}
