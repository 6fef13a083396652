import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, bench, describe } from 'vitest';
import { grassrootsTotals } from '../../electron/backend/campaigns/grassroots';
import type { Database } from '../../electron/backend/db/schema';
import { generateCampaigns, SCALE_CAMPAIGNS } from '../../electron/backend/sample/campaigns';
import { ok } from '../support/backend';
import { benchWorkspace, measure } from './support';

// Advocacy at a large coalition's scale over five years: 300 campaigns, 2,000 officials, 200,000
// grassroots counts, 3,000 key messages, 600 petitions with 30,000 dated counts, measured through
// the real backend `call` (and grassrootsTotals on its own connection, as packets and metrics call it).
// Targets: the campaigns list, a campaign page, its timeline and a year's totals for one
// official or district, each p95 ≤ 50 ms.

const { backend, path } = await benchWorkspace('campaigns');
const started = performance.now();
const counts = await backend.bulkLoad((sqlite) => generateCampaigns(sqlite, { ...SCALE_CAMPAIGNS, seed: 5, from: '2022-01-01', years: 5 }));
console.log(`[campaigns bench] ${JSON.stringify(counts)}; generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(path, { readonly: true }) }) });
afterAll(() => db.destroy());

const campaigns = await ok(backend, 'campaigns.list', {});
const some = campaigns.slice(0, 30);
const { officials } = await ok(backend, 'campaigns.choices', {});
await measure('campaigns', 'campaigns list (campaigns.list, all)', 50, Array.from({ length: 10 }, () => () => ok(backend, 'campaigns.list', {})), 3);
await measure('campaigns', 'campaign page (campaigns.get)', 50, some.map((c) => () => ok(backend, 'campaigns.get', { id: c.id })), 3);
await measure('campaigns', 'campaign timeline (campaigns.timeline)', 50, some.map((c) => () => ok(backend, 'campaigns.timeline', { campaignId: c.id })), 3);
await measure('campaigns', 'a year of one official (grassrootsTotals)', 50, officials.slice(0, 30).map((o) => () => grassrootsTotals(db, { officialId: o.id, from: '2025-01-01', to: '2025-12-31' })), 3);
await measure('campaigns', 'a year of one district (grassrootsTotals)', 50, ['Ward 1', 'Ward 7', 'District 12'].map((district) => () => grassrootsTotals(db, { district, from: '2025-01-01', to: '2025-12-31' })), 3);
await measure('campaigns', 'a year of everything (grassrootsTotals)', 200, [() => grassrootsTotals(db, { from: '2025-01-01', to: '2025-12-31' })], 3);

describe('campaigns at scale', () => {
  bench('campaign page', async () => {
    await ok(backend, 'campaigns.get', { id: some[0]?.id ?? '' });
  });
});
