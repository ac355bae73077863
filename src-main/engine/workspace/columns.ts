// Column-wise binary encoding of a batch of rows: from DuckDB vectors to bytes, and from bytes back to
// text that DuckDB splits and casts itself (one bound parameter per column instead of one call per value).
//
// A batch (before compression) is: table index u32 | row count u32 | column count u32, then per column
// block length u32 | block. A block starts with flags u8 (bit 0: has nulls; bit 1: separated text).
//   Fixed width: validity bitmap if it has nulls (bit set = value present, LSB first), then the values:
//     BOOLEAN one byte per row; INTEGER and DATE (days since 1970-01-01) int32 LE; BIGINT and TIMESTAMP
//     (microseconds) int64 LE; DOUBLE float64 LE. Null rows hold 0.
//   VARCHAR, separated (the normal case): separator u16 | null marker u16 | byte length u32 | UTF-8 of
//     the values joined by the separator, NULL written as the marker. Both are code units that occur in
//     no value of the batch (control characters, else Unicode noncharacters), chosen per batch.
//   VARCHAR, lengths (only if a batch uses every candidate character): validity bitmap if it has nulls,
//     one u32 length per row in UTF-16 code units, byte length u32, UTF-8 of all values concatenated.
import { endianness } from 'node:os';
import {
  BIGINT,
  BOOLEAN,
  DATE,
  DOUBLE,
  type DuckDBDateValue,
  type DuckDBTimestampValue,
  INTEGER,
  TIMESTAMP,
  VARCHAR,
  type DuckDBType,
  type DuckDBVector,
} from '@duckdb/node-api';

// Typed arrays use the machine's byte order; every platform Groepsbeeld ships for is little-endian.
if (endianness() !== 'LE') throw new Error('The workspace format needs a little-endian machine.');

export const STORED_TYPES = { VARCHAR, BOOLEAN, INTEGER, BIGINT, DOUBLE, DATE, TIMESTAMP } as const;
export type StoredTypeName = keyof typeof STORED_TYPES;

export function storedTypeName(type: DuckDBType): StoredTypeName | undefined {
  const name = type.toString();
  return Object.hasOwn(STORED_TYPES, name) ? (name as StoredTypeName) : undefined;
}

type FixedArray = Uint8Array | Int32Array | BigInt64Array | Float64Array;

function fixedArray(type: Exclude<StoredTypeName, 'VARCHAR'>, rows: number): FixedArray {
  switch (type) {
    case 'BOOLEAN':
      return new Uint8Array(rows);
    case 'INTEGER':
    case 'DATE':
      return new Int32Array(rows);
    case 'BIGINT':
    case 'TIMESTAMP':
      return new BigInt64Array(rows);
    case 'DOUBLE':
      return new Float64Array(rows);
  }
}

function packBits(flags: Uint8Array, rows: number): Buffer {
  const bits = Buffer.alloc(Math.ceil(rows / 8));
  for (let i = 0; i < rows; i++) if (flags[i]) bits[i >> 3] = (bits[i >> 3] ?? 0) | (1 << (i & 7));
  return bits;
}

/** Collects one column of a batch from DuckDB vectors, then encodes it. */
export class ColumnBuilder {
  private readonly valid: Uint8Array;
  private readonly fixed: FixedArray | undefined;
  private readonly strings: string[] = [];
  private rows = 0;
  private hasNull = false;
  private textLength = 0;

  constructor(
    readonly type: StoredTypeName,
    capacity: number,
  ) {
    this.valid = new Uint8Array(capacity);
    this.fixed = type === 'VARCHAR' ? undefined : fixedArray(type, capacity);
  }

  add(vector: DuckDBVector, count: number): void {
    const { valid, fixed } = this;
    const start = this.rows;
    for (let i = 0; i < count; i++) {
      const item = vector.getItem(i);
      const at = start + i;
      valid[at] = item === null ? 0 : 1;
      if (item === null) this.hasNull = true;
      if (!fixed) {
        const text = item === null ? '' : (item as string);
        this.strings.push(text);
        this.textLength += text.length;
      } else if (item === null) continue;
      else if (fixed instanceof BigInt64Array) fixed[at] = this.type === 'TIMESTAMP' ? (item as DuckDBTimestampValue).micros : (item as bigint);
      else if (this.type === 'DATE') fixed[at] = (item as DuckDBDateValue).days;
      else if (this.type === 'BOOLEAN') fixed[at] = item ? 1 : 0;
      else fixed[at] = item as number;
    }
    this.rows += count;
  }

  /** Roughly what the batch holds so far (UTF-16 units for text), to keep records far below their size limit. */
  get approximateBytes(): number {
    return this.fixed ? this.fixed.BYTES_PER_ELEMENT * this.rows : this.textLength + 4 * this.rows;
  }

  /** The column's block, and the builder emptied for the next batch. */
  encode(): Buffer {
    const rows = this.rows;
    const strings = this.strings;
    let block: Buffer;
    const free = this.fixed ? [] : freeCodeUnits(strings);
    if (free.length === 2) {
      const [separator, marker] = free as [number, number];
      if (this.hasNull) for (let i = 0; i < rows; i++) if (!this.valid[i]) strings[i] = String.fromCharCode(marker);
      const text = Buffer.from(strings.join(String.fromCharCode(separator)), 'utf8');
      const head = Buffer.alloc(9);
      head.writeUInt8((this.hasNull ? 1 : 0) | 2, 0);
      head.writeUInt16LE(separator, 1);
      head.writeUInt16LE(marker, 3);
      head.writeUInt32LE(text.length, 5);
      block = Buffer.concat([head, text]);
    } else {
      const parts: Buffer[] = [Buffer.from([this.hasNull ? 1 : 0])];
      if (this.hasNull) parts.push(packBits(this.valid, rows));
      if (this.fixed) {
        parts.push(Buffer.from(this.fixed.buffer, 0, this.fixed.BYTES_PER_ELEMENT * rows));
      } else {
        const lengths = new Uint32Array(rows);
        strings.forEach((value, i) => (lengths[i] = value.length));
        const text = Buffer.from(strings.join(''), 'utf8');
        const size = Buffer.alloc(4);
        size.writeUInt32LE(text.length, 0);
        parts.push(Buffer.from(lengths.buffer), size, text);
      }
      block = Buffer.concat(parts);
    }
    this.rows = 0;
    this.hasNull = false;
    this.strings.length = 0;
    this.textLength = 0;
    if (this.fixed) new Uint8Array(this.fixed.buffer).fill(0);
    return block;
  }
}

/** Control characters first (never in register data), then noncharacters U+FDD0..U+FDEF. */
const CANDIDATE_CODE_UNITS = [...Array.from({ length: 31 }, (_, i) => i + 1), ...Array.from({ length: 32 }, (_, i) => 0xfdd0 + i)];

/** Two code units that occur in none of the values, or fewer when the batch uses nearly every candidate. */
function freeCodeUnits(values: readonly string[]): number[] {
  const all = values.join('');
  const free: number[] = [];
  for (const unit of CANDIDATE_CODE_UNITS) {
    if (!all.includes(String.fromCharCode(unit))) free.push(unit);
    if (free.length === 2) break;
  }
  return free;
}

export function encodeBatch(tableIndex: number, rowCount: number, blocks: readonly Buffer[]): Buffer {
  const head = Buffer.alloc(12 + 4 * blocks.length);
  head.writeUInt32LE(tableIndex, 0);
  head.writeUInt32LE(rowCount, 4);
  head.writeUInt32LE(blocks.length, 8);
  const parts: Buffer[] = [head];
  blocks.forEach((block, index) => head.writeUInt32LE(block.length, 12 + 4 * index));
  parts.push(...blocks);
  return Buffer.concat(parts);
}

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
      return `CASE ${text} WHEN '2147483647' THEN DATE 'infinity' WHEN '-2147483647' THEN DATE '-infinity' ELSE CAST(DATE '1970-01-01' + CAST(${text} AS INTEGER) AS DATE) END`;
    case 'TIMESTAMP':
      return `CASE ${text} WHEN '9223372036854775807' THEN TIMESTAMP 'infinity' WHEN '-9223372036854775807' THEN TIMESTAMP '-infinity' ELSE make_timestamp(CAST(${text} AS BIGINT)) END`;
    default:
      return `CAST(${text} AS ${type})`;
  }
}
