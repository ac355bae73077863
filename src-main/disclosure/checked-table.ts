// The one shape in which a table of aggregates leaves the main process: every cell already through the study's
// publication ledger, a hidden cell carrying one mark and nothing else (the reasons stay in the output log).
import { z } from 'zod';

/** The primary rules a cell can fail (src-main/disclosure/primary-rules.ts applies them); the output log names them. */
export const blockingRuleSchema = z.enum(['threshold', 'statistic-threshold', 'dominance', 'p-percent', 'min-max', 'degrees-of-freedom']);
export type BlockingRule = z.infer<typeof blockingRuleSchema>;

/** How a column's values read: the renderer and the export format them (Dutch: 1.234, 12,3 %, EUR 14.000). */
/** `residual`: an adjusted standardised residual of a chi-square test (beyond ±1,96: significant at 5 %). */
export const valueFormatSchema = z.enum(['count', 'percent', 'percentagePoints', 'amount', 'number', 'pValue', 'residual']);
export type ValueFormat = z.infer<typeof valueFormatSchema>;

/**
 * Optional reading of a cell in words, for cells whose number alone says too little: a profile cell "Bijstand 81,3 %"
 * carries value 81.3 (the share) and this text; a cell without a number may read "varieert".
 */
const cellTextSchema = z.string().min(1).max(200).optional();

/**
 * A cell as the renderer and the export see it. Only safe, review and rounded cells carry a value; `strictObject`
 * makes the IPC gate refuse a suppressed cell that somehow carries one.
 */
/** How a value reads, travelling with the value: the decimals it was rounded to, and its format where the column's does not fit. */
const valueShape = {
  value: z.number(),
  decimals: z.number().int().min(0).max(6),
  format: valueFormatSchema.optional(),
  text: cellTextSchema,
};

export const publishedCellSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('safe'), ...valueShape }),
  /** Shown, but an output checker must look at it: a zero, or a category holding (nearly) a whole group. */
  z.strictObject({ status: z.literal('review'), reason: z.enum(['zero', 'group-disclosure']), ...valueShape }),
  /** Rounded to a base (the rounding method). */
  z.strictObject({ status: z.literal('rounded'), base: z.number().int().positive(), ...valueShape }),
  /** Hidden to protect the households behind it (by a rule, to shield another hidden cell, or computed from one): one mark, "x". */
  z.strictObject({ status: z.literal('suppressed') }),
  /** Nothing to show (a statistic of a group without values), or words without a number ("varieert"). */
  z.strictObject({ status: z.literal('empty'), text: cellTextSchema }),
]);
export type PublishedCell = z.infer<typeof publishedCellSchema>;
export type CellStatusName = PublishedCell['status'];

export const publishedCountValueSchema = z.union([z.number().int().nonnegative(), z.strictObject({ below: z.number().int().positive() })]);

export const checkedTableSchema = z.strictObject({
  /** Stable id, used for file names and the output log, e.g. "vergelijking-opleiding". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  /** What one unit is, e.g. "huishoudens". */
  unit: z.string().min(1),
  population: z.strictObject({ id: z.string(), label: z.string(), units: publishedCountValueSchema }),
  /** The label of the row header column, e.g. "Opleidingsniveau". */
  rowHeader: z.string(),
  /** `group` labels a run of adjacent columns with one heading (e.g. "Klanthuishoudens" over "Aantal" and "%"). */
  columns: z.array(z.strictObject({ id: z.string(), label: z.string(), format: valueFormatSchema, group: z.string().optional() })).min(1),
  /** `format`, when present, overrides the columns' for this row (a profile table mixes shares and amounts per row). */
  rows: z.array(
    z.strictObject({ id: z.string(), label: z.string(), total: z.boolean(), format: valueFormatSchema.optional(), cells: z.array(publishedCellSchema) }),
  ),
  /** How hidden cells are protected against recomputation from the rest of the publication. */
  protection: z.enum(['suppression', 'rounding', 'none']),
  ruleSet: z.strictObject({ name: z.string(), digest: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** Plain-language notes for the analyst and the checker (e.g. what a recode merged). */
  notes: z.array(z.string()),
});
export type CheckedTable = z.infer<typeof checkedTableSchema>;

/** How one cell reads: its own format when it has one, else its row's, else its column's. */
export function cellFormat(table: CheckedTable, rowIndex: number, columnIndex: number): ValueFormat | undefined {
  const cell = table.rows[rowIndex]?.cells[columnIndex];
  return (cell && 'format' in cell ? cell.format : undefined) ?? table.rows[rowIndex]?.format ?? table.columns[columnIndex]?.format;
}

/** True when a cell may be shown as a number. */
export function hasValue(cell: PublishedCell): cell is Extract<PublishedCell, { value: number }> {
  return 'value' in cell;
}

/** Counts of cells per status, for the output log and the export screen. */
export function statusCounts(table: CheckedTable): Record<CellStatusName, number> {
  const counts: Record<CellStatusName, number> = { safe: 0, review: 0, rounded: 0, suppressed: 0, empty: 0 };
  for (const row of table.rows) for (const cell of row.cells) counts[cell.status] += 1;
  return counts;
}

/**
 * The verdict an output checker starts from: review when cells are hidden by protection or flagged (a zero, a category
 * holding nearly a whole group), pass otherwise. A publication that fails its protection is never written at all.
 */
export function tableVerdict(table: CheckedTable): 'pass' | 'review' {
  const counts = statusCounts(table);
  return counts.suppressed > 0 || counts.review > 0 ? 'review' : 'pass';
}

/** A column's full heading where it stands alone (CSV, a chart legend): "Klanthuishoudens (%)". */
export function columnTitle(column: CheckedTable['columns'][number]): string {
  return column.group ? `${column.group} (${column.label.toLowerCase()})` : column.label;
}
