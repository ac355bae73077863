// Converts DuckDB values (BIGINT, DECIMAL, DATE, nested types...) to plain JSON-safe values, once, at the boundary.
import { DuckDBArrayValue, DuckDBBlobValue, DuckDBDecimalValue, DuckDBListValue, DuckDBMapValue, DuckDBStructValue, type DuckDBValue } from '@duckdb/node-api';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonRow = Record<string, JsonValue>;

/** Doubles represent every decimal of up to 15 significant digits exactly. */
const MAX_EXACT_DECIMAL_WIDTH = 15;

function bigintToJson(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

/**
 * Numbers stay numbers where that is exact; integers beyond 2^53 and wide decimals become decimal
 * strings so no digit is lost; NaN and infinities (not representable in JSON) become null; dates,
 * times and timestamps become their ISO text. Binary values never leave the engine.
 */
export function toJsonValue(value: DuckDBValue): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return bigintToJson(value);
  if (value instanceof DuckDBDecimalValue) {
    if (value.scale === 0) return bigintToJson(value.value);
    return value.width <= MAX_EXACT_DECIMAL_WIDTH ? value.toDouble() : value.toString();
  }
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) return value.items.map(toJsonValue);
  if (value instanceof DuckDBStructValue) {
    return Object.fromEntries(Object.entries(value.entries).map(([key, item]) => [key, toJsonValue(item)]));
  }
  if (value instanceof DuckDBMapValue) {
    return value.entries.map((entry) => ({ key: toJsonValue(entry.key), value: toJsonValue(entry.value) }));
  }
  if (value instanceof DuckDBBlobValue) {
    throw new Error('A binary (BLOB) value cannot be passed out of the engine; select a text or numeric column instead.');
  }
  // Dates, times, timestamps, intervals, UUIDs, bit strings, unions: their canonical text form.
  return value.toString();
}

export function toJsonRow(row: Record<string, DuckDBValue>): JsonRow {
  const out: JsonRow = {};
  for (const [key, value] of Object.entries(row)) out[key] = toJsonValue(value);
  return out;
}
