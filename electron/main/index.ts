import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { IPC, type AppEvent } from '@shared/rpc';
import type { HostClient } from './host/hostClient';
import { startBackendHost } from './host/utilityHost';
import { installAppMenu } from './menu/appMenu';
import { registerAppScheme, serveAppProtocol } from './protocol/appProtocol';
import { registerRpcHandler } from './rpc/ipc';
import { shellMethods } from './rpc/shellMethods';
import { denyAllPermissions, lockDownWebContents } from './security/hardening';
import { rendererSource } from './security/sender';
import { readTextFile, writeJsonFile } from './state/jsonFile';
import { addRecentWorkspace, parseRecentWorkspaces, removeRecentWorkspace } from './state/recentWorkspaces';
import { openMainWindow } from './window';
import { WorkspaceCommands } from './workspaceCommands';
import { workspacePathFromArgv } from './workspaceFiles';

// The Electron shell: lifecycle, the one window, menus, and the backend host. Everything it
// decides (security policy, paths, menus, window placement, host bookkeeping) lives in pure
// modules next to it; this file only wires them to Electron.

const RENDERER_DIR = join(import.meta.dirname, '../renderer');
const HOST_SHUTDOWN_TIMEOUT_MS = 3000;

const isDev = !app.isPackaged;
const source = rendererSource(app.isPackaged, process.env.ELECTRON_RENDERER_URL);

// These must happen before 'ready'.
app.enableSandbox();
registerAppScheme();
lockDownWebContents();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  runApp();
}

function runApp(): void {
  let window: BrowserWindow | null = null;
  let host: HostClient | null = null;
  let commands: WorkspaceCommands | null = null;
  let hostClosed = false;
  /** A workspace the system asked us to open before the app was ready. */
  let requestedPath: string | null = workspacePathFromArgv(process.argv);

  const userData = app.getPath('userData');
  const recentFile = join(userData, 'recent-workspaces.json');
  let recent = parseRecentWorkspaces(readTextFile(recentFile));

  const currentWindow = (): BrowserWindow | null => (window && !window.isDestroyed() ? window : null);

  const sendEvent = (event: AppEvent): void => currentWindow()?.webContents.send(IPC.event, event);

  const refreshMenu = (): void => {
    if (!commands) return;
    installAppMenu({
      isDev,
      recent,
      commands,
      window: currentWindow,
      clearRecent: () => setRecent([]),
      command: (command) => {
        // A window closed on macOS is opened again to run the command.
        if (!currentWindow()) showWindow();
        sendEvent({ type: 'menu-command', command });
      },
    });
  };

  function setRecent(list: string[]): void {
    recent = list;
    try {
      writeJsonFile(recentFile, list);
    } catch (error) {
      console.warn('[shell] could not save the recent workspaces:', error);
    }
    refreshMenu();
  }

  const openRequested = (path: string): void => {
    if (!commands) {
      requestedPath = path;
      return;
    }
    commands.openExisting(path).catch((error: unknown) => console.error('[shell] could not open', path, error));
  };

  const showWindow = (): void => {
    window = openMainWindow({ url: source.url, isDev, stateFile: join(userData, 'window-state.json') });
    window.on('closed', () => {
      window = null;
    });
  };

  app.on('second-instance', (_event, argv) => {
    const existing = currentWindow();
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
    }
    const path = workspacePathFromArgv(argv);
    if (path) openRequested(path);
  });

  // macOS: a .coalition file opened from Finder.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openRequested(path);
  });

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      if (!source.isDevServer) serveAppProtocol(RENDERER_DIR);
      host = startBackendHost(sendEvent);
      commands = new WorkspaceCommands({
        host,
        window: currentWindow,
        opened: (path) => setRecent(addRecentWorkspace(recent, path)),
        missing: (path) => setRecent(removeRecentWorkspace(recent, path)),
      });
      registerRpcHandler({ allowedOrigins: source.allowedOrigins, shell: shellMethods(currentWindow, host), host });
      refreshMenu();
      showWindow();
      if (requestedPath) openRequested(requestedPath);
      requestedPath = null;
    })
    .catch((error: unknown) => {
      console.error('[shell] start-up failed:', error);
      app.exit(1);
    });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) showWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Let the host close the workspace cleanly before quitting; never wait on it forever.
  app.on('before-quit', (event) => {
    const running = host;
    if (hostClosed || !running) return;
    event.preventDefault();
    hostClosed = true;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, HOST_SHUTDOWN_TIMEOUT_MS));
    void Promise.race([running.shutdown(), timeout])
      .catch((error: unknown) => console.error('[shell] the backend did not shut down cleanly:', error))
      .finally(() => {
        running.kill();
        app.quit();
      });
  });
}
