// The DuckDB engine of one study: the files the analyst opened, the locked session that may read them.
import { randomUUID } from 'node:crypto';
import { mkdir, realpath } from 'node:fs/promises';
import type { ColumnSummary, EngineSecurity, OpenedFile } from '../ipc/contract';
import { UserFacingError } from '../errors';
import { fileScan } from './file-scan';
import { openLockedSession, type LockedSession } from './locked-session';
import { inspectFile, type FileOnDisk } from './opened-files';
import { readEngineSecurity } from './security-settings';
import { quoteIdentifier } from './sql';

interface OpenedFileEntry extends FileOnDisk {
  id: string;
  rowCount: number;
  columns: { name: string; type: string }[];
}

function publicView(entry: OpenedFileEntry): OpenedFile {
  return {
    id: entry.id,
    name: entry.name,
    format: entry.format,
    sizeBytes: entry.sizeBytes,
    rowCount: entry.rowCount,
    columns: entry.columns.map((column) => ({ ...column })),
  };
}

function asCount(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new Error(`Expected a count from DuckDB, got ${JSON.stringify(value)}.`);
}

async function describe(session: LockedSession, file: FileOnDisk): Promise<Pick<OpenedFileEntry, 'rowCount' | 'columns'>> {
  const scan = fileScan(file.format);
  try {
    const columns = await session.query(`DESCRIBE SELECT * FROM ${scan}`, { path: file.path });
    const counts = await session.query(`SELECT count(*) AS row_count FROM ${scan}`, { path: file.path });
    return {
      rowCount: asCount(counts[0]?.row_count),
      columns: columns.map((row) => ({ name: String(row.column_name), type: String(row.column_type) })),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserFacingError(`"${file.name}" could not be read as ${file.format.toUpperCase()}: ${reason}`);
  }
}

/**
 * One study's engine. DuckDB's allowed list cannot grow once locked, so opening files builds a new
 * locked session over the old files plus the new ones, checks every new file in it, and only then
 * swaps it in: a file that fails leaves the engine exactly as it was. Calls run one at a time.
 */
export class StudyEngine {
  private files = new Map<string, OpenedFileEntry>();
  private exportDirectory: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private session: LockedSession) {}

  static async create(): Promise<StudyEngine> {
    return new StudyEngine(await openLockedSession({ readableFiles: [] }));
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async replaceSession(readableFiles: string[], exportDirectory: string | undefined): Promise<LockedSession> {
    return openLockedSession({ readableFiles, writableDirectories: exportDirectory ? [exportDirectory] : [] });
  }

  /** Opens files the analyst chose (absolute paths); returns every open file. Already open paths are kept. */
  openFiles(paths: readonly string[]): Promise<OpenedFile[]> {
    return this.exclusive(async () => {
      const inspected: FileOnDisk[] = [];
      const known = new Set([...this.files.values()].map((entry) => entry.path));
      for (const path of paths) {
        const file = await inspectFile(path);
        if (!known.has(file.path)) {
          known.add(file.path);
          inspected.push(file);
        }
      }
      if (inspected.length === 0) return this.listOpenFiles();
      const candidate = await this.replaceSession([...known], this.exportDirectory);
      const added: OpenedFileEntry[] = [];
      try {
        for (const file of inspected) added.push({ ...file, id: randomUUID(), ...(await describe(candidate, file)) });
      } catch (error) {
        await candidate.close();
        throw error;
      }
      const previous = this.session;
      this.session = candidate;
      for (const entry of added) this.files.set(entry.id, entry);
      await previous.close();
      return this.listOpenFiles();
    });
  }

  listFiles(): Promise<OpenedFile[]> {
    return this.exclusive(async () => this.listOpenFiles());
  }

  private listOpenFiles(): OpenedFile[] {
    return [...this.files.values()].map(publicView);
  }

  /** Sets the one folder DuckDB may write to (the export folder); creates it if needed. */
  setExportDirectory(directory: string): Promise<void> {
    return this.exclusive(async () => {
      await mkdir(directory, { recursive: true });
      const resolved = await realpath(directory);
      const candidate = await this.replaceSession([...this.files.values()].map((entry) => entry.path), resolved);
      const previous = this.session;
      this.session = candidate;
      this.exportDirectory = resolved;
      await previous.close();
    });
  }

  /** Row count, missing and distinct values of one column: aggregates only. */
  columnSummary(fileId: string, column: string): Promise<ColumnSummary> {
    return this.exclusive(async () => {
      const file = this.files.get(fileId);
      if (!file) throw new UserFacingError('This file is no longer open; open it again on the Data page.');
      const known = file.columns.find((candidate) => candidate.name === column);
      if (!known) throw new UserFacingError(`"${file.name}" has no column ${JSON.stringify(column)}.`);
      const name = quoteIdentifier(column);
      const rows = await this.session.query(
        `SELECT count(*) AS row_count, count(*) - count(${name}) AS missing, count(DISTINCT ${name}) AS distinct_values
         FROM ${fileScan(file.format)}`,
        { path: file.path },
      );
      const row = rows[0];
      return {
        column,
        type: known.type,
        rowCount: asCount(row?.row_count),
        missing: asCount(row?.missing),
        distinct: asCount(row?.distinct_values),
      };
    });
  }

  security(): Promise<EngineSecurity> {
    return this.exclusive(() => readEngineSecurity(this.session));
  }

  /** Internal access for the engine's own modules and tests; never exposed over IPC. */
  withSession<T>(work: (session: LockedSession) => Promise<T>): Promise<T> {
    return this.exclusive(() => work(this.session));
  }

  close(): Promise<void> {
    return this.exclusive(async () => {
      this.files.clear();
      await this.session.close();
    });
  }
}
