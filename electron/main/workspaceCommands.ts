import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { HostClient } from './host/hostClient';
import { WORKSPACE_FILTERS, withWorkspaceExtension } from './workspaceFiles';

// File ▸ New / Open / Open Recent: native dialogs, then the host switches workspace (and tells
// the renderer with a workspace-changed event).

export interface WorkspaceCommandDeps {
  host: HostClient;
  window: () => BrowserWindow | null;
  /** Called with each path the host opened successfully. */
  opened: (path: string) => void;
  /** Called with a recent path whose file is gone. */
  missing: (path: string) => void;
}

async function tell(window: BrowserWindow | null, message: string, detail: string): Promise<void> {
  const options = { type: 'warning' as const, message, detail, buttons: ['OK'] };
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}

export class WorkspaceCommands {
  constructor(private readonly deps: WorkspaceCommandDeps) {}

  async newWorkspace(): Promise<void> {
    const window = this.deps.window();
    const options = {
      title: 'New workspace',
      buttonLabel: 'Create',
      defaultPath: join(app.getPath('documents'), 'New coalition.coalition'),
      filters: WORKSPACE_FILTERS,
      properties: ['createDirectory' as const],
    };
    const choice = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
    if (choice.canceled || !choice.filePath) return;
    const path = withWorkspaceExtension(choice.filePath);
    // Never replace an existing workspace with an empty one.
    if (existsSync(path)) {
      await tell(window, `${basename(path)} already exists.`, 'Choose another name, or use File ▸ Open workspace… to open it.');
      return;
    }
    await this.open(path, true);
  }

  async openWorkspace(): Promise<void> {
    const window = this.deps.window();
    const options = { title: 'Open workspace', filters: WORKSPACE_FILTERS, properties: ['openFile' as const] };
    const choice = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
    const path = choice.filePaths[0];
    if (choice.canceled || path === undefined) return;
    await this.open(path, false);
  }

  /** Opens a recent workspace, or a file the system asked the app to open. */
  async openExisting(path: string): Promise<void> {
    if (!existsSync(path)) {
      this.deps.missing(path);
      await tell(this.deps.window(), `${basename(path)} could not be found.`, `It was moved or deleted: ${path}`);
      return;
    }
    await this.open(path, false);
  }

  private async open(path: string, create: boolean): Promise<void> {
    const result = await this.deps.host.open(path, create);
    if (result.ok) {
      this.deps.opened(path);
      return;
    }
    await tell(this.deps.window(), `${basename(path)} could not be opened.`, result.error.message);
  }
}
