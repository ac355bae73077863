// Reads an export package as a reader would: definities.json (checked against its schema) and the printed value of every placed figure.
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, join, normalize, resolve } from 'node:path';
import { UserFacingError } from '../common/errors';
import { DEFINITIONS_FILE, definitionsSchema, type FigureDefinition, type PackageDefinitions } from '../publication/definitions-file';
import { definitionProblems } from './definitions-check';
import { parsePackageCsv, type CsvTable } from './package-csv';
import { labelText, parsePrintedValue, type PrintedValue } from './printed-value';

export type { PrintedValue };

/** One placed figure with what the CSV prints for it. */
export interface PrintedFigure {
  readonly row: number;
  readonly column: number;
  readonly figure: FigureDefinition;
  readonly printed: PrintedValue;
  /** "row label / column header", as the reader sees the cell. */
  readonly label: string;
}

export interface PackageOutput {
  readonly id: string;
  readonly csv: string;
  readonly cells: readonly PrintedFigure[];
  /** Figures printed in the output's notes: the CSV holds no value for them. */
  readonly notes: readonly FigureDefinition[];
}

export interface ReadPackage {
  readonly folder: string;
  /** The folder's name, how reports refer to the package. */
  readonly name: string;
  readonly definitions: PackageDefinitions;
  readonly outputs: readonly PackageOutput[];
}

const MAX_PROBLEMS = 5;

/** Parses and checks the text of a definities.json; `path` is only used in messages. */
export function parseDefinitions(text: string, path: string): PackageDefinitions {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserFacingError(`${path} is geen geldige JSON (${error instanceof Error ? error.message : String(error)}); het bestand is beschadigd.`);
  }
  const parsed = definitionsSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => `${issue.path.join('.') || '(geheel)'}: ${issue.message}`);
    const more = parsed.error.issues.length > MAX_PROBLEMS ? ` (en nog ${parsed.error.issues.length - MAX_PROBLEMS})` : '';
    throw new UserFacingError(`${path} voldoet niet aan het formaat van een definitiebestand: ${issues.join('; ')}${more}.`);
  }
  const problems = definitionProblems(parsed.data, MAX_PROBLEMS);
  if (problems.length > 0) throw new UserFacingError(`${path} spreekt zichzelf tegen: ${problems.join('; ')}.`);
  return parsed.data;
}

/** The printed values of one output's placed figures; errors name the file, row and column. */
export function placeFigures(table: CsvTable, output: PackageDefinitions['outputs'][number]): PrintedFigure[] {
  const file = output.csv;
  return output.cells.map(({ row, column, figure }) => {
    const csvRow = table.rows[row];
    if (csvRow === undefined) {
      throw new UserFacingError(
        `${file}: rij ${row + 1} ontbreekt (het bestand heeft ${table.rows.length} gegevensrijen), ` +
          `maar definities.json plaatst daar een cijfer van uitvoer ${output.id} (row ${row}, column ${column}).`,
      );
    }
    const field = csvRow.fields[column + 1];
    const header = table.header[column + 1];
    const rowLabel = labelText(csvRow.fields[0] ?? '');
    if (field === undefined || header === undefined) {
      throw new UserFacingError(
        `${file}, regel ${csvRow.line} ("${rowLabel}"): kolom ${column + 1} ontbreekt (het bestand heeft ${table.header.length - 1} waardekolommen), ` +
          `maar definities.json plaatst daar een cijfer van uitvoer ${output.id}.`,
      );
    }
    const printed = parsePrintedValue(field);
    if ('error' in printed) {
      throw new UserFacingError(`${file}, regel ${csvRow.line} ("${rowLabel}"), kolom ${column + 1} ("${labelText(header)}"): ${printed.error}.`);
    }
    return { row, column, figure, printed, label: `${rowLabel} / ${labelText(header)}` };
  });
}

/** A CSV named in definities.json must lie inside the package: the auditor reads nothing else. */
function csvPath(folder: string, name: string): string {
  const normal = normalize(name);
  if (isAbsolute(normal) || normal.startsWith('..')) {
    throw new UserFacingError(`definities.json noemt het bestand ${name}, dat buiten het pakket ${folder} ligt; dat wordt niet gelezen.`);
  }
  return join(folder, normal);
}

async function readText(path: string, missing: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new UserFacingError(missing);
  }
}

/** Reads the package folder: its definitions and every CSV they name. */
export async function readPackage(folder: string): Promise<ReadPackage> {
  const root = resolve(folder);
  const definitionsPath = join(root, DEFINITIONS_FILE);
  const definitions = parseDefinitions(
    await readText(definitionsPath, `${definitionsPath} ontbreekt of is niet te lezen: ${folder} is geen (volledig) exportpakket van Groepsbeeld.`),
    definitionsPath,
  );
  const tables = new Map<string, CsvTable>();
  const outputs: PackageOutput[] = [];
  for (const output of definitions.outputs) {
    let table = tables.get(output.csv);
    if (table === undefined) {
      const path = csvPath(root, output.csv);
      const text = await readText(
        path,
        `${output.csv} ontbreekt in het pakket (${root}) of is niet te lezen; definities.json noemt het voor uitvoer ${output.id}.`,
      );
      table = parsePackageCsv(text, output.csv);
      tables.set(output.csv, table);
    }
    outputs.push({ id: output.id, csv: output.csv, cells: placeFigures(table, output), notes: output.notes });
  }
  return { folder: root, name: basename(root), definitions, outputs };
}
