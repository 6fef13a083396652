import { describe, expect, it } from 'vitest';
import { campaignTimeline } from '../../../electron/backend/campaigns/timeline';
import { fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { personInput } from '../../support/people';
import { coverageInput, journalistInput, outletInput, outreachInput } from '../../support/samples/media';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../../electron/backend/db/schema';

// Media through the RPC backend on a real SQLite file: outreach status history, publishing rules,
// the coverage log per campaign and the campaign timeline, deletes, directory cleanup and undo.

async function setup() {
  const { backend, path } = await useBackend();
  const owner = await ok(backend, 'people.create', personInput({ name: 'Kwame Mensah', email: 'kwame@example.org' }));
  const campaigns = ['20000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002'] as const;
  const db = new SqliteDatabase(path);
  for (const [i, id] of campaigns.entries()) {
    db.prepare("insert into campaigns (id, name, status, created_at, updated_at) values (?, ?, 'active', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run(id, `Campaign ${i + 1}`);
  }
  db.close();
  const outlet = await ok(backend, 'media.outlets.save', { outlet: outletInput() });
  const journalist = await ok(backend, 'media.journalists.save', { journalist: journalistInput({ outletId: outlet.id, personId: owner.id }) });
  const item = (overrides: Parameters<typeof outreachInput>[0] = {}) =>
    outreachInput({ campaignId: campaigns[0], outletId: outlet.id, journalistId: journalist.id, ownerPersonId: owner.id, ...overrides });
  return { backend, path, owner, campaigns, outlet, journalist, item };
}

describe('media outreach', () => {
  it('keeps a dated history of every status change, from the form and the board', async () => {
    const { backend, item } = await setup();
    const created = await ok(backend, 'media.outreach.save', { item: item({ status: 'idea' }), today: '2026-06-01' });
    expect(created.history.map((h) => [h.fromStatus, h.toStatus, h.on])).toEqual([[null, 'idea', '2026-06-01']]);
    await ok(backend, 'media.outreach.save', { id: created.id, item: item({ status: 'idea', title: 'Retitled' }), today: '2026-06-02' });
    await ok(backend, 'media.outreach.move', { id: created.id, status: 'drafting', today: '2026-06-03' });
    await ok(backend, 'media.outreach.save', { id: created.id, item: item({ status: 'review', title: 'Retitled' }), today: '2026-06-05' });
    await ok(backend, 'media.outreach.move', { id: created.id, status: 'approved', today: '2026-06-08' });
    const published = await ok(backend, 'media.outreach.move', { id: created.id, status: 'published', today: '2026-06-10', date: '2026-06-10', reach: 5000, engagement: 120, link: 'https://ledger.example.org/op-ed' });
    expect(published.history.map((h) => [h.fromStatus, h.toStatus, h.on])).toEqual([
      [null, 'idea', '2026-06-01'],
      ['idea', 'drafting', '2026-06-03'],
      ['drafting', 'review', '2026-06-05'],
      ['review', 'approved', '2026-06-08'],
      ['approved', 'published', '2026-06-10'],
    ]);
    expect(published).toMatchObject({ status: 'published', reach: 5000, engagement: 120, date: '2026-06-10', title: 'Retitled', outletName: 'The Eastside Ledger', ownerName: 'Kwame Mensah' });
  });

  it('refuses to publish without sensible reach and engagement, and writes nothing', async () => {
    const { backend, path, item } = await setup();
    const created = await ok(backend, 'media.outreach.save', { item: item({ status: 'approved' }), today: '2026-06-01' });
    const before = snapshot(path);
    const bare = await fails(backend, 'media.outreach.move', { id: created.id, status: 'published', today: '2026-06-10' });
    expect(bare.code).toBe('validation');
    expect(issuesOf(bare).map((i) => i.path).sort()).toEqual(['engagement', 'reach']);
    const more = await fails(backend, 'media.outreach.move', { id: created.id, status: 'published', today: '2026-06-10', reach: 10, engagement: 50 });
    expect(issuesOf(more)).toEqual([{ path: 'engagement', message: 'Engagement cannot be more than the reach.' }]);
    const form = await fails(backend, 'media.outreach.save', { id: created.id, item: item({ status: 'published', date: null, reach: -1, engagement: null }), today: '2026-06-10' });
    expect(issuesOf(form).map((i) => i.path).sort()).toEqual(['item.date', 'item.engagement', 'item.reach']);
    expect(snapshot(path)).toEqual(before);
  });

  it("gathers a campaign's coverage log and timeline: published items and earned coverage, not drafts or other campaigns", async () => {
    const { backend, path, item, campaigns, outlet } = await setup();
    await ok(backend, 'media.outreach.save', { item: item({ status: 'published', date: '2026-06-12', reach: 8000, engagement: 200 }), today: '2026-06-12' });
    await ok(backend, 'media.outreach.save', { item: item({ status: 'review', title: 'Draft press release', kind: 'press_release' }), today: '2026-06-12' });
    await ok(backend, 'media.outreach.save', { item: item({ status: 'published', campaignId: campaigns[1], title: 'Other campaign', date: '2026-06-01', reach: 1, engagement: 0 }), today: '2026-06-12' });
    await ok(backend, 'media.coverage.save', { entry: coverageInput({ campaignId: campaigns[0], outletId: outlet.id, reach: 12000, tone: 'positive' }) });
    await ok(backend, 'media.coverage.save', { entry: coverageInput({ campaignId: campaigns[0], outletId: null, outletName: 'Radio Ciudad', headline: 'Critics question the plan', publishedOn: '2026-06-22', reach: 3000, tone: 'negative' }) });
    const log = await ok(backend, 'media.coverage.list', { campaignId: campaigns[0] });
    expect(log.published.map((i) => i.title)).toEqual(['Why the clinic hours matter']);
    expect(log.coverage.map((c) => [c.headline, c.outletName, c.tone])).toEqual([
      ['Critics question the plan', 'Radio Ciudad', 'negative'],
      ['Coalition asks council to keep clinics open late', 'The Eastside Ledger', 'positive'],
    ]);
    expect(log.totals).toEqual({ items: 3, reach: 23000, engagement: 200, tone: { positive: 1, neutral: 0, negative: 1 } });
    expect((await ok(backend, 'media.coverage.list', {})).totals.items).toBe(4);

    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(path, { readonly: true }) }) });
    try {
      const timeline = (await campaignTimeline(db, campaigns[0])).filter((e) => e.kind === 'outreach' || e.kind === 'coverage');
      expect(timeline.map((e) => [e.on, e.kind, e.title])).toEqual([
        ['2026-06-22', 'coverage', 'Coverage in Radio Ciudad: Critics question the plan'],
        ['2026-06-20', 'coverage', 'Coverage in The Eastside Ledger: Coalition asks council to keep clinics open late'],
        ['2026-06-12', 'outreach', 'Op-ed published in The Eastside Ledger: Why the clinic hours matter'],
      ]);
    } finally {
      await db.destroy();
    }
  });

  it('deleting an outlet keeps its journalists, items and coverage (which keeps the name); undo restores it', async () => {
    const { backend, item, outlet, campaigns } = await setup();
    const created = await ok(backend, 'media.outreach.save', { item: item(), today: '2026-06-01' });
    await ok(backend, 'media.coverage.save', { entry: coverageInput({ campaignId: campaigns[0], outletId: outlet.id }) });
    await ok(backend, 'media.outlets.delete', { id: outlet.id });
    expect((await ok(backend, 'media.outreach.get', { id: created.id })).outletId).toBeNull();
    expect((await ok(backend, 'media.journalists.list', {}))[0]?.outletId).toBeNull();
    expect((await ok(backend, 'media.coverage.list', {})).coverage[0]).toMatchObject({ outletId: null, outletName: 'The Eastside Ledger' });
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'media.outlets.list', {}))[0]).toMatchObject({ name: 'The Eastside Ledger', journalists: 1 });
    expect((await ok(backend, 'media.outreach.get', { id: created.id })).outletName).toBe('The Eastside Ledger');
  });

  it('deleting a person clears them as owner and journalist link; a merge moves both', async () => {
    const { backend, item, owner, journalist } = await setup();
    const created = await ok(backend, 'media.outreach.save', { item: item(), today: '2026-06-01' });
    const other = await ok(backend, 'people.create', personInput({ name: 'Kwame A. Mensah', email: 'kam@example.org' }));
    await ok(backend, 'duplicates.merge', { entity: 'person', survivorId: other.id, mergedId: owner.id, fields: {} });
    expect((await ok(backend, 'media.outreach.get', { id: created.id })).ownerPersonId).toBe(other.id);
    expect((await ok(backend, 'media.journalists.list', {})).find((j) => j.id === journalist.id)?.personId).toBe(other.id);
    await ok(backend, 'people.delete', { id: other.id });
    expect((await ok(backend, 'media.outreach.get', { id: created.id })).ownerPersonId).toBeNull();
    expect((await ok(backend, 'media.journalists.list', {})).find((j) => j.id === journalist.id)?.personId).toBeNull();
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'media.outreach.get', { id: created.id })).ownerName).toBe('Kwame A. Mensah');
  });

  it('deleting an item removes its history; undo brings both back', async () => {
    const { backend, item } = await setup();
    const created = await ok(backend, 'media.outreach.save', { item: item({ status: 'idea' }), today: '2026-06-01' });
    await ok(backend, 'media.outreach.move', { id: created.id, status: 'drafting', today: '2026-06-02' });
    await ok(backend, 'media.outreach.delete', { id: created.id });
    expect((await fails(backend, 'media.outreach.get', { id: created.id })).code).toBe('not_found');
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'media.outreach.get', { id: created.id })).history).toHaveLength(2);
  });
});
