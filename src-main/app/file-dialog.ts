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

const STUDY_FILTERS = [{ name: 'Groepsbeeld-studie (JSON)', extensions: ['json'] }];

/** Where to save a study file; the dialog asks before replacing one. null when the analyst cancels. */
export async function pickStudyToSave(window: BrowserWindow, suggestedName: string): Promise<string | null> {
  const safeName = suggestedName.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'studie';
  const result = await dialog.showSaveDialog(window, {
    title: 'Studie opslaan',
    buttonLabel: 'Opslaan',
    defaultPath: `${safeName}.json`,
    filters: STUDY_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** Which study file to open; null when the analyst cancels. */
export async function pickStudyToOpen(window: BrowserWindow): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, { title: 'Studie openen', buttonLabel: 'Openen', properties: ['openFile'], filters: STUDY_FILTERS });
  return result.canceled || result.filePaths.length === 0 ? null : (result.filePaths[0] ?? null);
}

/**
 * Files dropped on the window come to the main process as paths from the renderer; like a file picked in the open
 * dialog, none becomes readable until the analyst confirms it here, in the main process's own dialog.
 */
export async function confirmDroppedFiles(window: BrowserWindow, paths: readonly string[]): Promise<boolean> {
  const result = await dialog.showMessageBox(window, {
    type: 'question',
    title: 'Bestanden openen',
    message: paths.length === 1 ? 'Dit bestand openen?' : `Deze ${paths.length} bestanden openen?`,
    detail: paths.join('\n'),
    buttons: ['Openen', 'Annuleren'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return result.response === 0;
}
