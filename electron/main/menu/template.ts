import type { MenuItemConstructorOptions } from 'electron';

// The application menu as data. Pure (type-only 'electron' import): the structure is unit-tested
// and the electron adapter only calls Menu.buildFromTemplate on it.

export interface MenuActions {
  newWorkspace(): void;
  openWorkspace(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  /** Opens the Backups screen with the encrypted-file dialog (the passphrase is typed in the window). */
  backupToFile(): void;
  restoreFromFile(): void;
  /** Opens the History screen with the confirmation of undoing the last change (Ctrl+Z stays the text fields' undo). */
  undoLastChange(): void;
  about(): void;
  learnMore(): void;
}

export interface MenuFlags {
  isMac: boolean;
  /** Reload and developer tools are offered only in development. */
  isDev: boolean;
  /** Recently opened workspace paths, newest first. */
  recent: readonly string[];
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** Windows and Linux read `&` in a label as a keyboard mnemonic; a path must show it literally. */
function literalLabel(text: string, isMac: boolean): string {
  return isMac ? text : text.replaceAll('&', '&&');
}

function recentMenu(flags: MenuFlags, actions: MenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] =
    flags.recent.length === 0
      ? [{ label: 'No recent workspaces', enabled: false }]
      : flags.recent.map((path) => ({ label: literalLabel(path, flags.isMac), click: () => actions.openRecent(path) }));
  return [...items, separator, { id: 'file.recent.clear', label: 'Clear Recent', enabled: flags.recent.length > 0, click: () => actions.clearRecent() }];
}

export function buildMenuTemplate(flags: MenuFlags, actions: MenuActions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { id: 'file.new', label: 'New workspace…', accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkspace() },
      { id: 'file.open', label: 'Open workspace…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
      { id: 'file.recent', label: 'Open Recent', submenu: recentMenu(flags, actions) },
      separator,
      { id: 'file.backup', label: 'Back up to encrypted file…', click: () => actions.backupToFile() },
      { id: 'file.restore', label: 'Restore from encrypted file…', click: () => actions.restoreFromFile() },
      separator,
      // macOS keeps Quit in the app menu and Close in File.
      flags.isMac ? { id: 'file.close', role: 'close' } : { id: 'file.quit', role: 'quit', label: 'Quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      // The workspace's undo (an import, a merge, a bulk edit as one step). No shortcut: Ctrl+Z
      // belongs to the text fields, and Ctrl+Alt+Z is AltGr+Z (a letter) on some keyboards.
      { id: 'edit.undoChange', label: 'Undo last change…', click: () => actions.undoLastChange() },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      separator,
      { role: 'selectAll' },
    ],
  };
  const devItems: MenuItemConstructorOptions[] = flags.isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
    : [];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { id: 'help.about', label: 'About Coalition Desk', click: () => actions.about() },
      { id: 'help.learnMore', label: 'Learn more', click: () => actions.learnMore() },
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = flags.isMac ? [{ role: 'appMenu' }] : [];
  return [...appMenu, file, edit, view, help];
}
