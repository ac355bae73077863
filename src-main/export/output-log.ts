// The output log an output checker reviews: per output what it is, its population, its checks and files (versioned JSON).
import { z } from 'zod';
import {
  blockingRuleSchema,
  publishedCountValueSchema,
  statusCounts,
  tableVerdict,
  type CheckedTable,
} from '../disclosure/checked-table';
import type { BlockingRule } from '../disclosure/primary-rules';
import { ruleSetSchema, type RuleSet } from '../disclosure/rule-set';
import { blockedText } from './cell-text';
import { tableCsvNotes } from './table-csv';

export const OUTPUT_LOG_FORMAT = 'groepsbeeld-output-log';
export const OUTPUT_LOG_VERSION = 1;

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const writtenFileSchema = z.strictObject({
  /** File name inside the export folder. */
  name: z.string().min(1),
  kind: z.enum(['csv', 'xlsx', 'svg', 'png', 'html', 'pdf']),
  bytes: z.number().int().nonnegative(),
  sha256: sha256Schema,
});
export type WrittenFile = z.infer<typeof writtenFileSchema>;

const cellCountsSchema = z.strictObject({
  safe: z.number().int().nonnegative(),
  review: z.number().int().nonnegative(),
  rounded: z.number().int().nonnegative(),
  blocked: z.number().int().nonnegative(),
  secondary: z.number().int().nonnegative(),
  empty: z.number().int().nonnegative(),
});

export const outputEntrySchema = z.strictObject({
  id: z.string().min(1),
  /** A table, or the persona cards (their figures counted as the cells of one table). */
  kind: z.enum(['table', 'personas']),
  title: z.string().min(1),
  unit: z.string(),
  population: z.strictObject({ id: z.string(), label: z.string(), units: publishedCountValueSchema }),
  protection: z.enum(['suppression', 'rounding', 'none']),
  checks: z.strictObject({
    /** pass: nothing flagged; review: a checker must look at flagged cells; fail: cells are blocked. */
    verdict: z.enum(['pass', 'review', 'fail']),
    cellCounts: cellCountsSchema,
    blockingRules: z.array(z.strictObject({ rule: blockingRuleSchema, cells: z.number().int().positive(), description: z.string() })),
    /** True when the output failed and left only because the analyst asked for blocked cells to be masked. */
    blockedCellsMasked: z.boolean(),
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
  ruleSet: z.strictObject({ name: z.string(), digest: sha256Schema, rules: ruleSetSchema }),
  maskBlocked: z.boolean(),
  outputs: z.array(outputEntrySchema),
  /** Files that belong to the package as a whole (the reports). */
  files: z.array(writtenFileSchema),
});
export type OutputLog = z.infer<typeof outputLogSchema>;

export interface TableOutputFacts {
  /** 'table' when absent. */
  kind?: 'table' | 'personas';
  table: CheckedTable;
  comment?: string | undefined;
  exceptionRequest?: string | undefined;
  files: WrittenFile[];
}

/** Which rules blocked how many cells, in the order of the first blocked cell. */
export function blockingRuleCounts(table: CheckedTable): Map<BlockingRule, number> {
  const counts = new Map<BlockingRule, number>();
  for (const row of table.rows) for (const cell of row.cells) if (cell.status === 'blocked') counts.set(cell.rule, (counts.get(cell.rule) ?? 0) + 1);
  return counts;
}

/** One output's entry: what it is, its checks and its files. */
export function outputEntry(facts: TableOutputFacts, rules: RuleSet, maskBlocked: boolean): OutputEntry {
  const { table } = facts;
  const verdict = tableVerdict(table);
  return {
    id: table.id,
    kind: facts.kind ?? 'table',
    title: table.title,
    unit: table.unit,
    population: { ...table.population },
    protection: table.protection,
    checks: {
      verdict,
      cellCounts: statusCounts(table),
      blockingRules: [...blockingRuleCounts(table)].map(([rule, cells]) => ({ rule, cells, description: blockedText(rule, rules) })),
      blockedCellsMasked: verdict === 'fail' && maskBlocked,
      notes: tableCsvNotes(table),
    },
    comment: facts.comment?.trim() || null,
    exceptionRequest: facts.exceptionRequest?.trim() || null,
    files: facts.files,
  };
}

export interface OutputLogInput {
  createdAt: Date;
  tool: { name: string; version: string };
  study: OutputLog['study'];
  ruleSet: RuleSet;
  ruleSetDigest: string;
  maskBlocked: boolean;
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
    ruleSet: { name: input.ruleSet.name, digest: input.ruleSetDigest, rules: input.ruleSet },
    maskBlocked: input.maskBlocked,
    outputs: input.outputs.map((facts) => outputEntry(facts, input.ruleSet, input.maskBlocked)),
    files: input.files,
  });
}

/** The log as JSON text (two-space indent, trailing newline). */
export function outputLogJson(log: OutputLog): Buffer {
  return Buffer.from(`${JSON.stringify(log, null, 2)}\n`, 'utf8');
}
