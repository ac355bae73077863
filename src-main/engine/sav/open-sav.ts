// Entry point of the .sav reader: open a file, read its dictionary, then stream its cases as column batches.
import { FileByteSource, type ByteWindow } from './byte-source';
import { BytecodeDecoder } from './bytecode';
import { casesToColumns, type CaseBufferFormat } from './case-columns';
import { buildDictionary, type SavDictionary } from './dictionary';
import { readDictionary } from './dictionary-records';
import { SavFormatError, truncatedError } from './sav-error';
import { ValueDecoder } from './text-decoding';
import type { SavBatch, SavCompression, SavVariable } from './types';
import { readZlibBlocks, ZlibBlockWindow } from './zlib-blocks';

export interface SavBatchOptions {
  /** Cases per batch (default 65,536; fewer for very wide files so a batch stays under about 16 MB of raw cases). */
  batchRows?: number;
}

export interface SavFile {
  path: string;
  encoding: string;
  /** Number of cases from the header (or record 7.16); -1 when the writer did not know. */
  caseCount: number;
  compression: SavCompression;
  variables: SavVariable[];
  fileLabel: string;
  documents: string[];
  productName: string;
  created: string;
  /** Streams the cases once, in order; closes the file at the end or when the loop is left early. */
  batches(options?: SavBatchOptions): AsyncGenerator<SavBatch>;
  close(): Promise<void>;
}

const DEFAULT_BATCH_ROWS = 65_536;
const MAX_BATCH_BYTES = 16 * 1024 * 1024;

const COMPRESSIONS: Record<number, SavCompression> = { 0: 'none', 1: 'bytecode', 2: 'zlib' };

async function openSource(path: string): Promise<FileByteSource> {
  let source: FileByteSource;
  try {
    source = await FileByteSource.open(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'het bestand bestaat niet'
        : code === 'EACCES'
          ? 'u hebt geen toestemming om het bestand te lezen'
          : code === 'EISDIR'
            ? 'dit is een map, geen bestand'
            : `het bestand kan niet worden geopend (${code ?? String(error)})`;
    throw new SavFormatError(path, `${reason}.`);
  }
  if (!(await source.isFile())) {
    await source.close();
    throw new SavFormatError(path, 'dit is een map of apparaat, geen bestand.');
  }
  return source;
}

/** Opens a .sav/.zsav file and reads its dictionary; the data is read only when `batches()` is iterated. */
export async function openSav(path: string): Promise<SavFile> {
  const source = await openSource(path);
  try {
    const raw = await readDictionary(source);
    const compression = COMPRESSIONS[raw.compressionCode];
    if (!compression)
      throw new SavFormatError(
        path,
        `onbekende compressiecode ${raw.compressionCode} in de kop van het bestand (bekend: 0 geen, 1 ` +
          `bytecode, 2 zlib). Het bestand is beschadigd of geschreven door een programma dat niet wordt ondersteund.`,
      );
    if (compression === 'zlib' && !raw.zlib)
      throw new SavFormatError(path, 'de kop noemt zlib-compressie (code 2), maar het bestand begint met $FL2 in plaats van $FL3.');
    if (raw.zlib && compression !== 'zlib')
      throw new SavFormatError(path, `het bestand begint met $FL3 (zlib), maar de kop noemt compressiecode ${raw.compressionCode}.`);
    const dictionary = buildDictionary(path, raw);
    if (dictionary.variables.length === 0) throw new SavFormatError(path, 'het woordenboek heeft geen variabelen.');
    const window: ByteWindow = compression === 'zlib' ? new ZlibBlockWindow(source, await readZlibBlocks(source)) : source;
    return new OpenedSavFile(path, source, window, dictionary, compression, raw.littleEndian, raw.bias, raw.created);
  } catch (error) {
    await source.close();
    throw error;
  }
}

class OpenedSavFile implements SavFile {
  readonly encoding: string;
  readonly caseCount: number;
  readonly variables: SavVariable[];
  readonly fileLabel: string;
  readonly documents: string[];
  readonly productName: string;
  private started = false;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly source: FileByteSource,
    private readonly window: ByteWindow,
    private readonly dictionary: SavDictionary,
    readonly compression: SavCompression,
    private readonly littleEndian: boolean,
    private readonly bias: number,
    readonly created: string,
  ) {
    this.encoding = dictionary.encoding;
    this.caseCount = dictionary.caseCount;
    this.variables = dictionary.variables;
    this.fileLabel = dictionary.fileLabel;
    this.documents = dictionary.documents;
    this.productName = dictionary.productName;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.source.close();
  }

  async *batches(options: SavBatchOptions = {}): AsyncGenerator<SavBatch> {
    if (this.started) throw new SavFormatError(this.path, 'de gevallen zijn al eens gelezen; open het bestand opnieuw om ze nog eens te lezen.');
    this.started = true;
    const { caseBytes } = this.dictionary;
    const rowsWanted = Math.max(1, Math.floor(options.batchRows ?? DEFAULT_BATCH_ROWS));
    const batchRows = Math.max(1, Math.min(rowsWanted, Math.floor(MAX_BATCH_BYTES / caseBytes)));
    const cases = new Uint8Array(batchRows * caseBytes);
    const decoder = this.compression === 'none' ? null : new BytecodeDecoder(cases, this.bias, this.littleEndian, this.dictionary.sysmis);
    const format: CaseBufferFormat = {
      caseBytes,
      littleEndian: this.littleEndian,
      sysmis: this.dictionary.sysmis,
      layouts: this.dictionary.layouts,
      text: new ValueDecoder(this.dictionary.encoding),
    };
    let firstCase = 0;
    try {
      for (;;) {
        const filled = decoder ? await this.expandCompressed(decoder, cases.length) : await this.copyUncompressed(cases);
        const rowCount = Math.floor(filled / caseBytes);
        if (filled % caseBytes !== 0) {
          throw truncatedError(this.path, `midden in geval ${firstCase + rowCount + 1}${this.expected()}`);
        }
        if (rowCount > 0) {
          yield { firstCase, rowCount, columns: casesToColumns(cases, rowCount, format) };
          firstCase += rowCount;
        }
        if (filled < cases.length) break;
      }
      if (decoder && !decoder.ended && (decoder.midBlock || this.window.pos < this.window.end)) {
        throw truncatedError(this.path, `aan het begin van geval ${firstCase + 1}${this.expected()}`);
      }
      if (this.caseCount >= 0 && firstCase !== this.caseCount) {
        if (firstCase < this.caseCount) throw truncatedError(this.path, `na geval ${firstCase}, terwijl de kop ${this.caseCount} gevallen belooft`);
        throw new SavFormatError(
          this.path,
          `het aantal gevallen klopt niet: de kop noemt ${this.caseCount} gevallen, maar ` +
            `de gegevens bevatten er ${firstCase}. Het bestand is beschadigd; exporteer het opnieuw.`,
        );
      }
    } finally {
      await this.close();
    }
  }

  private expected(): string {
    return this.caseCount >= 0 ? ` (de kop belooft ${this.caseCount} gevallen)` : '';
  }

  /** Fills `cases` with raw case bytes; returns the bytes filled (less than its length only at the end of the file). */
  private async copyUncompressed(cases: Uint8Array): Promise<number> {
    const window = this.window;
    let filled = 0;
    while (filled < cases.length) {
      if (window.pos === window.end && !(await window.refill())) break;
      const n = Math.min(window.end - window.pos, cases.length - filled);
      cases.set(window.bytes.subarray(window.pos, window.pos + n), filled);
      window.pos += n;
      filled += n;
    }
    return filled;
  }

  private async expandCompressed(decoder: BytecodeDecoder, capacity: number): Promise<number> {
    const window = this.window;
    let filled = 0;
    while (filled < capacity && !decoder.ended) {
      filled = decoder.expand(window.bytes, window.pos, window.end, filled, capacity);
      window.pos = decoder.inputPos;
      if (filled < capacity && !decoder.ended && !(await window.refill())) break;
    }
    return filled;
  }
}
