// Column-wise binary encoding of a batch of rows, from DuckDB vectors to bytes (batch-decoding.ts reads them back).
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
import type { DuckDBDateValue, DuckDBTimestampValue, DuckDBVector } from '@duckdb/node-api';
import type { StoredTypeName } from './stored-types';

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
