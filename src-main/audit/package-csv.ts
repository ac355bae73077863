// Splits a package CSV (BOM, ';', CRLF, '"' quoting, '#' comment lines) into its header row and data rows.
import { UserFacingError } from '../common/errors';

export interface CsvRow {
  readonly fields: readonly string[];
  /** 1-based line of the file where the row starts, for messages. */
  readonly line: number;
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

const SEPARATOR = ';';
const BYTE_ORDER_MARK = '\ufeff';

/**
 * Parses the text as the app writes it. A record that starts with '#' (outside quotes) is a comment and is skipped
 * whole, quotes and all; quoted fields may hold ';', '""' and line breaks; CRLF and LF are both accepted.
 */
export function parsePackageCsv(text: string, fileName: string): CsvTable {
  const source = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const records: CsvRow[] = [];
  let position = 0;
  let line = 1;
  const atLineEnd = (index: number): number =>
    source[index] === '\r' && source[index + 1] === '\n' ? 2 : source[index] === '\n' || source[index] === '\r' ? 1 : 0;
  while (position < source.length) {
    const startLine = line;
    if (source[position] === '#') {
      while (position < source.length && atLineEnd(position) === 0) position += 1;
      position += atLineEnd(position);
      line += 1;
      continue;
    }
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (source[position] === '"') {
        position += 1;
        for (;;) {
          if (position >= source.length) {
            throw new UserFacingError(`${fileName}: het veld tussen aanhalingstekens dat op regel ${startLine} begint, wordt niet afgesloten.`);
          }
          const character = source[position] as string;
          if (character === '"') {
            if (source[position + 1] === '"') {
              field += '"';
              position += 2;
              continue;
            }
            position += 1;
            break;
          }
          const lineEnd = atLineEnd(position);
          if (lineEnd > 0) {
            line += 1;
            field += source.slice(position, position + lineEnd);
            position += lineEnd;
            continue;
          }
          field += character;
          position += 1;
        }
        if (position < source.length && source[position] !== SEPARATOR && atLineEnd(position) === 0) {
          throw new UserFacingError(`${fileName}, regel ${line}: na een sluitend aanhalingsteken hoort een ';' of het einde van de regel.`);
        }
      } else {
        while (position < source.length && source[position] !== SEPARATOR && atLineEnd(position) === 0) {
          field += source[position];
          position += 1;
        }
      }
      fields.push(field);
      if (source[position] === SEPARATOR) {
        position += 1;
        continue;
      }
      const lineEnd = atLineEnd(position);
      position += lineEnd;
      if (lineEnd > 0 || position >= source.length) line += 1;
      break;
    }
    // A blank line (one empty field) carries no row: the app never writes one.
    if (fields.length === 1 && fields[0] === '') continue;
    records.push({ fields, line: startLine });
  }
  const [header, ...rows] = records;
  if (header === undefined) throw new UserFacingError(`${fileName} bevat geen kopregel: het bestand is leeg of bevat alleen commentaar.`);
  rows.forEach((row) => {
    if (row.fields.length !== header.fields.length) {
      throw new UserFacingError(
        `${fileName}, regel ${row.line}: ${row.fields.length} velden, terwijl de kopregel er ${header.fields.length} heeft (rijlabel plus één veld per kolom).`,
      );
    }
  });
  return { header: header.fields, rows };
}
