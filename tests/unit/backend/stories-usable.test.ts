import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { onTestFinished, describe, expect, it } from 'vitest';
import type { StoryInput } from '@shared/stories/contract';
import type { Database } from '../../../electron/backend/db/schema';
import { usableStories } from '../../../electron/backend/stories/usable';
import { ok, useBackend, withSqlite } from '../../support/backend';
import { personInput } from '../../support/people';
import { storyInput } from '../../support/samples/stories';

// usableStories (electron/backend/stories/usable.ts), what the briefing packet and the impact
// report print: a story never appears where its consent does not reach, and the anonymized text
// (with no name) is served where the rule requires it.

async function setup() {
  const { backend, path } = await useBackend();
  const maria = await ok(backend, 'people.create', personInput({ name: 'Maria Rivera', email: 'maria@example.org' }));
  const campaigns = ['10000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002'] as const;
  withSqlite(path, (db) => {
    for (const [i, id] of campaigns.entries()) {
      db.prepare("insert into campaigns (id, name, status, created_at, updated_at) values (?, ?, 'active', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run(id, `Campaign ${i + 1}`);
    }
  });
  const add = async (overrides: Omit<Partial<StoryInput>, 'consent'> & { consent?: Partial<StoryInput['consent']> }) => {
    const base = storyInput({ storytellerPersonId: maria.id });
    const story = await ok(backend, 'stories.create', { story: { ...base, ...overrides, consent: { ...base.consent, ...overrides.consent } }, today: '2026-06-01' });
    return story.id;
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(path, { readonly: true }) }) });
  onTestFinished(() => db.destroy());
  return { backend, maria, campaigns, add, db };
}

describe('usableStories', () => {
  it('returns only stories whose consent covers the use on the day', async () => {
    const { add, db } = await setup();
    const policy = await add({ title: 'Policymakers only', consent: { uses: ['policymakers'] } });
    const reports = await add({ title: 'Reports only', consent: { uses: ['reports'] } });
    await add({ title: 'Not given', consent: { given: false, uses: [], givenOn: null, method: null } });
    await add({ title: 'Expired', consent: { uses: ['policymakers', 'reports'], givenOn: '2025-01-01', expiresOn: '2026-05-31' } });
    const lastDay = await add({ title: 'Last day', consent: { uses: ['policymakers'], expiresOn: '2026-06-01' } });
    await add({ title: 'Withdrawn', consent: { uses: ['policymakers', 'reports'], withdrawnOn: '2026-06-01', withdrawalNote: 'Asked to stop' } });
    const notYet = await add({ title: 'Not yet', consent: { uses: ['policymakers'], givenOn: '2026-06-02', expiresOn: null } });

    const forPolicy = await usableStories(db, { use: 'policymakers', day: '2026-06-01' });
    expect(forPolicy.map((s) => s.id).sort()).toEqual([policy, lastDay].sort());
    expect((await usableStories(db, { use: 'reports', day: '2026-06-01' })).map((s) => s.id)).toEqual([reports]);
    expect(await usableStories(db, { use: 'media', day: '2026-06-01' })).toEqual([]);
    // The day after, the last-day story is gone and the one given that day has come.
    expect((await usableStories(db, { use: 'policymakers', day: '2026-06-02' })).map((s) => s.id).sort()).toEqual([policy, notYet].sort());
  });

  it('filters by district, campaign and issue area without letting a refused story through', async () => {
    const { add, db, campaigns } = await setup();
    const d4 = await add({ title: 'D4, campaign 1', district: 'District 4', campaignId: campaigns[0] });
    const d7 = await add({ title: 'D7, campaign 2', district: 'District 7', campaignId: campaigns[1], issueArea: 'Housing' });
    await add({ title: 'D4 but withdrawn', district: 'District 4', campaignId: campaigns[0], consent: { withdrawnOn: '2026-04-01' } });
    await add({ title: 'D4 but media only', district: 'District 4', campaignId: campaigns[0], consent: { uses: ['media'] } });

    const inD4 = await usableStories(db, { use: 'policymakers', day: '2026-06-01', district: 'District 4' });
    expect(inD4.map((s) => s.id)).toEqual([d4]);
    expect((await usableStories(db, { use: 'policymakers', day: '2026-06-01', campaignIds: [campaigns[1]] })).map((s) => s.id)).toEqual([d7]);
    expect((await usableStories(db, { use: 'policymakers', day: '2026-06-01', campaignIds: [...campaigns] })).map((s) => s.id).sort()).toEqual([d4, d7].sort());
    expect(await usableStories(db, { use: 'policymakers', day: '2026-06-01', campaignIds: [] })).toEqual([]);
    expect((await usableStories(db, { use: 'policymakers', day: '2026-06-01', issueArea: 'Housing' })).map((s) => s.id)).toEqual([d7]);
    expect(await usableStories(db, { use: 'policymakers', day: '2026-06-01', district: 'District 9' })).toEqual([]);
    expect(await usableStories(db, { use: 'policymakers', day: '2026-06-01', limit: 1 })).toHaveLength(1);
  });

  it('serves the named text with the name, or the anonymized text as Anonymous where required', async () => {
    const { add, db } = await setup();
    const namedId = await add({ title: 'Named' });
    const asked = await add({ title: 'Asked for anonymity', consent: { anonymize: true } });
    const anonymous = await add({ title: 'Anonymous storyteller', storytellerPersonId: null });
    await add({ title: 'Anonymity without a version', anonymizedText: '', consent: { anonymize: true } });
    await add({ title: 'Anonymous without a version', storytellerPersonId: null, anonymizedText: '   ' });

    const stories = await usableStories(db, { use: 'policymakers', day: '2026-06-01' });
    const byId = new Map(stories.map((s) => [s.id, s]));
    expect([...byId.keys()].sort()).toEqual([namedId, asked, anonymous].sort());
    const base = storyInput();
    expect(byId.get(namedId)).toMatchObject({ text: base.text, storyteller: 'Maria Rivera', anonymized: false, district: 'District 4', issueArea: 'Healthcare access' });
    for (const id of [asked, anonymous]) {
      expect(byId.get(id)).toMatchObject({ text: base.anonymizedText, storyteller: 'Anonymous', anonymized: true });
      expect(JSON.stringify(byId.get(id))).not.toContain('Maria');
    }
  });

  it('follows consent changes: a withdrawal recorded later removes the story from that day on', async () => {
    const { backend, add, db, maria } = await setup();
    const id = await add({ title: 'Changing consent' });
    expect(await usableStories(db, { use: 'policymakers', day: '2026-08-01' })).toHaveLength(1);
    const base = storyInput({ storytellerPersonId: maria.id });
    await ok(backend, 'stories.update', { id, story: { ...base, title: 'Changing consent', consent: { ...base.consent, withdrawnOn: '2026-07-20', withdrawalNote: 'Changed her mind' } }, today: '2026-08-01' });
    expect(await usableStories(db, { use: 'policymakers', day: '2026-08-01' })).toEqual([]);
    expect(await usableStories(db, { use: 'policymakers', day: '2026-07-19' })).toHaveLength(1);
  });
});
