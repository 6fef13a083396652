import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, dialog, Notification, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { HostClient } from '../host/hostClient';
import { chooseFolder, ENCRYPTED_FILTERS, exportEncrypted, importEncrypted, type BackupFileDeps } from './backupFiles';
import type { DispatchDeps } from './dispatch';
import { showNotification } from './notify';
import { saveAs, saveDialogFilters } from './saveAs';

/** The methods the shell answers itself, wired to native dialogs. */
export function shellMethods(window: () => BrowserWindow | null, host: HostClient): DispatchDeps['shell'] {
  const showSave = async (options: SaveDialogOptions): Promise<string | null> => {
    const parent = window();
    const choice = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  };
  const showOpen = async (options: OpenDialogOptions): Promise<string | null> => {
    const parent = window();
    const choice = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  };
  const backupDeps: BackupFileDeps = {
    chooseSavePath: (suggestedName) =>
      showSave({
        title: 'Back up to encrypted file',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: ENCRYPTED_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }),
    chooseOpenPath: () => showOpen({ title: 'Restore from encrypted file', filters: ENCRYPTED_FILTERS, properties: ['openFile'] }),
    chooseFolder: (current) =>
      showOpen({ title: 'Keep backups in', defaultPath: current, buttonLabel: 'Use this folder', properties: ['openDirectory', 'createDirectory'] }),
    host,
  };
  return {
    'file.saveAs': (input) =>
      saveAs(input, {
        chooseSavePath: (suggestedName) =>
          showSave({
            defaultPath: join(app.getPath('documents'), suggestedName),
            filters: saveDialogFilters(suggestedName),
            properties: ['createDirectory', 'showOverwriteConfirmation'],
          }),
        writeFile: (path, data) => writeFile(path, data),
      }),
    'backups.chooseFolder': (input) => chooseFolder(input, backupDeps),
    'backups.exportEncrypted': (input) => exportEncrypted(input, backupDeps),
    'backups.importEncrypted': (input) => importEncrypted(input, backupDeps),
    'notifications.show': (input) =>
      showNotification(input, {
        isSupported: () => Notification.isSupported(),
        show: (title, body, onClick) => {
          const notification = new Notification({ title, body, silent: false });
          notification.on('click', onClick);
          notification.show();
        },
        focusWindow: () => {
          const target = window();
          if (!target) return;
          if (target.isMinimized()) target.restore();
          target.show();
          target.focus();
        },
      }),
  };
}
