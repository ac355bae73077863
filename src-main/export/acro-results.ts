// The output log in ACRO's results.json format (AI-SDC/ACRO acro/record.py), so SACRO-Viewer can open an export package.
//
// Format (ACRO 0.4.x, the generation SACRO-Viewer supports: sacro/settings.py ACRO_SUPPORTED_VERSION = "0.4.x"):
//   { "version": "0.4.11", "results": { uid: { uid, status, type, properties: { method }, files: [{ name, sdc }],
//     outcome, command, summary, timestamp, comments, exception } } }
// - `sdc` is one dictionary per output, repeated on every file of that output (ACRO does the same):
//   { summary: { suppressed, negative, missing, threshold, p-ratio, nk-rule, all-values-are-same, ...ours },
//     cells: { same names: [[row, column], ...] } }; a custom output without checked cells gets `{}`.
// - [row, column] index the data part of the CSV: row 0 is the first line after the header, column 0 the first
//   column after the row labels (SACRO-Viewer highlights tbody tr (row + 1), td (column + 2)).
// - `outcome` is ACRO's DataFrame.to_json(): { columnLabel: { rowLabel: "ok" | "threshold; p-ratio; " } }.
// - `summary` starts with the status ("review; threshold: 1 cells suppressed; "), which SACRO-Viewer splits on "; ".
// - The text is pure ASCII (non-ASCII escaped as \uXXXX, as Python's json.dump does): SACRO-Viewer reads the file
//   with the platform's default encoding, which on Windows is not UTF-8.
import { z } from 'zod';
import { blockingRuleSchema } from '../disclosure/checked-table';

export const ACRO_RESULTS_FILE = 'results.json';
/**
 * The ACRO version we claim. SACRO-Viewer accepts any version from 0.4 on (major.minor compared); ACRO's own
 * `load_records` accepts only its exact `__version__`. Later ACRO names its checks after its ontology
 * (MinimumThresholdCheck, NKCheck, ...: 0.4.12 by its architecture docs, before 1.0.1 by its CHANGELOG); 0.4.11 is
 * the last release whose names are the ones we write. Pass `version` to claim another.
 */
export const ACRO_RESULTS_VERSION = '0.4.11';

/** Our checks, as the disclosure code names them (primary rules, review reasons, secondary suppression, differencing). */
export const groepsbeeldCheckSchema = z.union([blockingRuleSchema, z.enum(['zero', 'group-disclosure', 'secondary', 'differencing'])]);
export type GroepsbeeldCheck = z.infer<typeof groepsbeeldCheckSchema>;

/** ACRO's own check names (acro_tables.py get_table_sdc), always present in a table's sdc summary and cells. */
export const ACRO_NATIVE_CHECKS = ['negative', 'missing', 'threshold', 'p-ratio', 'nk-rule', 'all-values-are-same'] as const;
/** Our names for checks ACRO does not have; present in sdc only when a cell carries them. */
export const ACRO_EXTRA_CHECKS = ['dof', 'min-max', 'zeros', 'group-disclosure', 'secondary', 'differencing'] as const;
export type AcroCheckName = (typeof ACRO_NATIVE_CHECKS)[number] | (typeof ACRO_EXTRA_CHECKS)[number];

/**
 * How our checks are named in results.json. ACRO's threshold check counts contributors for every statistic, so both
 * our thresholds map to it; p% is ACRO's "p-ratio", NK dominance its "nk-rule". ACRO has no check (0.4.x) for zeros
 * (zeros_are_disclosive only feeds the p-ratio), group disclosure, minima and maxima, secondary suppression or
 * differencing (issue #117); "all-values-are-same" is its check on mode statistics, so we do not borrow it.
 */
export const ACRO_CHECK_NAMES: Record<GroepsbeeldCheck, AcroCheckName> = {
  threshold: 'threshold',
  'statistic-threshold': 'threshold',
  'p-percent': 'p-ratio',
  dominance: 'nk-rule',
  'degrees-of-freedom': 'dof',
  'min-max': 'min-max',
  zero: 'zeros',
  'group-disclosure': 'group-disclosure',
  secondary: 'secondary',
  differencing: 'differencing',
};

/** Checks that only ask a checker to look (the cell may be shown); every other check requires protection. */
const REVIEW_CHECKS: ReadonlySet<GroepsbeeldCheck> = new Set<GroepsbeeldCheck>(['zero', 'group-disclosure']);
const REVIEW_NAMES: ReadonlySet<AcroCheckName> = new Set<AcroCheckName>(['zeros', 'group-disclosure']);
const CHECK_ORDER: readonly AcroCheckName[] = [...ACRO_NATIVE_CHECKS, ...ACRO_EXTRA_CHECKS];

// ---------------------------------------------------------------------------------------------------------------
// What we write: the schema of results.json.

const count = z.number().int().nonnegative();
const positions = z.array(z.tuple([count, count]));
/** A plain file name in the package folder (ACRO writes flat folders; SACRO-Viewer joins it to the folder). */
export const packageFileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..', 'een bestandsnaam zonder map');
const uidSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, cijfers, punt, streep of liggend streepje');
/** major.minor.patch, and at least 0.4 (SACRO-Viewer refuses older results). */
export const acroVersionSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+$/)
  .refine((version) => {
    const [major = 0, minor = 0] = version.split('.').map(Number);
    return major > 0 || minor >= 4;
  }, 'SACRO-Viewer opent alleen ACRO-versie 0.4 of later');

const tableSdcSchema = z.strictObject({
  summary: z.strictObject({
    suppressed: z.boolean(),
    negative: count,
    missing: count,
    threshold: count,
    'p-ratio': count,
    'nk-rule': count,
    'all-values-are-same': count,
    dof: count.optional(),
    'min-max': count.optional(),
    zeros: count.optional(),
    'group-disclosure': count.optional(),
    secondary: count.optional(),
    differencing: count.optional(),
  }),
  cells: z.strictObject({
    negative: positions,
    missing: positions,
    threshold: positions,
    'p-ratio': positions,
    'nk-rule': positions,
    'all-values-are-same': positions,
    dof: positions.optional(),
    'min-max': positions.optional(),
    zeros: positions.optional(),
    'group-disclosure': positions.optional(),
    secondary: positions.optional(),
    differencing: positions.optional(),
  }),
});
export type AcroTableSdc = z.infer<typeof tableSdcSchema>;

/** A table's checks, or `{}` for an output without checked cells (ACRO's add_custom). */
export const acroSdcSchema = z.union([tableSdcSchema, z.strictObject({})]);
export type AcroSdc = z.infer<typeof acroSdcSchema>;

export const acroOutputTypeSchema = z.enum(['table', 'regression', 'histogram', 'survival plot', 'pie chart', 'custom']);
export type AcroOutputType = z.infer<typeof acroOutputTypeSchema>;
const statusSchema = z.enum(['pass', 'fail', 'review']);
export type AcroStatus = z.infer<typeof statusSchema>;
const mitigationSchema = z.enum(['none', 'suppress', 'round']);

export const acroResultSchema = z.strictObject({
  uid: uidSchema,
  status: statusSchema,
  type: acroOutputTypeSchema,
  /** ACRO writes `method`; 1.0 adds `mitigation` and, for rounding, `round_base`. */
  properties: z.strictObject({
    method: z.string().min(1),
    mitigation: mitigationSchema.optional(),
    round_base: z.number().int().positive().optional(),
  }),
  files: z.array(z.strictObject({ name: packageFileNameSchema, sdc: acroSdcSchema })).min(1),
  outcome: z.record(z.string(), z.record(z.string(), z.string().regex(/^(ok|([a-z-]+; )+)$/))),
  command: z.string(),
  summary: z.string().regex(/^(pass|fail|review)(; .*)?$/),
  timestamp: z.iso.datetime({ offset: true }),
  comments: z.array(z.string()),
  exception: z.string(),
});
export type AcroResult = z.infer<typeof acroResultSchema>;

export const acroResultsSchema = z.strictObject({ version: acroVersionSchema, results: z.record(uidSchema, acroResultSchema) }).superRefine((log, context) => {
  const files = new Set<string>();
  for (const [key, result] of Object.entries(log.results)) {
    if (result.uid !== key) context.addIssue({ code: 'custom', path: ['results', key, 'uid'], message: `uid ${result.uid} wijkt af van de sleutel ${key}` });
    if (!result.summary.startsWith(result.status))
      context.addIssue({ code: 'custom', path: ['results', key, 'summary'], message: 'de samenvatting begint niet met de status' });
    if (result.status === 'fail' && result.exception.trim() === '') {
      context.addIssue({
        code: 'custom',
        path: ['results', key, 'exception'],
        message: 'een uitvoer met status fail gaat alleen mee met een uitzonderingsverzoek',
      });
    }
    for (const [index, file] of result.files.entries()) {
      if (files.has(file.name) || file.name === ACRO_RESULTS_FILE) {
        context.addIssue({ code: 'custom', path: ['results', key, 'files', index, 'name'], message: `${file.name} staat al in het logboek` });
      }
      files.add(file.name);
      if (!('summary' in file.sdc)) continue;
      const summary: Partial<Record<string, number | boolean>> = file.sdc.summary;
      const cells: Partial<Record<string, unknown[]>> = file.sdc.cells;
      for (const name of CHECK_ORDER) {
        if ((summary[name] ?? 0) !== (cells[name]?.length ?? 0)) {
          context.addIssue({ code: 'custom', path: ['results', key, 'files', index, 'sdc', 'summary', name], message: 'het aantal telt de cellen niet' });
        }
      }
    }
  }
});
export type AcroResults = z.infer<typeof acroResultsSchema>;

// ---------------------------------------------------------------------------------------------------------------
// What the caller gives: our own, neutral description of each output.

/**
 * What happened to a flagged cell: hidden by the table's protection (a complete suppression pattern), rounded by
 * controlled rounding, hidden only because the analyst asked for a failing output's blocked cells to be masked
 * (no complete protection: the output fails and needs an exception request), or shown (a review flag, or an
 * unresolved one).
 */
export const cellTreatmentSchema = z.enum(['suppressed', 'rounded', 'masked', 'shown']);
export type CellTreatment = z.infer<typeof cellTreatmentSchema>;

export const acroCellInputSchema = z.strictObject({
  /** Index into `rowLabels` (the CSV's data lines). */
  row: count,
  /** Index into `columnLabels` (the CSV's columns after the row labels). */
  column: count,
  /** The labels at those indexes, repeated as a check that the indexes point where the caller means. */
  rowLabel: z.string(),
  columnLabel: z.string(),
  checks: z.array(groepsbeeldCheckSchema).min(1),
  treatment: cellTreatmentSchema,
});
export type AcroCellInput = z.infer<typeof acroCellInputSchema>;

/** A table as its CSV shows it: every row and column label (for the outcome grid) and the flagged cells only. */
export const acroTableInputSchema = z
  .strictObject({
    rowLabels: z.array(z.string()).min(1),
    columnLabels: z.array(z.string()).min(1),
    cells: z.array(acroCellInputSchema),
  })
  .superRefine((table, context) => {
    const seen = new Set<string>();
    table.cells.forEach((cell, index) => {
      const path = ['cells', index];
      const rowLabel = table.rowLabels[cell.row];
      const columnLabel = table.columnLabels[cell.column];
      if (rowLabel === undefined || columnLabel === undefined) {
        context.addIssue({ code: 'custom', path, message: `cel [${cell.row}, ${cell.column}] valt buiten de tabel` });
        return;
      }
      if (rowLabel !== cell.rowLabel || columnLabel !== cell.columnLabel) {
        context.addIssue({
          code: 'custom',
          path,
          message: `cel [${cell.row}, ${cell.column}] is "${rowLabel}" / "${columnLabel}", niet "${cell.rowLabel}" / "${cell.columnLabel}"`,
        });
      }
      const key = `${cell.row},${cell.column}`;
      if (seen.has(key)) context.addIssue({ code: 'custom', path, message: `cel [${key}] staat twee keer in de lijst` });
      seen.add(key);
    });
  });
export type AcroTableInput = z.infer<typeof acroTableInputSchema>;

export const acroOutputInputSchema = z
  .strictObject({
    /** The output's key in results.json and its name in SACRO-Viewer; our table ids fit. */
    uid: uidSchema,
    type: acroOutputTypeSchema,
    /** properties.method: how it was made, shown before the type ("crosstab table"). */
    method: z.string().min(1),
    mitigation: mitigationSchema.optional(),
    roundBase: z.number().int().positive().optional(),
    /** What made it, for the checker (ACRO writes the researcher's Python call). */
    command: z.string(),
    /** Replaces the summary built from the checks; it must start with the status. */
    summary: z.string().min(1).optional(),
    timestamp: z.date(),
    comments: z.array(z.string()),
    /** The analyst's exception request (a written justification); '' when there is none. */
    exception: z.string(),
    /** The output's files in the package folder, the most telling first (SACRO-Viewer shows them in this order). */
    files: z.array(packageFileNameSchema).min(1),
    /** The checked table behind the files; required for type "table". */
    table: acroTableInputSchema.optional(),
    /** Problems of the output as a whole that no protection resolved (differencing across exports). */
    unresolved: z.array(groepsbeeldCheckSchema).optional(),
  })
  .superRefine((output, context) => {
    if (output.type === 'table' && !output.table) context.addIssue({ code: 'custom', path: ['table'], message: 'een tabel heeft haar cellen nodig' });
  });
export type AcroOutputInput = z.infer<typeof acroOutputInputSchema>;

export const acroResultsInputSchema = z.strictObject({
  /** ACRO_RESULTS_VERSION when absent. */
  version: acroVersionSchema.optional(),
  outputs: z.array(acroOutputInputSchema),
});
export type AcroResultsInput = z.input<typeof acroResultsInputSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Building the log.

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
