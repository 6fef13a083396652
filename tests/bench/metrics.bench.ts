import { bench, describe } from 'vitest';
import { generateDirectory, SCALE_DIRECTORY, type DirectoryCounts } from '../../electron/backend/sample/directory';
import { generateMeetings, SCALE_MEETINGS } from '../../electron/backend/sample/meetings';
import { generateCampaigns, SCALE_CAMPAIGNS } from '../../electron/backend/sample/campaigns';
import { BENCH_METRICS, generateMetrics } from '../../electron/backend/sample/metrics';
import { generatePolicy, SCALE_POLICY } from '../../electron/backend/sample/policy';
import { generateResources, SCALE_RESOURCES } from '../../electron/backend/sample/resources';
import { ok } from '../support/backend';
import { benchWorkspace, measure } from './support';

// The metrics dashboard on a full generated workspace: the coalition-scale directory (100k
// organizations with their stage history: about two minutes to build; METRICS_BENCH_DIRECTORY=fifth
// for a fifth of it), 5,000 meetings with ~100,000 invitations, and 200 entered metrics with five
// years of monthly values and yearly and quarterly targets, with the policy (20,000 bills, 100,000
// status changes), campaigns (200,000 grassroots counts) and resources (20,000 contributions, 5,000
// trainings) generators at their scale. (Media has no bench generator yet.)
// Target: the dashboard for a year, backend-side, p95 ≤ 100 ms.

const FIFTH: DirectoryCounts = { organizations: 20_000, people: 50_000, affiliations: 80_000, interactions: 100_000 };
const DIRECTORY = process.env['METRICS_BENCH_DIRECTORY'] === 'fifth' ? FIFTH : SCALE_DIRECTORY;

const { backend } = await benchWorkspace('metrics');
const started = performance.now();
const directory = await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...DIRECTORY, seed: 2026 }));
const meetings = await backend.bulkLoad((sqlite) => generateMeetings(sqlite, { ...SCALE_MEETINGS, seed: 4, from: '2022-01-01', to: '2027-01-01', today: '2026-06-01' }));
const policy = await backend.bulkLoad((sqlite) => generatePolicy(sqlite, { ...SCALE_POLICY, seed: 10 }));
const campaigns = await backend.bulkLoad((sqlite) => generateCampaigns(sqlite, { ...SCALE_CAMPAIGNS, seed: 9, from: '2022-01-01', years: 5 }));
const resources = await backend.bulkLoad((sqlite) => generateResources(sqlite, { ...SCALE_RESOURCES, seed: 12, from: '2022-01-01', to: '2027-01-01', today: '2026-06-01' }));
const metrics = await backend.bulkLoad((sqlite) => generateMetrics(sqlite, BENCH_METRICS));
console.log(
  `[metrics bench] directory (${DIRECTORY === FIFTH ? 'a fifth of coalition scale' : 'coalition scale'}) ${JSON.stringify(directory)}; meetings ${JSON.stringify(meetings)}; policy ${policy.billIds.length} bills; campaigns ${JSON.stringify(campaigns)}; resources ${JSON.stringify(resources)}; metrics ${JSON.stringify(metrics)}; generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const years = [2022, 2023, 2024, 2025, 2026].map((y) => ({ from: `${y}-01-01`, to: `${y}-12-31` }));
await measure('metrics', 'dashboard for a year (metrics.dashboard)', 100, years.map((p) => () => ok(backend, 'metrics.dashboard', p)), 4);
// Right after a write (a coordinator who has just entered data): nothing may be kept from before it.
const entered = (await ok(backend, 'metrics.catalogue', {})).find((m) => m.kind === 'entered')?.id ?? '';
let bump = 0;
await measure(
  'metrics',
  'dashboard for a year right after a change',
  100,
  years.map((p) => async () => {
    bump += 1;
    await ok(backend, 'metrics.setValues', { metricId: entered, values: [{ month: '2020-01', value: bump }] });
    const t = performance.now();
    await ok(backend, 'metrics.dashboard', p);
    return performance.now() - t;
  }),
  4,
);
await measure('metrics', 'dashboard for a quarter', 100, years.map((p) => () => ok(backend, 'metrics.dashboard', { from: p.from.replace('-01-01', '-04-01'), to: p.from.replace('-01-01', '-06-30') })), 4);
await measure('metrics', 'catalogue (metrics.catalogue)', 100, [() => ok(backend, 'metrics.catalogue', {})], 4);
await measure('metrics', 'members drill-down at a year end (metrics.drill, first 100)', 500, years.map((p) => () => ok(backend, 'metrics.drill', { metricId: '00000000-0000-4000-8014-000000000008', ...p, limit: 100 })), 4);

// vitest bench needs at least one bench() to run the file; the figures above are the measurements.
describe('metrics', () => {
  bench('noop', () => undefined, { iterations: 1 });
});
