// Decoding a batch (the format is in batch-encoding.ts): from bytes back to text that DuckDB splits and casts itself
// (one bound parameter per column instead of one call per value).
import type { StoredTypeName } from './stored-types';

/** Thrown when a decrypted batch does not have the shape the manifest announced (a bug, or a forged file). */
export class BatchShapeError extends Error {}

function need(condition: boolean, what: string): asserts condition {
  if (!condition) throw new BatchShapeError(`een gegevensblok is misvormd (${what})`);
}

/** A copy, so the typed array is aligned whatever the buffer's offset. */
function copyOut(buffer: Buffer, start: number, bytes: number): ArrayBuffer {
  need(start + bytes <= buffer.length, 'waarden lopen voorbij het blok');
  const copy = new Uint8Array(bytes);
  copy.set(buffer.subarray(start, start + bytes));
  return copy.buffer;
}

/**
 * One column of a decoded batch. `text` is the whole column as one string for DuckDB's string_split:
 * values joined by `separator`, NULL as `nullMarker` (for numbers: decimal text, ',' and '').
 * `values()` is the slower value-by-value form, for the rare batch that has no separated text.
 */
export class DecodedColumn {
  constructor(
    readonly type: StoredTypeName,
    readonly text: string | undefined,
    readonly separator: string,
    readonly nullMarker: string,
    private readonly fallback: (string | null)[] | undefined,
  ) {}

  values(): (string | null)[] {
    if (this.fallback) return this.fallback;
    return (this.text ?? '').split(this.separator).map((value) => (value === this.nullMarker ? null : value));
  }
}

function isValid(bits: Buffer | undefined, i: number): boolean {
  return !bits || ((bits[i >> 3] ?? 0) & (1 << (i & 7))) !== 0;
}

/** Numbers as decimal text; String() of a double is its shortest exact form, and DuckDB parses it back exactly. */
function numberText(items: ArrayLike<number | bigint>, bits: Buffer | undefined, rows: number, format: (value: number | bigint) => string): string {
  const texts = new Array<string>(rows);
  for (let i = 0; i < rows; i++) texts[i] = isValid(bits, i) ? format(items[i] ?? 0) : '';
  return texts.join(',');
}

function decodeColumn(type: StoredTypeName, block: Buffer, rows: number): DecodedColumn {
  need(block.length >= 1, 'lege kolom');
  const flags = block[0] ?? 0;
  if (flags & 2) {
    need(type === 'VARCHAR' && block.length >= 9, 'kop van gescheiden tekst');
    const byteLength = block.readUInt32LE(5);
    need(9 + byteLength === block.length, 'tekstgrootte');
    return new DecodedColumn(
      type,
      block.toString('utf8', 9),
      String.fromCharCode(block.readUInt16LE(1)),
      String.fromCharCode(block.readUInt16LE(3)),
      undefined,
    );
  }
  let offset = 1;
  let bits: Buffer | undefined;
  if (flags & 1) {
    bits = block.subarray(offset, offset + Math.ceil(rows / 8));
    offset += Math.ceil(rows / 8);
  }
  if (type === 'VARCHAR') {
    const lengths = new Uint32Array(copyOut(block, offset, rows * 4));
    offset += rows * 4;
    need(offset + 4 <= block.length, 'tekstgrootte ontbreekt');
    const byteLength = block.readUInt32LE(offset);
    offset += 4;
    need(offset + byteLength === block.length, 'tekstgrootte');
    const text = block.toString('utf8', offset, offset + byteLength);
    const values = new Array<string | null>(rows);
    let at = 0;
    for (let i = 0; i < rows; i++) {
      const length = lengths[i] ?? 0;
      values[i] = isValid(bits, i) ? text.slice(at, at + length) : null;
      at += length;
    }
    need(at === text.length, 'tekstlengtes');
    return new DecodedColumn(type, undefined, '', '', values);
  }
  const width = type === 'BOOLEAN' ? 1 : type === 'INTEGER' || type === 'DATE' ? 4 : 8;
  need(offset + width * rows === block.length, 'grootte van de waarden');
  const raw = copyOut(block, offset, width * rows);
  const items =
    type === 'BOOLEAN' ? new Uint8Array(raw) : width === 4 ? new Int32Array(raw) : type === 'DOUBLE' ? new Float64Array(raw) : new BigInt64Array(raw);
  const format = type === 'DOUBLE' ? (value: number | bigint) => (Object.is(value, -0) ? '-0' : String(value)) : String;
  return new DecodedColumn(type, numberText(items, bits, rows, format), ',', '', undefined);
}

export interface DecodedBatch {
  tableIndex: number;
  rowCount: number;
  columns: DecodedColumn[];
}

/** The batch's table index is checked by the caller; column count and types come from the manifest. */
export function decodeBatch(batch: Buffer, typesOfTable: (tableIndex: number) => readonly StoredTypeName[] | undefined): DecodedBatch {
  need(batch.length >= 12, 'kop');
  const tableIndex = batch.readUInt32LE(0);
  const rowCount = batch.readUInt32LE(4);
  const columnCount = batch.readUInt32LE(8);
  const types = typesOfTable(tableIndex);
  need(types !== undefined, 'onbekende tabel');
  need(columnCount === types.length && batch.length >= 12 + 4 * columnCount, 'aantal kolommen');
  let offset = 12 + 4 * columnCount;
  const columns = types.map((type, index) => {
    const length = batch.readUInt32LE(12 + 4 * index);
    need(offset + length <= batch.length, 'kolomgrootte');
    const column = decodeColumn(type, batch.subarray(offset, offset + length), rowCount);
    offset += length;
    return column;
  });
  need(offset === batch.length, 'bytes na het einde');
  return { tableIndex, rowCount, columns };
}

/** SQL that turns one split-out text value back into the column's type (the text comes from our own encoder). */
export function castFromText(type: StoredTypeName, text: string): string {
  switch (type) {
    case 'VARCHAR':
      return text;
    case 'BOOLEAN':
      return `(${text} = '1')`;
    // DuckDB stores ±infinity as the extreme int32/int64 values, which date arithmetic would overflow on.
    case 'DATE':
      return (
        `CASE ${text} WHEN '2147483647' THEN DATE 'infinity' WHEN '-2147483647' THEN DATE '-infinity' ` +
        `ELSE CAST(DATE '1970-01-01' + CAST(${text} AS INTEGER) AS DATE) END`
      );
    case 'TIMESTAMP':
      return (
        `CASE ${text} WHEN '9223372036854775807' THEN TIMESTAMP 'infinity' WHEN '-9223372036854775807' THEN TIMESTAMP '-infinity' ` +
        `ELSE make_timestamp(CAST(${text} AS BIGINT)) END`
      );
    default:
      return `CAST(${text} AS ${type})`;
  }
}
