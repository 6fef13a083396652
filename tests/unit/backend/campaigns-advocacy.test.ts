import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Input } from '@shared/contract';
import type { Backend } from '../../../electron/backend/backend';
import { grassrootsTotals } from '../../../electron/backend/campaigns/grassroots';
import { approvedMessages } from '../../../electron/backend/campaigns/messages';
import type { Database } from '../../../electron/backend/db/schema';
import { fails, issuesOf, ok, useBackend, withSqlite } from '../../support/backend';
import { addOrganization, countRows, foreignKeyProblems } from '../../support/people';

// Key messages, grassroots counts, petitions, public events (with their meetings) and the
// timeline, on a real workspace; approvedMessages and grassrootsTotals read it the way the
// briefing packet and the metrics do, through a connection of their own.

async function campaign(backend: Backend, name: string) {
  return ok(backend, 'campaigns.save', { name, ask: '', goalId: null, status: 'active', startsOn: null, endsOn: null, leadWorkingGroupId: null, notes: '' });
}

function message(campaignId: string, overrides: Partial<Input<'campaigns.messages.save'>> = {}): Input<'campaigns.messages.save'> {
  return {
    campaignId,
    audience: 'policymakers',
    title: 'Counsel keeps families housed',
    message: 'Tenants with a lawyer stay in their homes.',
    talkingPoints: ['Nine in ten represented tenants avoid eviction.', 'Shelter costs more than counsel.'],
    facts: [{ text: '86% of represented tenants stayed housed.', source: 'Legal Aid annual report', on: '2026-01-10' }],
    ...overrides,
  };
}

function reader(path: string): Kysely<Database> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(path, { readonly: true }) }) });
  onTestFinished(() => db.destroy());
  return db;
}

/** Officials belong to the policy domain: the tests insert the bare rows grassroots counts point at. */
function addOfficials(path: string, officials: Record<string, string>): void {
  withSqlite(path, (db) => {
    for (const [id, name] of Object.entries(officials)) {
      db.prepare("insert into officials (id, name, level, created_at, updated_at) values (?, ?, 'local', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run(id, name);
    }
  });
}

const MAYOR = '20000000-0000-4000-8000-000000000001';
const SENATOR = '20000000-0000-4000-8000-000000000002';

describe('key messages', () => {
  it('go from draft to approved (by the caller or a chosen name); editing the content returns them to draft; only approved ones reach documents', async () => {
    const { backend, path } = await useBackend();
    const counsel = await campaign(backend, 'Right to Counsel');
    const transit = await campaign(backend, 'Student transit passes');
    const draft = await ok(backend, 'campaigns.messages.save', message(counsel.id));
    expect(draft).toMatchObject({ status: 'draft', approvedBy: null, approvedAt: null, talkingPoints: ['Nine in ten represented tenants avoid eviction.', 'Shelter costs more than counsel.'] });

    const approved = await ok(backend, 'campaigns.messages.approve', { id: draft.id, approvedBy: 'Steering committee' });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Steering committee' });
    expect(approved.approvedAt).not.toBeNull();
    expect((await ok(backend, 'history.batches', { limit: 1 })).batches[0]?.summary).toBe('Approved the key message “Counsel keeps families housed” of Right to Counsel');
    // Without a name, the approval is the coordinator's making the call.
    const media = await ok(backend, 'campaigns.messages.save', message(counsel.id, { audience: 'media', title: 'A lawyer for every tenant' }));
    const byActor = await ok(backend, 'campaigns.messages.approve', { id: media.id, approvedBy: '' });
    expect(byActor.approvedBy).toBeTruthy();
    await ok(backend, 'campaigns.messages.save', message(transit.id, { audience: 'public', title: 'Free passes fill classrooms' }));

    // Saving it unchanged keeps the approval; changing the order of the talking points does not.
    expect((await ok(backend, 'campaigns.messages.save', { ...message(counsel.id), id: draft.id })).status).toBe('approved');
    const reordered = await ok(backend, 'campaigns.messages.save', { ...message(counsel.id, { talkingPoints: ['Shelter costs more than counsel.', 'Nine in ten represented tenants avoid eviction.'] }), id: draft.id });
    expect(reordered).toMatchObject({ status: 'draft', approvedBy: null, approvedAt: null });

    const db = reader(path);
    {
      expect((await approvedMessages(db, [counsel.id, transit.id])).map((m) => m.title)).toEqual(['A lawyer for every tenant']);
      expect(await approvedMessages(db, [counsel.id], 'policymakers')).toEqual([]);
      await ok(backend, 'campaigns.messages.approve', { id: draft.id, approvedBy: 'Ana Soto' });
      expect((await approvedMessages(db, [counsel.id], 'policymakers')).map((m) => [m.title, m.approvedBy, m.facts[0]?.source])).toEqual([
        ['Counsel keeps families housed', 'Ana Soto', 'Legal Aid annual report'],
      ]);
      await ok(backend, 'campaigns.messages.reopen', { id: media.id });
      expect((await approvedMessages(db, [counsel.id, transit.id])).map((m) => m.audience)).toEqual(['policymakers']);
    }

    const empty = await fails(backend, 'campaigns.messages.save', message(counsel.id, { title: ' ', talkingPoints: [''] }));
    expect(issuesOf(empty)).toEqual([
      { path: 'title', message: 'Headline is required.' },
      { path: 'talkingPoints.0', message: 'Talking point is required.' },
    ]);
    const audience = await fails(backend, 'campaigns.messages.save', { ...message(counsel.id), audience: 'donors' });
    expect(issuesOf(audience)).toEqual([{ path: 'audience', message: 'Choose policymakers, media, public or members.' }]);
  });
});

function count(campaignId: string, overrides: Partial<Input<'campaigns.grassroots.save'>> = {}): Input<'campaigns.grassroots.save'> {
  return { campaignId, kind: 'letter', count: 10, officialId: null, district: '', on: '2026-04-01', reportedByOrganizationId: null, notes: '', ...overrides };
}

describe('grassroots counts', () => {
  it('add up by kind, campaign, official and district, within a period', async () => {
    const { backend, path } = await useBackend();
    addOfficials(path, { [MAYOR]: 'Mayor Lena Ortiz', [SENATOR]: 'Sen. Raj Patel' });
    const counsel = await campaign(backend, 'Right to Counsel');
    const transit = await campaign(backend, 'Student transit passes');
    const union = await addOrganization(backend, 'Tenant Union');
    await ok(backend, 'campaigns.grassroots.save', count(counsel.id, { kind: 'letter', count: 120, officialId: MAYOR, district: 'Ward 4', on: '2026-03-02', reportedByOrganizationId: union }));
    await ok(backend, 'campaigns.grassroots.save', count(counsel.id, { kind: 'call', count: 45, officialId: MAYOR, district: 'Ward 2', on: '2026-03-20' }));
    await ok(backend, 'campaigns.grassroots.save', count(counsel.id, { kind: 'visit', count: 3, officialId: SENATOR, district: 'Ward 4', on: '2026-04-15' }));
    await ok(backend, 'campaigns.grassroots.save', count(transit.id, { kind: 'email', count: 300, officialId: SENATOR, district: 'Ward 9', on: '2026-04-16' }));
    await ok(backend, 'campaigns.grassroots.save', count(transit.id, { kind: 'petition_signature', count: 900, on: '2026-05-01' }));
    expect((await ok(backend, 'history.batches', { limit: 1 })).batches[0]?.summary).toBe('Recorded 900 petition signatures for Student transit passes');

    const db = reader(path);
    const all = await grassrootsTotals(db, {});
    expect(all.total).toBe(1368);
    expect(all.byKind).toEqual({ letter: 120, call: 45, email: 300, petition_signature: 900, visit: 3 });
    expect(all.byCampaign.map((c) => [c.name, c.total])).toEqual([
      ['Student transit passes', 1200],
      ['Right to Counsel', 168],
    ]);
    expect(all.byOfficial.map((o) => [o.name, o.total])).toEqual([
      ['No target official', 900],
      ['Sen. Raj Patel', 303],
      ['Mayor Lena Ortiz', 165],
    ]);
    expect(all.byDistrict).toEqual([
      { district: '', total: 900 },
      { district: 'Ward 9', total: 300 },
      { district: 'Ward 4', total: 123 },
      { district: 'Ward 2', total: 45 },
    ]);
    // One official, one district, one campaign, one period (days inclusive).
    expect((await grassrootsTotals(db, { officialId: MAYOR })).total).toBe(165);
    expect((await grassrootsTotals(db, { district: 'Ward 4' })).byCampaign).toEqual([{ id: counsel.id, name: 'Right to Counsel', total: 123 }]);
    expect((await grassrootsTotals(db, { campaignId: counsel.id, from: '2026-03-20', to: '2026-04-15' })).byKind).toEqual({ letter: 0, call: 45, email: 0, petition_signature: 0, visit: 3 });
    expect(await ok(backend, 'campaigns.grassroots.totals', { officialId: SENATOR, district: 'Ward 4' })).toMatchObject({ total: 3, byKind: { visit: 3 } });
    const listed = await ok(backend, 'campaigns.grassroots.list', { campaignId: counsel.id });
    expect(listed.map((a) => [a.on, a.kind, a.count, a.official?.name, a.reportedBy?.name ?? null])).toEqual([
      ['2026-04-15', 'visit', 3, 'Sen. Raj Patel', null],
      ['2026-03-20', 'call', 45, 'Mayor Lena Ortiz', null],
      ['2026-03-02', 'letter', 120, 'Mayor Lena Ortiz', 'Tenant Union'],
    ]);

    const zero = await fails(backend, 'campaigns.grassroots.save', count(counsel.id, { count: 0 }));
    expect(issuesOf(zero)).toEqual([{ path: 'count', message: 'Count must be at least 1.' }]);
    const nobody = await fails(backend, 'campaigns.grassroots.save', count(counsel.id, { officialId: '20000000-0000-4000-8000-000000000009' }));
    expect([nobody.code, issuesOf(nobody)[0]?.path]).toEqual(['not_found', 'officialId']);
    const period = await fails(backend, 'campaigns.grassroots.totals', { from: '2026-05-01', to: '2026-04-01' });
    expect(issuesOf(period)).toEqual([{ path: 'to', message: 'The period cannot end before it starts.' }]);
  });
});

describe('petitions', () => {
  it('track the signature count over time (one per day) and the progress toward the goal', async () => {
    const { backend } = await useBackend();
    const counsel = await campaign(backend, 'Right to Counsel');
    const input: Input<'campaigns.petitions.save'> = {
      campaignId: counsel.id,
      title: 'Counsel for every tenant',
      targetOfficialId: null,
      targetText: 'City Council',
      goal: 4000,
      launchedOn: '2026-02-01',
      deliveredOn: null,
      description: '',
    };
    const petition = await ok(backend, 'campaigns.petitions.save', input);
    expect([petition.signatures, petition.progress, petition.counts]).toEqual([0, 0, []]);
    await ok(backend, 'campaigns.petitions.recordCount', { petitionId: petition.id, on: '2026-03-01', signatures: 1000 });
    await ok(backend, 'campaigns.petitions.recordCount', { petitionId: petition.id, on: '2026-02-15', signatures: 400 });
    const counted = await ok(backend, 'campaigns.petitions.recordCount', { petitionId: petition.id, on: '2026-03-01', signatures: 1500 });
    expect(counted.counts.map((c) => [c.on, c.signatures])).toEqual([
      ['2026-02-15', 400],
      ['2026-03-01', 1500],
    ]);
    expect([counted.signatures, counted.progress]).toEqual([1500, 0.375]);
    expect((await ok(backend, 'history.batches', { limit: 1 })).batches[0]?.summary).toBe('Recorded 1,500 signatures on the petition “Counsel for every tenant”');
    const latest = counted.counts.find((c) => c.on === '2026-03-01');
    const back = await ok(backend, 'campaigns.petitions.removeCount', { id: latest?.id ?? '' });
    expect([back.signatures, back.progress]).toEqual([400, 0.1]);
    await ok(backend, 'campaigns.petitions.recordCount', { petitionId: petition.id, on: '2026-04-01', signatures: 4400 });
    const [summary] = await ok(backend, 'campaigns.petitions.list', { campaignId: counsel.id });
    expect([summary?.signatures, summary?.progress]).toEqual([4400, 1.1]);

    const noTarget = await fails(backend, 'campaigns.petitions.save', { ...input, id: petition.id, targetText: '' });
    expect(issuesOf(noTarget)).toEqual([{ path: 'targetText', message: 'Name the target: an official, or who the petition is addressed to.' }]);
    const early = await fails(backend, 'campaigns.petitions.save', {
      campaignId: counsel.id,
      title: 'Early',
      targetOfficialId: null,
      targetText: 'Council',
      goal: 10,
      launchedOn: '2026-02-01',
      deliveredOn: '2026-01-01',
      description: '',
    });
    expect(issuesOf(early)).toEqual([{ path: 'deliveredOn', message: 'A petition cannot be delivered before it is launched.' }]);
  });
});

function event(campaignId: string | null, overrides: Partial<Input<'campaigns.events.save'>> = {}): Input<'campaigns.events.save'> {
  return {
    campaignId,
    kind: 'community_forum',
    title: 'Eastside tenants forum',
    startsAt: '2026-05-12T23:00:00.000Z',
    endsAt: '2026-05-13T01:00:00.000Z',
    timeZone: 'America/Chicago',
    location: 'Eastside Library',
    description: '',
    rsvps: 80,
    attendance: null,
    peopleReached: null,
    cohostIds: [],
    ...overrides,
  };
}

describe('public events', () => {
  it('put a meeting on the calendar, keep it in step and take it along when deleted', async () => {
    const { backend, path } = await useBackend();
    const counsel = await campaign(backend, 'Right to Counsel');
    const forum = await ok(backend, 'campaigns.events.save', event(counsel.id));
    const range = { from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };
    const [meeting] = (await ok(backend, 'meetings.range', range)).meetings;
    expect(meeting).toMatchObject({ id: forum.meetingId, type: 'town_hall', title: 'Eastside tenants forum', startsAt: '2026-05-12T23:00:00.000Z', timeZone: 'America/Chicago', location: 'Eastside Library' });
    // One call, one undo step: the event and its meeting.
    await ok(backend, 'history.undo', {});
    expect([countRows(path, 'public_events'), countRows(path, 'meetings')]).toEqual([0, 0]);
    const again = await ok(backend, 'campaigns.events.save', event(counsel.id));

    const rally = await ok(backend, 'campaigns.events.save', { ...event(counsel.id), id: again.id, kind: 'rally', title: 'Rally for counsel', startsAt: '2026-05-20T15:00:00.000Z', endsAt: '2026-05-20T17:00:00.000Z', attendance: 240, peopleReached: 5000 });
    expect(rally.meetingId).toBe(again.meetingId);
    expect((await ok(backend, 'meetings.range', range)).meetings.map((m) => [m.type, m.title, m.startsAt])).toEqual([['other', 'Rally for counsel', '2026-05-20T15:00:00.000Z']]);
    expect((await ok(backend, 'campaigns.get', { id: counsel.id })).events.map((e) => [e.title, e.attendance, e.peopleReached])).toEqual([['Rally for counsel', 240, 5000]]);

    // A meeting deleted from the calendar unlinks its event; saving the event puts it back.
    await ok(backend, 'meetings.delete', { id: rally.meetingId ?? '' });
    expect((await ok(backend, 'campaigns.events.list', { campaignId: counsel.id }))[0]?.meetingId).toBeNull();
    const restored = await ok(backend, 'campaigns.events.save', { ...event(counsel.id), id: again.id });
    expect((await ok(backend, 'meetings.range', range)).meetings.map((m) => m.id)).toEqual([restored.meetingId]);

    await ok(backend, 'campaigns.events.delete', { id: again.id });
    expect((await ok(backend, 'meetings.range', range)).meetings).toEqual([]);
    expect([countRows(path, 'public_events'), countRows(path, 'meetings')]).toEqual([0, 0]);
    expect(foreignKeyProblems(path)).toEqual([]);

    const backwards = await fails(backend, 'campaigns.events.save', event(null, { endsAt: '2026-05-12T22:00:00.000Z' }));
    expect(issuesOf(backwards)).toEqual([{ path: 'endsAt', message: 'The event must end after it starts.' }]);
    const zone = await fails(backend, 'campaigns.events.save', event(null, { timeZone: '+02:00' }));
    expect(issuesOf(zone)[0]?.path).toBe('timeZone');
  });
});

describe('the campaign timeline', () => {
  it('merges status changes, approved messages, events, petitions and grassroots days, newest first', async () => {
    const { backend, path } = await useBackend();
    const counsel = await campaign(backend, 'Right to Counsel');
    const draft = await ok(backend, 'campaigns.messages.save', message(counsel.id));
    await ok(backend, 'campaigns.messages.save', message(counsel.id, { audience: 'public', title: 'Still a draft' }));
    await ok(backend, 'campaigns.messages.approve', { id: draft.id, approvedBy: 'Steering committee' });
    await ok(backend, 'campaigns.events.save', event(counsel.id, { attendance: 118 }));
    const petition = await ok(backend, 'campaigns.petitions.save', {
      campaignId: counsel.id,
      title: 'Counsel for every tenant',
      targetOfficialId: null,
      targetText: 'City Council',
      goal: 4000,
      launchedOn: '2026-02-01',
      deliveredOn: '2026-05-20',
      description: '',
    });
    await ok(backend, 'campaigns.petitions.recordCount', { petitionId: petition.id, on: '2026-05-19', signatures: 4210 });
    await ok(backend, 'campaigns.grassroots.save', count(counsel.id, { kind: 'letter', count: 120, on: '2026-04-20' }));
    await ok(backend, 'campaigns.grassroots.save', count(counsel.id, { kind: 'call', count: 40, on: '2026-04-20' }));
    // Dated stamps are the call's; set them to known days to check the order.
    withSqlite(path, (db) => {
      db.prepare("update campaign_status_changes set changed_on = '2026-01-15'").run();
      db.prepare("update key_messages set approved_at = '2026-03-01T10:00:00.000Z' where status = 'approved'").run();
    });

    const timeline = await ok(backend, 'campaigns.timeline', { campaignId: counsel.id });
    const ours = timeline.filter((e) => ['campaign', 'message', 'event', 'petition', 'grassroots'].includes(e.kind));
    expect(ours.map((e) => [e.on, e.title])).toEqual([
      ['2026-05-20', 'Petition delivered: Counsel for every tenant (4,210 signatures)'],
      ['2026-05-12', 'Community forum: Eastside tenants forum (118 attended)'],
      ['2026-04-20', 'Grassroots: 40 calls, 120 letters reported'],
      ['2026-03-01', 'Key message for policymakers approved by Steering committee: Counsel keeps families housed'],
      ['2026-02-01', 'Petition launched: Counsel for every tenant'],
      ['2026-01-15', 'Status: Active'],
    ]);
    expect(ours[0]?.link).toBe(`/advocacy/petitions/${petition.id}`);
    const dates = timeline.map((e) => e.on);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});
