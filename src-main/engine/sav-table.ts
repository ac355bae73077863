// An opened SPSS .sav/.zsav file: loaded by our reader into a table of the locked session, its dictionary kept for the profile.
import { UserFacingError } from '../common/errors';
import { classifyColumn, readSampleFacts, sampleFactsSql, type ColumnKind, type ColumnSample } from './column-kinds';
import type { DescribedFile } from './file-describe';
import { numberText, type ColumnLabels, type ScanColumn } from './file-scan';
import type { LockedSession } from './locked-session';
import { checkUnchanged, type FileOnDisk } from './opened-files';
import { loadSavIntoSession } from './sav/load-into-session';
import type { SavVariable } from './sav/types';
import { quoteIdentifier } from './sql';

/** Rows sampled for leading zeros and YYYYMMDD dates, as for CSV and Parquet. */
const SAMPLE_ROWS = 20_000;

/** The in-memory table that holds a .sav file in the session. */
export function savTableName(id: string): string {
  return `sav_${id.replace(/[^0-9a-zA-Z]/g, '')}`;
}

function isUserMissing(variable: SavVariable, value: number | string): boolean {
  if (variable.missing.values.includes(value)) return true;
  const range = variable.missing.range;
  return typeof value === 'number' && range !== null && value >= range.low && value <= range.high;
}

/**
 * A variable whose dictionary labels values that can occur (not only its missing-value codes) holds
 * categories: its values are codes, shown as text with their labels. Numbers count only when the labelled
 * values are whole and printed without decimals (F1.0 for sex, not F8.2 for an amount with a label for -1).
 */
function isCategorical(variable: SavVariable): boolean {
  const labelled = [...variable.valueLabels.keys()];
  if (!labelled.some((value) => !isUserMissing(variable, value))) return false;
  if (variable.type === 'string') return true;
  return variable.printFormat.decimals === 0 && labelled.every((value) => typeof value === 'number' && Number.isInteger(value));
}

function kindOf(variable: SavVariable, sourceType: string, sample: ColumnSample | undefined): ColumnKind {
  const kind = classifyColumn(variable.name, sourceType, sample);
  // N format: a number printed with leading zeros (a municipality code 0784), i.e. a code.
  if (kind === 'number' && variable.printFormat.type === 'N') return 'code';
  return (kind === 'text' || kind === 'number') && isCategorical(variable) ? 'code' : kind;
}

function labelsOf(variable: SavVariable): ColumnLabels | undefined {
  if (variable.label === null && variable.valueLabels.size === 0) return undefined;
  return { label: variable.label, valueLabels: new Map(variable.valueLabels) };
}

/**
 * Loads the file into `tableName` (atomically: a damaged file leaves no table) and describes its columns:
 * keys by name, codes by labels, N format or leading zeros, dates (SPSS dates, or YYYYMMDD text or numbers).
 */
export async function describeSav(session: LockedSession, path: string, tableName: string): Promise<DescribedFile> {
  const loaded = await loadSavIntoSession(session, path, tableName);
  const table = quoteIdentifier(tableName);
  const described = await session.query(`DESCRIBE SELECT * FROM ${table}`);
  const types = new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
  const names = loaded.variables.map((variable) => variable.name);
  const typeOf = (name: string) => types.get(name) ?? 'VARCHAR';
  // Numbers as whole-number text (12345, not 12345.0), so YYYYMMDD dates stored as numbers are recognised.
  const asText = names.map((name) => `${numberText(quoteIdentifier(name), typeOf(name))} AS ${quoteIdentifier(name)}`).join(', ');
  const [facts] = await session.query(sampleFactsSql(names, `(SELECT ${asText} FROM ${table} LIMIT ${SAMPLE_ROWS})`));
  const samples = readSampleFacts(names, facts);
  const columns = loaded.variables.map((variable, index): ScanColumn => {
    const sourceType = typeOf(variable.name);
    const kind = kindOf(variable, sourceType, samples[index]);
    const codeWidth = kind === 'code' && variable.printFormat.type === 'N' ? variable.printFormat.width : undefined;
    return { name: variable.name, kind, sourceType, codeWidth, labels: labelsOf(variable) };
  });
  return { columns };
}

/**
 * An open .sav lives only as its table in the session, which is carried into each new locked session
 * (DuckDB cannot read the file itself). The file must still be the one that was opened: the analyst's
 * profile and roles describe it, so a changed file stops the swap instead of being used silently.
 */
export async function refuseChangedSav(file: FileOnDisk): Promise<void> {
  try {
    await checkUnchanged(file);
  } catch {
    throw new UserFacingError(
      `"${file.name}" is op schijf veranderd nadat het werd geopend (het is overschreven, ` +
        `verplaatst of verwijderd); Groepsbeeld gebruikt een .sav-bestand alleen zoals het werd geopend. ` +
        'Zet het oorspronkelijke bestand terug, of start Groepsbeeld opnieuw om de nieuwe versie te openen.',
    );
  }
}
