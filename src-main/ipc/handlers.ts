// The real main-process handlers behind every contract verb; Electron-free so the CLI and tests use them too.
import { appInfo } from '../app-info';
import type { StudyEngine } from '../engine/study-engine';
import { readDuckDbVersion } from '../engine/security-settings';
import { LinkingJob } from '../linking/linking-job';
import { demoExtractPaths, ensureDemoWorld } from '../synthetic/demo-world';
import type { Handlers } from './dispatch';

export interface HandlerDependencies {
  engine: StudyEngine;
  /** Asks the analyst for files (the main process's own dialog); resolves with [] when cancelled. */
  pickFiles: () => Promise<string[]>;
  /** Where the demo world lives (generated there on first use). */
  demoFolder: string;
}

export function createHandlers({ engine, pickFiles, demoFolder }: HandlerDependencies): Handlers {
  const linking = new LinkingJob(engine);
  return {
    appInfo: async () => appInfo(await engine.withSession(readDuckDbVersion)),
    engineSecurity: () => engine.security(),
    openFiles: async () => {
      const paths = await pickFiles();
      return paths.length === 0 ? engine.listFiles() : engine.openFiles(paths);
    },
    listFiles: () => engine.listFiles(),
    openDemo: async () => engine.openFiles(demoExtractPaths(await ensureDemoWorld(demoFolder))),
    columnSummary: ({ fileId, column }) => engine.columnSummary(fileId, column),
    fileProfile: ({ fileId }) => engine.fileProfile(fileId),
    setColumnRole: ({ fileId, column, role }) => engine.setColumnRole(fileId, column, role),
    setTableKind: ({ fileId, tableKind }) => engine.setTableKind(fileId, tableKind),
    linkHouseholds: (request) => linking.run(request),
    linkingStatus: async () => linking.current(),
    cancelLinking: async () => linking.cancel(),
  };
}
