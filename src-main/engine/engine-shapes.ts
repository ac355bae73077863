// The shapes the engine publishes: its security settings, and about open files what a file is, how its columns read,
// and its profile (aggregates only, small counts masked). Neutral (no Node): the IPC contract, the CLI and the
// renderer's types import them from here.
import { z } from 'zod';
import { publishedCountSchema } from '../disclosure/disclosure-shapes';
import { columnRoleSchema, roleMapSchema, tableKindSchema } from './column-roles';

/** kind: how the engine reads the column (keys and codes stay text; dates are YYYYMMDD text). */
export const columnKindSchema = z.enum(['key', 'code', 'date', 'text', 'number', 'other']);
export const fileColumnSchema = z.object({ name: z.string(), type: z.string(), kind: columnKindSchema });

/** A file the analyst opened: metadata and a row count only (published by the count rule), never rows. */
export const openedFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** 'workspace': loaded from an encrypted workspace (the file's own name is kept). */
  format: z.enum(['csv', 'parquet', 'xlsx', 'sav', 'workspace']),
  sizeBytes: z.number().int().nonnegative(),
  rowCount: publishedCountSchema,
  columns: z.array(fileColumnSchema),
  /** The CBS table it was recognised as ('unknown' when neither name nor columns say). */
  tableKind: tableKindSchema,
  /** Role -> column, as proposed (and as changed by the analyst). */
  roles: roleMapSchema,
  /** Problems in single rows that do not stop the file from being used (e.g. a period typed backwards). */
  warnings: z.array(z.string()),
});
export type OpenedFile = z.infer<typeof openedFileSchema>;

const fileIdSchema = z.string().min(1).max(64);
const columnNameSchema = z.string().min(1).max(256);

export const columnSummaryRequestSchema = z.object({ fileId: fileIdSchema, column: columnNameSchema });
export type ColumnSummaryRequest = z.infer<typeof columnSummaryRequestSchema>;

/** One column at a glance. Rows and missing values count units, so 1 to 9 are masked; distinct values count categories. */
export const columnSummarySchema = z.object({
  column: z.string(),
  type: z.string(),
  rowCount: publishedCountSchema,
  missing: publishedCountSchema,
  distinct: z.number().int().nonnegative(),
});
export type ColumnSummary = z.infer<typeof columnSummarySchema>;

export const fileProfileRequestSchema = z.object({ fileId: fileIdSchema });

/** Aggregates of one column: never a raw minimum or maximum of numbers, quartiles only from 10 values on. */
export const columnProfileSchema = z.object({
  name: z.string(),
  type: z.string(),
  kind: columnKindSchema,
  missing: publishedCountSchema,
  /** null when the number of missing values is itself masked. */
  missingPercent: z.number().min(0).max(100).nullable(),
  distinct: publishedCountSchema,
  /** The variable label from the file's dictionary (SPSS .sav), when it has one. */
  label: z.string().optional(),
  /** Most frequent values; none for keys and for text that identifies (most rows their own value). label: the value label (.sav). */
  topValues: z.array(z.object({ value: z.string(), count: publishedCountSchema, label: z.string().optional() })).max(5),
  /** Dates only: the range they span, as ISO dates. */
  dateRange: z.object({ from: z.string(), to: z.string() }).nullable(),
  quartiles: z.object({ q1: z.number(), median: z.number(), q3: z.number() }).nullable(),
});
export type ColumnProfile = z.infer<typeof columnProfileSchema>;

export const fileProfileSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  rowCount: publishedCountSchema,
  columns: z.array(columnProfileSchema),
});
export type FileProfile = z.infer<typeof fileProfileSchema>;

export const setColumnRoleRequestSchema = z.object({
  fileId: fileIdSchema,
  column: columnNameSchema,
  /** null: the column has no role. */
  role: columnRoleSchema.nullable(),
});
export type SetColumnRoleRequest = z.infer<typeof setColumnRoleRequestSchema>;

export const setTableKindRequestSchema = z.object({ fileId: fileIdSchema, tableKind: tableKindSchema });

/** Paths of files dropped on the window; the main process still asks the analyst to confirm them in its own dialog. */
export const droppedFilesRequestSchema = z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(50) });

/** The engine's effective security settings, read back from DuckDB itself (not from our intentions). */
export const engineSecuritySchema = z.object({
  autoinstallKnownExtensions: z.boolean(),
  autoloadKnownExtensions: z.boolean(),
  enableExternalAccess: z.boolean(),
  lockConfiguration: z.boolean(),
  allowedPaths: z.array(z.string()),
  allowedDirectories: z.array(z.string()),
});
export type EngineSecurity = z.infer<typeof engineSecuritySchema>;
