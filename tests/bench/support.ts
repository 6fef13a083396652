import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { tempDir } from '../support/workspace';

// What every backend bench does the same way: a fresh workspace file in a temp folder (closed and
// deleted after the file's benches), and the figures of a set of calls printed as p95, median,
// max and CPU per call against the target.

/** A new workspace `<name>.coalition` in a temp folder of its own, and its path. */
export async function benchWorkspace(name: string): Promise<{ backend: Backend; path: string }> {
  const tmp = tempDir(`coalition-bench-${name}-`);
  const path = join(tmp.dir, `${name}.coalition`);
  const backend = await createBackend({ workspacePath: path, create: true });
  afterAll(async () => {
    await backend.close();
    tmp.cleanup();
  });
  return { backend, path };
}

export function p95(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

/**
 * Runs every call once (to warm the page and statement caches), then `rounds` times, and prints
 * `[<tag> bench] <label>: p95 …` with "← MISSED" past the target. A run that times its own part
 * returns the milliseconds (its CPU figure then covers the whole run).
 */
export async function measure(tag: string, label: string, target: number, runs: readonly (() => Promise<unknown>)[], rounds = 5): Promise<number> {
  for (const run of runs) await run();
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let round = 0; round < rounds; round++) {
    for (const run of runs) {
      const t = performance.now();
      const result = await run();
      samples.push(typeof result === 'number' ? result : performance.now() - t);
    }
  }
  const used = process.cpuUsage(cpu);
  const cpuPerRun = (used.user + used.system) / 1000 / samples.length;
  const sorted = [...samples].sort((a, b) => a - b);
  const value = p95(samples);
  console.log(
    `[${tag} bench] ${label}: p95 ${value.toFixed(2)} ms (median ${(sorted[Math.floor(sorted.length / 2)] ?? NaN).toFixed(2)} ms, max ${Math.max(...samples).toFixed(2)} ms, n=${samples.length}, target ≤ ${target} ms; CPU ${cpuPerRun.toFixed(2)} ms a run)${value > target ? '  ← MISSED' : ''}`,
  );
  return value;
}
