// The columns of `analysis_households` that features read, with every value each can take in principle: disclosure
// control evaluates the features' definitions on all combinations of these values (never on the data) to learn how
// their categories nest or overlap.

/** A value that stands for any code outside a feature's label list (codes a partner file or a new CBS year may add). */
export const OTHER_CODE = '~andere-code~';

export type GridValue = string | number | boolean | null;

/**
 * The register a column comes from. Columns of one source can be related by the register's own definitions (a
 * one-parent household has children; the benefit type and the main income source come from the same income record),
 * so disclosure control protects features of one source together, as an attacker who knows those relations would.
 */
export type ColumnSource = 'huishoudens' | 'personen' | 'opleiding' | 'inkomen' | 'zorg' | 'klanten' | 'schulden' | 'justitie' | 'regio' | `bestand:${string}`;

export interface AnalysisColumn {
  type: 'VARCHAR' | 'INTEGER' | 'BOOLEAN' | 'DOUBLE';
  source: ColumnSource;
  /** Values that reach every category of every feature on this column (ranges at the resolution the features use). */
  grid: readonly GridValue[];
}

function integers(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

export const codeGrid = (...values: string[]): GridValue[] => [...values, OTHER_CODE, null];
const codes = codeGrid;
export const FLAG_GRID: readonly GridValue[] = [true, false, null];
const flags = FLAG_GRID;

export const ANALYSIS_COLUMNS: Readonly<Record<string, AnalysisColumn>> = {
  household_type: { type: 'VARCHAR', source: 'huishoudens', grid: codes('1', '2', '3', '4', '5', '6', '7', '8') },
  size: { type: 'INTEGER', source: 'huishoudens', grid: [...integers(0, 25), null] },
  children: { type: 'INTEGER', source: 'huishoudens', grid: [...integers(0, 20), null] },
  youngest_child_age: { type: 'INTEGER', source: 'huishoudens', grid: [...integers(0, 80), null] },
  reference_age: { type: 'INTEGER', source: 'personen', grid: [...integers(0, 120), null] },
  migration_background: { type: 'BOOLEAN', source: 'personen', grid: flags },
  education_level: { type: 'VARCHAR', source: 'opleiding', grid: codes('low', 'middle', 'high') },
  income_source: { type: 'VARCHAR', source: 'inkomen', grid: codes('11', '12', '13', '14', '21', '22', '23', '24', '25', '26', '30', '99') },
  benefit_type: { type: 'VARCHAR', source: 'inkomen', grid: codes('0', '1', '2', '3', '4') },
  disposable_income: { type: 'DOUBLE', source: 'inkomen', grid: [-50_000, 0, 10_000, 20_000, 50_000, 1_000_000, null] },
  tenure: { type: 'VARCHAR', source: 'inkomen', grid: codes('1', '2', '3', '8') },
  youth_help: { type: 'BOOLEAN', source: 'zorg', grid: flags },
  youth_protection: { type: 'BOOLEAN', source: 'zorg', grid: flags },
  wmo: { type: 'BOOLEAN', source: 'zorg', grid: flags },
  client_days: { type: 'INTEGER', source: 'klanten', grid: [...integers(0, 1_000), 2_000, 5_000, 20_000, null] },
  has_income_record: { type: 'BOOLEAN', source: 'inkomen', grid: flags },
  members_found: { type: 'INTEGER', source: 'huishoudens', grid: [...integers(0, 25), null] },
};

/** The description of a column: a fixed one, or one a catalogue feature described (`described`). */
export function analysisColumn(name: string, described?: Readonly<Record<string, AnalysisColumn>>): AnalysisColumn {
  const column = described?.[name] ?? ANALYSIS_COLUMNS[name];
  if (!column) throw new Error(`The analysis table has no described column ${name}.`);
  return column;
}
