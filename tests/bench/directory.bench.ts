import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import type { Input } from '@shared/contract';
import { ORGANIZATION_SORT_FIELDS } from '@shared/directory/organizations';
import { createBackend } from '../../electron/backend/backend';
import { generateDirectory, SCALE_DIRECTORY } from '../../electron/backend/sample/directory';
import { ok } from '../support/backend';
import { tempDir } from '../support/workspace';

// The partner directory at coalition scale (100k organizations, 250k people, 400k affiliations,
// 1M interactions), measured through the real backend `call` as the app makes it (outputs not
// re-checked, as in production). Targets: search p95 ≤ 20 ms, a list page ≤ 25 ms, a partner
// page ≤ 15 ms. Each figure below is the p95 of our own timed loop, printed explicitly; vitest's
// table follows for a few representative calls.

const tmp = tempDir('coalition-bench-directory-');
const path = join(tmp.dir, 'scale.coalition');
const backend = await createBackend({ workspacePath: path, create: true });

const started = performance.now();
const generated = await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { ...SCALE_DIRECTORY, seed: 2026 }));
const generationSeconds = (performance.now() - started) / 1000;
console.log(`[directory bench] generated ${JSON.stringify(generated)} in ${generationSeconds.toFixed(1)} s`);

afterAll(async () => {
  await backend.close();
  tmp.cleanup();
});

// ---------------------------------------------------------------------------------------------
// Our own p95 loops.

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

const results: { label: string; p95: number; max: number; n: number; target: number }[] = [];

async function measure(label: string, target: number, runs: (() => Promise<unknown>)[], rounds = 5): Promise<void> {
  for (const run of runs) await run(); // warm the page cache and statement cache
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const run of runs) {
      const t = performance.now();
      await run();
      samples.push(performance.now() - t);
    }
  }
  const result = { label, p95: p95(samples), max: Math.max(...samples), n: samples.length, target };
  results.push(result);
  console.log(
    `[directory bench] ${label}: p95 ${result.p95.toFixed(2)} ms (max ${result.max.toFixed(2)} ms, n=${result.n}, target ≤ ${target} ms, load ${(loadavg()[0] ?? 0).toFixed(2)})${result.p95 > target ? '  ← MISSED' : ''}`,
  );
}

const SHORT_PREFIXES = ['a', 's', 'm', 'j', 'c', 'sa', 'ma', 'jo', 'he', 'co', 'sao', 'gar', 'hea', 'leg', 'ngu'];
const MULTI_WORD = ['sao paulo', 'maría garcía', 'maria garcia', 'health center', 'legal aid riverside', 'jose lopez', 'family services san jose', 'youth council', 'mo', 'c c'];

await measure(
  'search, 1–3 character prefixes',
  20,
  SHORT_PREFIXES.map((query) => () => ok(backend, 'directory.search', { query, limit: 20 })),
);
await measure(
  'search, multi-word queries',
  20,
  MULTI_WORD.map((query) => () => ok(backend, 'directory.search', { query, limit: 20 })),
);

type ListInput = Input<'organizations.list'>;
const FILTERS: Record<string, NonNullable<ListInput['filters']>> = {
  none: {},
  text: { text: 'health' },
  stage: { stage: ['member'] },
  sector: { sector: ['government'] },
  type: { type: ['legal_aid'] },
  tier: { tier: ['steering'] },
  issueArea: { issueArea: ['Housing'] },
  region: { region: ['Harbor'] },
  population: { population: ['Immigrants'] },
  contribution: { contribution: ['funding'] },
  tag: { tag: ['clinic'] },
  'lastContacted range': { lastContacted: { from: '2026-01-01', to: '2026-06-30' } },
  'lastContacted never': { lastContacted: { never: true } },
};
for (const [name, filters] of Object.entries(FILTERS)) {
  await measure(
    `organizations.list filter ${name} (page of 100 + total)`,
    25,
    [0, 100, 2000].map((offset) => () => ok(backend, 'organizations.list', { filters, sort: { field: 'name', direction: 'asc' }, offset, limit: 100 })),
  );
}
for (const field of ORGANIZATION_SORT_FIELDS) {
  await measure(
    `organizations.list sort ${field} (page of 100 + total)`,
    25,
    (['asc', 'desc'] as const).flatMap((direction) =>
      [0, 5000].map((offset) => () => ok(backend, 'organizations.list', { filters: {}, sort: { field, direction }, offset, limit: 100 })),
    ),
  );
}

// Custom fields: a choice, a number and a date field on every organization (values bulk-loaded
// like the rest of the scale data), filtered alone and with a built-in filter.
const dues = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Dues status', kind: 'choice', choices: ['Paid', 'Waived', 'Late', 'Exempt', 'Unknown'] });
const members = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Members', kind: 'number' });
const renewal = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Renewal date', kind: 'date' });
await backend.bulkLoad((sqlite) => {
  const insert = sqlite.prepare(`insert into custom_values (id, field_id, record_id, value_text, value_number)
    select lower(hex(randomblob(16))), ?, id, ?, ? from organizations where rowid % ? = ?`);
  ['Paid', 'Waived', 'Late', 'Exempt', 'Unknown'].forEach((choice, i) => insert.run(dues.id, choice, null, 5, i));
  sqlite.prepare(`insert into custom_values (id, field_id, record_id, value_text, value_number)
    select lower(hex(randomblob(16))), ?, id, null, (rowid * 7919) % 5000 from organizations`).run(members.id);
  // Half the organizations have a renewal date, spread over two years.
  sqlite.prepare(`insert into custom_values (id, field_id, record_id, value_text, value_number)
    select lower(hex(randomblob(16))), ?, id, date('2025-01-01', '+' || ((rowid * 31) % 730) || ' days'), null from organizations where rowid % 2 = 0`).run(renewal.id);
});
const CUSTOM_FILTERS: Record<string, NonNullable<ListInput['filters']>> = {
  'custom choice (1 of 5)': { custom: [{ fieldId: dues.id, values: ['Late'] }] },
  'custom choice (2 of 5) + stage': { custom: [{ fieldId: dues.id, values: ['Paid', 'Waived'] }], stage: ['member'] },
  'custom number range (1%)': { custom: [{ fieldId: members.id, from: 100, to: 149 }] },
  'custom number range (50%)': { custom: [{ fieldId: members.id, from: 2500 }] },
  'custom date range (one month)': { custom: [{ fieldId: renewal.id, from: '2026-03-01', to: '2026-03-31' }] },
};
for (const [name, filters] of Object.entries(CUSTOM_FILTERS)) {
  await measure(
    `organizations.list filter ${name} (page of 100 + total)`,
    25,
    [0, 100, 2000].map((offset) => () => ok(backend, 'organizations.list', { filters, sort: { field: 'name', direction: 'asc' }, offset, limit: 100 })),
  );
}

// Sorting by a custom field (`cf:<field id>`): each kind on every organization (the renewal date on
// half of them, so the second half of the list is the organizations without one), as the built-in
// sorts are measured, then with a broad built-in filter.
const note = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Short note', kind: 'text' });
await backend.bulkLoad((sqlite) => {
  // A third of the organizations have a note, 30,000 different ones.
  sqlite.prepare(`insert into custom_values (id, field_id, record_id, value_text, value_number)
    select lower(hex(randomblob(16))), ?, id, 'note ' || ((rowid * 104729) % 30000), null from organizations where rowid % 3 = 0`).run(note.id);
});
const CUSTOM_SORTS: Record<string, string> = { 'choice (5 values)': dues.id, number: members.id, 'date (half empty)': renewal.id, 'text (two thirds empty)': note.id };
for (const [name, fieldId] of Object.entries(CUSTOM_SORTS)) {
  await measure(
    `organizations.list sort custom ${name} (page of 100 + total)`,
    25,
    (['asc', 'desc'] as const).flatMap((direction) =>
      [0, 5000].map((offset) => () => ok(backend, 'organizations.list', { filters: {}, sort: { field: `cf:${fieldId}`, direction }, offset, limit: 100 })),
    ),
  );
  await measure(
    `organizations.list sort custom ${name} + filter stage (page of 100 + total)`,
    25,
    [0, 100, 2000].map((offset) => () => ok(backend, 'organizations.list', { filters: { stage: ['member'] }, sort: { field: `cf:${fieldId}`, direction: 'asc' }, offset, limit: 100 })),
  );
}

// The representation dashboard: every dimension counted by SQL aggregates, plus target statuses.
await ok(backend, 'representation.targets.save', { dimension: 'region', value: '*', kind: 'min_count', amount: 1, note: '' });
await ok(backend, 'representation.targets.save', { dimension: 'sector', value: 'community', kind: 'min_share', amount: 30, note: '' });
await measure(
  'representation.summary, members (and members + engaged)',
  50,
  [['member'], ['member', 'engaged']].map((stages) => () => ok(backend, 'representation.summary', { stages: stages as Input<'representation.summary'>['stages'] })),
);
await measure('representation.summary, every stage (all 100k organizations)', 150, [
  () => ok(backend, 'representation.summary', { stages: ['identified', 'contacted', 'engaged', 'member', 'inactive', 'declined'] }),
]);

// Partner pages: the busiest organizations (most interactions) and a spread of ordinary ones.
const partnerIds = await backend.bulkLoad((sqlite) => {
  const busiest = sqlite
    .prepare(
      `select organization_id as id from interaction_participants where organization_id is not null
       group by organization_id order by count(*) desc limit 20`,
    )
    .all() as { id: string }[];
  const spread = sqlite.prepare('select id from organizations where rowid % 1000 = 7 limit 80').all() as { id: string }[];
  return [...busiest, ...spread].map((r) => r.id);
});
await measure(
  'organizations.get (record, affiliations, last 50 interactions, relationships)',
  15,
  partnerIds.map((id) => () => ok(backend, 'organizations.get', { id })),
  3,
);

// Bulk changes of 10,000 organizations: one call, one transaction, one undo step each. A stage
// change leaves the search index alone; a tag is searchable, so each record's words are re-indexed.
const bulkIds = await backend.bulkLoad((sqlite) => (sqlite.prepare('select id from organizations where rowid % 10 = 3 limit 10000').all() as { id: string }[]).map((r) => r.id));
const bulkTimes: Record<string, number> = {};
const bulkChanges: [string, { stage?: 'declined'; addTags?: string[] }][] = [
  ['stage', { stage: 'declined' }],
  ['add a tag', { addTags: ['bulk-bench'] }],
];
for (const [label, change] of bulkChanges) {
  const bulkStarted = performance.now();
  const bulk = await ok(backend, 'organizations.bulkUpdate', { ids: bulkIds, ...change });
  bulkTimes[label] = performance.now() - bulkStarted;
  console.log(`[directory bench] organizations.bulkUpdate (${label}) of ${bulkIds.length} ids: ${(bulkTimes[label] ?? 0).toFixed(0)} ms (${bulk.updated} changed)`);
}

// Export: every organization (100k) and every person (250k) as the table's view, and a 10,000-row
// selection, as CSV and Excel: one call each (rows streamed from SQLite a chunk at a time).
const exportTimes: Record<string, number> = {};
const exportRuns: [string, Input<'directory.export'>][] = (['csv', 'xlsx'] as const).flatMap((format): [string, Input<'directory.export'>][] => [
  [`${format}, all organizations`, { entity: 'organization', format, scope: { filters: {}, sort: { field: 'name', direction: 'asc' } } }],
  [`${format}, 10,000 selected organizations`, { entity: 'organization', format, scope: { ids: bulkIds } }],
  // Every field of 250k people is over the 50 MB limit as CSV (refused, as it should be); the table's default columns fit.
  [
    `${format}, all people (table's default columns)`,
    { entity: 'person', format, scope: { filters: {}, sort: { field: 'name', direction: 'asc' } }, columns: ['name', 'title', 'organization', 'email', 'city', 'lastContactedOn'] },
  ],
]);
for (const [label, input] of exportRuns) {
  const exportStarted = performance.now();
  const file = await ok(backend, 'directory.export', input);
  exportTimes[label] = performance.now() - exportStarted;
  const mb = (file.encoding === 'base64' ? Buffer.from(file.content, 'base64').length : Buffer.byteLength(file.content)) / (1024 * 1024);
  console.log(`[directory bench] directory.export (${label}): ${file.rows} rows, ${mb.toFixed(1)} MB in ${(exportTimes[label] ?? 0).toFixed(0)} ms`);
}

console.log(`[directory bench] summary (p95, ms; load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores):`);
console.log(`  generation: ${generationSeconds.toFixed(1)} s`);
for (const [label, ms] of Object.entries(bulkTimes)) console.log(`  bulkUpdate (${label}) of ${bulkIds.length} ids: ${ms.toFixed(0)} ms`);
for (const [label, ms] of Object.entries(exportTimes)) console.log(`  export (${label}): ${ms.toFixed(0)} ms`);
for (const r of results) console.log(`  ${r.p95 <= r.target ? 'ok    ' : 'MISSED'} ${r.p95.toFixed(2).padStart(7)}  ${r.label}`);

// ---------------------------------------------------------------------------------------------
// vitest's table, for a few representative calls.

const options = { time: 300, warmupTime: 50 };
describe('directory at coalition scale', () => {
  let i = 0;
  bench('directory.search "sa" (2-letter prefix)', async () => {
    await ok(backend, 'directory.search', { query: 'sa', limit: 20 });
  }, options);
  bench('directory.search "maria garcia"', async () => {
    await ok(backend, 'directory.search', { query: 'maria garcia', limit: 20 });
  }, options);
  bench('organizations.list, stage = member, by name', async () => {
    await ok(backend, 'organizations.list', { filters: { stage: ['member'] }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 100 });
  }, options);
  bench('organizations.list, issue area Housing, by last contact', async () => {
    await ok(backend, 'organizations.list', { filters: { issueArea: ['Housing'] }, sort: { field: 'lastContactedOn', direction: 'desc' }, offset: 0, limit: 100 });
  }, options);
  bench('organizations.get', async () => {
    await ok(backend, 'organizations.get', { id: partnerIds[i++ % partnerIds.length] ?? '' });
  }, options);
});
