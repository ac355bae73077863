// The real main-process handlers behind every contract verb; Electron-free so the CLI and tests use them too.
import { CLUSTER_FEATURES, DEFAULT_CLUSTER_FEATURE_IDS } from '../analysis/clustering-service/cluster-features';
import { ClusteringJob } from '../analysis/clustering-service/clustering-job';
import { ProfileState } from '../analysis/profiles/profile-state';
import { StudyState } from '../analysis/study-state';
import { appInfo, APP_VERSION } from '../app-info';
import { userDataFolder } from '../app-paths';
import type { RuleSet } from '../disclosure/rule-set';
import type { StudyEngine } from '../engine/study-engine';
import { readDuckDbVersion } from '../engine/security-settings';
import { LinkingJob } from '../linking/linking-job';
import { municipalitiesInRegions } from '../linking/municipality-list';
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
  const linking = new LinkingJob(engine);
  const workspaces = new WorkspaceVerbs(engine, { pickWorkspaceToSave, pickWorkspaceToOpen });
  const clustering = new ClusteringJob(engine, rules);
  const profiles = new ProfileState(clustering, rules);
  const study = new StudyState({ engine, rules, userData, appVersion: APP_VERSION, pickFolder, clusterContent: () => profiles.exportContent() });
  const studyFiles = new StudyFileVerbs(
    {
      engine,
      profiles,
      linked: () => study.linkedRequest(),
      clustering: () => clustering.chosenRun()?.settings ?? null,
      onOpened: (opened) => {
        study.startStudy(opened.name);
        clustering.forget();
      },
    },
    { pickStudyToSave, pickStudyToOpen },
  );
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
    linkHouseholds: async (request) => {
      const report = await linking.run(request);
      study.recordLink(request, report);
      // A new analysis table: the old clustering's labels describe households of the previous one.
      clustering.forget();
      return report;
    },
    linkingStatus: () => linking.current(),
    lastLinkReport: async () => study.lastReport(),
    municipalities: ({ referenceDate }) => municipalitiesInRegions(engine, referenceDate, rules),
    cancelLinking: async () => linking.cancel(),
    clusterHouseholds: (request) => clustering.run(request),
    clusteringOptions: async () => ({
      features: CLUSTER_FEATURES.map(({ id, label, kind }) => ({ id, label, kind, selected: (DEFAULT_CLUSTER_FEATURE_IDS as readonly string[]).includes(id) })),
    }),
    clusteringStatus: async () => clustering.current(),
    cancelClustering: async () => clustering.cancel(),
    chooseClusterCount: ({ k }) => clustering.choose(k),
    lastClustering: async () => clustering.lastResult(),
    clusterProfiles: () => profiles.published(),
    setProfileLayout: (layout) => profiles.setLayout(layout),
    editPersona: (request) => profiles.editPersona(request),
    compareFeatures: ({ method }) => study.compare(method),
    exportPreview: ({ method }) => study.preview(method),
    writeExport: (request) => study.export(request),
    saveWorkspace: ({ passphrase }) => workspaces.save(passphrase),
    openWorkspace: ({ passphrase }) => workspaces.open(passphrase),
    deleteWorkspace: () => workspaces.delete(),
    workspaceStatus: async () => workspaces.current(),
    cancelWorkspace: async () => workspaces.cancel(),
  };
}
