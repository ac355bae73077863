// The DuckDB engine of one study: the files the analyst opened and the locked session that may read them, one call
// at a time. Opening a file (file-opening.ts), carrying tables across session swaps (carried-tables.ts) and workspaces
// (engine-workspace.ts) live in their own modules.
import { mkdir, realpath } from 'node:fs/promises';
import { UserFacingError } from '../common/errors';
import { DEFAULT_RULE_SET, type RuleSet } from '../disclosure/rule-set';
import { carriedSession } from './carried-tables';
import { proposeRolesAs, type ColumnRole, type RoleMap, type TableKind } from './column-roles';
import { summariseColumn } from './column-summary';
import { derivedTableState, sourcesFingerprint, type DerivedTable, type DerivedTableState } from './derived-tables';
import type { ColumnSummary, EngineSecurity, FileProfile, OpenedFile } from './engine-shapes';
import { openWorkspaceFiles, saveFilesAsWorkspace, type WorkspaceOpenOptions, type WorkspaceSaveOptions } from './engine-workspace';
import { openOne, prepareFile, publicView, readablePaths, type FileChecks, type OpenedFileEntry, type PendingFile } from './file-opening';
import { profileFile } from './file-profile';
import { openLockedSession, type LockedSession } from './locked-session';
import { inspectFile, type FileOnDisk } from './opened-files';
import { readEngineSecurity } from './security-settings';
import { TranscodedCopies } from './transcoded-copies';
import type { WrittenWorkspace } from './workspace';

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

  /** A new locked session over the given files, with the tables of the current one carried over (see carried-tables.ts). */
  private replaceSession(readableFiles: string[], exportDirectory: string | undefined): Promise<LockedSession> {
    return carriedSession({ session: this.session, files: this.files.values(), derived: this.derived }, readableFiles, exportDirectory);
  }

  /**
   * Whether the table built from the open files (see buildFromFiles) can still be used: 'stale' means a
   * source file changed, was re-mapped or joined, and it must be built again. Answers at once, even while
   * a long call runs (it reads no session).
   */
  derivedTableState(table: string): Promise<DerivedTableState> {
    return derivedTableState(this.files.values(), this.derived.get(table));
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
      for (const file of inspected) pending.push(await prepareFile(file, this.copies));
      candidate = await this.replaceSession(readablePaths([...this.files.values(), ...pending]), this.exportDirectory);
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
    return this.exclusive(() => saveFilesAsWorkspace(this.session, [...this.files.values()], path, passphrase, options));
  }

  /**
   * Loads a workspace's tables into the session and opens each as a file (format 'workspace'); see engine-workspace.ts.
   * A workspace opened again replaces its tables with the same rows.
   */
  openWorkspace(path: string, passphrase: string, options: WorkspaceOpenOptions = {}): Promise<OpenedFile[]> {
    return this.exclusive(async () => {
      const entries = await openWorkspaceFiles(this.session, [...this.files.values()], path, passphrase, options);
      for (const entry of entries) this.files.set(entry.id, entry);
      return this.listOpenFiles();
    });
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
      const candidate = await this.replaceSession(readablePaths(this.files.values()), resolved);
      const previous = this.session;
      this.session = candidate;
      this.exportDirectory = resolved;
      await previous.close();
    });
  }

  /** Row count, missing and distinct values of one column: aggregates only. */
  columnSummary(fileId: string, column: string): Promise<ColumnSummary> {
    return this.exclusive(() => summariseColumn(this.session, this.openEntry(fileId), column, this.rules));
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
