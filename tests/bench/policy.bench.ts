import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { generateDirectory, SCALE_DIRECTORY, type DirectoryCounts } from '../../electron/backend/sample/directory';
import { generatePolicy, SCALE_POLICY } from '../../electron/backend/sample/policy';
import { ok } from '../support/backend';
import { tempDir } from '../support/workspace';

// Policy at coalition scale: 8,000 officials, 20,000 bills with 100,000 status changes (plus
// sponsors, stances and votes), 50,000 engagements, over the coalition-scale directory (100k
// organizations, 250k people: about two minutes to build; POLICY_BENCH_DIRECTORY=fifth uses a
// fifth of it). Measured through the real backend `call` as the app makes it.
// Targets: an official's page and a bill's page, each p95 ≤ 20 ms; the district match (the
// official page's second read) is printed too.

const FIFTH: DirectoryCounts = { organizations: 20_000, people: 50_000, affiliations: 80_000, interactions: 100_000 };
const DIRECTORY = process.env['POLICY_BENCH_DIRECTORY'] === 'fifth' ? FIFTH : SCALE_DIRECTORY;

const tmp = tempDir('coalition-bench-policy-');
const backend = await createBackend({ workspacePath: join(tmp.dir, 'policy.coalition'), create: true });
const started = performance.now();
const directory = await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...DIRECTORY, seed: 2026 }));
const { officialIds, billIds } = await backend.bulkLoad((sqlite) => generatePolicy(sqlite, { ...SCALE_POLICY, seed: 5 }));
await backend.bulkLoad((sqlite) => sqlite.exec('analyze'));
console.log(
  `[policy bench] directory (${DIRECTORY === FIFTH ? 'a fifth of coalition scale (POLICY_BENCH_DIRECTORY=fifth)' : 'coalition scale'}) ${JSON.stringify(directory)}; policy ${JSON.stringify(SCALE_POLICY)}; generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

afterAll(async () => {
  await backend.close();
  tmp.cleanup();
});

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

async function measure(label: string, target: number, runs: (() => Promise<unknown>)[], rounds = 5): Promise<void> {
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
  console.log(
    `[policy bench] ${label}: p95 ${value.toFixed(2)} ms (max ${Math.max(...samples).toFixed(2)} ms, n=${samples.length}, target ≤ ${target} ms; CPU ${cpuPerCall.toFixed(2)} ms a call)${value > target ? '  ← MISSED' : ''}`,
  );
}

const officials = officialIds.filter((_, i) => i % 200 === 0);
const bills = billIds.filter((_, i) => i % 500 === 0);
await measure('an official page (policy.officials.get)', 20, officials.map((id) => () => ok(backend, 'policy.officials.get', { id })));
await measure('district match (policy.officials.districtMatch)', 20, officials.map((id) => () => ok(backend, 'policy.officials.districtMatch', { id, limit: 10 })));
await measure('a bill page (policy.bills.get)', 20, bills.map((id) => () => ok(backend, 'policy.bills.get', { id })));
await measure('officials list, first page (policy.officials.list)', 20, [() => ok(backend, 'policy.officials.list', { filters: { search: '', level: null, bodyId: null, party: null, committeeId: null }, offset: 0, limit: 100 })]);

describe('policy at scale', () => {
  bench('official page', () => ok(backend, 'policy.officials.get', { id: officials[0] ?? '' }).then(() => undefined));
  bench('bill page', () => ok(backend, 'policy.bills.get', { id: bills[0] ?? '' }).then(() => undefined));
});
