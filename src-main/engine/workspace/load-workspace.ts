// Reads a workspace back: its manifest alone, or every table into a session, checking each record's tag on the way.
import { open, rm, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserFacingError } from '../../common/errors';
import type { LockedSession } from '../locked-session';
import { quoteIdentifier } from '../sql';
import { castFromText, decodeBatch, type DecodedBatch } from './batch-decoding';
import type { StoredTypeName } from './stored-types';
import { MAGIC, RecordKind, WorkspaceFormatError, openRecord } from './format';
import { decompress, openWorkspaceFile, readRecord, workspaceError, type WorkspaceManifest } from './workspace-file';

export interface WorkspaceLoadProgress {
  /** 0..1 of the file's bytes. */
  fraction: number;
  table: string;
  rows: number;
}

export interface LoadWorkspaceOptions {
  onProgress?: (progress: WorkspaceLoadProgress) => void;
  signal?: AbortSignal;
}

export interface LoadedWorkspace {
  manifest: WorkspaceManifest;
  tables: { name: string; rows: number }[];
}

/** Checks the passphrase and reads the table list (no data): fast whatever the file's size, apart from the KDF. */
export async function readWorkspaceManifest(path: string, passphrase: string | Uint8Array): Promise<WorkspaceManifest> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const opened = await openWorkspaceFile(handle, passphrase);
    opened.keys.encryptionKey.fill(0);
    return opened.manifest;
  } catch (error) {
    throw workspaceError(path, error);
  } finally {
    await handle?.close();
  }
}

const STAGING_SUFFIX = '__workspace_loading';
const TEXT_SUFFIX = '__workspace_text';

interface LoadTarget {
  staging: string;
  /** An all-VARCHAR table for the rare batch without separated text, created when first needed. */
  text: string;
  textReady: boolean;
  types: StoredTypeName[];
}

/**
 * One batch into the staging table with one INSERT: each column arrives as one bound text that DuckDB
 * splits and casts, which is several times faster than handing DuckDB the values one by one.
 */
async function insertBatch(session: Pick<LockedSession, 'query' | 'appendColumns'>, target: LoadTarget, batch: DecodedBatch): Promise<void> {
  const q = quoteIdentifier;
  let result;
  if (batch.columns.every((column) => column.text !== undefined)) {
    const parameters: Record<string, string> = {};
    batch.columns.forEach((column, index) => {
      parameters[`t${index}`] = column.text ?? '';
      parameters[`s${index}`] = column.separator;
      parameters[`n${index}`] = column.nullMarker;
    });
    const casts = target.types.map((type, index) => castFromText(type, `nullif(c${index}, $n${index})`));
    const splits = batch.columns.map((_, index) => `unnest(string_split($t${index}, $s${index})) AS c${index}`);
    [result] = await session.query(`INSERT INTO ${q(target.staging)} SELECT ${casts.join(', ')} FROM (SELECT ${splits.join(', ')})`, parameters);
  } else {
    if (!target.textReady) {
      await session.query(`CREATE OR REPLACE TEMP TABLE ${q(target.text)} (${target.types.map((_, index) => `c${index} VARCHAR`).join(', ')})`);
      target.textReady = true;
    }
    await session.appendColumns(
      target.text,
      batch.columns.map((column) => column.values()),
      batch.rowCount,
    );
    const casts = target.types.map((type, index) => castFromText(type, `c${index}`));
    [result] = await session.query(`INSERT INTO ${q(target.staging)} SELECT ${casts.join(', ')} FROM ${q(target.text)}`);
    await session.query(`DELETE FROM ${q(target.text)}`);
  }
  const inserted = result?.['Count'];
  if (Number(inserted) !== batch.rowCount) throw new WorkspaceFormatError('is beschadigd (een gegevensblok bevat niet de rijen die het aankondigt)', 'damaged');
}

/**
 * Loads every table of the workspace into `session` as a temporary table of the same name (an existing
 * table of that name is replaced). Tables are built under staging names and renamed only when the whole
 * file has been read and checked, so a wrong passphrase, a damaged file or an abort leaves nothing behind.
 */
export async function loadWorkspace(
  path: string,
  passphrase: string | Uint8Array,
  session: Pick<LockedSession, 'query' | 'appendColumns'>,
  options: LoadWorkspaceOptions = {},
): Promise<LoadedWorkspace> {
  const { signal, onProgress } = options;
  const q = quoteIdentifier;
  let handle: FileHandle | undefined;
  const staged: string[] = [];
  const textTables: string[] = [];
  let committed = false;
  try {
    handle = await open(path, 'r');
    const opened = await openWorkspaceFile(handle, passphrase);
    const { manifest, keys } = opened;
    try {
      const targets = manifest.tables.map((table) => ({
        table,
        staging: `${table.name}${STAGING_SUFFIX}`,
        text: `${table.name}${TEXT_SUFFIX}`,
        textReady: false,
        types: table.columns.map((column) => column.type),
        rows: 0,
      }));
      for (const target of targets) {
        signal?.throwIfAborted();
        staged.push(target.staging);
        textTables.push(target.text);
        const columns = target.table.columns.map((column) => `${q(column.name)} ${column.type}`);
        await session.query(`CREATE OR REPLACE TEMP TABLE ${q(target.staging)} (${columns.join(', ')})`);
      }
      let position = opened.dataStart;
      let records = 0;
      const input = handle;
      // The next record is read, checked, inflated (thread pool) and decoded while DuckDB inserts this one.
      const fetch = async (at: number, index: bigint) => {
        const { body, next } = await readRecord(input, at, RecordKind.data, opened.dataEnd);
        const batch = await decompress(openRecord(keys, RecordKind.data, index, body));
        return { decoded: decodeBatch(batch, (tableIndex) => targets[tableIndex]?.types), next };
      };
      let pending = position < opened.dataEnd ? fetch(position, 1n) : undefined;
      while (pending) {
        const { decoded, next } = await pending;
        records++;
        position = next;
        pending = position < opened.dataEnd ? fetch(position, BigInt(records + 1)) : undefined;
        pending?.catch(() => undefined);
        signal?.throwIfAborted();
        const target = targets[decoded.tableIndex];
        if (!target) throw new WorkspaceFormatError('is beschadigd (een gegevensblok noemt een onbekende tabel)', 'damaged');
        await insertBatch(session, target, decoded);
        target.rows += decoded.rowCount;
        onProgress?.({ fraction: position / (opened.dataEnd || 1), table: target.table.name, rows: target.rows });
      }
      if (records !== opened.dataRecords || targets.some((target) => target.rows !== target.table.rows)) {
        throw new WorkspaceFormatError('is beschadigd (de records komen niet uit op de aantallen rijen waarmee de werkruimte is geschreven)', 'damaged');
      }
      signal?.throwIfAborted();
      for (const target of targets) {
        await session.query(`DROP TABLE IF EXISTS ${q(target.table.name)}`);
        await session.query(`ALTER TABLE ${q(target.staging)} RENAME TO ${q(target.table.name)}`);
      }
      committed = true;
      return { manifest, tables: manifest.tables.map((table) => ({ name: table.name, rows: table.rows })) };
    } finally {
      keys.encryptionKey.fill(0);
    }
  } catch (error) {
    throw workspaceError(path, error);
  } finally {
    const leftovers = committed ? textTables : [...staged, ...textTables];
    for (const table of leftovers) await session.query(`DROP TABLE IF EXISTS ${q(table)}`).catch(() => undefined);
    await handle?.close();
  }
}

/**
 * Deletes a workspace (and a partial one left by a crash). A plain unlink: overwriting first would not
 * reach the old blocks on an SSD (wear levelling, copy-on-write file systems), and the content is
 * ciphertext anyway; without the passphrase the file is noise. Refuses a file that is not a workspace,
 * so a wrong path cannot delete the analyst's data. Returns false when there was nothing to delete.
 */
export async function deleteWorkspace(path: string): Promise<boolean> {
  await rm(`${path}.partial`, { force: true });
  let start: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      start = Buffer.alloc(MAGIC.length);
      await handle.read(start, 0, MAGIC.length, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (!start.equals(MAGIC)) throw new UserFacingError(`${basename(path)} is geen werkruimte van Groepsbeeld en is daarom niet verwijderd.`);
  await rm(path);
  return true;
}
