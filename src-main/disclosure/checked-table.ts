// The one shape in which a table of aggregates leaves the main process: every cell checked against the
// rule set, a blocked cell carrying the rule that blocked it but never its value.
import { z } from 'zod';

/** The primary rules a cell can fail (src-main/disclosure/primary-rules.ts applies them). */
export const blockingRuleSchema = z.enum(['threshold', 'statistic-threshold', 'dominance', 'p-percent', 'min-max', 'degrees-of-freedom']);
export type BlockingRule = z.infer<typeof blockingRuleSchema>;

/**
 * Optional reading of a shown cell in words, for cells whose number alone says too little: a profile cell
 * "Bijstand 81 %" carries value 81 (the share) and this text. Only cells with a value may carry it, so a
 * blocked cell still cannot smuggle anything out.
 */
const cellTextSchema = z.string().min(1).max(200).optional();

/**
 * A cell as the renderer and the export see it. Only safe, review and rounded cells carry a value;
 * `strictObject` makes the IPC gate refuse a blocked or secondary cell that somehow carries one.
 */

export const publishedCellSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('safe'), value: z.number(), text: cellTextSchema }),
  /** Shown, but an output checker must look at it: a zero, or a category holding (nearly) a whole group. */
  z.strictObject({ status: z.literal('review'), reason: z.enum(['zero', 'group-disclosure']), value: z.number(), text: cellTextSchema }),
  /** Controlled rounding to a base: the table still adds up. */
  z.strictObject({ status: z.literal('rounded'), base: z.number().int().positive(), value: z.number(), text: cellTextSchema }),
  /** Failed a primary rule. */
  z.strictObject({ status: z.literal('blocked'), rule: blockingRuleSchema }),
  /** Safe in itself, suppressed so that a blocked cell cannot be recomputed from it. */
  z.strictObject({ status: z.literal('secondary') }),
  /** Nothing to show (a statistic of a group without values, such as the median income of no one). */
  z.strictObject({ status: z.literal('empty') }),
]);
export type PublishedCell = z.infer<typeof publishedCellSchema>;
export type CellStatusName = PublishedCell['status'];

/** How a column's values read: the renderer and the export format them (Dutch: 1.234, 12,3 %, EUR 14.000). */
/** `residual`: an adjusted standardised residual of a chi-square test (beyond ±1,96: significant at 5 %). */
export const valueFormatSchema = z.enum(['count', 'percent', 'percentagePoints', 'amount', 'number', 'pValue', 'residual']);
export type ValueFormat = z.infer<typeof valueFormatSchema>;

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
  /** `format`, when present, overrides the columns' formats for this row (a profile table mixes shares and amounts per row). */
  rows: z.array(
    z.strictObject({ id: z.string(), label: z.string(), total: z.boolean(), format: valueFormatSchema.optional(), cells: z.array(publishedCellSchema) }),
  ),
  /** How blocked cells are protected against recomputation from the rest of the table. */
  protection: z.enum(['suppression', 'rounding', 'none']),
  ruleSet: z.strictObject({ name: z.string(), digest: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** Plain-language notes for the analyst and the checker (e.g. why a column was suppressed). */
  notes: z.array(z.string()),
});
export type CheckedTable = z.infer<typeof checkedTableSchema>;

/** How one cell reads: its row's format when the row sets one, otherwise its column's. */
export function cellFormat(table: CheckedTable, rowIndex: number, columnIndex: number): ValueFormat | undefined {
  return table.rows[rowIndex]?.format ?? table.columns[columnIndex]?.format;
}

/** True when a cell may be shown as a number. */
export function hasValue(cell: PublishedCell): cell is Extract<PublishedCell, { value: number }> {
  return 'value' in cell;
}

/** Counts of cells per status, for the output log and the export screen. */
export function statusCounts(table: CheckedTable): Record<CellStatusName, number> {
  const counts: Record<CellStatusName, number> = { safe: 0, review: 0, rounded: 0, blocked: 0, secondary: 0, empty: 0 };
  for (const row of table.rows) for (const cell of row.cells) counts[cell.status] += 1;
  return counts;
}

/**
 * The overall verdict for an output: it fails when a cell is blocked (it can then only leave with that cell
 * masked, which is the analyst's explicit choice), needs review when a cell is flagged, and passes otherwise.
 */
export function tableVerdict(table: CheckedTable): 'pass' | 'review' | 'fail' {
  const counts = statusCounts(table);
  if (counts.blocked > 0 || counts.secondary > 0) return 'fail';
  return counts.review > 0 ? 'review' : 'pass';
}

/** A column's full heading where it stands alone (CSV, a chart legend): "Klanthuishoudens (%)". */
export function columnTitle(column: CheckedTable['columns'][number]): string {
  return column.group ? `${column.group} (${column.label.toLowerCase()})` : column.label;
}
