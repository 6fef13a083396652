import { bench, describe } from 'vitest';
import { generateDirectory, SCALE_DIRECTORY, type DirectoryCounts } from '../../electron/backend/sample/directory';
import { generatePolicy, SCALE_POLICY } from '../../electron/backend/sample/policy';
import { ok } from '../support/backend';
import { benchWorkspace, measure } from './support';

// Policy at coalition scale: 8,000 officials, 20,000 bills with 100,000 status changes (plus
// sponsors, stances and votes), 50,000 engagements, over the coalition-scale directory (100k
// organizations, 250k people: about two minutes to build; POLICY_BENCH_DIRECTORY=fifth uses a
// fifth of it). Measured through the real backend `call` as the app makes it.
// Targets: an official's page and a bill's page, each p95 ≤ 20 ms; the district match (the
// official page's second read) is printed too.

const FIFTH: DirectoryCounts = { organizations: 20_000, people: 50_000, affiliations: 80_000, interactions: 100_000 };
const DIRECTORY = process.env['POLICY_BENCH_DIRECTORY'] === 'fifth' ? FIFTH : SCALE_DIRECTORY;

const { backend } = await benchWorkspace('policy');
const started = performance.now();
const directory = await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...DIRECTORY, seed: 2026 }));
const { officialIds, billIds } = await backend.bulkLoad((sqlite) => generatePolicy(sqlite, { ...SCALE_POLICY, seed: 5 }));
await backend.bulkLoad((sqlite) => sqlite.exec('analyze'));
console.log(
  `[policy bench] directory (${DIRECTORY === FIFTH ? 'a fifth of coalition scale (POLICY_BENCH_DIRECTORY=fifth)' : 'coalition scale'}) ${JSON.stringify(directory)}; policy ${JSON.stringify(SCALE_POLICY)}; generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const officials = officialIds.filter((_, i) => i % 200 === 0);
const bills = billIds.filter((_, i) => i % 500 === 0);
await measure('policy', 'an official page (policy.officials.get)', 20, officials.map((id) => () => ok(backend, 'policy.officials.get', { id })), 5);
await measure('policy', 'district match (policy.officials.districtMatch)', 20, officials.map((id) => () => ok(backend, 'policy.officials.districtMatch', { id, limit: 10 })), 5);
await measure('policy', 'a bill page (policy.bills.get)', 20, bills.map((id) => () => ok(backend, 'policy.bills.get', { id })), 5);
await measure('policy', 'officials list, first page (policy.officials.list)', 20, [() => ok(backend, 'policy.officials.list', { filters: { search: '', level: null, bodyId: null, party: null, committeeId: null }, offset: 0, limit: 100 })], 5);

describe('policy at scale', () => {
  bench('official page', () => ok(backend, 'policy.officials.get', { id: officials[0] ?? '' }).then(() => undefined));
  bench('bill page', () => ok(backend, 'policy.bills.get', { id: bills[0] ?? '' }).then(() => undefined));
});
