// Sniffs a CSV file's first bytes in Node: empty or binary, its text encoding, and its delimiter.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { UserFacingError } from '../common/errors';

/** DuckDB read_csv encodings that work offline; 'latin-1' also reads Windows-1252 outside 0x80-0x9F. */
export type CsvEncoding = 'utf-8' | 'latin-1' | 'utf-16';
export type CsvDelimiter = ',' | ';';

export interface CsvSniff {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Windows-1252 with characters latin-1 lacks (bytes 0x80-0x9F: €, curly quotes): read from a UTF-8 copy. */
  needsUtf8Copy: boolean;
}

const SAMPLE_BYTES = 256 * 1024;
const SAMPLE_LINES = 200;

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** 1-based line of a byte offset. */
function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

/** Length of the UTF-8 sequence starting at `index`, or 0 when the bytes there are not valid UTF-8. */
function utf8SequenceLength(bytes: Buffer, index: number): number {
  const first = bytes[index] ?? 0;
  const length = first >= 0xf0 && first <= 0xf4 ? 4 : first >= 0xe0 ? 3 : first >= 0xc2 && first <= 0xdf ? 2 : 0;
  if (length === 0 || first >= 0xf5) return 0;
  for (let next = 1; next < length; next += 1) {
    const byte = bytes[index + next];
    if (byte === undefined) return -1; // cut off by the end of the sample
    if ((byte & 0xc0) !== 0x80) return 0;
  }
  return length;
}

interface EncodingScan {
  multibyte: number;
  firstInvalid: number | undefined;
  firstC1: number | undefined;
}

function scanEncoding(bytes: Buffer): EncodingScan {
  const scan: EncodingScan = { multibyte: 0, firstInvalid: undefined, firstC1: undefined };
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    if (byte < 0x80) {
      index += 1;
      continue;
    }
    const length = utf8SequenceLength(bytes, index);
    if (length === -1) break;
    if (length > 0) {
      scan.multibyte += 1;
      index += length;
      continue;
    }
    scan.firstInvalid ??= index;
    if (byte <= 0x9f) scan.firstC1 ??= index;
    index += 1;
  }
  return scan;
}

function detectEncoding(name: string, bytes: Buffer): Pick<CsvSniff, 'encoding' | 'needsUtf8Copy'> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16', needsUtf8Copy: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16', needsUtf8Copy: false };
  const scan = scanEncoding(bytes);
  if (scan.firstInvalid === undefined) return { encoding: 'utf-8', needsUtf8Copy: false };
  const line = lineAt(bytes, scan.firstInvalid);
  if (scan.multibyte > 0) {
    throw new UserFacingError(
      `"${name}" mengt tekstcoderingen: het bevat UTF-8-tekens, maar regel ${line} is geen UTF-8 (waarschijnlijk Windows-1252). ` +
        'Sla het hele bestand op in één codering (UTF-8) en open het opnieuw.',
    );
  }
  return { encoding: 'latin-1', needsUtf8Copy: scan.firstC1 !== undefined };
}

/**
 * DuckDB reads Windows-1252 as latin-1, which lacks the characters at bytes 0x80-0x9F (€, curly quotes,
 * dashes). Seen in the first 256 KiB, they make the engine read a UTF-8 copy; first seen further on, the
 * file is refused with the line.
 */
function windows1252Refusal(name: string, line: number | undefined): UserFacingError {
  return new UserFacingError(
    `"${name}" is Windows-1252-tekst met tekens (zoals € of gekrulde aanhalingstekens) ` +
      `die niet te lezen zijn${line === undefined ? '' : `, voor het eerst op regel ${line}`}. ` +
      'Sla het bestand op als UTF-8 en open het opnieuw.',
  );
}

/** For DuckDB's "not latin-1" refusal, which names no line: streams the file to find the first such byte (error path only). */
export async function windows1252Error(path: string, name: string): Promise<UserFacingError> {
  let line = 1;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (byte === 0x0a) line += 1;
      else if (byte >= 0x80 && byte <= 0x9f) return windows1252Refusal(name, line);
    }
  }
  return windows1252Refusal(name, undefined);
}

/** NUL bytes or many control characters: not a text file (UTF-16 has NULs, and is recognised by its BOM first). */
function checkText(name: string, bytes: Buffer): void {
  let control = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] ?? 0;
    if (byte === 0) {
      throw new UserFacingError(`"${name}" is geen tekstbestand (binaire inhoud bij byte ${index + 1}); open de CSV-export, geen ander soort bestand.`);
    }
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control += 1;
  }
  if (control > Math.max(8, bytes.length / 100)) {
    throw new UserFacingError(`"${name}" is geen tekstbestand (het staat vol stuurtekens); open de CSV-export, geen ander soort bestand.`);
  }
}

interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  text: string;
}

/** Splits text into records on line breaks outside double quotes (a quoted value may span lines). */
function splitRecords(text: string, wholeFile: boolean): CsvRecord[] {
  const records: CsvRecord[] = [];
  let quoted = false;
  let start = 0;
  let line = 1;
  let startLine = 1;
  for (let index = 0; index < text.length && records.length < SAMPLE_LINES; index += 1) {
    const character = text[index];
    if (character === '"') quoted = !quoted;
    else if (character === '\n') {
      line += 1;
      if (!quoted) {
        records.push({ line: startLine, text: text.slice(start, index).replace(/\r$/, '') });
        start = index + 1;
        startLine = line;
      }
    }
  }
  // The last record may be cut off by the sample, unless the sample is the whole file.
  if (wholeFile && start < text.length && records.length < SAMPLE_LINES) records.push({ line: startLine, text: text.slice(start) });
  return records.filter((record) => record.text.trim() !== '');
}

/** Delimiters counted outside double quotes. */
function countOutsideQuotes(record: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const character of record) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && character === delimiter) count += 1;
  }
  return count;
}

function detectDelimiter(name: string, records: readonly CsvRecord[]): CsvDelimiter {
  const header = records[0]?.text ?? '';
  const candidates = ([';', ','] as const)
    .map((delimiter) => ({ delimiter, fields: countOutsideQuotes(header, delimiter) }))
    .filter((candidate) => candidate.fields > 0)
    .map((candidate) => ({ ...candidate, misfit: records.find((record) => countOutsideQuotes(record.text, candidate.delimiter) !== candidate.fields) }));
  const best = candidates.find((candidate) => candidate.misfit === undefined) ?? candidates.sort((a, b) => b.fields - a.fields)[0];
  if (best?.misfit) {
    const found = countOutsideQuotes(best.misfit.text, best.delimiter) + 1;
    throw new UserFacingError(
      `"${name}", regel ${best.misfit.line}: ${found} waarden, terwijl de kopregel ${best.fields + 1} kolommen heeft (gescheiden door "${best.delimiter}"). ` +
        'Misschien staat het scheidingsteken in een waarde zonder aanhalingstekens, of ' +
        'is een aanhalingsteken niet gesloten; verbeter het bestand of exporteer het opnieuw.',
    );
  }
  if (best) return best.delimiter;
  const other = ['\t', '|'].find((delimiter) => countOutsideQuotes(header, delimiter) > 0);
  if (other) {
    const shown = other === '\t' ? 'tabs' : `"${other}"`;
    throw new UserFacingError(
      `"${name}" scheidt de kolommen met ${shown} (kopregel: "${header.slice(0, 80)}"); Groepsbeeld leest CSV met "," of ";" als scheidingsteken. ` +
        'Exporteer het bestand opnieuw met een van die twee.',
    );
  }
  return ','; // one column: the delimiter does not matter
}

/** Reads the first 256 KiB: refuses empty and binary files and mixed encodings; detects the encoding and delimiter. */
export async function sniffCsv(path: string, name: string): Promise<CsvSniff> {
  const bytes = await readHead(path);
  if (bytes.length === 0) throw new UserFacingError(`"${name}" is leeg (0 bytes); kies het volledige bestand.`);
  const { encoding, needsUtf8Copy } = detectEncoding(name, bytes);
  if (encoding !== 'utf-16') checkText(name, bytes);
  const text = new TextDecoder(
    encoding === 'utf-16' ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : encoding === 'latin-1' ? 'windows-1252' : 'utf-8',
  ).decode(bytes);
  const records = splitRecords(text.replace(/^\uFEFF/, ''), bytes.length < SAMPLE_BYTES);
  if (records.length === 0) throw new UserFacingError(`"${name}" heeft geen kopregel en geen gegevens: het bevat alleen lege regels.`);
  return { encoding, delimiter: detectDelimiter(name, records), needsUtf8Copy };
}
