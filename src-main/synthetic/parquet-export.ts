// Converts the CSV extracts to typed Parquet through a locked DuckDB session, then removes each CSV.
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openLockedSession } from '../engine/locked-session';
import { quoteIdentifier } from '../engine/sql';
import { EXTRACT_TABLES, type ColumnKind, type ExtractTable } from './extract-tables';

/** Keys, dates and codes stay text (leading zeros, YYYYMMDD); amounts need 64 bits (unknown = 9999999999). */
export const PARQUET_TYPES: Record<ColumnKind, 'VARCHAR' | 'INTEGER' | 'BIGINT'> = {
  key: 'VARCHAR',
  date: 'VARCHAR',
  code: 'VARCHAR',
  count: 'INTEGER',
  amount: 'BIGINT',
};

/**
 * Without a limit DuckDB buffers the order-preserving Parquet write by file size (4 GB RSS for a
 * 70-million-row address file); at 512MB it spills instead, equally fast and with the same bytes.
 */
export const CONVERSION_MEMORY_LIMIT = '512MB';

export interface ParquetOptions {
  tables?: readonly ExtractTable[];
  signal?: AbortSignal | undefined;
  /** Share of the CSV bytes converted so far, 0..1. */
  onProgress?: ((fraction: number) => void) | undefined;
}

export interface ParquetFile {
  table: ExtractTable;
  /** File name inside the folder, e.g. GBAPERSOON2018TABV1.parquet. */
  name: string;
  rows: number;
}

/** The read_csv `columns` struct: names quoted, types from our own constant table, never from input. */
export function csvColumnsStruct(table: ExtractTable): string {
  return `{${table.columns.map(([name, kind]) => `${quoteIdentifier(name)}: '${PARQUET_TYPES[kind]}'`).join(', ')}}`;
}

/** read_csv is told the columns (auto_detect off), so it would skip a wrong header silently: check it here. */
async function checkHeader(csvPath: string, table: ExtractTable): Promise<void> {
  const expected = table.columns.map(([name]) => name).join(',');
  const handle = await open(csvPath, 'r');
  try {
    const buffer = Buffer.alloc(expected.length + 2);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const header = buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0]?.replace(/\r$/, '');
    if (header !== expected) {
      throw new Error(`${csvPath}: the header row is "${header}", expected "${expected}" for ${table.fileName}. Generate the extracts again.`);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Converts `<fileName>.csv` to `<fileName>.parquet` for every table, in the folder, one table at a time
 * (DuckDB streams the COPY, so memory stays bounded at any scale). The session may read only those CSVs
 * and write only into the folder. Output is byte-identical for identical input, whatever the thread count
 * or memory limit (measured with 1 to 8 threads).
 */
export async function convertExtractsToParquet(folder: string, options: ParquetOptions = {}): Promise<ParquetFile[]> {
  const tables = options.tables ?? EXTRACT_TABLES;
  const csvPaths = tables.map((table) => join(folder, `${table.fileName}.csv`));
  const sizes = await Promise.all(
    csvPaths.map(async (path) => {
      try {
        return (await stat(path)).size;
      } catch {
        throw new Error(`${path} is missing, so it cannot be converted to Parquet. Generate the extracts again.`);
      }
    }),
  );
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0) || 1;
  const session = await openLockedSession({ readableFiles: csvPaths, writableDirectories: [folder], memoryLimit: CONVERSION_MEMORY_LIMIT });
  const converted: ParquetFile[] = [];
  let doneBytes = 0;
  try {
    for (const [index, table] of tables.entries()) {
      options.signal?.throwIfAborted();
      const csvPath = csvPaths[index]!;
      await checkHeader(csvPath, table);
      const name = `${table.fileName}.parquet`;
      const sql =
        `COPY (SELECT * FROM read_csv($path, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
        `columns = ${csvColumnsStruct(table)})) TO $parquet (FORMAT parquet, COMPRESSION zstd)`;
      let result;
      try {
        [result] = await session.query(sql, { path: csvPath, parquet: join(folder, name) });
      } catch (error) {
        throw new Error(`Converting ${csvPath} to Parquet failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      converted.push({ table, name, rows: Number(result?.['Count']) });
      await rm(csvPath);
      doneBytes += sizes[index]!;
      options.onProgress?.(doneBytes / totalBytes);
    }
  } finally {
    await session.close();
  }
  return converted;
}
