// The column types a workspace stores, by their DuckDB names, and the byte order its typed arrays need.
import { endianness } from 'node:os';
import { BIGINT, BOOLEAN, DATE, DOUBLE, INTEGER, TIMESTAMP, VARCHAR, type DuckDBType } from '@duckdb/node-api';

// Typed arrays use the machine's byte order; every platform Groepsbeeld ships for is little-endian.
if (endianness() !== 'LE') throw new Error('The workspace format needs a little-endian machine.');

export const STORED_TYPES = { VARCHAR, BOOLEAN, INTEGER, BIGINT, DOUBLE, DATE, TIMESTAMP } as const;
export type StoredTypeName = keyof typeof STORED_TYPES;

export function storedTypeName(type: DuckDBType): StoredTypeName | undefined {
  const name = type.toString();
  return Object.hasOwn(STORED_TYPES, name) ? (name as StoredTypeName) : undefined;
}
