import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';

export interface Harness {
  url: string;
  stop(): Promise<void>;
}

/** A folder for one spec's workspaces, kept across harness restarts. */
export function harnessDataDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'coalition-e2e-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * One harness for a spec file: started before its tests, stopped after them, its data folder (kept
 * across restarts) removed. `url` is where the app is served; `restart()` stops the server and
 * starts it again on the same data, as reopening the app would.
 */
export function useHarness(): { readonly dir: string; readonly url: string; restart(): Promise<void> } {
  const data = harnessDataDir();
  let harness: Harness | undefined;
  test.beforeAll(async () => {
    harness = await startHarness(data.dir);
  });
  test.afterAll(async () => {
    await harness?.stop();
    data.cleanup();
  });
  const started = (): Harness => {
    if (!harness) throw new Error('The harness has not started.');
    return harness;
  };
  return {
    dir: data.dir,
    get url() {
      return started().url;
    },
    async restart() {
      await started().stop();
      harness = await startHarness(data.dir);
    },
  };
}

/** Starts the web harness (the real backend host and the built renderer) on a free loopback port. */
export async function startHarness(dataDir: string): Promise<Harness> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/harness/server.ts'], {
    env: { ...process.env, PORT: '0', COALITION_WEB_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The harness did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /web harness: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The harness exited (${code}):\n${output}`));
    });
  });
  return { url, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
