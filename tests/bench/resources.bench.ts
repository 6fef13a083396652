import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { generateDirectory, SAMPLE_DIRECTORY } from '../../electron/backend/sample/directory';
import { generateResources, SCALE_RESOURCES } from '../../electron/backend/sample/resources';
import { ok } from '../support/backend';
import { tempDir } from '../support/workspace';

// Resources and capacity at volume: 20,000 contributions (with payments) over 40 fundraising
// campaigns and 5,000 trainings with ~40,000 attendance rows, measured through the real backend
// `call`. The directory under them is the sample's (the reads only name the records they show).
// Targets: the fundraising list (totals per campaign and currency), a campaign page, the trainings
// list and a training page, each p95 ≤ 50 ms.

const tmp = tempDir('coalition-bench-resources-');
const backend = await createBackend({ workspacePath: join(tmp.dir, 'resources.coalition'), create: true });
const started = performance.now();
const directory = await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...SAMPLE_DIRECTORY, seed: 2026 }));
const resources = await backend.bulkLoad((sqlite) => generateResources(sqlite, { ...SCALE_RESOURCES, seed: 6, from: '2024-01-01', to: '2027-01-01', today: '2026-06-01' }));
console.log(`[resources bench] directory ${JSON.stringify(directory)}; resources ${JSON.stringify(resources)}; generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

afterAll(async () => {
  await backend.close();
  tmp.cleanup();
});

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

async function measure(label: string, target: number, runs: (() => Promise<unknown>)[], rounds = 3): Promise<void> {
  for (const run of runs) await run();
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let round = 0; round < rounds; round++) {
    for (const run of runs) {
      const t = performance.now();
      await run();
      samples.push(performance.now() - t);
    }
  }
  const used = process.cpuUsage(cpu);
  const cpuPerCall = (used.user + used.system) / 1000 / samples.length;
  const value = p95(samples);
  console.log(`[resources bench] ${label}: p95 ${value.toFixed(2)} ms (n=${samples.length}, target ≤ ${target} ms; CPU ${cpuPerCall.toFixed(2)} ms a call)${value > target ? '  ← MISSED' : ''}`);
}

const campaigns = await ok(backend, 'fundraising.list', {});
const trainings = (await ok(backend, 'trainings.list', { offset: 0, limit: 40 })).rows;
await measure('fundraising list (totals per campaign and currency)', 50, [() => ok(backend, 'fundraising.list', {})], 10);
await measure('fundraising campaign page (~500 contributions with payments)', 50, campaigns.slice(0, 10).map((c) => () => ok(backend, 'fundraising.get', { id: c.id })));
await measure('trainings list, a page of 50 of 5,000 with attendance and average (first and 50th page)', 50, [() => ok(backend, 'trainings.list', { offset: 0, limit: 50 }), () => ok(backend, 'trainings.list', { offset: 2450, limit: 50 })], 5);
await measure('training page', 50, trainings.map((t) => () => ok(backend, 'trainings.get', { id: t.id })));

describe('resources at volume', () => {
  bench('fundraising list', () => ok(backend, 'fundraising.list', {}).then(() => undefined));
  bench('training page', () => ok(backend, 'trainings.get', { id: trainings[0]?.id ?? '' }).then(() => undefined));
});
