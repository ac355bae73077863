// Builds the output log in ACRO's results.json format (the format is described in acro-results-schema.ts) from our
// description of each output (acro-output-input.ts): statuses, sdc, the outcome grid, summaries, and the bytes.
import type { z } from 'zod';
import { ACRO_CHECK_NAMES, ACRO_NATIVE_CHECKS, CHECK_ORDER, REVIEW_CHECKS, REVIEW_NAMES, type AcroCheckName, type GroepsbeeldCheck } from './acro-checks';
import {
  acroResultsInputSchema,
  type AcroCellInput,
  type AcroOutputInput,
  type AcroResultsInput,
  type AcroTableInput,
  type CellTreatment,
} from './acro-output-input';
import {
  ACRO_RESULTS_VERSION,
  acroResultsSchema,
  tableSdcSchema,
  type AcroResult,
  type AcroResults,
  type AcroSdc,
  type AcroStatus,
  type AcroTableSdc,
} from './acro-results-schema';

function acroNames(checks: readonly GroepsbeeldCheck[]): AcroCheckName[] {
  const names = new Set(checks.map((check) => ACRO_CHECK_NAMES[check]));
  return CHECK_ORDER.filter((name) => names.has(name));
}

function needsProtection(cell: Pick<AcroCellInput, 'checks'>): boolean {
  return cell.checks.some((check) => !REVIEW_CHECKS.has(check));
}

/**
 * The status rules. fail: the output leaves only with an exception request, because a cell that needs protection
 * is shown or only masked, or a problem of the whole output was not resolved. review: cells are hidden or rounded
 * by protection, or flagged for a checker; rounding was applied; or the output is a custom one (ACRO and
 * SACRO-Viewer treat custom outputs as not checkable automatically). pass: nothing flagged.
 */
export function acroStatus(output: Pick<AcroOutputInput, 'type' | 'table' | 'unresolved' | 'mitigation'>): AcroStatus {
  const cells = output.table?.cells ?? [];
  const unresolved = cells.some((cell) => cell.treatment === 'masked' || (cell.treatment === 'shown' && needsProtection(cell)));
  if (unresolved || (output.unresolved?.length ?? 0) > 0) return 'fail';
  if (cells.length > 0 || output.type === 'custom' || output.mitigation === 'round') return 'review';
  return 'pass';
}

/** sdc for a table: counts and [row, column] positions per check, ACRO's six always, ours when used. */
export function acroSdc(table: AcroTableInput): AcroTableSdc {
  const cells = [...table.cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const byName = new Map<AcroCheckName, Array<[number, number]>>(CHECK_ORDER.map((name) => [name, []]));
  for (const cell of cells) for (const name of acroNames(cell.checks)) byName.get(name)?.push([cell.row, cell.column]);
  const summary: Record<string, number | boolean> = { suppressed: cells.some((cell) => cell.treatment === 'suppressed' || cell.treatment === 'masked') };
  const positionsByName: Record<string, Array<[number, number]>> = {};
  for (const [name, list] of byName) {
    if (list.length === 0 && !(ACRO_NATIVE_CHECKS as readonly string[]).includes(name)) continue;
    summary[name] = list.length;
    positionsByName[name] = list;
  }
  return tableSdcSchema.parse({ summary, cells: positionsByName });
}

/** Labels made unique as DataFrame.to_json needs them: a repeated label gets " (2)", " (3)", ... */
function uniqueLabels(labels: readonly string[]): string[] {
  const used = new Set<string>();
  return labels.map((label) => {
    let unique = label;
    for (let n = 2; used.has(unique); n += 1) unique = `${label} (${n})`;
    used.add(unique);
    return unique;
  });
}

/** ACRO's outcome grid: per column, per row, "ok" or the flagged checks each followed by "; ". */
export function acroOutcome(table: AcroTableInput): Record<string, Record<string, string>> {
  const flags = new Map(table.cells.map((cell) => [`${cell.row},${cell.column}`, acroNames(cell.checks)]));
  const rows = uniqueLabels(table.rowLabels);
  const outcome: Record<string, Record<string, string>> = {};
  uniqueLabels(table.columnLabels).forEach((column, columnIndex) => {
    const cells: Record<string, string> = {};
    rows.forEach((row, rowIndex) => {
      const names = flags.get(`${rowIndex},${columnIndex}`) ?? [];
      cells[row] = names.length === 0 ? 'ok' : names.map((name) => `${name}; `).join('');
    });
    outcome[column] = cells;
  });
  return outcome;
}

const TREATMENT_WORDS: Record<Exclude<CellTreatment, 'shown'>, string> = { suppressed: 'suppressed', rounded: 'rounded', masked: 'masked' };

/** "review; threshold: 1 cells suppressed; zeros: 1 cells to review; ", in ACRO's words and order. */
export function acroSummary(output: Pick<AcroOutputInput, 'type' | 'table' | 'unresolved' | 'mitigation'>): string {
  const status = acroStatus(output);
  const parts: string[] = [];
  const cells = output.table?.cells ?? [];
  for (const name of CHECK_ORDER) {
    const counts = new Map<string, number>();
    for (const cell of cells) {
      if (!acroNames(cell.checks).includes(name)) continue;
      const words = cell.treatment === 'shown' ? (REVIEW_NAMES.has(name) ? 'to review' : 'may need suppressing') : TREATMENT_WORDS[cell.treatment];
      counts.set(words, (counts.get(words) ?? 0) + 1);
    }
    for (const [words, n] of counts) parts.push(`${name}: ${n} cells ${words}`);
  }
  for (const name of acroNames(output.unresolved ?? [])) parts.push(`${name}: not resolved, exception requested`);
  return parts.length === 0 ? status : `${status}; ${parts.map((part) => `${part}; `).join('')}`;
}

function acroResult(output: AcroOutputInput): AcroResult {
  const sdc: AcroSdc = output.table ? acroSdc(output.table) : {};
  const status = acroStatus(output);
  const summary = output.summary ?? acroSummary(output);
  const properties: AcroResult['properties'] = { method: output.method };
  if (output.mitigation) properties.mitigation = output.mitigation;
  if (output.roundBase !== undefined) properties.round_base = output.roundBase;
  // Key order as ACRO's finalise_json writes it.
  return {
    uid: output.uid,
    status,
    type: output.type,
    properties,
    files: output.files.map((name) => ({ name, sdc })),
    outcome: output.table ? acroOutcome(output.table) : {},
    command: output.command,
    summary,
    timestamp: output.timestamp.toISOString(),
    comments: [...output.comments],
    exception: output.exception,
  };
}

function issueText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(geheel)'}: ${issue.message}`)
    .join('; ');
}

/** The log as an object, checked against its schema; throws an Error naming the first problems on input it cannot write faithfully. */
export function buildAcroResults(input: AcroResultsInput): AcroResults {
  const parsed = acroResultsInputSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Het ACRO-logboek (results.json) kan zo niet worden geschreven: ${issueText(parsed.error)}.`);
  const results: Record<string, AcroResult> = {};
  for (const output of parsed.data.outputs) {
    if (output.uid in results) throw new Error(`Twee uitvoeren heten ${output.uid}; elke uitvoer heeft een eigen naam nodig.`);
    results[output.uid] = acroResult(output);
  }
  const log = acroResultsSchema.safeParse({ version: parsed.data.version ?? ACRO_RESULTS_VERSION, results });
  if (!log.success) throw new Error(`Het ACRO-logboek (results.json) kan zo niet worden geschreven: ${issueText(log.error)}.`);
  return log.data;
}

/** JSON text as Python's json.dump(indent=4) writes it: ASCII only, every other character as \uXXXX. */
export function acroJsonText(value: unknown): string {
  return JSON.stringify(value, null, 4).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** results.json's bytes. */
export function acroResults(input: AcroResultsInput): Buffer {
  return Buffer.from(acroJsonText(buildAcroResults(input)), 'utf8');
}
