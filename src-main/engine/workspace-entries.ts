// Opened files into a workspace and back: each file's typed table, and what the app knows of it (name, format, kind, roles, column kinds).
import { randomBytes, randomUUID } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import { z } from 'zod';
import { UserFacingError } from '../common/errors';
import { roleMapSchema, tableKindSchema } from './column-roles';
import { scanRelation, type ScanColumn, type ScannableFile } from './file-scan';
import type { LockedSession } from './locked-session';
import type { FileOnDisk } from './opened-files';
import { quoteIdentifier } from './sql';
import type { RoleProposal } from './column-roles';
import type { StoredTypeName, WorkspaceManifest, WorkspaceTableSource } from './workspace';

/** The extension the app gives a workspace file. */
export const WORKSPACE_EXTENSION = '.gbws';

/** What an opened file needs, beyond its rows, to be opened again from a workspace. */
export interface WorkspaceFileFacts extends ScannableFile, FileOnDisk {
  rowCount: number | null;
  warnings: string[];
  proposal: RoleProposal;
}

const columnKindSchema = z.enum(['key', 'code', 'date', 'text', 'number', 'other']);
const savedColumnSchema = z.object({
  name: z.string(),
  kind: columnKindSchema,
  codeWidth: z.number().int().positive().optional(),
  label: z.string().nullable().optional(),
  valueLabels: z.array(z.tuple([z.union([z.number(), z.string()]), z.string()])).optional(),
});
const savedFileSchema = z.object({
  name: z.string().min(1),
  format: z.enum(['csv', 'parquet', 'xlsx', 'sav', 'workspace']),
  sizeBytes: z.number().nonnegative(),
  warnings: z.array(z.string()),
  tableKind: tableKindSchema,
  roles: roleMapSchema,
  columns: z.array(savedColumnSchema),
});
type SavedFile = z.infer<typeof savedFileSchema>;

/**
 * How a scanned type is stored: the workspace keeps seven types, so smaller integers widen, decimals and
 * very wide integers become DOUBLE, other timestamps TIMESTAMP, anything else text.
 */
export function storedTypeOf(duckType: string): StoredTypeName {
  if (['VARCHAR', 'BOOLEAN', 'INTEGER', 'BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP'].includes(duckType)) return duckType as StoredTypeName;
  if (['TINYINT', 'SMALLINT', 'UTINYINT', 'USMALLINT'].includes(duckType)) return 'INTEGER';
  if (duckType === 'UINTEGER') return 'BIGINT';
  if (/^(FLOAT|REAL|DECIMAL|HUGEINT|UBIGINT|UHUGEINT)/.test(duckType)) return 'DOUBLE';
  if (duckType.startsWith('TIMESTAMP')) return 'TIMESTAMP';
  return 'VARCHAR';
}

function savedFacts(file: WorkspaceFileFacts): SavedFile {
  return {
    name: file.name,
    format: file.format,
    sizeBytes: file.sizeBytes,
    warnings: [...file.warnings],
    tableKind: file.proposal.kind,
    roles: { ...file.proposal.roles },
    columns: file.columns.map((column) => ({
      name: column.name,
      kind: column.kind,
      ...(column.codeWidth === undefined ? {} : { codeWidth: column.codeWidth }),
      ...(column.labels ? { label: column.labels.label, valueLabels: [...column.labels.valueLabels.entries()] } : {}),
    })),
  };
}

/**
 * One workspace table per open file: the rows of its typed scan (keys and codes as text, dates as YYYYMMDD
 * text, exactly as linking and profiles see them), with types the workspace can store. Table names are new
 * for each save, so opening two workspaces never mixes their tables.
 */
export async function workspaceSources(session: Pick<LockedSession, 'stream'>, files: readonly WorkspaceFileFacts[]): Promise<WorkspaceTableSource[]> {
  const saveId = randomBytes(6).toString('hex');
  const sources: WorkspaceTableSource[] = [];
  for (const [index, file] of files.entries()) {
    const relation = scanRelation(file);
    const probe = await session.stream(`SELECT * FROM ${relation.sql} LIMIT 0`, relation.parameters);
    const select = probe.columnNames.map((name, column) => {
      const type = String(probe.columnTypes[column]);
      const stored = storedTypeOf(type);
      return stored === type ? quoteIdentifier(name) : `CAST(${quoteIdentifier(name)} AS ${stored}) AS ${quoteIdentifier(name)}`;
    });
    sources.push({
      name: `workspace_${saveId}_${index + 1}`,
      sql: `SELECT ${select.join(', ')} FROM ${relation.sql}`,
      parameters: relation.parameters,
      role: file.proposal.kind,
      sourceFile: file.name,
      details: savedFacts(file),
    });
  }
  return sources;
}

/** Resolves and checks the workspace path the analyst picked (absolute, an existing file). */
export async function inspectWorkspace(path: string): Promise<FileOnDisk> {
  const name = basename(path);
  if (!isAbsolute(path)) throw new UserFacingError(`"${path}" is geen volledig pad; kies de werkruimte in het bestandsvenster.`);
  let resolved: string;
  try {
    resolved = await realpath(path);
  } catch {
    throw new UserFacingError(`De werkruimte ${name} bestaat niet of is niet te lezen (${path}).`);
  }
  const info = await stat(resolved);
  if (!info.isFile()) throw new UserFacingError(`${name} is geen bestand; kies een werkruimtebestand (${WORKSPACE_EXTENSION}).`);
  return { path: resolved, name, format: 'workspace', sizeBytes: info.size, modifiedMs: info.mtimeMs };
}

/** The opened files a loaded workspace holds: each reads its table in the session, never a file on disk. */
export function filesOfWorkspace(manifest: WorkspaceManifest, workspace: FileOnDisk): WorkspaceFileFacts[] {
  return manifest.tables.map((table) => {
    const parsed = savedFileSchema.safeParse(table.details);
    if (!parsed.success) {
      throw new UserFacingError(
        `De werkruimte ${workspace.name} is niet bewaard vanuit geopende bestanden (bij ` +
          `tabel ${table.name} ontbreekt de beschrijving). Open in plaats daarvan de oorspronkelijke databestanden.`,
      );
    }
    const saved = parsed.data;
    const columns: ScanColumn[] = table.columns.map((column) => {
      const facts = saved.columns.find((candidate) => candidate.name === column.name);
      return {
        name: column.name,
        kind: facts?.kind ?? 'other',
        sourceType: column.type,
        ...(facts?.codeWidth === undefined ? {} : { codeWidth: facts.codeWidth }),
        ...(facts?.valueLabels ? { labels: { label: facts.label ?? null, valueLabels: new Map(facts.valueLabels) } } : {}),
      };
    });
    return {
      id: randomUUID(),
      name: saved.name,
      path: workspace.path,
      format: 'workspace',
      sizeBytes: saved.sizeBytes,
      modifiedMs: workspace.modifiedMs,
      columns,
      tableName: table.name,
      rowCount: table.rows,
      warnings: saved.warnings,
      proposal: { kind: saved.tableKind, roles: saved.roles },
    };
  });
}
