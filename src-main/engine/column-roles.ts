// The column-role vocabulary shared by loading and linking, and the recogniser that proposes roles for CBS tables.
import { z } from 'zod';
import { KEY_RULES, RECIPES, type RoleRule, type TableRecipe } from './cbs-table-recipes';

export const TABLE_KINDS = [
  'persons',
  'households',
  'addresses',
  'addressRegions',
  'householdIncome',
  'incomeLink',
  'socioEconomic',
  'education',
  'youthHelp',
  'youthProtection',
  'wmo',
  'clients',
  'parentChild',
  'debtRestructuring',
  'halt',
  'schoolEnrolment',
  'earlySchoolLeaving',
  'unknown',
] as const;
export const tableKindSchema = z.enum(TABLE_KINDS);
export type TableKind = z.infer<typeof tableKindSchema>;

/** Keys and spell dates (what linking joins on), then the fact columns the analysis table is built from. */
export const COLUMN_ROLES = [
  // keys
  'personSource',
  'personKey',
  'addressSource',
  'addressKey',
  'householdKey',
  'breadwinnerSource',
  'breadwinnerKey',
  // spells (a BUS file's begin and end date; for households the begin date is also part of the household's identity)
  'spellBegin',
  'spellEnd',
  // events (a TAB file of dated events: a Halt referral, leaving school early)
  'eventDate',
  // region
  'municipality',
  'district',
  'neighbourhood',
  // persons
  'sex',
  'birthYear',
  'birthMonth',
  'generation',
  'originGroup',
  // households
  'householdType',
  'householdPosition',
  'referencePerson',
  'householdSize',
  'childCount',
  'youngestChildBirthYear',
  'youngestChildBirthMonth',
  // income households
  'disposableIncome',
  'grossIncome',
  'standardisedIncome',
  'tenure',
  'mainIncomeSource',
  'benefitType',
  // person facts
  'socioEconomicPosition',
  'educationCode',
  'youthHelp',
  'youthProtection',
  'wmo',
  'schoolType',
  'offenceType',
  // parent-child links
  'motherSource',
  'motherKey',
  'fatherSource',
  'fatherKey',
  // the partner's client list
  'clientBegin',
  'clientEnd',
] as const;
export const columnRoleSchema = z.enum(COLUMN_ROLES);
export type ColumnRole = z.infer<typeof columnRoleSchema>;

/** Role -> column name as it is spelled in the file. */
export const roleMapSchema = z.partialRecord(columnRoleSchema, z.string().min(1));
export type RoleMap = z.infer<typeof roleMapSchema>;

export const roleProposalSchema = z.object({ kind: tableKindSchema, roles: roleMapSchema });
export type RoleProposal = z.infer<typeof roleProposalSchema>;

function recipeOf(kind: TableKind): TableRecipe | undefined {
  return RECIPES.find((recipe) => recipe.kind === kind);
}

/** The roles a recognised table cannot do without (empty for 'unknown'). */
export function requiredRoles(kind: TableKind): readonly ColumnRole[] {
  return recipeOf(kind)?.required ?? [];
}

/** True for CBS TAB tables (one row per unit): their key must be unique. */
export function isOneRowPerUnit(kind: TableKind): boolean {
  return recipeOf(kind)?.oneRowPerUnit ?? false;
}

/** The roles that identify one unit of a table (person, address, income household), in key order. */
export function unitKeyRoles(kind: TableKind): readonly ColumnRole[] {
  switch (kind) {
    case 'persons':
    case 'education':
    case 'incomeLink':
    case 'parentChild':
      return ['personSource', 'personKey'];
    case 'addressRegions':
      return ['addressSource', 'addressKey'];
    case 'householdIncome':
      return ['breadwinnerSource', 'breadwinnerKey'];
    default:
      return [];
  }
}

/** The base name, without folder and extension, in upper case. */
export function tableNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).toUpperCase();
}

/** The four-digit year in a CBS file name (GBAPERSOON2018TABV1 -> 2018), if there is one. */
export function tableYearOf(fileName: string): number | undefined {
  const match = /(\d{4})(TAB|BUS)/.exec(tableNameOf(fileName));
  return match ? Number(match[1]) : undefined;
}

function findColumn(rule: RoleRule, columns: readonly string[], taken: ReadonlySet<string>, referenceYear?: number): string | undefined {
  const free = columns.filter((column) => !taken.has(column));
  for (const name of rule.names ?? []) {
    const hit = free.find((column) => column.toUpperCase() === name.toUpperCase());
    if (hit) return hit;
  }
  const pattern = rule.pattern;
  if (!pattern) return undefined;
  const matches = free.filter((column) => pattern.test(column));
  // Region columns carry a year (gem2017, gem2018): prefer the reference year, else the first in the file.
  if (referenceYear !== undefined) {
    const ofYear = matches.find((column) => column.endsWith(String(referenceYear)));
    if (ofYear) return ofYear;
  }
  return matches[0];
}

function hasColumn(columns: readonly string[], name: string): boolean {
  return columns.some((column) => column.toUpperCase() === name);
}

/** The table a file's name says it is (CBS naming), or undefined. */
export function tableKindByName(fileName: string): TableKind | undefined {
  const name = tableNameOf(fileName);
  return RECIPES.find((recipe) => recipe.fileName.test(name))?.kind;
}

/** Recognises a table by its file name, else by its columns; 'unknown' when neither says. */
export function recogniseTable(fileName: string, columns: readonly string[]): TableKind {
  const byName = tableKindByName(fileName);
  if (byName) return byName;
  const bySignature = RECIPES.find((recipe) => columns.some((column) => recipe.signature?.test(column) === true));
  if (bySignature) return bySignature.kind;
  const persons = hasColumn(columns, 'RINPERSOON');
  if (persons && hasColumn(columns, 'RINPERSOONHKW')) return 'incomeLink';
  return 'unknown';
}

export interface ProposeRolesOptions {
  /** The reference date's year, to pick gem<year> among several municipality columns. */
  referenceYear?: number;
}

/**
 * Proposes a role for each column it recognises. Unknown tables still get their person and address
 * keys proposed (the analyst maps the rest by hand). Each column takes at most one role.
 */
export function proposeRoles(fileName: string, columns: readonly string[], options: ProposeRolesOptions = {}): RoleProposal {
  return proposeRolesAs(recogniseTable(fileName, columns), columns, options);
}

/** The roles a file would have as the given table (when the analyst says which table an unrecognised file is). */
export function proposeRolesAs(kind: TableKind, columns: readonly string[], options: ProposeRolesOptions = {}): RoleProposal {
  const rules = recipeOf(kind)?.rules ?? KEY_RULES;
  const roles: RoleMap = {};
  const taken = new Set<string>();
  for (const rule of rules) {
    const column = findColumn(rule, columns, taken, options.referenceYear);
    if (column === undefined || roles[rule.role] !== undefined) continue;
    roles[rule.role] = column;
    taken.add(column);
  }
  return { kind, roles };
}

/** Required roles that have no column (for an error that names them). */
export function missingRoles(kind: TableKind, roles: RoleMap): ColumnRole[] {
  return requiredRoles(kind).filter((role) => roles[role] === undefined);
}

/** The column a required role expects in a CBS table (for error messages): e.g. personKey -> RINPERSOON. */
export function expectedColumnName(kind: TableKind, role: ColumnRole): string {
  const rule = recipeOf(kind)?.rules.find((candidate) => candidate.role === role);
  return rule?.names?.[0] ?? (rule?.pattern ? String(rule.pattern) : role);
}
