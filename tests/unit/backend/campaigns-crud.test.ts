import { describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import type { Backend } from '../../../electron/backend/backend';
import { fails, issuesOf, ok, useBackend } from '../../support/backend';
import { addOrganization, countRows, foreignKeyProblems } from '../../support/people';
import { draftInput } from '../../support/samples';

function campaignInput(overrides: Partial<Input<'campaigns.save'>> = {}): Input<'campaigns.save'> {
  return {
    name: 'Fund the Tenant Right to Counsel',
    ask: 'Fund free counsel for every tenant facing eviction.',
    goalId: null,
    status: 'planning',
    startsOn: '2026-01-15',
    endsOn: '2026-12-31',
    leadWorkingGroupId: null,
    notes: '',
    ...overrides,
  };
}

async function workingGroup(backend: Backend, name = 'Housing justice') {
  return ok(backend, 'structure.workingGroups.save', { name, focusIssueArea: null, description: '', objectives: '', status: 'active', goalIds: [] });
}

describe('campaigns', () => {
  it('creates, lists by status, changes and keeps the status history, with the goal category and lead group', async () => {
    const { backend } = await useBackend();
    const draft = await ok(backend, 'charter.saveDraft', draftInput());
    const goal = draft.goals[0];
    const group = await workingGroup(backend);
    const created = await ok(backend, 'campaigns.save', campaignInput({ goalId: goal?.id ?? null, leadWorkingGroupId: group.id }));
    expect(created).toMatchObject({
      name: 'Fund the Tenant Right to Counsel',
      status: 'planning',
      goal: { id: goal?.id, title: goal?.title, category: goal?.category },
      leadWorkingGroup: { id: group.id, name: 'Housing justice' },
      partnerCount: 0,
      messageCount: 0,
    });
    const other = await ok(backend, 'campaigns.save', campaignInput({ name: 'Transit passes for students', status: 'active' }));

    expect((await ok(backend, 'campaigns.list', {})).map((c) => c.name)).toEqual(['Transit passes for students', 'Fund the Tenant Right to Counsel']);
    expect((await ok(backend, 'campaigns.list', { statuses: ['planning'] })).map((c) => c.id)).toEqual([created.id]);

    const active = await ok(backend, 'campaigns.save', { ...campaignInput({ status: 'active' }), id: created.id });
    expect(active.statusHistory.map((h) => h.status)).toEqual(['planning', 'active']);
    // Saving without a status change adds nothing to the history.
    const renamed = await ok(backend, 'campaigns.save', { ...campaignInput({ status: 'active', name: 'Right to Counsel' }), id: created.id });
    expect(renamed.statusHistory).toHaveLength(2);
    expect(renamed.name).toBe('Right to Counsel');
    expect(renamed.goal).toBeNull();

    const backwards = await fails(backend, 'campaigns.save', campaignInput({ startsOn: '2026-05-01', endsOn: '2026-04-01' }));
    expect(issuesOf(backwards)).toEqual([{ path: 'endsOn', message: 'The campaign cannot end before it starts.' }]);
    const badStatus = await fails(backend, 'campaigns.save', { ...campaignInput(), status: 'finished' });
    expect(issuesOf(badStatus)).toEqual([{ path: 'status', message: 'Choose planning, active, won, lost or paused.' }]);
    const noGroup = await fails(backend, 'campaigns.save', campaignInput({ leadWorkingGroupId: other.id }));
    expect([noGroup.code, issuesOf(noGroup)[0]?.path]).toEqual(['not_found', 'leadWorkingGroupId']);
  });

  it('keeps partner organizations with one role each, and a deleted or merged organization takes its rows along (undoably)', async () => {
    const { backend, path } = await useBackend();
    const campaign = await ok(backend, 'campaigns.save', campaignInput());
    const [union, clinic, church] = [await addOrganization(backend, 'Tenant Union'), await addOrganization(backend, 'Eastside Clinic'), await addOrganization(backend, 'First Church')];
    await ok(backend, 'campaigns.participants.save', { campaignId: campaign.id, organizationId: clinic, role: 'supporter' });
    await ok(backend, 'campaigns.participants.save', { campaignId: campaign.id, organizationId: union, role: 'co_sponsor' });
    // The same organization again changes its role, never a second row.
    await ok(backend, 'campaigns.participants.save', { campaignId: campaign.id, organizationId: union, role: 'lead' });
    await ok(backend, 'campaigns.participants.save', { campaignId: campaign.id, organizationId: church, role: 'co_sponsor' });
    const page = await ok(backend, 'campaigns.get', { id: campaign.id });
    expect(page.participants.map((p) => [p.organization.name, p.role])).toEqual([
      ['Tenant Union', 'lead'],
      ['First Church', 'co_sponsor'],
      ['Eastside Clinic', 'supporter'],
    ]);
    const badRole = await fails(backend, 'campaigns.participants.save', { campaignId: campaign.id, organizationId: union, role: 'sponsor' });
    expect(issuesOf(badRole)).toEqual([{ path: 'role', message: 'Choose lead, co-sponsor or supporter.' }]);

    // An event co-hosted by the clinic and the church, a count reported by the clinic.
    const event = await ok(backend, 'campaigns.events.save', {
      campaignId: campaign.id,
      kind: 'rally',
      title: 'Rally at City Hall',
      startsAt: '2026-05-01T16:00:00Z',
      endsAt: '2026-05-01T18:00:00Z',
      timeZone: 'UTC',
      location: 'City Hall steps',
      description: '',
      rsvps: 300,
      attendance: null,
      peopleReached: null,
      cohostIds: [clinic, church],
    });
    const count = await ok(backend, 'campaigns.grassroots.save', {
      campaignId: campaign.id,
      kind: 'call',
      count: 40,
      officialId: null,
      district: 'Ward 2',
      on: '2026-04-02',
      reportedByOrganizationId: clinic,
      notes: '',
    });

    // Merge the clinic into the church: the church keeps its stronger role (co-sponsor), one co-host row, and the count.
    await ok(backend, 'duplicates.merge', { entity: 'organization', survivorId: church, mergedId: clinic, fields: {} });
    const merged = await ok(backend, 'campaigns.get', { id: campaign.id });
    expect(merged.participants.map((p) => [p.organization.name, p.role])).toEqual([
      ['Tenant Union', 'lead'],
      ['First Church', 'co_sponsor'],
    ]);
    expect(merged.events[0]?.cohosts.map((h) => h.name)).toEqual(['First Church']);
    expect((await ok(backend, 'campaigns.grassroots.list', { campaignId: campaign.id }))[0]?.reportedBy).toEqual({ id: church, name: 'First Church' });

    // Deleting the church clears it everywhere; undo brings every row back.
    await ok(backend, 'organizations.delete', { id: church });
    const after = await ok(backend, 'campaigns.get', { id: campaign.id });
    expect(after.participants.map((p) => p.organization.name)).toEqual(['Tenant Union']);
    expect(after.events[0]?.cohosts).toEqual([]);
    expect((await ok(backend, 'campaigns.grassroots.list', { campaignId: campaign.id }))[0]?.reportedBy).toBeNull();
    expect(foreignKeyProblems(path)).toEqual([]);
    await ok(backend, 'history.undo', {});
    const restored = await ok(backend, 'campaigns.get', { id: campaign.id });
    expect(restored.participants.map((p) => p.organization.name)).toEqual(['Tenant Union', 'First Church']);
    expect(restored.events.find((e) => e.id === event.id)?.cohosts.map((h) => h.name)).toEqual(['First Church']);
    expect((await ok(backend, 'campaigns.grassroots.list', { campaignId: campaign.id })).find((a) => a.id === count.id)?.reportedBy?.name).toBe('First Church');

    const partner = restored.participants.find((p) => p.organization.name === 'Tenant Union');
    await ok(backend, 'campaigns.participants.remove', { id: partner?.id ?? '' });
    expect(countRows(path, 'campaign_participants')).toBe(1);
  });

  it('deletes a campaign with its parts, refuses while events, petitions or counts refer to it, and undo brings it back', async () => {
    const { backend, path } = await useBackend();
    const campaign = await ok(backend, 'campaigns.save', campaignInput());
    const union = await addOrganization(backend, 'Tenant Union');
    await ok(backend, 'campaigns.participants.save', { campaignId: campaign.id, organizationId: union, role: 'lead' });
    await ok(backend, 'campaigns.messages.save', { campaignId: campaign.id, audience: 'media', title: 'Counsel works', message: '', talkingPoints: [], facts: [] });
    const petition = await ok(backend, 'campaigns.petitions.save', {
      campaignId: campaign.id,
      title: 'Counsel for every tenant',
      targetOfficialId: null,
      targetText: 'City Council',
      goal: 1000,
      launchedOn: null,
      deliveredOn: null,
      description: '',
    });
    await ok(backend, 'campaigns.grassroots.save', { campaignId: campaign.id, kind: 'letter', count: 5, officialId: null, district: '', on: '2026-03-01', reportedByOrganizationId: null, notes: '' });

    const refused = await fails(backend, 'campaigns.delete', { id: campaign.id });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe(
      'The campaign “Fund the Tenant Right to Counsel” still has 1 grassroots action and 1 petition. Delete or move them first, or mark the campaign won, lost or paused instead.',
    );
    expect(countRows(path, 'campaigns')).toBe(1);

    await ok(backend, 'campaigns.petitions.delete', { id: petition.id });
    const [action] = await ok(backend, 'campaigns.grassroots.list', { campaignId: campaign.id });
    await ok(backend, 'campaigns.grassroots.delete', { id: action?.id ?? '' });
    await ok(backend, 'campaigns.delete', { id: campaign.id });
    for (const table of ['campaigns', 'campaign_participants', 'key_messages', 'campaign_status_changes']) expect(countRows(path, table)).toBe(0);
    expect((await ok(backend, 'history.batches', { limit: 1 })).batches[0]?.summary).toBe('Deleted Fund the Tenant Right to Counsel');
    await ok(backend, 'history.undo', {});
    const back = await ok(backend, 'campaigns.get', { id: campaign.id });
    expect([back.participants.length, back.messages.length, back.statusHistory.length]).toEqual([1, 1, 1]);
    const missing = await fails(backend, 'campaigns.get', { id: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' });
    expect([missing.code, missing.message]).toEqual(['not_found', 'Campaign 6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b does not exist (it may have been deleted).']);
  });

  it('undoes the creation of a campaign as one step', async () => {
    const { backend, path } = await useBackend();
    await ok(backend, 'campaigns.save', campaignInput({ name: 'Clean air for schools' }));
    expect((await ok(backend, 'history.batches', { limit: 1 })).batches[0]?.summary).toBe('Started the campaign Clean air for schools');
    await ok(backend, 'history.undo', {});
    expect(countRows(path, 'campaigns')).toBe(0);
    expect(countRows(path, 'campaign_status_changes')).toBe(0);
  });

  it('a goal leaving the charter draft and a deleted working group leave their campaigns without them', async () => {
    const { backend, path } = await useBackend();
    const draft = await ok(backend, 'charter.saveDraft', draftInput());
    const [goal, ...rest] = draft.goals;
    const group = await workingGroup(backend);
    const campaign = await ok(backend, 'campaigns.save', campaignInput({ goalId: goal?.id ?? null, leadWorkingGroupId: group.id }));
    await ok(backend, 'charter.saveDraft', { mission: draft.mission, vision: draft.vision, values: draft.values, goals: rest });
    await ok(backend, 'structure.workingGroups.delete', { id: group.id });
    const after = await ok(backend, 'campaigns.get', { id: campaign.id });
    expect([after.goal, after.leadWorkingGroup]).toEqual([null, null]);
    expect(foreignKeyProblems(path)).toEqual([]);
  });

  it('a deleted campaign or public event leaves the in-kind support and fundraising for it in place, unlinked; undo links them again', async () => {
    const { backend, path } = await useBackend();
    const campaign = await ok(backend, 'campaigns.save', campaignInput());
    const event = await ok(backend, 'campaigns.events.save', {
      campaignId: null, kind: 'rally', title: 'Rally at city hall', startsAt: '2026-05-12T16:00:00.000Z', endsAt: '2026-05-12T18:00:00.000Z', timeZone: 'UTC',
      location: 'City hall steps', description: '', rsvps: 40, attendance: null, peopleReached: null, cohostIds: [],
    });
    const printer = await addOrganization(backend, 'Eastside Print Co-op');
    const inKind = (supportedCampaignId: string | null, supportedEventId: string | null) => ({
      contributorOrganizationId: printer, contributorPersonId: null, kind: 'materials' as const, description: 'Posters', hours: null, quantity: 200, valueMinor: 15_000,
      currency: 'USD', givenOn: '2026-03-10', supportedMeetingId: null, supportedCampaignId, supportedEventId, notes: '',
    });
    const forCampaign = await ok(backend, 'inKind.save', { inKind: inKind(campaign.id, null) });
    const forEvent = await ok(backend, 'inKind.save', { inKind: inKind(null, event.id) });
    const fund = await ok(backend, 'fundraising.create', {
      name: 'Counsel fund', purpose: 'advocacy_campaign', campaignId: campaign.id, goalMinor: 100_000, currency: 'USD', startsOn: null, endsOn: null, leadOrganizationId: null, leadPersonId: null, notes: '',
    });

    await ok(backend, 'campaigns.delete', { id: campaign.id });
    await ok(backend, 'campaigns.events.delete', { id: event.id });
    expect(foreignKeyProblems(path)).toEqual([]);
    const links = async () => (await ok(backend, 'inKind.list', {})).rows.map((k) => [k.id, k.supportedCampaign?.id ?? null, k.supportedEvent?.id ?? null]);
    expect(await links()).toEqual(expect.arrayContaining([[forCampaign.id, null, null], [forEvent.id, null, null]]));
    expect((await ok(backend, 'fundraising.get', { id: fund.id })).campaignId).toBeNull();
    expect(countRows(path, 'in_kind_contributions')).toBe(2);

    await ok(backend, 'history.undo', {});
    await ok(backend, 'history.undo', {});
    expect(await links()).toEqual(expect.arrayContaining([[forCampaign.id, campaign.id, null], [forEvent.id, null, event.id]]));
    expect((await ok(backend, 'campaigns.get', { id: campaign.id })).name).toBe('Fund the Tenant Right to Counsel');
    expect((await ok(backend, 'fundraising.get', { id: fund.id })).campaignId).toBe(campaign.id);
    expect(foreignKeyProblems(path)).toEqual([]);
  });
});
