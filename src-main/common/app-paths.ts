// Where the app keeps its own data without Electron: the same folder Electron's app.getPath('userData') gives.
import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'groepsbeeld';

export function userDataFolder(environment: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(environment.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(environment.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}
