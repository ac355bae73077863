// The main process's own open-file dialog: the only way a file becomes readable by the engine.
import { dialog, type BrowserWindow } from 'electron';

export async function pickDataFiles(window: BrowserWindow): Promise<string[]> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Bestanden openen',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Data (CSV, Parquet, Excel, SPSS)', extensions: ['csv', 'parquet', 'pq', 'xlsx', 'sav', 'zsav'] }],
  });
  return result.canceled ? [] : result.filePaths;
}

/** The folder an export package is written into (as a new subfolder); null when the analyst cancels. */
export async function pickExportFolder(window: BrowserWindow): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Map kiezen voor de export',
    buttonLabel: 'Exporteren naar deze map',
    properties: ['openDirectory', 'createDirectory'],
  });
  return result.canceled || result.filePaths.length === 0 ? null : (result.filePaths[0] ?? null);
}

const WORKSPACE_FILTERS = [{ name: 'Groepsbeeld-werkruimte', extensions: ['gbws'] }];

/** Where to save a workspace; the dialog asks before replacing a file. null when the analyst cancels. */
export async function pickWorkspaceToSave(window: BrowserWindow): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, {
    title: 'Opslaan als versleutelde werkruimte',
    buttonLabel: 'Opslaan',
    defaultPath: 'werkruimte.gbws',
    filters: WORKSPACE_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** Which workspace to open or delete; null when the analyst cancels. */
export async function pickWorkspaceToOpen(window: BrowserWindow, purpose: 'open' | 'delete'): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, {
    title: purpose === 'open' ? 'Werkruimte openen' : 'Werkruimte verwijderen',
    buttonLabel: purpose === 'open' ? 'Openen' : 'Verwijderen',
    properties: ['openFile'],
    filters: WORKSPACE_FILTERS,
  });
  return result.canceled || result.filePaths.length === 0 ? null : (result.filePaths[0] ?? null);
}
