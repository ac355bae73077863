// Checks an opened file reads completely and makes sense: rows, real dates, spells that end after they begin, unique TAB keys.
import { UserFacingError } from '../common/errors';
import { expectedColumnName, isOneRowPerUnit, missingRoles, tableKindByName, unitKeyRoles, type ColumnRole, type RoleProposal } from './column-roles';
import { maskedCountText } from './file-profile';
import { scanRelation, type ScannableFile } from './file-scan';
import type { LockedSession } from './locked-session';
import { quoteIdentifier } from './sql';

const KEY_ROLES = new Set<ColumnRole>(['personSource', 'personKey', 'addressSource', 'addressKey', 'householdKey', 'breadwinnerSource', 'breadwinnerKey']);

const SPELL_PAIRS: readonly (readonly [ColumnRole, ColumnRole])[] = [
  ['spellBegin', 'spellEnd'],
  ['clientBegin', 'clientEnd'],
];

function asCount(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new Error(`Expected a count from DuckDB, got ${JSON.stringify(value)}.`);
}

/** "row 3 (line 4)" for CSV, whose header is line 1; "row 3" otherwise. */
function rowLabel(file: ScannableFile, row: number): string {
  return file.format === 'csv' ? `rij ${row} (regel ${row + 1})` : `rij ${row}`;
}

/** Whether a YYYYMMDD text value is not a real date (SQL over a quoted column). */
function invalidDate(column: string): string {
  const name = quoteIdentifier(column);
  return `(${name} IS NOT NULL AND (length(${name}) <> 8 OR NOT regexp_full_match(${name}, '[0-9]{8}') OR try_strptime(${name}, '%Y%m%d') IS NULL))`;
}

/** The first data row (1-based, in file order) where `condition` holds; error paths only. */
async function firstRow(session: LockedSession, file: ScannableFile, condition: string): Promise<number | undefined> {
  const relation = scanRelation(file);
  const rows = await session.query(
    `SELECT row_number FROM (SELECT row_number() OVER () AS row_number, * FROM ${relation.sql}) WHERE ${condition} ORDER BY row_number LIMIT 1`,
    relation.parameters,
  );
  const value = rows[0]?.row_number;
  return typeof value === 'number' ? value : undefined;
}

/** A file named as a CBS table must have that table's keys (one recognised only by its columns may be mapped by hand). */
function checkKeyColumns(file: ScannableFile, proposal: RoleProposal): void {
  if (tableKindByName(file.name) !== proposal.kind) return;
  const missing = missingRoles(proposal.kind, proposal.roles).filter((role) => KEY_ROLES.has(role));
  if (missing.length === 0) return;
  const names = missing.map((role) => expectedColumnName(proposal.kind, role)).join(', ');
  throw new UserFacingError(
    `"${file.name}" heeft de naam van een CBS-tabel van de soort ${proposal.kind}, maar mist de sleutelkolom ${names}. ` +
      'Open het volledige bestand (met de sleutelkolommen), of geef het bestand een andere naam als het een andere tabel is.',
  );
}

/** The spell pairs of the proposal whose two columns are both dates. */
function spellPairs(file: ScannableFile, proposal: RoleProposal): [begin: string, end: string][] {
  const isDate = (name: string | undefined): name is string => file.columns.some((column) => column.name === name && column.kind === 'date');
  return SPELL_PAIRS.flatMap(([beginRole, endRole]) => {
    const begin = proposal.roles[beginRole];
    const end = proposal.roles[endRole];
    return isDate(begin) && isDate(end) ? [[begin, end] as [string, string]] : [];
  });
}

interface Survey {
  rowCount: number;
  /** Per YYYYMMDD text column: the smallest value that is not a real date, if any. */
  badDates: { column: string; value: string }[];
  /** Per spell pair: rows whose end is before their begin. */
  reversed: { begin: string; end: string; rows: number }[];
}

/**
 * One scan for every whole-file check: counting each column makes DuckDB parse every value (count(*)
 * alone would skip them, and a bad value would surface only later), and the same pass finds impossible
 * dates and reversed spells (YYYYMMDD text compares as dates).
 */
async function survey(session: LockedSession, file: ScannableFile, proposal: RoleProposal): Promise<Survey> {
  const relation = scanRelation(file);
  // Dates stored as text or integers (YYYYMMDD) can be impossible; a DATE column cannot.
  const dates = file.columns
    .filter((column) => column.kind === 'date' && column.sourceType !== 'DATE' && !column.sourceType.startsWith('TIMESTAMP'))
    .map((column) => column.name);
  const pairs = spellPairs(file, proposal);
  const parts = [
    'count(*) AS row_count',
    ...file.columns.map((column, index) => `count(${quoteIdentifier(column.name)}) AS present_${index}`),
    ...dates.map((column, index) => `min(${quoteIdentifier(column)}) FILTER (WHERE ${invalidDate(column)}) AS bad_${index}`),
    ...pairs.map(([begin, end], index) => `count(*) FILTER (WHERE ${quoteIdentifier(end)} < ${quoteIdentifier(begin)}) AS reversed_${index}`),
  ];
  const [row] = await session.query(`SELECT ${parts.join(', ')} FROM ${relation.sql}`, relation.parameters);
  return {
    rowCount: asCount(row?.row_count),
    badDates: dates.flatMap((column, index) => {
      const value = row?.[`bad_${index}`];
      return value === null || value === undefined ? [] : [{ column, value: String(value) }];
    }),
    reversed: pairs.map(([begin, end], index) => ({ begin, end, rows: asCount(row?.[`reversed_${index}`]) })).filter((pair) => pair.rows > 0),
  };
}

async function refuseBadDate(session: LockedSession, file: ScannableFile, bad: { column: string; value: string }): Promise<never> {
  const at = await firstRow(session, file, invalidDate(bad.column));
  throw new UserFacingError(
    `"${file.name}", kolom ${bad.column}${at ? `, ${rowLabel(file, at)}` : ''}: ` +
      `"${bad.value}" is geen bestaande datum (verwacht: JJJJMMDD, bijvoorbeeld 20171231). ` +
      'Verbeter het bestand en open het opnieuw.',
  );
}

/**
 * A spell that ends before it begins is a warning, not a refusal: partner lists carry the odd period typed
 * backwards, and linking drops such rows and counts them in the link report.
 */
async function reversedSpellWarning(session: LockedSession, file: ScannableFile, pair: Survey['reversed'][number]): Promise<string> {
  const at = await firstRow(session, file, `${quoteIdentifier(pair.end)} < ${quoteIdentifier(pair.begin)}`);
  const many = pair.rows > 1;
  return (
    `"${file.name}", kolom ${pair.end}${at ? `, ${rowLabel(file, at)}` : ''}: de einddatum ligt vóór de begindatum (${pair.begin})` +
    `${many ? `, en zo ook in ${maskedCountText(pair.rows - 1)} andere rijen` : ''}. Bij het ` +
    `koppelen ${many ? 'blijven deze rijen' : 'blijft deze rij'} buiten beschouwing; het koppelrapport telt ${many ? 'ze' : 'hem'} mee.`
  );
}

async function checkUniqueUnits(session: LockedSession, file: ScannableFile, proposal: RoleProposal): Promise<void> {
  if (!isOneRowPerUnit(proposal.kind)) return;
  const keys = unitKeyRoles(proposal.kind)
    .map((role) => proposal.roles[role])
    .filter((name): name is string => name !== undefined);
  if (keys.length === 0) return;
  const relation = scanRelation(file);
  const quoted = keys.map(quoteIdentifier).join(', ');
  const [counted] = await session.query(
    `SELECT count(*) AS duplicated FROM (SELECT 1 FROM ${relation.sql} GROUP BY ${quoted} HAVING count(*) > 1)`,
    relation.parameters,
  );
  const duplicated = asCount(counted?.duplicated);
  if (duplicated === 0) return;
  // Error path only: number the rows to say where the first duplicate is.
  const [located] = await session.query(
    `SELECT min(rows[1]) AS first_row, arg_min(rows[2], rows[1]) AS second_row FROM (
       SELECT list(row_number ORDER BY row_number) AS rows
       FROM (SELECT row_number() OVER () AS row_number, ${quoted} FROM ${relation.sql})
       GROUP BY ${quoted} HAVING count(*) > 1)`,
    relation.parameters,
  );
  const first = Number(located?.first_row);
  const second = Number(located?.second_row);
  throw new UserFacingError(
    `"${file.name}" is een tabel met één rij per eenheid (TAB), ` +
      `maar ${maskedCountText(duplicated)} sleutels (${keys.join(' + ')}) komen meer dan één keer voor, ` +
      `het eerst in ${rowLabel(file, first)} en ${rowLabel(file, second)}. Open het oorspronkelijke bestand, niet een bestand waaraan rijen zijn toegevoegd.`,
  );
}

export interface FileCheck {
  rowCount: number;
  /** Problems in single rows that do not stop the file from being used (shown on the Data page). */
  warnings: string[];
}

/** Counts the rows (refusing a file with none) and runs every check; the first failure is a UserFacingError. */
export async function checkFile(session: LockedSession, file: ScannableFile, proposal: RoleProposal): Promise<FileCheck> {
  checkKeyColumns(file, proposal);
  const found = await survey(session, file, proposal);
  if (found.rowCount === 0) throw new UserFacingError(`"${file.name}" heeft een kopregel maar geen gegevensrijen; open het volledige bestand.`);
  const [badDate] = found.badDates;
  if (badDate) await refuseBadDate(session, file, badDate);
  await checkUniqueUnits(session, file, proposal);
  const warnings: string[] = [];
  for (const pair of found.reversed) warnings.push(await reversedSpellWarning(session, file, pair));
  return { rowCount: found.rowCount, warnings };
}
