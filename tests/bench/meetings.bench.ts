import { bench, describe } from 'vitest';
import { generateDirectory, SCALE_DIRECTORY, type DirectoryCounts } from '../../electron/backend/sample/directory';
import { generateMeetings, SCALE_MEETINGS } from '../../electron/backend/sample/meetings';
import { ok } from '../support/backend';
import { benchWorkspace, measure } from './support';

// Meetings at coalition scale: 5,000 meetings, ~100,000 invitation / attendance rows and 20,000
// action items over three years, measured through the real backend `call` as the app makes it.
// The directory under them is the coalition-scale one (100k organizations, 250k people, 1M
// interactions: about two minutes to build); MEETINGS_BENCH_DIRECTORY=fifth uses a fifth of it
// for a quick run (meetings read only the people they name).
// Targets: the calendar's month view, a meeting page and the overdue list, each p95 ≤ 20 ms.

const FIFTH: DirectoryCounts = { organizations: 20_000, people: 50_000, affiliations: 80_000, interactions: 100_000 };
const DIRECTORY = process.env['MEETINGS_BENCH_DIRECTORY'] === 'fifth' ? FIFTH : SCALE_DIRECTORY;
const TODAY = '2026-06-01';

const { backend } = await benchWorkspace('meetings');
const started = performance.now();
const directory = await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...DIRECTORY, seed: 2026 }));
const meetings = await backend.bulkLoad((sqlite) => generateMeetings(sqlite, { ...SCALE_MEETINGS, seed: 4, from: '2024-01-01', to: '2027-01-01', today: TODAY }));
console.log(
  `[meetings bench] directory (${DIRECTORY === FIFTH ? 'a fifth of coalition scale (MEETINGS_BENCH_DIRECTORY=fifth)' : 'coalition scale'}) ${JSON.stringify(directory)}; meetings ${JSON.stringify(meetings)}; generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

// A month view covers six weeks: the month plus the days around it.
const months = Array.from({ length: 36 }, (_, i) => {
  const first = new Date(Date.UTC(2024, i, 1));
  return { from: new Date(first.getTime() - 7 * 86_400_000).toISOString(), to: new Date(first.getTime() + 42 * 86_400_000).toISOString() };
});
await measure('meetings', 'calendar month view (meetings.range, 6 weeks)', 20, months.map((range) => () => ok(backend, 'meetings.range', range)), 5);

const sampleIds = (await ok(backend, 'meetings.range', { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).meetings.filter((_, i) => i % 50 === 0).map((m) => m.id);
await measure('meetings', 'a meeting page (meetings.get)', 20, sampleIds.map((id) => () => ok(backend, 'meetings.get', { id })), 5);

await measure(
  'meetings',
  'overdue list (actionItems.list, page of 50 + total)',
  20,
  ['2025-06-01', '2026-01-01', TODAY].flatMap((overdueOn) => [0, 500].map((offset) => () => ok(backend, 'actionItems.list', { overdueOn, offset, limit: 50 }))),
);

describe('meetings at scale', () => {
  bench('calendar month view', () => ok(backend, 'meetings.range', months[20] ?? { from: '2025-08-25T00:00:00Z', to: '2025-10-06T00:00:00Z' }).then(() => undefined));
  bench('meeting page', () => ok(backend, 'meetings.get', { id: sampleIds[0] ?? '' }).then(() => undefined));
  bench('overdue list', () => ok(backend, 'actionItems.list', { overdueOn: TODAY, limit: 50 }).then(() => undefined));
});
