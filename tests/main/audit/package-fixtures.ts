// Builds export packages for the audit tests: definities.json plus CSV files in the app's format, written to a real folder.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFINITIONS_FILE,
  DEFINITIONS_FORMAT,
  DEFINITIONS_VERSION,
  type CountCellDefinition,
  type FamilyDefinition,
  type FigureDefinition,
  type PackageDefinitions,
} from '../../../src-main/publication/definitions-file';

export const DIGEST_A = 'a'.repeat(64);
export const DIGEST_B = 'b'.repeat(64);

export function count(family: string, feature: string, codes: readonly string[] | null, population: string): CountCellDefinition {
  return { family, feature, codes: codes === null ? null : [...codes], population };
}

export function countFigure(cell: CountCellDefinition): FigureDefinition {
  return { kind: 'count', cell };
}

/** A family of one feature whose atoms are its codes. */
export function singleFeatureFamily(id: string, codes: readonly string[], labels: readonly string[] = codes): FamilyDefinition {
  return { id, features: [id], categories: [codes.map((code, index) => ({ code, label: labels[index] ?? code }))], atoms: codes.map((code) => [code]) };
}

export interface FixtureOutput {
  readonly id: string;
  readonly rowHeader: string;
  readonly columns: readonly string[];
  /** Each row: its label and one printed field per column (already in the CSV's Dutch notation: "x", "16,8", ""). */
  readonly rows: readonly { readonly label: string; readonly fields: readonly string[] }[];
  readonly cells: readonly { readonly row: number; readonly column: number; readonly figure: FigureDefinition }[];
  readonly notes?: readonly FigureDefinition[];
}

export interface FixturePackage {
  readonly dataDigest?: string;
  readonly rules?: { readonly threshold: number; readonly protectionLevel: number };
  readonly counts?: PackageDefinitions['counts'];
  readonly shareDecimals?: number;
  readonly families: readonly FamilyDefinition[];
  readonly populations: PackageDefinitions['populations'];
  readonly recordFamilies?: PackageDefinitions['recordFamilies'];
  readonly outputs: readonly FixtureOutput[];
}

function csvField(text: string): string {
  if (text === '') return '';
  const guarded = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(guarded) || guarded.trim() !== guarded ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** The app's CSV: BOM, a '# ' comment with the thresholds, the header row, then the data rows; ';' and CRLF. */
export function csvText(output: FixtureOutput, rules = { threshold: 10, protectionLevel: 10 }): string {
  const lines = [
    `# drempel ${rules.threshold}; beschermingsniveau ${rules.protectionLevel}`,
    [output.rowHeader, ...output.columns].map(csvField).join(';'),
    ...output.rows.map((row) => [row.label, ...row.fields].map(csvField).join(';')),
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function definitionsOf(fixture: FixturePackage): PackageDefinitions {
  return {
    format: DEFINITIONS_FORMAT,
    version: DEFINITIONS_VERSION,
    dataDigest: fixture.dataDigest ?? DIGEST_A,
    rules: fixture.rules ?? { threshold: 10, protectionLevel: 10 },
    counts: fixture.counts ?? { method: 'exact' },
    shareDecimals: fixture.shareDecimals ?? 1,
    families: [...fixture.families],
    populations: fixture.populations,
    recordFamilies: [...(fixture.recordFamilies ?? [])],
    outputs: fixture.outputs.map((output) => ({ id: output.id, csv: `${output.id}.csv`, cells: [...output.cells], notes: [...(output.notes ?? [])] })),
  };
}

/** Writes the package into folder/name and returns its path. */
export async function writePackage(folder: string, name: string, fixture: FixturePackage): Promise<string> {
  const path = join(folder, name);
  await mkdir(path, { recursive: true });
  await writeFile(join(path, DEFINITIONS_FILE), JSON.stringify(definitionsOf(fixture), null, 2));
  for (const output of fixture.outputs) await writeFile(join(path, `${output.id}.csv`), csvText(output, fixture.rules));
  return path;
}

/**
 * A one-column count table of one feature in one population: a row per code plus a total row, every cell placed.
 * `values`: the printed field per code, then the total's.
 */
export function countColumn(
  id: string,
  family: string,
  codes: readonly string[],
  population: string,
  values: readonly string[],
  labels: readonly string[] = codes,
): FixtureOutput {
  return {
    id,
    rowHeader: family,
    columns: ['Aantal'],
    rows: [...labels, 'Totaal'].map((label, index) => ({ label, fields: [values[index] ?? ''] })),
    cells: [...codes.map((code) => [code] as string[]), null].map((codesOfRow, row) => ({
      row,
      column: 0,
      figure: countFigure(count(family, family, codesOfRow, population)),
    })),
  };
}

/** One population atom, one set "alle". */
export const ONE_POPULATION: PackageDefinitions['populations'] = { atoms: ['alle'], sets: { alle: { label: 'Alle huishoudens', atoms: ['alle'] } } };

/** Non-clients and clients. */
export const CLIENT_POPULATIONS: PackageDefinitions['populations'] = {
  atoms: ['niet-klant', 'klant'],
  sets: { alle: { label: 'Alle huishoudens', atoms: ['niet-klant', 'klant'] }, klanten: { label: 'Klanthuishoudens', atoms: ['klant'] } },
};
