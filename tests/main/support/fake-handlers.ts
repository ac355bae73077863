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
    fileProfile: async ({ fileId }) => ({ fileId, name: 'x.csv', rowCount: 0, columns: [] }),
    setColumnRole: async ({ fileId }) => ({ id: fileId, name: 'x.csv', format: 'csv', sizeBytes: 1, rowCount: 1, columns: [], tableKind: 'unknown', roles: {}, warnings: [] }),
    setTableKind: async ({ fileId, tableKind }) => ({ id: fileId, name: 'x.csv', format: 'csv', sizeBytes: 1, rowCount: 1, columns: [], tableKind, roles: {}, warnings: [] }),
    ...overrides,
  };
}
