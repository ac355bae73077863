// How linking reads each input: an open file of the study engine (its typed scan, or its table in the
// session for .sav and .xlsx), with the column behind every role.
import type { DuckDBValue } from '@duckdb/node-api';
import { scanRelation } from '../engine/file-scan';
import type { LockedSession } from '../engine/locked-session';
import type { OpenedFileEntry } from '../engine/file-opening';
import { proposeRolesAs, type ColumnRole } from '../engine/column-roles';
import { columnsFor, LINK_COLUMNS, roleDefault, type RolesOf } from './input-columns';
import type { InputKind } from './study-file';

export interface Input<K extends InputKind> {
  kind: K;
  name: string;
  /** What follows FROM to read the input where it lies (a table function, a table, a sub-query). */
  scan: string;
  /** The values the scan binds (its path); names unique across inputs. */
  parameters: Record<string, DuckDBValue>;
  columns: Record<RolesOf<K>, string>;
  /** Roles the file has no column for, read as this value (ROLE_DEFAULTS). */
  constants: Partial<Record<RolesOf<K>, string>>;
  types: Map<string, string>;
  /** Every role the file's columns play (the loader's proposal, then the analyst's or the study's mapping): features read these. */
  roles: Partial<Record<ColumnRole, string>>;
  /** How the file was read, for the link report: a role defaulted, a column chosen for another year. */
  notes: string[];
}

/** An input the study engine reads: an open file's scan, with the roles of its columns. */
export interface PreparedSource {
  kind: InputKind;
  name: string;
  scan: string;
  parameters: Record<string, DuckDBValue>;
  /** Role -> column, as the analyst confirmed them (roles linking does not use are ignored). */
  roles?: Partial<Record<ColumnRole, string>> | undefined;
  /** Role -> column, as a study file names them: a role linking does not use is an error naming the file. */
  studyRoles?: Partial<Record<ColumnRole, string>> | undefined;
}

/** The inputs linking reads, by kind (at most one of each; tables of unknown kind are only in `LinkTables`). */
export type Inputs = { [K in Exclude<InputKind, 'unknown'>]?: Input<K> };

/** Every input of a link, in the order given: what the feature catalogue reads from. */
export type LinkTables = readonly Input<InputKind>[];

/** An open file as a source of one kind: the engine's own typed scan of it (the one way a file is read). */
export function sourceOfFile(file: OpenedFileEntry, kind: InputKind, roles: Pick<PreparedSource, 'roles' | 'studyRoles'>): PreparedSource {
  const relation = scanRelation(file);
  return { kind, name: file.name, scan: relation.sql, parameters: relation.parameters, ...roles };
}

/** A source the engine reads: its columns and types from DuckDB, its roles as the analyst or the study set them. */
export async function describePreparedSource(session: LockedSession, source: PreparedSource, referenceYear: number): Promise<Input<InputKind>> {
  const described = await session.query(`DESCRIBE SELECT * FROM ${source.scan}`, source.parameters);
  const types = new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
  const linkRoles = LINK_COLUMNS[source.kind] as Record<string, string>;
  const roles = source.studyRoles ?? Object.fromEntries(Object.entries(source.roles ?? {}).filter(([role]) => role in linkRoles));
  const columns = columnsFor(source.kind, source.name, [...types.keys()], roles, referenceYear) as Record<string, string>;
  const constants: Record<string, string> = {};
  const notes: string[] = [];
  for (const role of Object.keys(linkRoles)) {
    const value = roleDefault(source.kind, role);
    if (columns[role] !== undefined || value === undefined) continue;
    constants[role] = value;
    notes.push(`${source.name}: er is geen kolom ${linkRoles[role]} voor de rol ${role}; overal is ${value} aangenomen.`);
  }
  for (const [role, cbsName] of Object.entries(linkRoles)) {
    const column = columns[role];
    if (role === 'municipality' || column === undefined || column.toLowerCase() === cbsName.toLowerCase()) continue;
    notes.push(`${source.name}: de rol ${role} komt uit kolom ${column} (de CBS-naam is ${cbsName}).`);
  }
  const wantedRegion = `gem${referenceYear}`;
  if (source.kind === 'addressRegions' && columns.municipality && columns.municipality.toLowerCase() !== wantedRegion) {
    notes.push(`${source.name}: de gemeente komt uit kolom ${columns.municipality}, niet uit ${wantedRegion} (het jaar van de peildatum).`);
  }
  const allRoles = { ...proposeRolesAs(source.kind, [...types.keys()], { referenceYear }).roles, ...(source.studyRoles ?? source.roles ?? {}) };
  return {
    kind: source.kind,
    name: source.name,
    scan: source.scan,
    parameters: source.parameters,
    columns,
    constants,
    types,
    roles: { ...allRoles, ...columns },
    notes,
  } as Input<InputKind>;
}
