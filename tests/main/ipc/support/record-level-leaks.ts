// Finds record-level data in an IPC response, for the no-record-level test: every key value in the demo world's files,
// and a walk of a response that reports a key, a small count, or a value of fewer units than the threshold.
import { join } from 'node:path';
import { DEFAULT_RULE_SET } from '../../../../src-main/disclosure/rule-set';
import { openLockedSession } from '../../../../src-main/engine/locked-session';
import { quoteIdentifier } from '../../../../src-main/engine/sql';
import { EXTRACT_TABLES } from '../../../../src-main/synthetic/extract-tables';

const threshold = DEFAULT_RULE_SET.threshold;

/** Every key value (person, household, address, client numbers) in the demo files: none may ever come back. */
export async function keysOf(folder: string): Promise<Set<string>> {
  const files = EXTRACT_TABLES.map((table) => ({
    path: join(folder, `${table.fileName}.csv`),
    keys: table.columns.filter(([, kind]) => kind === 'key').map(([name]) => name),
  }));
  const session = await openLockedSession({ readableFiles: files.map((file) => file.path) });
  const keys = new Set<string>();
  try {
    for (const file of files) {
      for (const column of file.keys) {
        const rows = await session.query(
          `SELECT DISTINCT ${quoteIdentifier(column)}::VARCHAR AS v FROM read_csv($path, all_varchar = true) WHERE ${quoteIdentifier(column)} IS NOT NULL`,
          { path: file.path },
        );
        for (const row of rows) if (typeof row.v === 'string' && row.v.length >= 4) keys.add(row.v);
      }
    }
  } finally {
    await session.close();
  }
  return keys;
}

type Finding = string;

/** The statuses a published cell can have (src-main/disclosure/checked-table.ts). */
const CELL_STATUSES = new Set(['safe', 'review', 'rounded', 'suppressed', 'empty']);

interface CellLike {
  status: string;
  value?: number;
  base?: number;
  format?: string;
  text?: string;
}

function isCell(value: unknown): value is CellLike {
  return typeof value === 'object' && value !== null && CELL_STATUSES.has((value as { status?: unknown }).status as string);
}

/** A number of units written out in words ("6 huishoudens", "1 klant", with any space): below the threshold, a count that slipped into a text. */
const SMALL_COUNT_IN_TEXT = /(?<![\d.,])[1-9]\s(?:huishoudens?|klanthuishoudens?|klanten|klant|personen|persoon|inwoners?|eenheden|adressen)\b/u;

/** Digit runs standing alone (not inside a hash or an id): where a key would sit in a message. */
const DIGIT_RUN = /(?<![0-9a-z])\d{4,}(?![0-9a-z])/giu;

/** One published cell: hidden ones carry nothing; a count is 0, at least the threshold, or rounded to its base. */
function cellLeaks(cell: CellLike, format: string | undefined, path: string): Finding[] {
  const findings: Finding[] = [];
  if (cell.status === 'suppressed' && Object.keys(cell).length > 1) findings.push(`${path}: a suppressed cell that carries ${JSON.stringify(cell)}`);
  if (cell.status === 'empty' && cell.value !== undefined) findings.push(`${path}: an empty cell with the value ${cell.value}`);
  if (cell.value === undefined || format !== 'count') return findings;
  if (cell.status === 'rounded') {
    if (cell.base === undefined || cell.value % cell.base !== 0) findings.push(`${path}: count ${cell.value} "rounded" to base ${cell.base}`);
  } else if (cell.value > 0 && cell.value < threshold) {
    findings.push(`${path}: count ${cell.value}`);
  }
  return findings;
}

/** Walks a response and reports anything record-level: a key value, a small count, a value of a small group. */
export function findLeaks(value: unknown, keys: ReadonlySet<string>, path = '$'): Finding[] {
  if (typeof value === 'string') {
    const findings: Finding[] = [];
    if (keys.has(value)) findings.push(`${path}: the key ${value}`);
    for (const run of value.match(DIGIT_RUN) ?? []) if (run !== value && keys.has(run)) findings.push(`${path}: the key ${run} in "${value}"`);
    const small = SMALL_COUNT_IN_TEXT.exec(value);
    if (small) findings.push(`${path}: "${small[0]}" in "${value}"`);
    return findings;
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => findLeaks(item, keys, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const findings: Finding[] = [];
  // A checked table: every cell read in its own format, else its row's, else its column's (as cellFormat does).
  const isTable = Array.isArray(record.rows) && Array.isArray(record.columns) && typeof record.protection === 'string';
  if (isTable) {
    const columns = record.columns as { format?: string }[];
    (record.rows as { format?: string; cells: unknown[] }[]).forEach((row, r) =>
      row.cells.forEach((cell, c) => {
        const where = `${path}.rows[${r}][${c}]`;
        if (!isCell(cell)) findings.push(`${where}: not a published cell: ${JSON.stringify(cell)}`);
        else findings.push(...cellLeaks(cell, cell.format ?? row.format ?? columns[c]?.format, where));
      }),
    );
  }
  // A profile's top value: a value held by fewer units than the threshold must not be named at all.
  if (Array.isArray(record.topValues)) {
    (record.topValues as { value: string; count: unknown }[]).forEach((top, index) => {
      if (typeof top.count !== 'number' || (top.count > 0 && top.count < threshold))
        findings.push(`${path}.topValues[${index}]: ${top.value} from fewer than ${threshold} units`);
    });
  }
  // A masked number of missing values must not come back as a percentage of the (published) row count.
  if (typeof record.missing === 'object' && record.missing !== null && record.missingPercent !== null && record.missingPercent !== undefined) {
    findings.push(`${path}.missingPercent: ${String(record.missingPercent)} next to a masked number of missing values`);
  }
  for (const [key, child] of Object.entries(record)) {
    if (
      ['count', 'rowCount', 'missing', 'units', 'addresses', 'matched', 'unmatched'].includes(key) &&
      typeof child === 'number' &&
      child > 0 &&
      child < threshold
    )
      findings.push(`${path}.${key}: ${child}`);
    // Outside a table: a persona card's N, and any other cell in a count format of its own.
    if (!(isTable && key === 'rows') && isCell(child))
      findings.push(...cellLeaks(child, child.format ?? (key === 'count' ? 'count' : undefined), `${path}.${key}`));
    findings.push(...findLeaks(child, keys, `${path}.${key}`));
  }
  return findings;
}
