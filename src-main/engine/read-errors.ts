// Turns DuckDB's read errors into messages for the analyst: which file, which line or column, what to do.
import { UserFacingError } from '../common/errors';
import type { FileFormat } from './opened-files';

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function csvReason(message: string): string | undefined {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const at = line ? `regel ${line}` : 'een regel';
  const conversion = /Error when converting column "([^"]*)"\. Could not convert string "([^"]*)" to '([^']+)'/.exec(message);
  if (conversion) {
    return (
      `kolom ${conversion[1]}, ${at}: de waarde "${conversion[2]}" is geen ${conversion[3]}, ` +
      `zoals de rijen ervoor. Verbeter de waarde, of het type van de kolom in de export.`
    );
  }
  if (/not utf-8 encoded|Invalid unicode/i.test(message)) {
    return (
      `${at} is geen UTF-8-tekst, terwijl het begin van het bestand dat wel is: ` +
      `het bestand mengt tekstcoderingen. Sla het hele bestand op in één codering (UTF-8).`
    );
  }
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (columns) {
    return (
      `${at} heeft ${columns[2]} waarden, terwijl de kopregel ${columns[1]} kolommen ` +
      `heeft: misschien is het scheidingsteken verkeerd of is een aanhalingsteken niet gesloten.`
    );
  }
  if (/unterminated quotes/i.test(message)) return `${at} opent een aanhalingsteken dat nergens wordt gesloten.`;
  if (/not possible to automatically detect the CSV parsing dialect/i.test(message)) {
    return (
      'de rijen passen niet bij de kopregel (een ander aantal waarden, of een aanhalingsteken dat niet ' +
      'is gesloten). Controleer het scheidingsteken en de aanhalingstekens, of exporteer het bestand opnieuw.'
    );
  }
  if (line) return `${at}: ${firstLine(message).replace(/^[A-Za-z ]+Error: /, '')}`;
  return undefined;
}

function parquetReason(message: string): string | undefined {
  if (/magic bytes|too small to be a Parquet file|Invalid Input Error: .*Parquet|Couldn't deserialize|Corrupt/i.test(message)) {
    return 'het is geen volledig Parquet-bestand (misschien is het afgebroken of wordt het nog geschreven). Open het volledige bestand.';
  }
  return undefined;
}

/** A UserFacingError stays as it is; a DuckDB error becomes one that names the file and, where DuckDB says, the line and column. */
export function explainReadError(name: string, format: FileFormat, error: unknown): Error {
  if (error instanceof UserFacingError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const reason = format === 'csv' ? csvReason(message) : format === 'parquet' ? parquetReason(message) : undefined;
  return new UserFacingError(`"${name}" kon niet worden gelezen als ${format.toUpperCase()}: ${reason ?? firstLine(message)}`);
}
