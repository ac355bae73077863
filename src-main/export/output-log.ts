// The output log an output checker reviews: per output what it is, its population, its checks, every hidden cell with
// the reason it is hidden and the attacker's interval for it, and its files (versioned JSON). It stays with the checker.
import { z } from 'zod';
import { blockingRuleSchema, publishedCountValueSchema, statusCounts, type CheckedTable } from '../disclosure/checked-table';
import { ruleSummary } from '../disclosure/rule-summary';
import { ruleSetSchema, type RuleSet } from '../disclosure/rule-set';
import { tableCsvNotes } from './table-csv';

export const OUTPUT_LOG_FORMAT = 'groepsbeeld-output-log';
export const OUTPUT_LOG_VERSION = 2;

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const writtenFileSchema = z.strictObject({
  /** File name inside the export folder. */
  name: z.string().min(1),
  kind: z.enum(['csv', 'xlsx', 'svg', 'png', 'html', 'pdf', 'json']),
  bytes: z.number().int().nonnegative(),
  sha256: sha256Schema,
});
export type WrittenFile = z.infer<typeof writtenFileSchema>;

const cellCountsSchema = z.strictObject({
  safe: z.number().int().nonnegative(),
  review: z.number().int().nonnegative(),
  rounded: z.number().int().nonnegative(),
  suppressed: z.number().int().nonnegative(),
  empty: z.number().int().nonnegative(),
});

/** Why one cell is hidden: a primary rule, secondary suppression, or computed from a hidden count. */
export const hiddenCellSchema = z.strictObject({
  row: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  rowLabel: z.string(),
  columnLabel: z.string(),
  reason: z.enum(['primary', 'secondary', 'derived']),
  rule: blockingRuleSchema.optional(),
  description: z.string(),
  /** What an attacker who reads the whole package can narrow the hidden count to. */
  interval: z.strictObject({ lower: z.number(), upper: z.number().nullable() }).optional(),
});
export type HiddenCellEntry = z.infer<typeof hiddenCellSchema>;

export const outputEntrySchema = z.strictObject({
  id: z.string().min(1),
  /** A table, or the persona cards (their figures counted as the cells of one table). */
  kind: z.enum(['table', 'personas']),
  title: z.string().min(1),
  unit: z.string(),
  population: z.strictObject({ id: z.string(), label: z.string(), units: publishedCountValueSchema }),
  protection: z.enum(['suppression', 'rounding', 'none']),
  checks: z.strictObject({
    /** pass: nothing hidden or flagged; review: cells hidden by protection or flagged; fail: leaves only with an exception. */
    verdict: z.enum(['pass', 'review', 'fail']),
    cellCounts: cellCountsSchema,
    hiddenCells: z.array(hiddenCellSchema),
    /** Rounded and review cells and the table's own notes, which the machine-readable CSV does not carry. */
    notes: z.array(z.string()),
  }),
  comment: z.string().nullable(),
  exceptionRequest: z.string().nullable(),
  files: z.array(writtenFileSchema).min(1),
});
export type OutputEntry = z.infer<typeof outputEntrySchema>;

export const outputLogSchema = z.strictObject({
  format: z.literal(OUTPUT_LOG_FORMAT),
  version: z.literal(OUTPUT_LOG_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  study: z.strictObject({ name: z.string(), referenceDate: z.string(), municipality: z.string(), sha256: sha256Schema }),
  ruleSet: z.strictObject({ name: z.string(), digest: sha256Schema, summary: z.string(), rules: ruleSetSchema }),
  /** The independent audit of the package as written (groepsbeeld audit): it passed, or nothing was written. */
  audit: z.strictObject({ hiddenCells: z.number().int().nonnegative(), narrowest: z.number().nullable(), packages: z.number().int().positive() }),
  outputs: z.array(outputEntrySchema),
  /** Files that belong to the package as a whole (the reports, the definitions). */
  files: z.array(writtenFileSchema),
});
export type OutputLog = z.infer<typeof outputLogSchema>;

export interface TableOutputFacts {
  /** 'table' when absent. */
  kind?: 'table' | 'personas';
  table: CheckedTable;
  hiddenCells: HiddenCellEntry[];
  comment?: string | undefined;
  exceptionRequest?: string | undefined;
  /** The output leaves only by an exception: its population is close to an earlier export's, with the analyst's justification. */
  differencingException?: boolean;
  files: WrittenFile[];
}

/** One output's entry: what it is, its checks and its files. */
export function outputEntry(facts: TableOutputFacts): OutputEntry {
  const { table } = facts;
  const counts = statusCounts(table);
  const exception = facts.exceptionRequest?.trim() || null;
  const verdict = facts.differencingException ? 'fail' : counts.suppressed > 0 || counts.review > 0 ? 'review' : 'pass';
  return {
    id: table.id,
    kind: facts.kind ?? 'table',
    title: table.title,
    unit: table.unit,
    population: { ...table.population },
    protection: table.protection,
    checks: { verdict, cellCounts: counts, hiddenCells: facts.hiddenCells, notes: tableCsvNotes(table) },
    comment: facts.comment?.trim() || null,
    exceptionRequest: exception,
    files: facts.files,
  };
}

export interface OutputLogInput {
  createdAt: Date;
  tool: { name: string; version: string };
  study: OutputLog['study'];
  ruleSet: RuleSet;
  ruleSetDigest: string;
  audit: OutputLog['audit'];
  outputs: TableOutputFacts[];
  files: WrittenFile[];
}

/** The log, checked against its own schema before anyone writes it. */
export function buildOutputLog(input: OutputLogInput): OutputLog {
  return outputLogSchema.parse({
    format: OUTPUT_LOG_FORMAT,
    version: OUTPUT_LOG_VERSION,
    createdAt: input.createdAt.toISOString(),
    tool: input.tool,
    study: input.study,
    ruleSet: { name: input.ruleSet.name, digest: input.ruleSetDigest, summary: ruleSummary(input.ruleSet), rules: input.ruleSet },
    audit: input.audit,
    outputs: input.outputs.map(outputEntry),
    files: input.files,
  });
}

/** The log as JSON text (two-space indent, trailing newline). */
export function outputLogJson(log: OutputLog): Buffer {
  return Buffer.from(`${JSON.stringify(log, null, 2)}\n`, 'utf8');
}
