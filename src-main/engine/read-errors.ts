// Turns DuckDB's read errors into messages for the analyst: which file, which line or column, what to do.
import { UserFacingError } from '../errors';
import type { FileFormat } from './opened-files';

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function csvReason(message: string): string | undefined {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const at = line ? `line ${line}` : 'a line';
  const conversion = /Error when converting column "([^"]*)"\. Could not convert string "([^"]*)" to '([^']+)'/.exec(message);
  if (conversion) {
    return `column ${conversion[1]}, ${at}: the value "${conversion[2]}" is not a ${conversion[3]} like the rows before it. Correct the value, or the column's type in the export.`;
  }
  if (/not utf-8 encoded|Invalid unicode/i.test(message)) {
    return `${at} is not UTF-8 text although the start of the file is: the file mixes text encodings. Save the whole file in one encoding (UTF-8).`;
  }
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (columns) {
    return `${at} has ${columns[2]} values where the header has ${columns[1]} columns: the delimiter may be wrong or a quote is not closed.`;
  }
  if (/unterminated quotes/i.test(message)) return `${at} opens a quote that is never closed.`;
  if (/not possible to automatically detect the CSV parsing dialect/i.test(message)) {
    return 'its rows do not fit its header row (a different number of values, or an unclosed quote). Check the delimiter and quotes, or export it again.';
  }
  if (line) return `${at}: ${firstLine(message).replace(/^[A-Za-z ]+Error: /, '')}`;
  return undefined;
}

function parquetReason(message: string): string | undefined {
  if (/magic bytes|too small to be a Parquet file|Invalid Input Error: .*Parquet|Couldn't deserialize|Corrupt/i.test(message)) {
    return 'it is not a complete Parquet file (it may be truncated or still being written). Open the complete file.';
  }
  return undefined;
}

/** A UserFacingError stays as it is; a DuckDB error becomes one that names the file and, where DuckDB says, the line and column. */
export function explainReadError(name: string, format: FileFormat, error: unknown): Error {
  if (error instanceof UserFacingError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const reason = format === 'csv' ? csvReason(message) : format === 'parquet' ? parquetReason(message) : undefined;
  return new UserFacingError(`"${name}" could not be read as ${format.toUpperCase()}: ${reason ?? firstLine(message)}`);
}
