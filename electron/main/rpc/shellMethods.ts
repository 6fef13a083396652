import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { DispatchDeps } from './dispatch';
import { saveAs, saveDialogFilters } from './saveAs';

/** The methods the shell answers itself, wired to native dialogs. */
export function shellMethods(window: () => BrowserWindow | null): DispatchDeps['shell'] {
  return {
    'file.saveAs': (input) =>
      saveAs(input, {
        chooseSavePath: async (suggestedName) => {
          const options = {
            defaultPath: join(app.getPath('documents'), suggestedName),
            filters: saveDialogFilters(suggestedName),
            properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
          };
          const parent = window();
          const choice = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
          return choice.canceled || !choice.filePath ? null : choice.filePath;
        },
        writeFile: (path, data) => writeFile(path, data),
      }),
  };
}
