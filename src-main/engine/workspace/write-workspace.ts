// Saves session tables into one encrypted workspace file, streaming: a batch of rows at a time, never a whole table.
import { constants } from 'node:fs';
import { access, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { z } from 'zod';
import { APP_NAME, APP_VERSION } from '../../common/app-info';
import { UserFacingError } from '../../common/errors';
import type { LockedSession, QueryParameters } from '../locked-session';
import { quoteIdentifier } from '../sql';
import { ColumnBuilder, encodeBatch } from './batch-encoding';
import { STORED_TYPES, storedTypeName } from './stored-types';
import { DEFAULT_KDF, END_RECORD_INDEX, RecordKind, createHeader, sealRecord, type KdfParameters } from './format';
import { compress, encodeEnd, type Compression, type ManifestRecord } from './workspace-file';

export interface WorkspaceTableSource {
  /** The table's name in the workspace, and in the session after loading. */
  name: string;
  /** Save this table of the session ... */
  table?: string;
  /** ... or the rows of this query (values bound through `parameters`, never pasted). */
  sql?: string;
  parameters?: QueryParameters;
  role?: string;
  sourceFile?: string;
  /** Kept in the manifest as given (JSON): what the caller needs to use the table again. */
  details?: z.core.util.JSONType;
}

export interface WorkspaceWriteProgress {
  table: string;
  tableIndex: number;
  tableCount: number;
  /** Rows of this table written so far. */
  rows: number;
  bytesWritten: number;
}

export interface WriteWorkspaceOptions {
  session: Pick<LockedSession, 'stream'>;
  tables: readonly WorkspaceTableSource[];
  path: string;
  passphrase: string | Uint8Array;
  /** Replace an existing file at `path` (default: refuse). */
  overwrite?: boolean;
  onProgress?: (progress: WorkspaceWriteProgress) => void;
  signal?: AbortSignal;
  /** Rows per encrypted record (default 131 072). */
  batchRows?: number;
  compression?: Compression;
  /** Tests lower this to stay fast; the default costs ~0.6 s per opening by design. */
  kdf?: KdfParameters;
}

export interface WrittenWorkspace {
  path: string;
  bytes: number;
  tables: { name: string; rows: number }[];
}

export const MIN_PASSPHRASE_LENGTH = 8;
const DEFAULT_BATCH_ROWS = 131_072;
/** A batch is also closed at this size, so a table of long texts still gives records of a few tens of MB. */
const MAX_BATCH_BYTES = 64 * 1024 * 1024;
const DUCKDB_CHUNK_ROWS = 2048;

function sourceSql(source: WorkspaceTableSource): { sql: string; parameters: QueryParameters | undefined } {
  if ((source.table === undefined) === (source.sql === undefined)) {
    throw new Error(`Workspace table ${source.name}: give either a session table or a query, not both or neither.`);
  }
  return { sql: source.sql ?? `SELECT * FROM ${quoteIdentifier(source.table ?? '')}`, parameters: source.parameters };
}

async function exists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}

/** Column names and storable types of every source, checked before any key is derived or byte written. */
async function describeSources(session: Pick<LockedSession, 'stream'>, sources: readonly WorkspaceTableSource[]): Promise<ManifestRecord['tables']> {
  const names = new Set<string>();
  const described: ManifestRecord['tables'] = [];
  for (const source of sources) {
    if (names.has(source.name.toLowerCase())) throw new Error(`Workspace table ${source.name} is listed twice.`);
    names.add(source.name.toLowerCase());
    const { sql, parameters } = sourceSql(source);
    const probe = await session.stream(`SELECT * FROM (${sql}) LIMIT 0`, parameters);
    const columns = probe.columnTypes.map((duckType, index) => {
      const name = probe.columnNames[index] ?? `column ${index + 1}`;
      const type = storedTypeName(duckType);
      if (!type) {
        throw new UserFacingError(
          `Tabel ${source.name}${source.sourceFile ? ` (uit ${source.sourceFile})` : ''}: kolom ${name} heeft het type ${duckType.toString()}, ` +
            `dat een werkruimte niet kan bewaren. Mogelijk zijn: ${Object.keys(STORED_TYPES).join(', ')}; ` +
            'zet de kolom om naar een van deze typen bij het maken van de tabel.',
        );
      }
      return { name, type };
    });
    const seen = new Set<string>();
    for (const { name } of columns) {
      if (seen.has(name.toLowerCase()))
        throw new UserFacingError(`Tabel ${source.name}: de kolomnaam ${name} komt twee keer voor. Geef elke kolom een eigen naam.`);
      seen.add(name.toLowerCase());
    }
    described.push({
      name: source.name,
      ...(source.role === undefined ? {} : { role: source.role }),
      ...(source.sourceFile === undefined ? {} : { sourceFile: source.sourceFile }),
      ...(source.details === undefined ? {} : { details: source.details }),
      columns,
    });
  }
  return described;
}

/** Makes the rename survive a power cut; not possible on every platform (Windows), where it is skipped. */
async function syncDirectory(path: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dirname(path), 'r');
    await handle.sync();
  } catch {
    // A directory cannot be opened for fsync on Windows; NTFS journals the rename itself.
  } finally {
    await handle?.close();
  }
}

/**
 * Writes `path.partial`, fsyncs, then renames it to `path`, so `path` is either a complete workspace or
 * absent. On any error or abort the partial file is removed and nothing is left behind.
 */
export async function writeWorkspace(options: WriteWorkspaceOptions): Promise<WrittenWorkspace> {
  const { session, tables, path, passphrase, signal } = options;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const compression = options.compression ?? 'deflate';
  const file = basename(path);
  if (tables.length === 0) throw new Error('A workspace needs at least one table.');
  const length = typeof passphrase === 'string' ? [...passphrase].length : passphrase.length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    throw new UserFacingError(`Kies een wachtzin van minstens ${MIN_PASSPHRASE_LENGTH} tekens om de werkruimte ${file} te beveiligen.`);
  }
  if (!options.overwrite && (await exists(path))) {
    throw new UserFacingError(`${file} bestaat al. Kies een andere naam, of kies ervoor het bestand te vervangen.`);
  }
  signal?.throwIfAborted();
  const described = await describeSources(session, tables);
  const keys = await createHeader(passphrase, options.kdf ?? DEFAULT_KDF);
  const partial = `${path}.partial`;
  let handle: FileHandle | undefined;
  let bytesWritten = 0;
  // One batch is packed and written in the background while the next is read from DuckDB.
  let inFlight: Promise<void> = Promise.resolve();
  try {
    await rm(partial, { force: true });
    handle = await open(partial, 'wx', 0o600);
    const output = handle;
    const writeOut = async (bytes: Buffer) => {
      await output.write(bytes);
      bytesWritten += bytes.length;
    };
    await writeOut(keys.header);
    const manifest: ManifestRecord = { format: 1, generator: `${APP_NAME} ${APP_VERSION}`, createdAt: new Date().toISOString(), tables: described };
    await writeOut(sealRecord(keys, RecordKind.manifest, 0n, Buffer.from(JSON.stringify(manifest), 'utf8')));

    let index = 1n;
    const rowCounts: number[] = [];
    for (const [tableIndex, { source, columns }] of tables.map((source, i) => ({ source, columns: described[i]?.columns ?? [] })).entries()) {
      const types = columns.map((column) => column.type);
      const builders = types.map((type) => new ColumnBuilder(type, batchRows + DUCKDB_CHUNK_ROWS));
      const { sql, parameters } = sourceSql(source);
      const result = await session.stream(sql, parameters);
      let buffered = 0;
      let rows = 0;
      const flush = async () => {
        const batch = encodeBatch(
          tableIndex,
          buffered,
          builders.map((builder) => builder.encode()),
        );
        const recordIndex = index++;
        buffered = 0;
        await inFlight;
        inFlight = compress(batch, compression).then((packed) => writeOut(sealRecord(keys, RecordKind.data, recordIndex, packed)));
        // Marked handled here; the error still surfaces at the next `await inFlight`.
        inFlight.catch(() => undefined);
      };
      for await (const chunk of result.chunks) {
        signal?.throwIfAborted();
        const count = chunk.rowCount;
        builders.forEach((builder, column) => builder.add(chunk.getColumnVector(column), count));
        buffered += count;
        rows += count;
        if (buffered >= batchRows || builders.reduce((sum, builder) => sum + builder.approximateBytes, 0) >= MAX_BATCH_BYTES) {
          await flush();
          options.onProgress?.({ table: source.name, tableIndex, tableCount: tables.length, rows, bytesWritten });
        }
      }
      if (buffered > 0) await flush();
      await inFlight;
      rowCounts.push(rows);
      options.onProgress?.({ table: source.name, tableIndex, tableCount: tables.length, rows, bytesWritten });
    }
    await inFlight;
    signal?.throwIfAborted();
    await writeOut(sealRecord(keys, RecordKind.end, END_RECORD_INDEX, encodeEnd(Number(index) - 1, rowCounts)));
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (!options.overwrite && (await exists(path))) {
      throw new UserFacingError(`${file} is verschenen terwijl de werkruimte werd geschreven. Kies een andere naam, of kies ervoor het bestand te vervangen.`);
    }
    await rename(partial, path);
    await syncDirectory(path);
    return { path, bytes: bytesWritten, tables: tables.map((source, i) => ({ name: source.name, rows: rowCounts[i] ?? 0 })) };
  } catch (error) {
    await inFlight.catch(() => undefined);
    await handle?.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  } finally {
    keys.encryptionKey.fill(0);
  }
}
