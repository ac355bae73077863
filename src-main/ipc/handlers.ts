// The real main-process handlers behind every contract verb; Electron-free so the CLI and tests use them too.
import { CLUSTER_FEATURES } from '../analysis/clustering-service/cluster-features';
import { appInfo, APP_VERSION } from '../common/app-info';
import { userDataFolder } from '../common/app-paths';
import type { RuleSet } from '../disclosure/rule-set';
import type { StudyEngine } from '../engine/study-engine';
import { readDuckDbVersion } from '../engine/security-settings';
import { municipalitiesInRegions } from '../linking/municipality-list';
import { StudySession } from '../study/study-session';
import { demoExtractPaths, ensureDemoWorld } from '../synthetic/demo-world';
import type { Handlers } from './dispatch';
import { StudyFileVerbs, type StudyFileDialogs } from './study-file-verbs';
import { WorkspaceVerbs, type WorkspaceDialogs } from './workspace-verbs';

export interface HandlerDependencies {
  engine: StudyEngine;
  /** Asks the analyst for files (the main process's own dialog); resolves with [] when cancelled. */
  pickFiles: () => Promise<string[]>;
  /** Where the demo world lives (generated there on first use). */
  demoFolder: string;
  /** Asks the analyst for an export folder (the main process's own dialog); null when cancelled. Without it, exports are cancelled. */
  pickFolder?: () => Promise<string | null>;
  /** Asks where to save a workspace (the main process's own dialog); null when cancelled. Without it, saving is cancelled. */
  pickWorkspaceToSave?: WorkspaceDialogs['pickWorkspaceToSave'];
  /** Asks which workspace to open or delete (the main process's own dialog); null when cancelled. Without it, both are cancelled. */
  pickWorkspaceToOpen?: WorkspaceDialogs['pickWorkspaceToOpen'];
  /** Asks where to save a study file (the main process's own dialog); null when cancelled. Without it, saving is cancelled. */
  pickStudyToSave?: StudyFileDialogs['pickStudyToSave'];
  /** Asks which study file to open (the main process's own dialog); null when cancelled. Without it, opening is cancelled. */
  pickStudyToOpen?: StudyFileDialogs['pickStudyToOpen'];
  /** Asks the analyst to confirm opening files dropped on the window (the main process's own dialog). Without it, drops are refused. */
  confirmDroppedFiles?: (paths: readonly string[]) => Promise<boolean>;
  /** The app's own data folder (export history); Electron's userData folder when not given. */
  userData?: string;
  /** The institution's disclosure rules; the engine's when not given. */
  rules?: RuleSet;
}

export function createHandlers({
  engine,
  pickFiles,
  demoFolder,
  pickFolder = async () => null,
  pickWorkspaceToSave = async () => null,
  pickWorkspaceToOpen = async () => null,
  pickStudyToSave = async () => null,
  pickStudyToOpen = async () => null,
  confirmDroppedFiles = async () => false,
  userData = userDataFolder(),
  rules = engine.rules,
}: HandlerDependencies): Handlers {
  const workspaces = new WorkspaceVerbs(engine, { pickWorkspaceToSave, pickWorkspaceToOpen });
  const study = new StudySession({ engine, rules, userData, appVersion: APP_VERSION });
  const studyFiles = new StudyFileVerbs({ engine, study, userData }, { pickStudyToSave, pickStudyToOpen });
  return {
    appInfo: async () => appInfo(await engine.withSession(readDuckDbVersion)),
    engineSecurity: () => engine.security(),
    openFiles: async () => {
      const paths = await pickFiles();
      return paths.length === 0 ? engine.listFiles() : engine.openFiles(paths);
    },
    listFiles: () => engine.listFiles(),
    openDroppedFiles: async ({ paths }) => ((await confirmDroppedFiles(paths)) ? engine.openFiles(paths) : engine.listFiles()),
    saveStudy: ({ name }) => studyFiles.save(name),
    openStudy: () => studyFiles.open(),
    studySettings: async () => studyFiles.settings(),
    openDemo: async () => engine.openFiles(demoExtractPaths(await ensureDemoWorld(demoFolder))),
    columnSummary: ({ fileId, column }) => engine.columnSummary(fileId, column),
    fileProfile: ({ fileId }) => engine.fileProfile(fileId),
    setColumnRole: ({ fileId, column, role }) => engine.setColumnRole(fileId, column, role),
    setTableKind: ({ fileId, tableKind }) => engine.setTableKind(fileId, tableKind),
    linkHouseholds: (request) => study.link(request),
    linkingStatus: () => study.linking.current(),
    lastLinkReport: () => study.lastLinkReport(),
    municipalities: ({ referenceDate }) => municipalitiesInRegions(engine, referenceDate, rules),
    cancelLinking: async () => study.linking.cancel(),
    clusterHouseholds: (request) => study.cluster(request),
    clusteringOptions: async () => {
      const selected = new Set(await study.clustering.defaultFeatureIds());
      return { features: CLUSTER_FEATURES.map(({ id, label, kind }) => ({ id, label, kind, selected: selected.has(id) })) };
    },
    clusteringStatus: async () => study.clustering.current(),
    cancelClustering: async () => study.clustering.cancel(),
    chooseClusterCount: ({ k }) => study.chooseClusterCount(k),
    lastClustering: () => study.lastClustering(),
    clusterProfiles: () => study.profiles.published(),
    setProfileLayout: (layout) => study.profiles.setLayout(layout),
    editPersona: (request) => study.profiles.editPersona(request),
    compareFeatures: ({ method }) => study.comparisons(method),
    exportPreview: ({ method }) => study.exportPreview(method),
    writeExport: async ({ method, outputs, differencingJustification }) => {
      // Refused before the folder dialog when it would be refused anyway.
      const reasons = await study.exportRefusal({ method, selection: outputs, differencingJustification });
      if (reasons) return { status: 'refused' as const, reasons };
      const folder = await pickFolder();
      if (folder === null) return { status: 'cancelled' as const };
      const result = await study.export({ method, selection: outputs, differencingJustification, folder });
      return result.status === 'written' ? { status: 'written' as const, folder: result.folder, files: result.files } : result;
    },
    saveWorkspace: ({ passphrase }) => workspaces.save(passphrase),
    openWorkspace: ({ passphrase }) => workspaces.open(passphrase),
    deleteWorkspace: () => workspaces.delete(),
    workspaceStatus: async () => workspaces.current(),
    cancelWorkspace: async () => workspaces.cancel(),
    featureCatalogue: () => study.features.listing(),
    defineFeature: ({ definition }) => study.features.define(definition),
    removeFeature: ({ id }) => study.features.remove(id),
  };
}
