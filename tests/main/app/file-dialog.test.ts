// The main process's own dialogs for study files and dropped files, against a mocked electron (no binary here).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { confirmDroppedFiles, pickStudyToOpen, pickStudyToSave } from '../../../src-main/app/file-dialog';
import { electron, FakeBrowserWindow } from '../support/electron-mock';

vi.mock('electron', async () => (await import('../support/electron-mock')).electron.mock);

const window = new FakeBrowserWindow({}) as unknown as BrowserWindow;

describe('study and drop dialogs', () => {
  beforeEach(() => vi.clearAllMocks());

  it('opens dropped files only when the analyst confirms, showing every path', async () => {
    const paths = ['/data/GBAPERSOON2017.csv', '/data/VOEDSELBANK.xlsx'];
    electron.mock.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    expect(await confirmDroppedFiles(window, paths)).toBe(true);
    expect(electron.mock.dialog.showMessageBox).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ message: 'Deze 2 bestanden openen?', detail: paths.join('\n'), cancelId: 1 }),
    );
    electron.mock.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await confirmDroppedFiles(window, paths)).toBe(false);
  });

  it('suggests a safe file name for the study and returns null when cancelled', async () => {
    electron.mock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/studies/Voedselbank Súdwest.json' });
    expect(await pickStudyToSave(window, 'Voedselbank Súdwest/../x')).toBe('/studies/Voedselbank Súdwest.json');
    expect(electron.mock.dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ defaultPath: 'Voedselbank Súdwestx.json', properties: ['createDirectory', 'showOverwriteConfirmation'] }),
    );
    expect(await pickStudyToSave(window, 'x')).toBeNull();
    electron.mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/studies/a.json'] });
    expect(await pickStudyToOpen(window)).toBe('/studies/a.json');
    expect(await pickStudyToOpen(window)).toBeNull();
  });
});
