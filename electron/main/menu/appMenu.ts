import { app, dialog, Menu, type BrowserWindow } from 'electron';
import type { MenuCommand } from '@shared/rpc';
import { openExternalSafely } from '../security/hardening';
import type { WorkspaceCommands } from '../workspaceCommands';
import { buildMenuTemplate } from './template';

const LEARN_MORE_URL = 'https://coalitiondesk.org/';

/** Menu clicks cannot await: run the command and log anything it throws. */
function run(task: Promise<void>): void {
  task.catch((error: unknown) => console.error('[shell] a menu command failed:', error));
}

async function showAbout(window: BrowserWindow | null): Promise<void> {
  const options = {
    type: 'info' as const,
    title: 'About Coalition Desk',
    message: `Coalition Desk ${app.getVersion()}`,
    detail: 'An offline workspace for coalition coordinators: partners, charter, meetings, advocacy and reports.',
    buttons: ['OK'],
  };
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}

/** Builds and installs the application menu; call again whenever the recent list changes. */
export function installAppMenu(options: {
  isDev: boolean;
  recent: readonly string[];
  commands: WorkspaceCommands;
  window: () => BrowserWindow | null;
  clearRecent: () => void;
  /** Asks the window to run a command (it shows the Backups screen and the passphrase dialog). */
  command: (command: MenuCommand) => void;
}): void {
  const { commands } = options;
  const template = buildMenuTemplate(
    { isMac: process.platform === 'darwin', isDev: options.isDev, recent: options.recent },
    {
      newWorkspace: () => run(commands.newWorkspace()),
      openWorkspace: () => run(commands.openWorkspace()),
      openRecent: (path) => run(commands.openExisting(path)),
      clearRecent: options.clearRecent,
      backupToFile: () => options.command('backup-to-file'),
      restoreFromFile: () => options.command('restore-from-file'),
      undoLastChange: () => options.command('undo-last-change'),
      about: () => run(showAbout(options.window())),
      learnMore: () => openExternalSafely(LEARN_MORE_URL),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
