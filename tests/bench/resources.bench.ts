import { bench, describe } from 'vitest';
import { generateDirectory, SAMPLE_DIRECTORY } from '../../electron/backend/sample/directory';
import { generateResources, SCALE_RESOURCES } from '../../electron/backend/sample/resources';
import { ok } from '../support/backend';
import { benchWorkspace, measure } from './support';

// Resources and capacity at volume: 20,000 contributions (with payments) over 40 fundraising
// campaigns and 5,000 trainings with ~40,000 attendance rows, measured through the real backend
// `call`. The directory under them is the sample's (the reads only name the records they show).
// Targets: the fundraising list (totals per campaign and currency), a campaign page, the trainings
// list and a training page, each p95 ≤ 50 ms.

const { backend } = await benchWorkspace('resources');
const started = performance.now();
const directory = await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...SAMPLE_DIRECTORY, seed: 2026 }));
const resources = await backend.bulkLoad((sqlite) => generateResources(sqlite, { ...SCALE_RESOURCES, seed: 6, from: '2024-01-01', to: '2027-01-01', today: '2026-06-01' }));
console.log(`[resources bench] directory ${JSON.stringify(directory)}; resources ${JSON.stringify(resources)}; generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const campaigns = await ok(backend, 'fundraising.list', {});
const trainings = (await ok(backend, 'trainings.list', { offset: 0, limit: 40 })).rows;
await measure('resources', 'fundraising list (totals per campaign and currency)', 50, [() => ok(backend, 'fundraising.list', {})], 10);
await measure('resources', 'fundraising campaign page (~500 contributions with payments)', 50, campaigns.slice(0, 10).map((c) => () => ok(backend, 'fundraising.get', { id: c.id })), 3);
await measure('resources', 'trainings list, a page of 50 of 5,000 with attendance and average (first and 50th page)', 50, [() => ok(backend, 'trainings.list', { offset: 0, limit: 50 }), () => ok(backend, 'trainings.list', { offset: 2450, limit: 50 })], 5);
await measure('resources', 'training page', 50, trainings.map((t) => () => ok(backend, 'trainings.get', { id: t.id })), 3);

describe('resources at volume', () => {
  bench('fundraising list', () => ok(backend, 'fundraising.list', {}).then(() => undefined));
  bench('training page', () => ok(backend, 'trainings.get', { id: trainings[0]?.id ?? '' }).then(() => undefined));
});
