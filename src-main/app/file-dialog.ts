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
