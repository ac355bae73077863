// Names and versions of the app and what it runs on (for doctor, the status bar and the output log).
import { version as packageVersion } from '../../package.json';
import type { AppInfo } from './app-info-shape';

export const APP_NAME = 'Groepsbeeld';
export const APP_VERSION: string = packageVersion;

export function appInfo(duckdbVersion: string): AppInfo {
  return {
    name: APP_NAME,
    version: APP_VERSION,
    duckdb: duckdbVersion,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    platform: `${process.platform}-${process.arch}`,
  };
}
