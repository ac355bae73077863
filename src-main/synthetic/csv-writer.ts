// Streams rows into a CSV file as CBS's converted copies look: a header row, ',' separated.
// Generated values are keys, codes, dates and numbers: they never contain a separator or quote.
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_BYTES = 1 << 20;

export type CellValue = string | number;

/** Writes rows with bounded memory: rows are buffered up to about 1 MB, then written synchronously. */
export class CsvWriter {
  private readonly descriptor: number;
  private parts: string[] = [];
  private pendingBytes = 0;
  rows = 0;

  constructor(
    readonly path: string,
    private readonly columnCount: number,
    header: readonly string[],
  ) {
    this.descriptor = openSync(path, 'w');
    this.append(header.join(','));
  }

  private append(line: string): void {
    this.parts.push(line, '\n');
    this.pendingBytes += line.length + 1;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  write(values: readonly CellValue[]): void {
    if (values.length !== this.columnCount) {
      throw new Error(`${this.path}: row has ${values.length} values, expected ${this.columnCount}.`);
    }
    this.rows += 1;
    this.append(values.join(','));
  }

  flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.descriptor, this.parts.join(''));
    this.parts = [];
    this.pendingBytes = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.descriptor);
  }
}
