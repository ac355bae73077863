// The one IPC contract: the verb table (channel, request schema, response schema). Every shape is defined by its
// owner (engine, linking, analysis, study); only the error value and the table live here.
import { z } from 'zod';
import { clusteringRequestSchema } from '../analysis/clustering-service/cluster-features';
import { chooseClusterCountRequestSchema, clusteringOptionsSchema, clusteringStatusSchema } from '../analysis/clustering-service/clustering-shapes';
import { publishedClusteringSchema } from '../analysis/clustering-service/published-clustering';
import { personaEditRequestSchema, profileLayoutSchema, publishedProfilesSchema } from '../analysis/profiles/published-profiles';
import { appInfoSchema } from '../common/app-info-shape';
import { checkedTableSchema } from '../disclosure/checked-table';
import {
  columnSummaryRequestSchema,
  engineSecuritySchema,
  columnSummarySchema,
  droppedFilesRequestSchema,
  fileProfileRequestSchema,
  fileProfileSchema,
  openedFileSchema,
  setColumnRoleRequestSchema,
  setTableKindRequestSchema,
} from '../engine/engine-shapes';

import {
  deletedWorkspaceSchema,
  deleteWorkspaceRequestSchema,
  openedWorkspaceSchema,
  savedWorkspaceSchema,
  workspaceRequestSchema,
  workspaceStatusSchema,
} from '../engine/workspace/workspace-shapes';
import { publishedLinkReportSchema } from '../linking/link-report';
import { linkingStatusSchema, linkRequestSchema, municipalitiesRequestSchema, municipalityChoiceSchema } from '../linking/linking-shapes';
import { catalogueListingSchema } from '../catalogue/catalogue-listing';
import {
  comparisonRequestSchema,
  defineFeatureRequestSchema,
  featureChangeSchema,
  removeFeatureRequestSchema,
  exportChoicesSchema,
  exportOutcomeSchema,
  exportPreviewRequestSchema,
  exportPreviewSchema,
  openedStudySchema,
  savedStudySchema,
  saveStudyRequestSchema,
  studySettingsSchema,
} from '../study/study-shapes';
import { channels, type ChannelVerb } from './channels';

/** Why a call failed, as a code the UI can translate plus a message a person can act on. */
export const ipcErrorSchema = z.object({
  code: z.enum(['unknown-channel', 'forbidden-sender', 'invalid-request', 'invalid-response', 'failed']),
  message: z.string(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;
export type IpcErrorCode = IpcError['code'];

/** Errors cross the process boundary as values, never as thrown exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

const noPayload = z.undefined();

export const contract = {
  appInfo: { channel: channels.appInfo, request: noPayload, response: appInfoSchema },
  engineSecurity: { channel: channels.engineSecurity, request: noPayload, response: engineSecuritySchema },
  /** Shows the main process's own file dialog; only files picked there ever become readable. */
  openFiles: { channel: channels.openFiles, request: noPayload, response: z.array(openedFileSchema) },
  listFiles: { channel: channels.listFiles, request: noPayload, response: z.array(openedFileSchema) },
  /** Opens the embedded demo world (synthetic extracts), generating it into the app-data folder on first use. */
  openDemo: { channel: channels.openDemo, request: noPayload, response: z.array(openedFileSchema) },
  columnSummary: { channel: channels.columnSummary, request: columnSummaryRequestSchema, response: columnSummarySchema },
  /** Profile of every column of one open file: aggregates only, small counts masked. */
  fileProfile: { channel: channels.fileProfile, request: fileProfileRequestSchema, response: fileProfileSchema },
  /** The analyst changes a column's role (the proposal is only a proposal). */
  setColumnRole: { channel: channels.setColumnRole, request: setColumnRoleRequestSchema, response: openedFileSchema },
  /** The analyst says which table a file is; its roles are proposed anew. */
  setTableKind: { channel: channels.setTableKind, request: setTableKindRequestSchema, response: openedFileSchema },
  /** Links the open files (their kinds and roles as set on the Data page) and returns the link report. */
  linkHouseholds: { channel: channels.linkHouseholds, request: linkRequestSchema, response: publishedLinkReportSchema },
  /** The last link's report (null before any, or once another study is opened), so the Populatie page shows it again. */
  lastLinkReport: { channel: channels.lastLinkReport, request: noPayload, response: publishedLinkReportSchema.nullable() },
  /** The municipality codes in the open address-region file for the reference date's year, with their address objects. */
  municipalities: {
    channel: channels.municipalities,
    request: municipalitiesRequestSchema,
    response: z.array(municipalityChoiceSchema),
  },
  /** Progress of a running link (polled by the Populatie page). */
  linkingStatus: { channel: channels.linkingStatus, request: noPayload, response: linkingStatusSchema },
  /** Stops a running link; resolves true when one was running. */
  cancelLinking: { channel: channels.cancelLinking, request: noPayload, response: z.boolean() },
  /** Clusters the population (client households by default) for every k of the range in a worker; aggregates only. */
  clusterHouseholds: { channel: channels.clusterHouseholds, request: clusteringRequestSchema, response: publishedClusteringSchema },
  clusteringOptions: { channel: channels.clusteringOptions, request: noPayload, response: clusteringOptionsSchema },
  clusteringStatus: { channel: channels.clusteringStatus, request: noPayload, response: clusteringStatusSchema },
  cancelClustering: { channel: channels.cancelClustering, request: noPayload, response: z.boolean() },
  /** The analyst picks another k of the last clustering. */
  chooseClusterCount: {
    channel: channels.chooseClusterCount,
    request: chooseClusterCountRequestSchema,
    response: publishedClusteringSchema,
  },
  /** The last clustering at its chosen k (null before any), so the Clusters page shows it again after a page change. */
  lastClustering: { channel: channels.lastClustering, request: noPayload, response: publishedClusteringSchema.nullable() },
  /** The cluster comparison table, what stands out per cluster and the persona cards of the chosen clustering. */
  clusterProfiles: { channel: channels.clusterProfiles, request: noPayload, response: publishedProfilesSchema },
  /** The analyst's order of the cluster table's rows and the rows left out (kept for the study file and the export). */
  setProfileLayout: { channel: channels.setProfileLayout, request: profileLayoutSchema, response: publishedProfilesSchema },
  /** The analyst's title or narrative of one persona card (kept for the study file and the export). */
  editPersona: { channel: channels.editPersona, request: personaEditRequestSchema, response: publishedProfilesSchema },
  /** Client households against all households for every feature, checked (blocked cells carry no value). */
  compareFeatures: { channel: channels.compareFeatures, request: comparisonRequestSchema, response: z.array(checkedTableSchema) },
  /** What can be exported now, each output's check verdict, and the differencing guard's warnings. */
  exportPreview: { channel: channels.exportPreview, request: exportPreviewRequestSchema, response: exportPreviewSchema },
  /** Asks for a folder (the main process's own dialog) and writes the export package with its output log. */
  writeExport: { channel: channels.writeExport, request: exportChoicesSchema, response: exportOutcomeSchema },
  /** Opens files dropped on the window, after the analyst confirms them in the main process's own dialog. */
  openDroppedFiles: { channel: channels.openDroppedFiles, request: droppedFilesRequestSchema, response: z.array(openedFileSchema) },
  /** Saves the study (files, kinds and roles, date, municipality, clustering, profile texts) where the analyst picks. */
  saveStudy: { channel: channels.saveStudy, request: saveStudyRequestSchema, response: savedStudySchema },
  /** Opens a study file the analyst picks: its files replace the open ones. */
  openStudy: { channel: channels.openStudy, request: noPayload, response: openedStudySchema },
  studySettings: { channel: channels.studySettings, request: noPayload, response: studySettingsSchema },
  /** Saves the open files as one encrypted workspace; the main process asks where (its own save dialog). */
  saveWorkspace: { channel: channels.saveWorkspace, request: workspaceRequestSchema, response: savedWorkspaceSchema },
  /** Opens a workspace (the main process's own dialog) into the study; its original files are not needed. */
  openWorkspace: { channel: channels.openWorkspace, request: workspaceRequestSchema, response: openedWorkspaceSchema },
  /** Deletes a workspace file the analyst picks in the main process's dialog; refuses any other file. */
  deleteWorkspace: { channel: channels.deleteWorkspace, request: deleteWorkspaceRequestSchema, response: deletedWorkspaceSchema },
  /** Progress of a running save or open (polled while the Data page waits). */
  workspaceStatus: { channel: channels.workspaceStatus, request: noPayload, response: workspaceStatusSchema },
  /** Stops a running save or open; true when one was running. Nothing is left half-written. */
  cancelWorkspace: { channel: channels.cancelWorkspace, request: noPayload, response: z.boolean() },
  /** The study's feature catalogue (built-in and its own) with each feature's state, and the files a new one can read. */
  featureCatalogue: { channel: channels.featureCatalogue, request: noPayload, response: catalogueListingSchema },
  /** Adds one of the study's own features on an opened file; a linked study is linked again and the feature's table returned. */
  defineFeature: { channel: channels.defineFeature, request: defineFeatureRequestSchema, response: featureChangeSchema },
  /** Leaves one of the study's own features out; a linked study is linked again. */
  removeFeature: { channel: channels.removeFeature, request: removeFeatureRequestSchema, response: featureChangeSchema },
} as const satisfies Record<ChannelVerb, { channel: string; request: z.ZodType; response: z.ZodType }>;

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
