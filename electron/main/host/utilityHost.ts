import { join } from 'node:path';
import { app, utilityProcess } from 'electron';
import type { AppEvent } from '@shared/rpc';
import { hostArgv } from '../../backend/host/protocol';
import { HostClient, type HostPort } from './hostClient';

// Starts the backend host (out/main/backendHost.js) in a utilityProcess, so SQLite and PDF work
// never block the window, and wraps it in a HostClient.

const HOST_SCRIPT = join(import.meta.dirname, 'backendHost.js');

function defaultWorkspacePaths(): { workspace: string; workspacesDir: string } {
  const workspacesDir = join(app.getPath('userData'), 'workspaces');
  return { workspace: join(workspacesDir, 'default.coalition'), workspacesDir };
}

function forkHost(): HostPort {
  const child = utilityProcess.fork(HOST_SCRIPT, hostArgv(defaultWorkspacePaths()), {
    serviceName: 'Coalition Desk backend',
    env: { ...process.env, COALITION_APP_VERSION: app.getVersion() },
    stdio: 'inherit',
  });
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => child.kill(),
  };
}

export function startBackendHost(onEvent: (event: AppEvent) => void): HostClient {
  return new HostClient({
    start: forkHost,
    onEvent,
    log: (message) => console.error(`[shell] ${message}`),
  });
}
