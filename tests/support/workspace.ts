import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppEvent, CoalitionBridge, RpcResult } from '@shared/rpc';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { Host } from '../../electron/backend/host/host';
import type { HostRequest } from '../../electron/backend/host/protocol';
import { chooseFolder, exportEncrypted, importEncrypted, type BackupFileDeps } from '../../electron/main/rpc/backupFiles';

/** A temporary folder for real workspace files, removed by `cleanup`. */
export function tempDir(prefix = 'coalition-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real backend on a fresh workspace file, validating outputs against the contract. */
export async function openTestBackend(): Promise<{ backend: Backend; path: string; dir: string; cleanup(): Promise<void> }> {
  const tmp = tempDir();
  const path = join(tmp.dir, 'test.coalition');
  const backend = await createBackend({ workspacePath: path, create: true, validateOutputs: true });
  return {
    backend,
    path,
    dir: tmp.dir,
    cleanup: async () => {
      await backend.close();
      tmp.cleanup();
    },
  };
}

export interface TestBridge {
  bridge: CoalitionBridge;
  host: Host;
  dir: string;
  /** Files the renderer asked to save (what the Save dialog would have written). */
  saved: { suggestedName: string; content: string }[];
  /**
   * What the backup dialogs "choose" (null: cancelled): the Save dialog's path for an encrypted
   * file, the Open dialog's file, the folder picker's folder. Tests set them.
   */
  dialogs: { savePath: string | null; openPath: string | null; folder: string | null };
  events: AppEvent[];
  /** Sends an event to the window as the shell would (a menu command). */
  emit(event: AppEvent): void;
  cleanup(): Promise<void>;
}

/**
 * The same object the preload exposes, wired in-process to the real backend host on a temp
 * workspace: component tests render against real SQLite, not mocks.
 */
export async function createTestBridge(): Promise<TestBridge> {
  const tmp = tempDir();
  const listeners = new Set<(event: AppEvent) => void>();
  const events: AppEvent[] = [];
  const saved: TestBridge['saved'] = [];
  const host = new Host(
    // Cheap scrypt settings: the file format records them, so restoring still reads them.
    { workspace: join(tmp.dir, 'default.coalition'), workspacesDir: tmp.dir, appVersion: 'test', validateOutputs: true, scrypt: { log2N: 12, r: 8, p: 1 } },
    (event) => {
      events.push(event);
      for (const listener of listeners) listener(event);
    },
  );
  await host.start();
  let nextId = 1;
  const send = async (request: HostRequest): Promise<RpcResult> => {
    const response = await host.handle(request);
    if (response.kind !== 'result') throw new Error('unexpected host response');
    return response.result;
  };
  // The shell's backup-file methods, with the native dialogs replaced by `dialogs`.
  const dialogs: TestBridge['dialogs'] = { savePath: join(tmp.dir, 'moved.cdbackup'), openPath: join(tmp.dir, 'moved.cdbackup'), folder: null };
  const backupFiles: BackupFileDeps = {
    chooseSavePath: () => Promise.resolve(dialogs.savePath),
    chooseOpenPath: () => Promise.resolve(dialogs.openPath),
    chooseFolder: () => Promise.resolve(dialogs.folder),
    host: {
      call: (method, input) => send({ kind: 'call', id: nextId++, method, input }),
      backupFolder: (path) => send({ kind: 'backupFolder', id: nextId++, path }),
      exportEncrypted: (path, passphrase) => send({ kind: 'exportEncrypted', id: nextId++, path, passphrase }),
      importEncrypted: (path, passphrase) => send({ kind: 'importEncrypted', id: nextId++, path, passphrase }),
    },
  };
  const shellStandIns: Record<string, (input: unknown) => Promise<RpcResult>> = {
    'backups.chooseFolder': (input) => chooseFolder(input, backupFiles),
    'backups.exportEncrypted': (input) => exportEncrypted(input, backupFiles),
    'backups.importEncrypted': (input) => importEncrypted(input, backupFiles),
  };
  const bridge: CoalitionBridge = {
    async call(method, input) {
      if (method === 'file.saveAs') {
        const { suggestedName, content } = input as { suggestedName: string; content: string };
        saved.push({ suggestedName, content });
        return { ok: true, value: { saved: true, fileName: suggestedName } };
      }
      const standIn = Object.hasOwn(shellStandIns, method) ? shellStandIns[method] : undefined;
      if (standIn) return standIn(input);
      return send({ kind: 'call', id: nextId++, method, input });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    bridge,
    host,
    dir: tmp.dir,
    saved,
    dialogs,
    events,
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
    cleanup: async () => {
      await host.handle({ kind: 'shutdown', id: 0 });
      tmp.cleanup();
    },
  };
}
