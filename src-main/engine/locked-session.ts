// One in-memory DuckDB, locked down: no extensions fetched or loaded, no network, only the named files.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { toJsonRow, type JsonRow } from './json-values';

export interface LockedSessionOptions {
  /** Absolute, resolved paths of files the analyst opened: the only files DuckDB may read. */
  readableFiles: readonly string[];
  /** Absolute directories DuckDB may read and write (the analyst's chosen export folder). */
  writableDirectories?: readonly string[];
  /** DuckDB's memory_limit, e.g. '512MB' (default 80 % of RAM); beyond it DuckDB spills to the private temp folder. */
  memoryLimit?: string;
}

export type QueryParameters = Record<string, DuckDBValue>;

export type AppendColumn = readonly (string | null)[] | Float64Array;

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

/** A result read chunk by chunk, so a table of any size passes through JS a few thousand rows at a time. */
export interface StreamedResult {
  columnNames: string[];
  columnTypes: DuckDBType[];
  /** Chunks in order (at most 2048 rows each). Run no other statement on the session until this is drained. */
  chunks: AsyncIterable<DuckDBDataChunk>;
}

export interface LockedSession {
  /** Runs one statement with bound parameters and returns its rows as JSON-safe objects. */
  query(sql: string, parameters?: QueryParameters): Promise<JsonRow[]>;
  /** Stops the statement that is running now (it then fails with an interrupt error). */
  interrupt(): void;
  /**
   * Appends rows, column by column, to a table of this session whose columns are all VARCHAR or DOUBLE
   * (how formats DuckDB cannot scan itself, such as .sav, are loaded). NaN numbers become NULL.
   */
  appendColumns(table: string, columns: readonly AppendColumn[], rowCount: number): Promise<void>;
  /** Runs one statement as a streaming result (how an encrypted workspace reads the tables it saves). */
  stream(sql: string, parameters?: QueryParameters): Promise<StreamedResult>;
  /** Appends data chunks (e.g. streamed from another session) whose column types match the table's; no value becomes JavaScript. */
  appendChunks(table: string, chunks: Iterable<DuckDBDataChunk>): Promise<void>;
  readonly readableFiles: readonly string[];
  close(): Promise<void>;
}

/**
 * Creates the instance with extension auto-install/auto-load off, then lists the allowed paths,
 * switches external access off and locks the configuration. Once locked nothing can be widened, so a
 * new file means a new session (instances are cheap). Spill files go to a private temporary folder
 * that is removed on close.
 */
export async function openLockedSession(options: LockedSessionOptions): Promise<LockedSession> {
  const spillDirectory = await mkdtemp(join(tmpdir(), 'groepsbeeld-spill-'));
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  try {
    instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      allow_community_extensions: 'false',
      allow_unsigned_extensions: 'false',
      temp_directory: spillDirectory,
      ...(options.memoryLimit === undefined ? {} : { memory_limit: options.memoryLimit }),
    });
    connection = await instance.connect();
    const paths = listValue([...options.readableFiles]);
    const directories = listValue([...(options.writableDirectories ?? [])]);
    await connection.run('SET allowed_paths = $paths', { paths }, { paths: LIST(VARCHAR) });
    await connection.run('SET allowed_directories = $directories', { directories }, { directories: LIST(VARCHAR) });
    await connection.run('SET enable_external_access = false');
    await connection.run('SET lock_configuration = true');
  } catch (error) {
    connection?.closeSync();
    instance?.closeSync();
    await rm(spillDirectory, { recursive: true, force: true });
    throw error;
  }
  const openConnection = connection;
  const openInstance = instance;
  let closed = false;
  return {
    readableFiles: [...options.readableFiles],
    async query(sql, parameters) {
      if (closed) throw new Error('The DuckDB session is closed.');
      const reader = parameters ? await openConnection.runAndReadAll(sql, parameters) : await openConnection.runAndReadAll(sql);
      return reader.getRowObjects().map(toJsonRow);
    },
    interrupt() {
      if (!closed) openConnection.interrupt();
    },
    async appendColumns(table, columns, rowCount) {
      if (closed) throw new Error('The DuckDB session is closed.');
      const appender = await openConnection.createAppender(table);
      try {
        const types = columns.map((column) => (column instanceof Float64Array ? DOUBLE : VARCHAR));
        for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
          const size = Math.min(CHUNK_ROWS, rowCount - start);
          const chunk = DuckDBDataChunk.create(types, size);
          columns.forEach((column, index) => {
            const slice: DuckDBValue[] =
              column instanceof Float64Array
                ? Array.from(column.subarray(start, start + size), (value) => (Number.isNaN(value) ? null : value))
                : column.slice(start, start + size);
            chunk.setColumnValues(index, slice);
          });
          appender.appendDataChunk(chunk);
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    async appendChunks(table, chunks) {
      if (closed) throw new Error('The DuckDB session is closed.');
      const appender = await openConnection.createAppender(table);
      try {
        for (const chunk of chunks) appender.appendDataChunk(chunk);
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    async stream(sql, parameters) {
      if (closed) throw new Error('The DuckDB session is closed.');
      const result = parameters ? await openConnection.stream(sql, parameters) : await openConnection.stream(sql);
      async function* chunks(): AsyncGenerator<DuckDBDataChunk> {
        for (;;) {
          const chunk = await result.fetchChunk();
          if (!chunk || chunk.rowCount === 0) return;
          yield chunk;
        }
      }
      return { columnNames: result.columnNames(), columnTypes: result.columnTypes(), chunks: chunks() };
    },
    async close() {
      if (closed) return;
      closed = true;
      openConnection.closeSync();
      openInstance.closeSync();
      await rm(spillDirectory, { recursive: true, force: true });
    },
  };
}
