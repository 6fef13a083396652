import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, bench, describe } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { grassrootsTotals } from '../../electron/backend/campaigns/grassroots';
import type { Database } from '../../electron/backend/db/schema';
import { generateCampaigns, SCALE_CAMPAIGNS } from '../../electron/backend/sample/campaigns';
import { ok } from '../support/backend';
import { tempDir } from '../support/workspace';

// Advocacy at a large coalition's scale over five years: 300 campaigns, 2,000 officials, 200,000
// grassroots counts, 3,000 key messages, 600 petitions with 30,000 dated counts, measured through
// the real backend `call` (and grassrootsTotals on its own connection, as packets and metrics call it).
// Targets: the campaigns list, a campaign page, its timeline and a year's totals for one
// official or district, each p95 ≤ 50 ms.

const tmp = tempDir('coalition-bench-campaigns-');
const path = join(tmp.dir, 'campaigns.coalition');
const backend = await createBackend({ workspacePath: path, create: true });
const started = performance.now();
const counts = await backend.bulkLoad((sqlite) => generateCampaigns(sqlite, { ...SCALE_CAMPAIGNS, seed: 5, from: '2022-01-01', years: 5 }));
console.log(`[campaigns bench] ${JSON.stringify(counts)}; generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(path, { readonly: true }) }) });

afterAll(async () => {
  await db.destroy();
  await backend.close();
  tmp.cleanup();
});

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

async function measure(label: string, target: number, runs: (() => Promise<unknown>)[]): Promise<void> {
  for (const run of runs) await run();
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let round = 0; round < 3; round++) {
    for (const run of runs) {
      const t = performance.now();
      await run();
      samples.push(performance.now() - t);
    }
  }
  const used = process.cpuUsage(cpu);
  const cpuPerCall = (used.user + used.system) / 1000 / samples.length;
  const value = p95(samples);
  console.log(`[campaigns bench] ${label}: p95 ${value.toFixed(2)} ms (max ${Math.max(...samples).toFixed(2)} ms, n=${samples.length}, target ≤ ${target} ms; CPU ${cpuPerCall.toFixed(2)} ms a call)${value > target ? '  ← MISSED' : ''}`);
}

const campaigns = await ok(backend, 'campaigns.list', {});
const some = campaigns.slice(0, 30);
const { officials } = await ok(backend, 'campaigns.choices', {});
await measure('campaigns list (campaigns.list, all)', 50, Array.from({ length: 10 }, () => () => ok(backend, 'campaigns.list', {})));
await measure('campaign page (campaigns.get)', 50, some.map((c) => () => ok(backend, 'campaigns.get', { id: c.id })));
await measure('campaign timeline (campaigns.timeline)', 50, some.map((c) => () => ok(backend, 'campaigns.timeline', { campaignId: c.id })));
await measure('a year of one official (grassrootsTotals)', 50, officials.slice(0, 30).map((o) => () => grassrootsTotals(db, { officialId: o.id, from: '2025-01-01', to: '2025-12-31' })));
await measure('a year of one district (grassrootsTotals)', 50, ['Ward 1', 'Ward 7', 'District 12'].map((district) => () => grassrootsTotals(db, { district, from: '2025-01-01', to: '2025-12-31' })));
await measure('a year of everything (grassrootsTotals)', 200, [() => grassrootsTotals(db, { from: '2025-01-01', to: '2025-12-31' })]);

describe('campaigns at scale', () => {
  bench('campaign page', async () => {
    await ok(backend, 'campaigns.get', { id: some[0]?.id ?? '' });
  });
});
