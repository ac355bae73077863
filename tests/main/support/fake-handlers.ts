// Handlers with fixed replies, for testing the IPC gate itself (the real handlers are tested on DuckDB).
import type { Handlers } from '../../../src-main/ipc/dispatch';

export function fixedHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    appInfo: async () => ({ name: 'Groepsbeeld', version: '0.0.0', duckdb: 'v1', node: '20', electron: null, platform: 'linux-x64' }),
    engineSecurity: async () => ({
      autoinstallKnownExtensions: false,
      autoloadKnownExtensions: false,
      enableExternalAccess: false,
      lockConfiguration: true,
      allowedPaths: [],
      allowedDirectories: [],
    }),
    openFiles: async () => [],
    listFiles: async () => [],
    openDemo: async () => [],
    columnSummary: async ({ column }) => ({ column, type: 'VARCHAR', rowCount: 10, missing: 0, distinct: 10 }),
    // A .sav profile: the variable label and the value labels travel with the aggregates.
    fileProfile: async ({ fileId }) => ({
      fileId,
      name: 'x.sav',
      rowCount: 20,
      columns: [
        {
          name: 'GESLACHT',
          label: 'Geslacht',
          type: 'VARCHAR',
          kind: 'code',
          missing: 0,
          missingPercent: 0,
          distinct: 2,
          topValues: [
            { value: '1', count: 10, label: 'Man' },
            { value: '2', count: 10, label: 'Vrouw' },
          ],
          dateRange: null,
          quartiles: null,
        },
      ],
    }),
    setColumnRole: async ({ fileId }) => ({
      id: fileId,
      name: 'x.csv',
      format: 'csv',
      sizeBytes: 1,
      rowCount: { below: 10 },
      columns: [],
      tableKind: 'unknown',
      roles: {},
      warnings: [],
    }),
    setTableKind: async ({ fileId, tableKind }) => ({
      id: fileId,
      name: 'x.csv',
      format: 'csv',
      sizeBytes: 1,
      rowCount: { below: 10 },
      columns: [],
      tableKind,
      roles: {},
      warnings: [],
    }),
    linkHouseholds: async ({ referenceDate, municipality, referenceMoment }) => ({
      referenceDate,
      municipality,
      referenceMoment: referenceMoment ?? 'referenceDate',
      threshold: 10,
      ruleSet: { name: 'Proef', digest: '0'.repeat(64) },
      steps: [],
      notes: [],
    }),
    linkingStatus: async () => ({ running: false, step: 0, steps: 0, label: '', analysisTable: 'none' }),
    cancelLinking: async () => false,
    compareFeatures: async () => [],
    exportPreview: async () => ({ candidates: [], differencing: [], ruleSet: { name: 'Proef', digest: '0'.repeat(64) }, refusals: [] }),
    writeExport: async () => ({ status: 'cancelled' }),
    saveWorkspace: async () => ({ status: 'cancelled' }),
    openWorkspace: async () => ({ status: 'cancelled' }),
    deleteWorkspace: async () => ({ status: 'cancelled' }),
    workspaceStatus: async () => ({ running: 'none', fraction: null }),
    cancelWorkspace: async () => false,
    featureCatalogue: async () => ({ features: [], files: [] }),
    defineFeature: async () => {
      throw new Error('not used in gate tests');
    },
    removeFeature: async () => {
      throw new Error('not used in gate tests');
    },
    clusterHouseholds: async () => {
      throw new Error('not used in gate tests');
    },
    clusteringStatus: async () => ({ running: false, phase: 'idle', k: null, fraction: 0 }),
    cancelClustering: async () => false,
    clusteringOptions: async () => ({ features: [] }),
    chooseClusterCount: async () => {
      throw new Error('not used in gate tests');
    },
    lastClustering: async () => null,
    lastLinkReport: async () => null,
    municipalities: async () => [],
    openDroppedFiles: async () => [],
    saveStudy: async () => ({ status: 'cancelled' }),
    openStudy: async () => ({ status: 'cancelled' }),
    studySettings: async () => null,
    clusterProfiles: async () => {
      throw new Error('not used in gate tests');
    },
    setProfileLayout: async () => {
      throw new Error('not used in gate tests');
    },
    editPersona: async () => {
      throw new Error('not used in gate tests');
    },
    ...overrides,
  };
}
