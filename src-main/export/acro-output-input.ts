// What the caller gives for the ACRO output log (results.json): our own, neutral description of each output.
import { z } from 'zod';
import { groepsbeeldCheckSchema } from './acro-checks';
import { acroOutputTypeSchema, acroVersionSchema, count, mitigationSchema, packageFileNameSchema, uidSchema } from './acro-results-schema';

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
