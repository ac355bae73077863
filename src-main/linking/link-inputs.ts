// How linking reads each input: a scan of the file where it lies (CSV, Parquet), a .sav loaded into the
// session, or a source the study engine already reads; with the column behind every role.
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DuckDBValue } from '@duckdb/node-api';
import type { ColumnRole } from '../engine/column-roles';
import type { LockedSession } from '../engine/locked-session';
import { loadSavIntoSession } from '../engine/sav/load-into-session';
import { quoteIdentifier as q } from '../engine/sql';
import { UserFacingError } from '../errors';
import { columnsFor, LINK_COLUMNS, type RolesOf } from './input-columns';
import type { InputKind, Study } from './study-file';

export interface Input<K extends InputKind> {
  kind: K;
  name: string;
  /** What follows FROM to read the input where it lies (a table function, a table, a sub-query). */
  scan: string;
  /** The values the scan binds (its path); names unique across inputs. */
  parameters: Record<string, DuckDBValue>;
  columns: Record<RolesOf<K>, string>;
  types: Map<string, string>;
}

/** An input another part of the app already knows how to read (the study engine's opened files). */
export interface PreparedSource {
  kind: InputKind;
  name: string;
  scan: string;
  parameters: Record<string, DuckDBValue>;
  /** Role -> column, as the analyst confirmed them. */
  roles?: Partial<Record<ColumnRole, string>> | undefined;
}

export type Inputs = { [K in InputKind]?: Input<K> };

const isSav = (path: string) => /\.z?sav$/i.test(path);

function scanOf(path: string, parameter: string): string {
  const lower = path.toLowerCase();
  if (lower.endsWith('.parquet') || lower.endsWith('.pq')) return `read_parquet($${parameter})`;
  if (lower.endsWith('.csv')) return `read_csv($${parameter}, header = true, all_varchar = true)`;
  throw new UserFacingError(`${basename(path)}: linking reads .csv, .parquet and .sav files.`);
}

/** The header of a CSV file, read directly: every column is text in an all_varchar scan, so no sniffing is needed. */
async function csvHeader(path: string): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    const line = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? ';' : ',';
    return line.split(delimiter).map((name) => name.trim().replace(/^"(.*)"$/, '$1').replaceAll('""', '"'));
  } finally {
    await handle.close();
  }
}

export async function describeInput<K extends InputKind>(
  session: LockedSession,
  study: Study,
  kind: K,
  path: string,
  roles: Record<string, string> | undefined,
  signal: AbortSignal | undefined,
): Promise<Input<K>> {
  if (isSav(path)) {
    // DuckDB cannot scan .sav: it is loaded into a table of this session first, then linked like any other input.
    const loaded = await loadSavIntoSession(session, path, `input_${kind}`, signal);
    const described = await session.query(`DESCRIBE SELECT * FROM ${q(loaded.table)}`);
    const types = new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
    const columns = columnsFor(kind, basename(path), [...types.keys()], roles, Number(study.referenceDate.slice(0, 4)));
    return { kind, name: basename(path), scan: q(loaded.table), parameters: {}, columns, types };
  }
  const parameter = `path_${kind}`;
  const scan = scanOf(path, parameter);
  let types: Map<string, string>;
  try {
    if (scan.startsWith('read_csv')) {
      types = new Map((await csvHeader(path)).map((name) => [name, 'VARCHAR']));
    } else {
      const described = await session.query(`DESCRIBE SELECT * FROM ${scan}`, { [parameter]: path });
      types = new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
    }
  } catch (error) {
    throw new UserFacingError(`${basename(path)} could not be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const columns = columnsFor(kind, basename(path), [...types.keys()], roles, Number(study.referenceDate.slice(0, 4)));
  return { kind, name: basename(path), scan, parameters: { [parameter]: path }, columns, types };
}

/** A source the engine already reads: its columns and types from DuckDB, its roles as the analyst set them. */
export async function describePreparedSource(session: LockedSession, source: PreparedSource, referenceYear: number): Promise<Input<InputKind>> {
  const described = await session.query(`DESCRIBE SELECT * FROM ${source.scan}`, source.parameters);
  const types = new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
  const linkRoles = LINK_COLUMNS[source.kind] as Record<string, string>;
  const roles = Object.fromEntries(Object.entries(source.roles ?? {}).filter(([role]) => role in linkRoles));
  const columns = columnsFor(source.kind, source.name, [...types.keys()], roles, referenceYear);
  return { kind: source.kind, name: source.name, scan: source.scan, parameters: source.parameters, columns, types };
}
