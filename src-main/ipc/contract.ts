// The one IPC contract: every verb the renderer may call, its channel, and zod schemas for request and response.
import { z } from 'zod';
import { clusteringRequestSchema } from '../analysis/clustering-service/cluster-features';
import { publishedClusteringSchema } from '../analysis/clustering-service/published-clustering';
import { personaEditRequestSchema, profileLayoutSchema, publishedProfilesSchema } from '../analysis/profiles/published-profiles';
import { checkedTableSchema } from '../disclosure/checked-table';
import { publishedLinkReportSchema } from '../linking/link-report';
import { columnRoleSchema, roleMapSchema, tableKindSchema } from '../engine/column-roles';

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

/** kind: how the engine reads the column (keys and codes stay text; dates are YYYYMMDD text). */
export const columnKindSchema = z.enum(['key', 'code', 'date', 'text', 'number', 'other']);
export const fileColumnSchema = z.object({ name: z.string(), type: z.string(), kind: columnKindSchema });

/** A count of units as the disclosure rule set publishes it: a small one only as { below: threshold }. */
export const profileCountSchema = z.union([z.number().int().nonnegative(), z.object({ below: z.number().int().positive() })]);
export type ProfileCount = z.infer<typeof profileCountSchema>;

/** A file the analyst opened: metadata and a row count only (published by the count rule), never rows. */
export const openedFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** 'workspace': loaded from an encrypted workspace (the file's own name is kept). */
  format: z.enum(['csv', 'parquet', 'xlsx', 'sav', 'workspace']),
  sizeBytes: z.number().int().nonnegative(),
  rowCount: profileCountSchema,
  columns: z.array(fileColumnSchema),
  /** The CBS table it was recognised as ('unknown' when neither name nor columns say). */
  tableKind: tableKindSchema,
  /** Role -> column, as proposed (and as changed by the analyst). */
  roles: roleMapSchema,
  /** Problems in single rows that do not stop the file from being used (e.g. a period typed backwards). */
  warnings: z.array(z.string()),
});
export type OpenedFile = z.infer<typeof openedFileSchema>;

export const columnSummaryRequestSchema = z.object({
  fileId: z.string().min(1).max(64),
  column: z.string().min(1).max(256),
});
export type ColumnSummaryRequest = z.infer<typeof columnSummaryRequestSchema>;

/** One column at a glance. Rows and missing values count units, so 1 to 9 are masked; distinct values count categories. */
export const columnSummarySchema = z.object({
  column: z.string(),
  type: z.string(),
  rowCount: profileCountSchema,
  missing: profileCountSchema,
  distinct: z.number().int().nonnegative(),
});
export type ColumnSummary = z.infer<typeof columnSummarySchema>;

export const fileProfileRequestSchema = z.object({ fileId: z.string().min(1).max(64) });

/** Aggregates of one column: never a raw minimum or maximum of numbers, quartiles only from 10 values on. */
export const columnProfileSchema = z.object({
  name: z.string(),
  type: z.string(),
  kind: columnKindSchema,
  missing: profileCountSchema,
  /** null when the number of missing values is itself masked. */
  missingPercent: z.number().min(0).max(100).nullable(),
  distinct: profileCountSchema,
  /** The variable label from the file's dictionary (SPSS .sav), when it has one. */
  label: z.string().optional(),
  /** Most frequent values; none for keys and for text that identifies (most rows their own value). label: the value label (.sav). */
  topValues: z.array(z.object({ value: z.string(), count: profileCountSchema, label: z.string().optional() })).max(5),
  /** Dates only: the range they span, as ISO dates. */
  dateRange: z.object({ from: z.string(), to: z.string() }).nullable(),
  quartiles: z.object({ q1: z.number(), median: z.number(), q3: z.number() }).nullable(),
});
export type ColumnProfile = z.infer<typeof columnProfileSchema>;

export const fileProfileSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  rowCount: profileCountSchema,
  columns: z.array(columnProfileSchema),
});
export type FileProfile = z.infer<typeof fileProfileSchema>;

export const setColumnRoleRequestSchema = z.object({
  fileId: z.string().min(1).max(64),
  column: z.string().min(1).max(256),
  /** null: the column has no role. */
  role: columnRoleSchema.nullable(),
});
export type SetColumnRoleRequest = z.infer<typeof setColumnRoleRequestSchema>;

export const setTableKindRequestSchema = z.object({ fileId: z.string().min(1).max(64), tableKind: tableKindSchema });

const noPayload = z.undefined();

/** Link the open files at a reference date, cut to one municipality. */
export const linkRequestSchema = z.object({
  referenceDate: z
    .string()
    .regex(/^\d{8}$/, 'a date as YYYYMMDD')
    .refine((text) => {
      const month = Number(text.slice(4, 6));
      const day = Number(text.slice(6, 8));
      return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }, 'a real calendar date'),
  municipality: z.string().regex(/^\d{4}$/, 'a 4-digit CBS municipality code'),
});
export type LinkRequest = z.infer<typeof linkRequestSchema>;

export const linkingStatusSchema = z.object({
  running: z.boolean(),
  step: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
  label: z.string(),
  /** The analysis table: none yet, current, or stale (a linked file changed, was re-mapped or joined: link again). */
  analysisTable: z.enum(['none', 'current', 'stale']),
});
export type LinkingStatus = z.infer<typeof linkingStatusSchema>;

/** How a table with margins is protected: secondary suppression, or controlled rounding to the rule set's base. */
export const protectionMethodSchema = z.enum(['suppression', 'rounding']);

export const comparisonRequestSchema = z.object({ method: protectionMethodSchema });

/** The outputs a study can export (ids the main process recomputes; the renderer never sends a table back). */
const outputIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .max(80);

export const exportPreviewRequestSchema = z.object({ method: protectionMethodSchema });
export const exportCandidateSchema = z.object({
  id: outputIdSchema,
  title: z.string(),
  /** review: cells are hidden by protection or flagged for a checker; pass: nothing to look at. */
  verdict: z.enum(['pass', 'review']),
  hidden: z.number().int().nonnegative(),
  review: z.number().int().nonnegative(),
  chart: z.boolean(),
});
export const exportPreviewSchema = z.object({
  candidates: z.array(exportCandidateSchema),
  /** Earlier exports (of any study, in the app or the CLI) whose population differs from a candidate's by fewer than the threshold. */
  differencing: z.array(z.object({ outputId: outputIdSchema, message: z.string() })),
  ruleSet: z.object({ name: z.string(), digest: z.string() }),
  /** Why part of the study is not published now (a cluster too small, too few clients). */
  refusals: z.array(z.string()),
});
export type ExportPreview = z.infer<typeof exportPreviewSchema>;

export const exportRequestSchema = z.object({
  method: protectionMethodSchema,
  outputs: z
    .array(
      z.object({
        id: outputIdSchema,
        chart: z.boolean(),
        comment: z.string().max(4000).optional(),
        exceptionRequest: z.string().max(4000).optional(),
      }),
    )
    .min(1)
    .max(100),
  /** Required when the differencing guard warns: why this export is still acceptable (at least 80 characters, 12 words). */
  differencingJustification: z.string().max(4000).optional(),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const exportResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('written'),
    folder: z.string(),
    files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string() })),
  }),
  z.object({ status: z.literal('cancelled') }),
  /** Nothing was written; the reasons say what to change. */
  z.object({ status: z.literal('refused'), reasons: z.array(z.string()).min(1) }),
]);
export type ExportResult = z.infer<typeof exportResultSchema>;

/** At least 8 characters (the workspace's own minimum); zod's message never repeats the value. */
const passphraseSchema = z.string().min(8, 'at least 8 characters').max(1024, 'at most 1024 characters');

/** Only the passphrase: the main process asks for the path in its own dialog. */
export const workspaceRequestSchema = z.object({ passphrase: passphraseSchema });

export const savedWorkspaceSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), name: z.string(), bytes: z.number().int().nonnegative(), tables: z.number().int().nonnegative() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type SavedWorkspace = z.infer<typeof savedWorkspaceSchema>;

export const openedWorkspaceSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened'), name: z.string(), files: z.array(openedFileSchema) }),
  z.object({ status: z.literal('cancelled') }),
]);
export type OpenedWorkspace = z.infer<typeof openedWorkspaceSchema>;

/** The analyst confirmed in the app; the main process still asks which file in its own dialog. */
export const deleteWorkspaceRequestSchema = z.object({ confirm: z.literal(true) });
export const deletedWorkspaceSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('deleted'), name: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type DeletedWorkspace = z.infer<typeof deletedWorkspaceSchema>;

export const workspaceStatusSchema = z.object({
  running: z.enum(['none', 'saving', 'opening']),
  /** 0..1 when known. */
  fraction: z.number().min(0).max(1).nullable(),
});
export type WorkspaceStatus = z.infer<typeof workspaceStatusSchema>;

export const clusteringStatusSchema = z.object({
  running: z.boolean(),
  phase: z.enum(['idle', 'reading', 'cluster', 'resample', 'storing']),
  k: z.number().int().nullable(),
  fraction: z.number().min(0).max(1),
});

/** The features the analyst can cluster on, with their Dutch labels, and the default selection. */
export const clusteringOptionsSchema = z.object({
  features: z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(['numeric', 'categorical']), selected: z.boolean() })),
});

/** The study's name; the main process asks where to save (its own dialog). */
export const saveStudyRequestSchema = z.object({ name: z.string().trim().min(1, 'a name for the study').max(200) });
export const savedStudySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), file: z.string(), inputs: z.number().int().nonnegative() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type SavedStudy = z.infer<typeof savedStudySchema>;

export const openedStudySchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('opened'),
    name: z.string(),
    files: z.array(openedFileSchema),
    referenceDate: z.string(),
    municipality: z.string(),
    /** Roles of the study that did not fit its files (the analyst sets them on the Data page). */
    notes: z.array(z.string()),
  }),
  z.object({ status: z.literal('cancelled') }),
]);
export type OpenedStudy = z.infer<typeof openedStudySchema>;

/** What the pages prefill from the opened (or saved) study; null when there is none. */
export const studySettingsSchema = z
  .object({
    name: z.string(),
    referenceDate: z.string(),
    municipality: z.string(),
    clustering: z
      .object({
        features: z.array(z.object({ id: z.string(), weight: z.number() })).optional(),
        algorithm: z.enum(['kmeans', 'kprototypes', 'pam']).optional(),
        kRange: z.tuple([z.number().int(), z.number().int()]).optional(),
        k: z.number().int().optional(),
      })
      .nullable(),
  })
  .nullable();
export type StudySettings = z.infer<typeof studySettingsSchema>;

/** Paths of files dropped on the window; the main process still asks the analyst to confirm them in its own dialog. */
export const droppedFilesRequestSchema = z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(50) });

export const contract = {
  appInfo: { channel: 'groepsbeeld:app-info', request: noPayload, response: appInfoSchema },
  engineSecurity: { channel: 'groepsbeeld:engine-security', request: noPayload, response: engineSecuritySchema },
  /** Shows the main process's own file dialog; only files picked there ever become readable. */
  openFiles: { channel: 'groepsbeeld:open-files', request: noPayload, response: z.array(openedFileSchema) },
  listFiles: { channel: 'groepsbeeld:list-files', request: noPayload, response: z.array(openedFileSchema) },
  /** Opens the embedded demo world (synthetic extracts), generating it into the app-data folder on first use. */
  openDemo: { channel: 'groepsbeeld:open-demo', request: noPayload, response: z.array(openedFileSchema) },
  columnSummary: { channel: 'groepsbeeld:column-summary', request: columnSummaryRequestSchema, response: columnSummarySchema },
  /** Profile of every column of one open file: aggregates only, small counts masked. */
  fileProfile: { channel: 'groepsbeeld:file-profile', request: fileProfileRequestSchema, response: fileProfileSchema },
  /** The analyst changes a column's role (the proposal is only a proposal). */
  setColumnRole: { channel: 'groepsbeeld:set-column-role', request: setColumnRoleRequestSchema, response: openedFileSchema },
  /** The analyst says which table a file is; its roles are proposed anew. */
  setTableKind: { channel: 'groepsbeeld:set-table-kind', request: setTableKindRequestSchema, response: openedFileSchema },
  /** Links the open files (their kinds and roles as set on the Data page) and returns the link report. */
  linkHouseholds: { channel: 'groepsbeeld:link-households', request: linkRequestSchema, response: publishedLinkReportSchema },
  /** The last link's report (null before any, or once another study is opened), so the Populatie page shows it again. */
  lastLinkReport: { channel: 'groepsbeeld:last-link-report', request: noPayload, response: publishedLinkReportSchema.nullable() },
  /** The municipality codes in the open address-region file for the reference date's year, with their address objects. */
  municipalities: {
    channel: 'groepsbeeld:municipalities',
    request: linkRequestSchema.pick({ referenceDate: true }),
    response: z.array(z.object({ code: z.string().regex(/^\d{4}$/), addresses: profileCountSchema })),
  },
  /** Progress of a running link (polled by the Populatie page). */
  linkingStatus: { channel: 'groepsbeeld:linking-status', request: noPayload, response: linkingStatusSchema },
  /** Stops a running link; resolves true when one was running. */
  cancelLinking: { channel: 'groepsbeeld:cancel-linking', request: noPayload, response: z.boolean() },
  /** Clusters the population (client households by default) for every k of the range in a worker; aggregates only. */
  clusterHouseholds: { channel: 'groepsbeeld:cluster-households', request: clusteringRequestSchema, response: publishedClusteringSchema },
  clusteringOptions: { channel: 'groepsbeeld:clustering-options', request: noPayload, response: clusteringOptionsSchema },
  clusteringStatus: { channel: 'groepsbeeld:clustering-status', request: noPayload, response: clusteringStatusSchema },
  cancelClustering: { channel: 'groepsbeeld:cancel-clustering', request: noPayload, response: z.boolean() },
  /** The analyst picks another k of the last clustering. */
  chooseClusterCount: {
    channel: 'groepsbeeld:choose-cluster-count',
    request: z.object({ k: z.number().int().min(2).max(20) }),
    response: publishedClusteringSchema,
  },
  /** The last clustering at its chosen k (null before any), so the Clusters page shows it again after a page change. */
  lastClustering: { channel: 'groepsbeeld:last-clustering', request: noPayload, response: publishedClusteringSchema.nullable() },
  /** The cluster comparison table, what stands out per cluster and the persona cards of the chosen clustering. */
  clusterProfiles: { channel: 'groepsbeeld:cluster-profiles', request: noPayload, response: publishedProfilesSchema },
  /** The analyst's order of the cluster table's rows and the rows left out (kept for the study file and the export). */
  setProfileLayout: { channel: 'groepsbeeld:set-profile-layout', request: profileLayoutSchema, response: publishedProfilesSchema },
  /** The analyst's title or narrative of one persona card (kept for the study file and the export). */
  editPersona: { channel: 'groepsbeeld:edit-persona', request: personaEditRequestSchema, response: publishedProfilesSchema },
  /** Client households against all households for every feature, checked (blocked cells carry no value). */
  compareFeatures: { channel: 'groepsbeeld:compare-features', request: comparisonRequestSchema, response: z.array(checkedTableSchema) },
  /** What can be exported now, each output's check verdict, and the differencing guard's warnings. */
  exportPreview: { channel: 'groepsbeeld:export-preview', request: exportPreviewRequestSchema, response: exportPreviewSchema },
  /** Asks for a folder (the main process's own dialog) and writes the export package with its output log. */
  writeExport: { channel: 'groepsbeeld:write-export', request: exportRequestSchema, response: exportResultSchema },
  /** Opens files dropped on the window, after the analyst confirms them in the main process's own dialog. */
  openDroppedFiles: { channel: 'groepsbeeld:open-dropped-files', request: droppedFilesRequestSchema, response: z.array(openedFileSchema) },
  /** Saves the study (files, kinds and roles, date, municipality, clustering, profile texts) where the analyst picks. */
  saveStudy: { channel: 'groepsbeeld:save-study', request: saveStudyRequestSchema, response: savedStudySchema },
  /** Opens a study file the analyst picks: its files replace the open ones. */
  openStudy: { channel: 'groepsbeeld:open-study', request: noPayload, response: openedStudySchema },
  studySettings: { channel: 'groepsbeeld:study-settings', request: noPayload, response: studySettingsSchema },
  /** Saves the open files as one encrypted workspace; the main process asks where (its own save dialog). */
  saveWorkspace: { channel: 'groepsbeeld:save-workspace', request: workspaceRequestSchema, response: savedWorkspaceSchema },
  /** Opens a workspace (the main process's own dialog) into the study; its original files are not needed. */
  openWorkspace: { channel: 'groepsbeeld:open-workspace', request: workspaceRequestSchema, response: openedWorkspaceSchema },
  /** Deletes a workspace file the analyst picks in the main process's dialog; refuses any other file. */
  deleteWorkspace: { channel: 'groepsbeeld:delete-workspace', request: deleteWorkspaceRequestSchema, response: deletedWorkspaceSchema },
  /** Progress of a running save or open (polled while the Data page waits). */
  workspaceStatus: { channel: 'groepsbeeld:workspace-status', request: noPayload, response: workspaceStatusSchema },
  /** Stops a running save or open; true when one was running. Nothing is left half-written. */
  cancelWorkspace: { channel: 'groepsbeeld:cancel-workspace', request: noPayload, response: z.boolean() },
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
