import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppEvent, CoalitionBridge } from '@shared/rpc';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { Host } from '../../electron/backend/host/host';

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
  events: AppEvent[];
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
    { workspace: join(tmp.dir, 'default.coalition'), workspacesDir: tmp.dir, appVersion: 'test', validateOutputs: true },
    (event) => {
      events.push(event);
      for (const listener of listeners) listener(event);
    },
  );
  await host.start();
  let nextId = 1;
  const bridge: CoalitionBridge = {
    async call(method, input) {
      if (method === 'file.saveAs') {
        const { suggestedName, content } = input as { suggestedName: string; content: string };
        saved.push({ suggestedName, content });
        return { ok: true, value: { saved: true, fileName: suggestedName } };
      }
      const response = await host.handle({ kind: 'call', id: nextId++, method, input });
      if (response.kind !== 'result') throw new Error('unexpected host response');
      return response.result;
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
    events,
    cleanup: async () => {
      await host.handle({ kind: 'shutdown', id: 0 });
      tmp.cleanup();
    },
  };
}
