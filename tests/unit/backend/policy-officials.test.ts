import { describe, expect, it } from 'vitest';
import { fails, issuesOf, ok, useBackend } from '../../support/backend';
import { addOrganization, addPerson, foreignKeyProblems } from '../../support/people';
import { addBill, addCampaign, addOfficial, officialInput } from '../../support/policy';

describe('officials, committees and staffers', () => {
  it('creates an official with committees and staffers, edits them in place and lists by every filter', async () => {
    const { backend } = await useBackend();
    const body = await ok(backend, 'policy.bodies.create', { name: 'City Council', kind: 'city_council', level: 'local', jurisdiction: 'Riverside', responsibilities: 'Local ordinances', website: '', email: '', phone: '', notes: '' });
    const health = await ok(backend, 'policy.committees.create', { name: 'Health', bodyId: body.id, description: '' });
    const budget = await ok(backend, 'policy.committees.create', { name: 'Budget', bodyId: body.id, description: '' });
    const created = await ok(backend, 'policy.officials.create', officialInput({
      bodyId: body.id,
      party: 'Green',
      committees: [{ committeeId: health.id, role: 'chair' }],
      staffers: [{ name: 'Tomás Ruiz', role: 'Scheduler', email: 'tomas@example.gov', phone: '' }],
    }));
    expect(created.committees).toEqual([{ committeeId: health.id, name: 'Health', role: 'chair' }]);
    expect(created.staffers.map((s) => [s.name, s.role])).toEqual([['Tomás Ruiz', 'Scheduler']]);
    const stafferId = created.staffers[0]?.id as string;

    const updated = await ok(backend, 'policy.officials.update', {
      id: created.id,
      official: officialInput({
        bodyId: body.id,
        party: 'Green',
        committees: [{ committeeId: health.id, role: 'member' }, { committeeId: budget.id, role: 'vice_chair' }],
        staffers: [{ id: stafferId, name: 'Tomás Ruiz', role: 'Chief of staff', email: '', phone: '' }, { name: 'Li Wei', role: 'Policy aide', email: '', phone: '' }],
      }),
    });
    expect(updated.committees.map((c) => [c.name, c.role])).toEqual([['Budget', 'vice_chair'], ['Health', 'member']]);
    // The kept staffer keeps their id; the new one is added.
    expect(updated.staffers.map((s) => [s.id === stafferId, s.name, s.role])).toEqual([[false, 'Li Wei', 'Policy aide'], [true, 'Tomás Ruiz', 'Chief of staff']]);

    await addOfficial(backend, { name: 'Георгий Петров', level: 'state', party: 'Labour' });
    const list = async (filters: Partial<{ search: string; level: 'local' | 'state' | 'national' | null; bodyId: string | null; party: string | null; committeeId: string | null }>) =>
      (await ok(backend, 'policy.officials.list', { filters: { search: '', level: null, bodyId: null, party: null, committeeId: null, ...filters }, offset: 0, limit: 50 })).rows.map((r) => r.name);
    expect(await list({})).toEqual(['Ana Lúcia Ferreira', 'Георгий Петров']);
    expect(await list({ level: 'state' })).toEqual(['Георгий Петров']);
    expect(await list({ bodyId: body.id })).toEqual(['Ana Lúcia Ferreira']);
    expect(await list({ party: 'Labour' })).toEqual(['Георгий Петров']);
    expect(await list({ committeeId: budget.id })).toEqual(['Ana Lúcia Ferreira']);
    // Accent-insensitive search on the normalized name; the district too.
    expect(await list({ search: 'lucia' })).toEqual(['Ana Lúcia Ferreira']);
    expect(await list({ search: 'district 4' })).toEqual(['Ana Lúcia Ferreira', 'Георгий Петров']);
    expect(await ok(backend, 'policy.officials.parties', {})).toEqual(['Green', 'Labour']);

    // A body with officials cannot go; a committee can (its memberships go with it).
    const refused = await fails(backend, 'policy.bodies.delete', { id: body.id });
    expect(refused.code).toBe('conflict');
    await ok(backend, 'policy.committees.delete', { id: budget.id });
    expect((await ok(backend, 'policy.officials.get', { id: created.id })).committees.map((c) => c.name)).toEqual(['Health']);
  });

  it('refuses a committee or staffer that does not exist, naming the field, and an end before the start', async () => {
    const { backend } = await useBackend();
    const missing = '00000000-0000-4000-8000-000000000999';
    const error = await fails(backend, 'policy.officials.create', officialInput({ committees: [{ committeeId: missing, role: 'member' }] }));
    expect(error.code).toBe('not_found');
    expect(issuesOf(error).map((i) => i.path)).toEqual(['committees.0.committeeId']);
    const dates = await fails(backend, 'policy.officials.create', officialInput({ termStart: '2026-01-01', termEnd: '2025-01-01' }));
    expect(issuesOf(dates).map((i) => [i.path, i.message])).toEqual([['termEnd', 'The term must end after it starts.']]);
    const id = await addOfficial(backend);
    const staffer = await fails(backend, 'policy.officials.update', { id, official: officialInput({ staffers: [{ id: missing, name: 'X', role: '', email: '', phone: '' }] }) });
    expect(issuesOf(staffer).map((i) => i.path)).toEqual(['official.staffers.0.id']);
    expect(await ok(backend, 'policy.officials.list', { filters: { search: '', level: null, bodyId: null, party: null, committeeId: null }, offset: 0, limit: 10 })).toMatchObject({ total: 1 });
  });

  it('keeps relationship holders (people or organizations, one primary) and deletes an official with everything about them', async () => {
    const { backend } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const clinic = await addOrganization(backend, 'Eastside Clinic');
    const official = await addOfficial(backend, { staffers: [{ name: 'Li Wei', role: '', email: '', phone: '' }] });
    const holders = await ok(backend, 'policy.officials.setHolders', {
      officialId: official,
      holders: [
        { personId: null, organizationId: clinic, isPrimary: false, note: 'In the district' },
        { personId: maria, organizationId: null, isPrimary: true, note: 'Old colleague' },
      ],
    });
    expect(holders.map((h) => [h.name, h.isPrimary])).toEqual([['Maria Rivera', true], ['Eastside Clinic', false]]);
    const twoPrimaries = await fails(backend, 'policy.officials.setHolders', {
      officialId: official,
      holders: [
        { personId: maria, organizationId: null, isPrimary: true, note: '' },
        { personId: null, organizationId: clinic, isPrimary: true, note: '' },
      ],
    });
    expect(twoPrimaries.message).toContain('Only one relationship holder can be primary.');

    const bill = await addBill(backend, { sponsors: [{ officialId: official, role: 'primary' }] });
    const campaign = await addCampaign(backend);
    await ok(backend, 'policy.stances.record', { officialId: official, campaignId: campaign, billId: null, stance: 'supporter', statedOn: '2026-03-01', evidence: '', recordedBy: '' });
    await ok(backend, 'policy.actions.record', { officialId: official, billId: bill, action: 'voted_yes', actedOn: '2026-03-02', note: '' });
    await ok(backend, 'policy.campaignTargets.set', { campaignId: campaign, bills: [], officials: [{ officialId: official, note: '' }] });
    const other = await addOfficial(backend, { name: 'Kim Ha' });
    const shared = await ok(backend, 'policy.engagements.create', {
      kind: 'meeting', title: 'Joint briefing', occurredOn: '2026-04-01', startsAt: '2026-04-01T15:00:00Z', endsAt: '2026-04-01T16:00:00Z', timeZone: 'UTC', location: '',
      officials: [{ officialId: official, stafferId: null }, { officialId: other, stafferId: null }], attendeePersonIds: [maria], campaignId: null, billId: null,
      presented: [], presentedNote: '', outcome: '', followUp: '', followUpOwnerPersonId: null, followUpDueOn: null, followUpDone: false,
    });
    const alone = await ok(backend, 'policy.engagements.create', {
      kind: 'meeting', title: 'One-to-one', occurredOn: '2026-04-02', startsAt: '2026-04-02T15:00:00Z', endsAt: '2026-04-02T16:00:00Z', timeZone: 'UTC', location: '',
      officials: [{ officialId: official, stafferId: null }], attendeePersonIds: [], campaignId: null, billId: null,
      presented: [], presentedNote: '', outcome: '', followUp: '', followUpOwnerPersonId: null, followUpDueOn: null, followUpDone: false,
    });

    await ok(backend, 'policy.officials.delete', { id: official });
    await fails(backend, 'policy.officials.get', { id: official });
    // The shared engagement keeps the other official; the one left with nobody goes, with its planner meeting.
    expect((await ok(backend, 'policy.engagements.get', { id: shared.id })).officials.map((o) => o.name)).toEqual(['Kim Ha']);
    expect((await fails(backend, 'policy.engagements.get', { id: alone.id })).code).toBe('not_found');
    expect((await fails(backend, 'meetings.get', { id: alone.meetingId as string })).code).toBe('not_found');
    expect((await ok(backend, 'policy.bills.get', { id: bill })).sponsors).toEqual([]);
    expect((await ok(backend, 'policy.campaignTargets.get', { campaignId: campaign })).officials).toEqual([]);

    // One undo brings all of it back.
    await ok(backend, 'history.undo', {});
    const back = await ok(backend, 'policy.officials.get', { id: official });
    expect([back.staffers.length, back.holders.length, back.currentStances.length, back.engagements.length, back.scorecard.length]).toEqual([1, 2, 1, 2, 1]);
    expect((await ok(backend, 'meetings.get', { id: alone.meetingId as string })).title).toContain('One-to-one');
  });

  it('deleting an official keeps the grassroots counts and petitions aimed at them, with no target; undo points them back', async () => {
    const { backend, path } = await useBackend();
    const official = await addOfficial(backend);
    const campaign = await addCampaign(backend);
    const action = await ok(backend, 'campaigns.grassroots.save', { campaignId: campaign, kind: 'call', count: 40, officialId: official, district: 'Ward 4', on: '2026-03-01', reportedByOrganizationId: null, notes: '' });
    const petition = await ok(backend, 'campaigns.petitions.save', {
      campaignId: campaign, title: 'Fund crisis care', targetOfficialId: official, targetText: '', goal: 500, launchedOn: null, deliveredOn: null, description: '',
    });

    await ok(backend, 'policy.officials.delete', { id: official });
    expect(foreignKeyProblems(path)).toEqual([]);
    const [kept] = await ok(backend, 'campaigns.grassroots.list', { campaignId: campaign });
    expect([kept?.id, kept?.count, kept?.official]).toEqual([action.id, 40, null]);
    expect((await ok(backend, 'campaigns.petitions.get', { id: petition.id })).targetOfficial).toBeNull();

    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'policy.officials.get', { id: official })).name).toBe('Ana Lúcia Ferreira');
    expect((await ok(backend, 'campaigns.grassroots.list', { campaignId: campaign }))[0]?.official?.id).toBe(official);
    expect((await ok(backend, 'campaigns.petitions.get', { id: petition.id })).targetOfficial?.id).toBe(official);
    expect(foreignKeyProblems(path)).toEqual([]);
  });
});
