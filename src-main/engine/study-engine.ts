// The DuckDB engine of one study: the files the analyst opened, the locked session that may read them.
import { randomUUID } from 'node:crypto';
import { mkdir, realpath } from 'node:fs/promises';
import type { ColumnSummary, EngineSecurity, FileProfile, OpenedFile } from '../ipc/contract';
import { UserFacingError } from '../common/errors';
import { proposeRoles, proposeRolesAs, type ColumnRole, type RoleMap, type RoleProposal, type TableKind } from './column-roles';
import { sniffCsv, windows1252Error, type CsvSniff } from './csv-dialect';
import { checkFile } from './file-checks';
import { describeCsv, describeParquet, type DescribedFile } from './file-describe';
import { carryTable, hasTable } from './carried-tables';
import { sourcesFingerprint, type DerivedTable, type DerivedTableState } from './derived-tables';
import { displayType, scanRelation, type ScannableFile } from './file-scan';
import { DEFAULT_RULE_SET, type RuleSet } from '../disclosure/rule-set';
import { maskCount, profileFile } from './file-profile';
import { openLockedSession, type LockedSession } from './locked-session';
import { checkUnchanged, inspectFile, type FileOnDisk } from './opened-files';
import { explainReadError } from './read-errors';
import { describeSav, refuseChangedSav, savTableName } from './sav-table';
import { readEngineSecurity } from './security-settings';
import { quoteIdentifier } from './sql';
import { TranscodedCopies } from './transcoded-copies';
import { loadSheet, readSheetColumns } from './xlsx-sheet';
import { loadWorkspace, writeWorkspace, type KdfParameters, type WorkspaceLoadProgress, type WorkspaceWriteProgress, type WrittenWorkspace } from './workspace';
import { filesOfWorkspace, inspectWorkspace, workspaceSources } from './workspace-entries';

export interface WorkspaceSaveOptions {
  signal?: AbortSignal;
  onProgress?: (progress: WorkspaceWriteProgress) => void;
  /** Replace a file at the path (the save dialog has asked the analyst). */
  overwrite?: boolean;
  /** Tests lower the key derivation's cost; the default is the format's. */
  kdf?: KdfParameters;
}

export interface WorkspaceOpenOptions {
  signal?: AbortSignal;
  onProgress?: (progress: WorkspaceLoadProgress) => void;
}

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

function publicView(entry: OpenedFileEntry, rules: RuleSet): OpenedFile {
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

function asCount(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new Error(`Expected a count from DuckDB, got ${JSON.stringify(value)}.`);
}

/** The in-memory table that holds an .xlsx sheet in the session. */
function sheetTableName(id: string): string {
  return `sheet_${id.replace(/[^0-9a-zA-Z]/g, '')}`;
}

/** A file about to be opened: a CSV's sniffed bytes, and where it is read (a UTF-8 copy of some Windows-1252 files). */
interface PendingFile extends FileOnDisk {
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
async function openOne(session: LockedSession, pending: PendingFile, checks: FileChecks): Promise<OpenedFileEntry> {
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

/**
 * One study's engine. DuckDB's allowed list cannot grow once locked, so opening files builds a new
 * locked session over the old files plus the new ones, checks every new file in it, and only then
 * swaps it in: a file that fails leaves the engine exactly as it was. Its in-memory tables (.sav files,
 * sheets, the analysis table while its sources are unchanged) are carried into the new session. Calls
 * run one at a time.
 */
export class StudyEngine {
  private files = new Map<string, OpenedFileEntry>();
  private derived = new Map<string, DerivedTable<OpenedFileEntry>>();
  private exportDirectory: string | undefined;
  private copies = new TranscodedCopies();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private session: LockedSession,
    private readonly checks: FileChecks,
    /** The institution's disclosure rules: every count, value and range the engine publishes obeys them. */
    readonly rules: RuleSet,
  ) {}

  static async create(options: { checks?: FileChecks; rules?: RuleSet } = {}): Promise<StudyEngine> {
    return new StudyEngine(await openLockedSession({ readableFiles: [] }), options.checks ?? 'onOpen', options.rules ?? DEFAULT_RULE_SET);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * A new locked session over the given files, with the in-memory tables of the current one carried
   * over: the .xlsx sheets, the .sav files (only while unchanged on disk) and each derived table whose
   * sources are as they were; a derived table whose sources changed is left behind, marked to be rebuilt.
   */
  private async replaceSession(readableFiles: string[], exportDirectory: string | undefined): Promise<LockedSession> {
    const session = await openLockedSession({ readableFiles, writableDirectories: exportDirectory ? [exportDirectory] : [] });
    const leftBehind: DerivedTable<OpenedFileEntry>[] = [];
    try {
      for (const entry of this.files.values()) {
        if (!entry.tableName) continue;
        if (entry.format === 'sav') await refuseChangedSav(entry);
        await carryTable(this.session, session, entry.tableName);
      }
      for (const [table, record] of this.derived) {
        if ((await this.derivedState(table, record)) === 'current' && (await hasTable(this.session, table))) await carryTable(this.session, session, table);
        else leftBehind.push(record);
      }
    } catch (error) {
      await session.close();
      throw error;
    }
    // Only once the swap cannot fail any more: the tables left behind are gone with the old session.
    for (const record of leftBehind) record.dropped = true;
    return session;
  }

  /** Whether a derived table still describes the open files: the same sources, kinds and roles, unchanged on disk since it was built. */
  private async derivedState(table: string, record: DerivedTable<OpenedFileEntry> | undefined = this.derived.get(table)): Promise<DerivedTableState> {
    if (!record) return 'none';
    if (record.dropped) return 'stale';
    return (await sourcesFingerprint(this.files.values(), record.isSource)) === record.fingerprint ? 'current' : 'stale';
  }

  /**
   * Whether the table built from the open files (see buildFromFiles) can still be used: 'stale' means a
   * source file changed, was re-mapped or joined, and it must be built again. Answers at once, even while
   * a long call runs (it reads no session).
   */
  derivedTableState(table: string): Promise<DerivedTableState> {
    return this.derivedState(table);
  }

  /** Paths DuckDB may read: CSV and Parquet files, or their UTF-8 copies (.xlsx, .sav and workspaces are read in Node, never by DuckDB). */
  private static readablePaths(files: Iterable<PendingFile>): string[] {
    return [...files].filter((file) => file.format === 'csv' || file.format === 'parquet').map((file) => file.scanPath ?? file.path);
  }

  /** Sniffs a CSV before any session exists (Node only), making a UTF-8 copy where DuckDB could not read the encoding. */
  private async prepare(file: FileOnDisk): Promise<PendingFile> {
    if (file.format !== 'csv') return file;
    try {
      const sniff = await sniffCsv(file.path, file.name);
      return { ...file, sniff, scanPath: sniff.needsUtf8Copy ? await this.copies.create(file.path) : undefined };
    } catch (error) {
      throw explainReadError(file.name, file.format, error);
    }
  }

  /** Opens files the analyst chose (absolute paths); returns every open file. Already open paths are kept. */
  openFiles(paths: readonly string[]): Promise<OpenedFile[]> {
    return this.exclusive(async () => {
      await this.openEntries(paths);
      return this.listOpenFiles();
    });
  }

  /** Opens the input files of a headless run (nothing is shown; with whileLinking checks they carry no row count). */
  openInputs(paths: readonly string[]): Promise<void> {
    return this.exclusive(() => this.openEntries(paths));
  }

  private async openEntries(paths: readonly string[]): Promise<void> {
    const inspected: FileOnDisk[] = [];
    const known = new Set([...this.files.values()].map((entry) => entry.path));
    for (const path of paths) {
      const file = await inspectFile(path);
      if (!known.has(file.path)) {
        known.add(file.path);
        inspected.push(file);
      }
    }
    if (inspected.length === 0) return;
    const pending: PendingFile[] = [];
    const added: OpenedFileEntry[] = [];
    let candidate: LockedSession | undefined;
    try {
      for (const file of inspected) pending.push(await this.prepare(file));
      candidate = await this.replaceSession(StudyEngine.readablePaths([...this.files.values(), ...pending]), this.exportDirectory);
      for (const file of pending) added.push(await openOne(candidate, file, this.checks));
    } catch (error) {
      await candidate?.close();
      for (const file of pending) if (file.scanPath) await this.copies.remove(file.scanPath);
      throw error;
    }
    const previous = this.session;
    this.session = candidate;
    for (const entry of added) this.files.set(entry.id, entry);
    await previous.close();
  }

  /** How many files are open (a headless run's files included). */
  openFileCount(): Promise<number> {
    return this.exclusive(async () => this.files.size);
  }

  /**
   * Saves every open file's typed table (see workspace-entries.ts) into one encrypted workspace at `path`,
   * with its name, format, table kind, roles and column kinds. Holds the engine while it streams; an abort
   * interrupts DuckDB and leaves no file behind.
   */
  saveWorkspace(path: string, passphrase: string, options: WorkspaceSaveOptions = {}): Promise<WrittenWorkspace> {
    return this.exclusive(async () => {
      const files = [...this.files.values()];
      if (files.length === 0) throw new UserFacingError('Er is nog niets om te bewaren: open eerst de databestanden en bewaar ze daarna als werkruimte.');
      return this.interruptible(options.signal, async () => {
        const tables = await workspaceSources(this.session, files);
        return writeWorkspace({ session: this.session, tables, path, passphrase, ...options });
      });
    });
  }

  /**
   * Loads a workspace's tables into the session and opens each as a file (format 'workspace'). DuckDB's
   * allowed list does not change: the original files are not needed. A wrong passphrase, a damaged file or
   * an abort leaves the engine as it was. A workspace opened again replaces its tables with the same rows.
   */
  openWorkspace(path: string, passphrase: string, options: WorkspaceOpenOptions = {}): Promise<OpenedFile[]> {
    return this.exclusive(async () => {
      const workspace = await inspectWorkspace(path);
      const loaded = await this.interruptible(options.signal, () => loadWorkspace(workspace.path, passphrase, this.session, options));
      const openTables = new Set([...this.files.values()].map((entry) => entry.tableName));
      let entries: OpenedFileEntry[];
      try {
        entries = filesOfWorkspace(loaded.manifest, workspace).filter((entry) => !openTables.has(entry.tableName));
      } catch (error) {
        for (const table of loaded.tables) if (!openTables.has(table.name)) await this.session.query(`DROP TABLE IF EXISTS ${quoteIdentifier(table.name)}`);
        throw error;
      }
      for (const entry of entries) this.files.set(entry.id, entry);
      return this.listOpenFiles();
    });
  }

  /** Runs `work` with DuckDB interrupted when `signal` aborts. */
  private async interruptible<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    signal?.throwIfAborted();
    const onAbort = () => this.session.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await work();
    } catch (error) {
      if (signal?.aborted) throw new UserFacingError('Gestopt: er is niets bewaard of geopend.');
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  listFiles(): Promise<OpenedFile[]> {
    return this.exclusive(async () => this.listOpenFiles());
  }

  private listOpenFiles(): OpenedFile[] {
    return [...this.files.values()].map((entry) => publicView(entry, this.rules));
  }

  /** Sets the one folder DuckDB may write to (the export folder); creates it if needed. */
  setExportDirectory(directory: string): Promise<void> {
    return this.exclusive(async () => {
      await mkdir(directory, { recursive: true });
      const resolved = await realpath(directory);
      const candidate = await this.replaceSession(StudyEngine.readablePaths(this.files.values()), resolved);
      const previous = this.session;
      this.session = candidate;
      this.exportDirectory = resolved;
      await previous.close();
    });
  }

  /** Row count, missing and distinct values of one column: aggregates only. */
  columnSummary(fileId: string, column: string): Promise<ColumnSummary> {
    return this.exclusive(async () => {
      const file = this.openEntry(fileId);
      const known = file.columns.find((candidate) => candidate.name === column);
      if (!known) throw new UserFacingError(`"${file.name}" heeft geen kolom ${JSON.stringify(column)}.`);
      const name = quoteIdentifier(column);
      const relation = scanRelation(file);
      const rows = await this.session.query(
        `SELECT count(*) AS row_count, count(*) - count(${name}) AS missing, count(DISTINCT ${name}) AS distinct_values
         FROM ${relation.sql}`,
        relation.parameters,
      );
      const row = rows[0];
      return {
        column,
        type: displayType(known),
        rowCount: maskCount(asCount(row?.row_count), this.rules),
        missing: maskCount(asCount(row?.missing), this.rules),
        distinct: asCount(row?.distinct_values),
      };
    });
  }

  /**
   * The analyst's choice of role for one column: the column loses any role it had, then takes `role`
   * (which another column then loses); null leaves it without a role. Returns the file as now mapped.
   */
  setColumnRole(fileId: string, column: string, role: ColumnRole | null): Promise<OpenedFile> {
    return this.exclusive(async () => {
      const file = this.openEntry(fileId);
      if (!file.columns.some((candidate) => candidate.name === column)) throw new UserFacingError(`"${file.name}" heeft geen kolom ${JSON.stringify(column)}.`);
      const roles: RoleMap = {};
      for (const [name, mapped] of Object.entries(file.proposal.roles) as [ColumnRole, string][]) if (mapped !== column) roles[name] = mapped;
      if (role !== null) roles[role] = column;
      file.proposal = { kind: file.proposal.kind, roles };
      return publicView(file, this.rules);
    });
  }

  /** The analyst says which table a file is: its roles are proposed anew for that table. */
  setTableKind(fileId: string, kind: TableKind): Promise<OpenedFile> {
    return this.exclusive(async () => {
      const file = this.openEntry(fileId);
      file.proposal = proposeRolesAs(
        kind,
        file.columns.map((column) => column.name),
      );
      return publicView(file, this.rules);
    });
  }

  /** The column profile of one open file: aggregates only, small counts masked (see file-profile.ts). */
  fileProfile(fileId: string): Promise<FileProfile> {
    return this.exclusive(async () => profileFile(this.session, this.openEntry(fileId), this.rules));
  }

  private openEntry(fileId: string): OpenedFileEntry {
    const file = this.files.get(fileId);
    if (!file) throw new UserFacingError('Dit bestand is niet meer open; open het opnieuw op de pagina Data.');
    return file;
  }

  security(): Promise<EngineSecurity> {
    return this.exclusive(() => readEngineSecurity(this.session));
  }

  /**
   * The session with the open files, for linking: pass each file to scanRelation() for its typed relation.
   * Internal to the main process; never exposed over IPC.
   */
  withFiles<T>(work: (session: LockedSession, files: readonly OpenedFileEntry[]) => Promise<T>): Promise<T> {
    return this.exclusive(() => work(this.session, [...this.files.values()]));
  }

  /**
   * Builds `table` in the session from the open files (linking builds the analysis table so). The table
   * is carried across session swaps while the files `isSource` picks stay as they were (path, kind,
   * roles, contents); otherwise derivedTableState() says it must be built again.
   */
  buildFromFiles<T>(
    table: string,
    isSource: (file: OpenedFileEntry) => boolean,
    work: (session: LockedSession, files: readonly OpenedFileEntry[]) => Promise<T>,
  ): Promise<T> {
    return this.exclusive(async () => {
      const files = [...this.files.values()];
      // Taken before the work reads the files: a file that changes meanwhile makes the table stale, never silently current.
      const fingerprint = await sourcesFingerprint(files, isSource);
      const result = await work(this.session, files);
      this.derived.set(table, { isSource, fingerprint, dropped: false });
      return result;
    });
  }

  /** Internal access for the engine's own modules and tests; never exposed over IPC. */
  withSession<T>(work: (session: LockedSession) => Promise<T>): Promise<T> {
    return this.exclusive(() => work(this.session));
  }

  /**
   * Closes every open file and forgets what was built from them (another study is opened next): a fresh locked
   * session that may read nothing, the UTF-8 copies removed, the analysis table gone.
   */
  closeAllFiles(): Promise<void> {
    return this.exclusive(async () => {
      const fresh = await openLockedSession({ readableFiles: [], writableDirectories: this.exportDirectory ? [this.exportDirectory] : [] });
      const previous = this.session;
      this.session = fresh;
      for (const entry of this.files.values()) if (entry.scanPath) await this.copies.remove(entry.scanPath);
      this.files.clear();
      this.derived.clear();
      await previous.close();
    });
  }

  close(): Promise<void> {
    return this.exclusive(async () => {
      this.files.clear();
      this.derived.clear();
      await this.session.close();
      await this.copies.close();
    });
  }
}
