// Opening one file into a candidate session: sniff and copy a CSV where needed, read its dialect and types, propose
// its roles, run its checks, and the view of it the renderer may see.
import { randomUUID } from 'node:crypto';
import { UserFacingError } from '../common/errors';
import type { RuleSet } from '../disclosure/rule-set';
import { proposeRoles, type RoleProposal } from './column-roles';
import { sniffCsv, windows1252Error, type CsvSniff } from './csv-dialect';
import type { OpenedFile } from './engine-shapes';
import { checkFile } from './file-checks';
import { describeCsv, describeParquet, type DescribedFile } from './file-describe';
import { maskCount } from './file-profile';
import { displayType, type ScannableFile } from './file-scan';
import type { LockedSession } from './locked-session';
import { checkUnchanged, type FileOnDisk } from './opened-files';
import { explainReadError } from './read-errors';
import { describeSav, savTableName } from './sav-table';
import type { TranscodedCopies } from './transcoded-copies';
import { loadSheet, readSheetColumns } from './xlsx-sheet';

export interface OpenedFileEntry extends FileOnDisk, ScannableFile {
  /** null when the file was opened without its whole-file checks (a headless run checks while it links). */
  rowCount: number | null;
  warnings: string[];
  /** The recognised table and the proposed roles (the analyst may change them). */
  proposal: RoleProposal;
}

/**
 * When an opened file is checked: 'onOpen' (the app: every row is read once as the file opens, so a bad
 * file is refused with its row before anything else) or 'whileLinking' (a headless run: only the header
 * and a sample are read on opening, and the rows once, by the linking, which names the file if it fails).
 */
export type FileChecks = 'onOpen' | 'whileLinking';

/** What the renderer may see of an open file: metadata, a row count through the count rule, never rows. */
export function publicView(entry: OpenedFileEntry, rules: RuleSet): OpenedFile {
  if (entry.rowCount === null) throw new Error(`${entry.name}: a file opened for a headless run is never shown.`);
  return {
    id: entry.id,
    name: entry.name,
    format: entry.format,
    sizeBytes: entry.sizeBytes,
    rowCount: maskCount(entry.rowCount, rules),
    columns: entry.columns.map((column) => ({
      name: column.name,
      type: displayType(column),
      kind: column.kind,
    })),
    tableKind: entry.proposal.kind,
    roles: { ...entry.proposal.roles },
    warnings: [...entry.warnings],
  };
}

/** The in-memory table that holds an .xlsx sheet in the session. */
function sheetTableName(id: string): string {
  return `sheet_${id.replace(/[^0-9a-zA-Z]/g, '')}`;
}

/** A file about to be opened: a CSV's sniffed bytes, and where it is read (a UTF-8 copy of some Windows-1252 files). */
export interface PendingFile extends FileOnDisk {
  sniff?: CsvSniff | undefined;
  scanPath?: string | undefined;
}

async function describeFile(session: LockedSession, file: PendingFile, id: string): Promise<DescribedFile & { tableName?: string }> {
  switch (file.format) {
    case 'csv': {
      if (!file.sniff) throw new Error(`${file.name}: the CSV was not sniffed.`);
      const { delimiter, encoding } = file.sniff;
      return describeCsv(session, file.scanPath ?? file.path, { delimiter, encoding: file.scanPath ? 'utf-8' : encoding });
    }
    case 'parquet':
      return describeParquet(session, file.path);
    case 'xlsx': {
      const sheet = await readSheetColumns(file.path, file.name);
      const tableName = sheetTableName(id);
      await loadSheet(session, tableName, sheet);
      return { columns: sheet.map((column) => ({ name: column.name, kind: column.kind, sourceType: column.sqlType })), tableName };
    }
    case 'sav': {
      const tableName = savTableName(id);
      return { ...(await describeSav(session, file.path, tableName)), tableName };
    }
    case 'workspace':
      throw new UserFacingError(`${file.name} hoort bij een werkruimte; open de werkruimte zelf.`);
  }
}

/** Reads one new file in the candidate session: dialect and types, roles, every check (when asked), and that it did not change meanwhile. */
export async function openOne(session: LockedSession, pending: PendingFile, checks: FileChecks): Promise<OpenedFileEntry> {
  const id = randomUUID();
  const file: FileOnDisk & { scanPath?: string | undefined } = {
    path: pending.path,
    name: pending.name,
    format: pending.format,
    sizeBytes: pending.sizeBytes,
    modifiedMs: pending.modifiedMs,
    scanPath: pending.scanPath,
  };
  try {
    const described = await describeFile(session, pending, id);
    const scannable: ScannableFile = { id, name: file.name, path: file.path, format: file.format, scanPath: file.scanPath, ...described };
    const proposal = proposeRoles(
      file.name,
      described.columns.map((column) => column.name),
    );
    const { rowCount, warnings } = checks === 'onOpen' ? await checkFile(session, scannable, proposal) : { rowCount: null, warnings: [] };
    await checkUnchanged(file);
    return { ...file, ...scannable, rowCount, warnings, proposal };
  } catch (error) {
    if (file.format === 'csv' && error instanceof Error && /not latin-1 encoded/i.test(error.message)) throw await windows1252Error(file.path, file.name);
    throw explainReadError(file.name, file.format, error);
  }
}

/** Paths DuckDB may read: CSV and Parquet files, or their UTF-8 copies (.xlsx, .sav and workspaces are read in Node, never by DuckDB). */
export function readablePaths(files: Iterable<PendingFile>): string[] {
  return [...files].filter((file) => file.format === 'csv' || file.format === 'parquet').map((file) => file.scanPath ?? file.path);
}

/** Sniffs a CSV before any session exists (Node only), making a UTF-8 copy where DuckDB could not read the encoding. */
export async function prepareFile(file: FileOnDisk, copies: TranscodedCopies): Promise<PendingFile> {
  if (file.format !== 'csv') return file;
  try {
    const sniff = await sniffCsv(file.path, file.name);
    return { ...file, sniff, scanPath: sniff.needsUtf8Copy ? await copies.create(file.path) : undefined };
  } catch (error) {
    throw explainReadError(file.name, file.format, error);
  }
}
