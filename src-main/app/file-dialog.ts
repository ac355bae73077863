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
