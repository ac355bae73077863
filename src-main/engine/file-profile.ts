// The column profile of an opened file: aggregates only, small counts masked by the disclosure rule set's count rule.
import type { PublishedCount } from '../disclosure/disclosure-shapes';
import { publishCount } from '../disclosure/published-count';
import { DEFAULT_RULE_SET, type RuleSet } from '../disclosure/rule-set';
import type { ColumnProfile, FileProfile } from './engine-shapes';
import { dateExpression } from './column-kinds';
import { displayType, scanRelation, type ColumnLabels, type ScanColumn, type ScannableFile } from './file-scan';
import type { LockedSession } from './locked-session';
import { quoteIdentifier } from './sql';

/**
 * The rule set's count rule: a count of 1 to 9 units is shown as { below: 10 }, never as the number.
 * Zero stays 0 (an empty cell discloses no one). Raw minima and maxima of numbers are never given;
 * quartiles only from 10 values on; dates only as the years they span with enough rows in each end year.
 */
const TOP_VALUES = 5;
/** A text or number column where most rows have their own value (names, amounts) identifies people: no top values. */
const IDENTIFYING_DISTINCT_SHARE = 0.5;
/** A number column with more distinct values than this is an amount (income), not a code: no top values. */
const MAX_CODE_VALUES = 50;
/** A number column with at most this many values reads as a code (categories), not as an amount: no quartiles. */
const MAX_CATEGORIES_OF_A_CODE = 12;

export function maskCount(count: number, rules: RuleSet = DEFAULT_RULE_SET): PublishedCount {
  return publishCount(count, rules);
}

/** A count of units for a message to the analyst: the number, or "fewer than 10" when the count rule hides it. */
export function maskedCountText(count: number): string {
  const published = maskCount(count);
  return typeof published === 'number' ? String(published) : `minder dan ${published.below}`;
}

function asNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw new Error(`Expected a number from DuckDB, got ${JSON.stringify(value)}.`);
}

function aggregatesSql(columns: readonly ScanColumn[]): string {
  const parts = ['count(*) AS row_count'];
  columns.forEach((column, index) => {
    const name = quoteIdentifier(column.name);
    parts.push(`count(${name}) AS present_${index}`, `count(DISTINCT ${name}) AS distinct_${index}`);
    if (column.kind === 'date') {
      // scanRelation() gives every date as YYYYMMDD text, whatever the file stores.
      const date = dateExpression(column.name);
      // Years with their row counts: the range shown runs from the first to the last year holding at least the
      // threshold of rows, since a raw minimum or maximum is one person's date.
      parts.push(`map_entries(histogram(year(${date}))) AS years_${index}`);
    }
    if (column.kind === 'number') parts.push(`quantile_cont(${name}, [0.25, 0.5, 0.75]) AS quartiles_${index}`);
    // Candidates only (the sketch is exact for code-like columns); their counts are taken exactly afterwards.
    if (column.kind !== 'key') parts.push(`approx_top_k(CAST(${name} AS VARCHAR), ${TOP_VALUES}) FILTER (WHERE ${name} IS NOT NULL) AS top_${index}`);
  });
  return `SELECT ${parts.join(', ')} FROM rel`;
}

function showsTopValues(column: ScanColumn, distinct: number, present: number): boolean {
  if (column.kind === 'key') return false;
  if (column.kind === 'number' && distinct > MAX_CODE_VALUES) return false;
  if (column.kind !== 'code' && column.kind !== 'date' && present > 0 && distinct / present > IDENTIFYING_DISTINCT_SHARE) return false;
  return distinct > 0;
}

type TopValue = { value: string; count: PublishedCount; label?: string };

/** The dictionary's label for a value as the profile shows it: numbers match by value ('1' and '1.0' are code 1). */
export function valueLabel(labels: ColumnLabels | undefined, value: string): string | undefined {
  if (!labels || labels.valueLabels.size === 0) return undefined;
  const text = labels.valueLabels.get(value);
  if (text !== undefined) return text;
  const number = value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(number) ? labels.valueLabels.get(number) : undefined;
}

function withLabel(column: ScanColumn | undefined, top: TopValue): TopValue {
  const label = valueLabel(column?.labels, top.value);
  return label === undefined ? top : { ...top, label };
}

/** Exact counts of every candidate value of every shown column, in one scan; values are bound, never pasted. */
async function countTopValues(
  session: LockedSession,
  file: ScannableFile,
  candidates: ReadonlyMap<number, readonly string[]>,
  rules: RuleSet,
): Promise<Map<number, TopValue[]>> {
  const result = new Map<number, TopValue[]>();
  if (candidates.size === 0) return result;
  const relation = scanRelation(file);
  const parameters = { ...relation.parameters };
  const parts: string[] = [];
  for (const [index, values] of candidates) {
    const name = quoteIdentifier(file.columns[index]?.name ?? '');
    values.forEach((value, position) => {
      parameters[`top_${index}_${position}`] = value;
      parts.push(`count(*) FILTER (WHERE CAST(${name} AS VARCHAR) = $top_${index}_${position}) AS n_${index}_${position}`);
    });
  }
  const [row] = await session.query(`SELECT ${parts.join(', ')} FROM ${relation.sql} AS rel`, parameters);
  for (const [index, values] of candidates) {
    const counted = values.map((value, position) => ({ value, n: asNumber(row?.[`n_${index}_${position}`]) }));
    counted.sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    const column = file.columns[index];
    // A value held by fewer units than the threshold is not named at all: "someone was born on 20171106" is itself a fact about a person.
    result.set(
      index,
      counted.filter((entry) => entry.n >= rules.threshold).map((entry) => withLabel(column, { value: entry.value, count: entry.n })),
    );
  }
  return result;
}

/** The first and last year with at least the threshold of rows, from a histogram of years; null when none has. */
function yearRange(entries: unknown, rules: RuleSet): { from: string; to: string } | null {
  if (!Array.isArray(entries)) return null;
  const years = entries
    .filter((entry): entry is { key: unknown; value: unknown } => entry !== null && typeof entry === 'object' && 'key' in entry && 'value' in entry)
    .filter((entry) => entry.key !== null && asNumber(entry.value) >= rules.threshold)
    .map((entry) => asNumber(entry.key))
    .sort((a, b) => a - b);
  const first = years[0];
  const last = years.at(-1);
  return first === undefined || last === undefined ? null : { from: String(first), to: String(last) };
}

/** Profiles every column in two scans: the aggregates with candidate top values, then the candidates' exact counts. */
export async function profileFile(session: LockedSession, file: ScannableFile, rules: RuleSet = DEFAULT_RULE_SET): Promise<FileProfile> {
  const relation = scanRelation(file);
  const [row] = await session.query(aggregatesSql(file.columns).replace('FROM rel', `FROM ${relation.sql} AS rel`), relation.parameters);
  if (!row) throw new Error('DuckDB returned no profile.');
  const rowCount = asNumber(row.row_count);
  const candidates = new Map<number, string[]>();
  file.columns.forEach((column, index) => {
    const top = row[`top_${index}`];
    if (Array.isArray(top) && showsTopValues(column, asNumber(row[`distinct_${index}`]), asNumber(row[`present_${index}`]))) {
      candidates.set(
        index,
        top.filter((value): value is string => typeof value === 'string'),
      );
    }
  });
  const topValues = await countTopValues(session, file, candidates, rules);
  const columns: ColumnProfile[] = [];
  for (const [index, column] of file.columns.entries()) {
    const present = asNumber(row[`present_${index}`]);
    const distinct = asNumber(row[`distinct_${index}`]);
    const missing = rowCount - present;
    const quartiles = row[`quartiles_${index}`];
    const range = yearRange(row[`years_${index}`], rules);
    columns.push({
      name: column.name,
      ...(column.labels?.label ? { label: column.labels.label } : {}),
      type: displayType(column),
      kind: column.kind,
      missing: maskCount(missing, rules),
      missingPercent: missing > 0 && missing < rules.threshold ? null : rowCount === 0 ? 0 : (100 * missing) / rowCount,
      // The number of different values counts categories, not units: it describes no one and is shown as is.
      distinct,
      topValues: topValues.get(index) ?? [],
      dateRange: range,
      quartiles:
        // Quartiles of a code (household type 1..8) mean nothing; only amounts get them.
        Array.isArray(quartiles) && present >= rules.statisticThreshold && distinct > MAX_CATEGORIES_OF_A_CODE
          ? { q1: asNumber(quartiles[0]), median: asNumber(quartiles[1]), q3: asNumber(quartiles[2]) }
          : null,
    });
  }
  return { fileId: file.id, name: file.name, rowCount: maskCount(rowCount, rules), columns };
}
