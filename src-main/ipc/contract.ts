// The one IPC contract: every verb the renderer may call, its channel, and zod schemas for request and response.
import { z } from 'zod';

/** Why a call failed, as a code the UI can translate plus a message a person can act on. */
export const ipcErrorSchema = z.object({
  code: z.enum(['unknown-channel', 'forbidden-sender', 'invalid-request', 'invalid-response', 'failed']),
  message: z.string(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;
export type IpcErrorCode = IpcError['code'];

/** Errors cross the process boundary as values, never as thrown exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  duckdb: z.string(),
  node: z.string(),
  electron: z.string().nullable(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

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

export const fileColumnSchema = z.object({ name: z.string(), type: z.string() });

/** A file the analyst opened: metadata and a row count only, never rows. */
export const openedFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  format: z.enum(['csv', 'parquet']),
  sizeBytes: z.number().int().nonnegative(),
  rowCount: z.number().int().nonnegative(),
  columns: z.array(fileColumnSchema),
});
export type OpenedFile = z.infer<typeof openedFileSchema>;

export const columnSummaryRequestSchema = z.object({
  fileId: z.string().min(1).max(64),
  column: z.string().min(1).max(256),
});
export type ColumnSummaryRequest = z.infer<typeof columnSummaryRequestSchema>;

export const columnSummarySchema = z.object({
  column: z.string(),
  type: z.string(),
  rowCount: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  distinct: z.number().int().nonnegative(),
});
export type ColumnSummary = z.infer<typeof columnSummarySchema>;

const noPayload = z.undefined();

export const contract = {
  appInfo: { channel: 'groepsbeeld:app-info', request: noPayload, response: appInfoSchema },
  engineSecurity: { channel: 'groepsbeeld:engine-security', request: noPayload, response: engineSecuritySchema },
  /** Shows the main process's own file dialog; only files picked there ever become readable. */
  openFiles: { channel: 'groepsbeeld:open-files', request: noPayload, response: z.array(openedFileSchema) },
  listFiles: { channel: 'groepsbeeld:list-files', request: noPayload, response: z.array(openedFileSchema) },
  /** Opens the embedded demo world (synthetic extracts), generating it into the app-data folder on first use. */
  openDemo: { channel: 'groepsbeeld:open-demo', request: noPayload, response: z.array(openedFileSchema) },
  columnSummary: { channel: 'groepsbeeld:column-summary', request: columnSummaryRequestSchema, response: columnSummarySchema },
} as const;

export type Contract = typeof contract;
export type Verb = keyof Contract;
export type RequestOf<V extends Verb> = z.input<Contract[V]['request']>;
export type ResponseOf<V extends Verb> = z.output<Contract[V]['response']>;

export const verbs = Object.keys(contract) as Verb[];

/** The verb served on a channel, or undefined for a channel that is not in the contract. */
export function verbForChannel(channel: unknown): Verb | undefined {
  if (typeof channel !== 'string') return undefined;
  return verbs.find((verb) => contract[verb].channel === channel);
}
