import { describe, expect, it } from 'vitest';
import { changeLog, fails, issuesOf, ok, useBackend } from '../../support/backend';
import { addOrganization, addPerson } from '../../support/people';
import { addBill, addCampaign, addOfficial, engagementInput } from '../../support/policy';

describe('engagements and the meeting planner', () => {
  it('a meeting engagement creates a policymaker meeting in the same step, follows its edits and goes with it', async () => {
    const { backend, path } = await useBackend();
    const official = await addOfficial(backend, { staffers: [{ name: 'Li Wei', role: 'Aide', email: '', phone: '' }] });
    const staffer = (await ok(backend, 'policy.officials.get', { id: official })).staffers[0]?.id as string;
    const maria = await addPerson(backend, 'Maria Rivera');
    const ben = await addPerson(backend, 'Ben Okafor');
    const campaign = await addCampaign(backend);
    const bill = await addBill(backend);
    const created = await ok(backend, 'policy.engagements.create', engagementInput([official], {
      kind: 'meeting',
      title: 'Crisis-team briefing',
      startsAt: '2026-04-14T15:00:00Z',
      endsAt: '2026-04-14T16:00:00Z',
      timeZone: 'America/New_York',
      location: 'Capitol, Room 210',
      officials: [{ officialId: official, stafferId: staffer }],
      attendeePersonIds: [maria],
      campaignId: campaign,
      billId: bill,
      presented: ['data', 'stories', 'data'],
      followUp: 'Send the county data sheet',
      followUpOwnerPersonId: maria,
      followUpDueOn: '2026-04-21',
    }));
    expect(created.meetingId).not.toBeNull();
    expect(created.presented).toEqual(['data', 'stories']);
    expect(created.officials).toEqual([{ id: official, name: 'Ana Lúcia Ferreira', stafferId: staffer, stafferName: 'Li Wei' }]);
    const batch = changeLog(path).at(-1)?.batch;
    expect(changeLog(path).filter((r) => r.batch === batch).map((r) => r.entity)).toEqual(['meetings', 'engagements', 'engagement_officials', 'engagement_attendees', 'meeting_invitees']);

    // It is in the planner's calendar, as a policymaker meeting with the attendee invited.
    const range = await ok(backend, 'meetings.range', { from: '2026-04-01T00:00:00Z', to: '2026-05-01T00:00:00Z' });
    expect(range.meetings.map((m) => [m.type, m.title, m.invited])).toEqual([['policymaker', 'Crisis-team briefing — Ana Lúcia Ferreira', 1]]);

    // Edits follow: a new time and attendee list.
    await ok(backend, 'policy.engagements.update', {
      id: created.id,
      engagement: engagementInput([official], { kind: 'meeting', title: 'Crisis-team briefing', startsAt: '2026-04-15T15:00:00Z', endsAt: '2026-04-15T16:30:00Z', timeZone: 'America/New_York', attendeePersonIds: [ben] }),
    });
    const meeting = await ok(backend, 'meetings.get', { id: created.meetingId as string });
    expect([meeting.startsAt, meeting.endsAt, meeting.invitees.map((i) => i.name)]).toEqual(['2026-04-15T15:00:00.000Z', '2026-04-15T16:30:00.000Z', ['Ben Okafor']]);

    // Open follow-ups are listed per official.
    const open = await ok(backend, 'policy.engagements.list', { officialId: official, billId: null, campaignId: null, openFollowUps: true, offset: 0, limit: 10 });
    expect(open.total).toBe(0);

    // Deleting the meeting in the planner keeps the engagement, without it.
    await ok(backend, 'meetings.delete', { id: created.meetingId as string });
    expect((await ok(backend, 'policy.engagements.get', { id: created.id })).meetingId).toBeNull();
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'policy.engagements.get', { id: created.id })).meetingId).toBe(created.meetingId);

    // Deleting the engagement takes its meeting along, in one undoable step.
    await ok(backend, 'policy.engagements.delete', { id: created.id });
    expect((await fails(backend, 'meetings.get', { id: created.meetingId as string })).code).toBe('not_found');
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'meetings.get', { id: created.meetingId as string })).type).toBe('policymaker');
  });

  it('a letter has no meeting; a meeting without times, a staffer of another official and a follow-up without words are refused', async () => {
    const { backend } = await useBackend();
    const official = await addOfficial(backend);
    const other = await addOfficial(backend, { name: 'Kim Ha', staffers: [{ name: 'Li Wei', role: '', email: '', phone: '' }] });
    const maria = await addPerson(backend, 'Maria Rivera');
    const letter = await ok(backend, 'policy.engagements.create', engagementInput([official], { followUp: 'Call back', followUpOwnerPersonId: maria, followUpDueOn: '2026-05-01' }));
    expect(letter.meetingId).toBeNull();
    const open = await ok(backend, 'policy.engagements.list', { officialId: official, billId: null, campaignId: null, openFollowUps: true, offset: 0, limit: 10 });
    expect(open.rows.map((e) => [e.title, e.followUpOwnerName, e.followUpDueOn])).toEqual([['Letter on crisis teams', 'Maria Rivera', '2026-05-01']]);

    const untimed = await fails(backend, 'policy.engagements.create', engagementInput([official], { kind: 'meeting' }));
    expect(issuesOf(untimed).map((i) => [i.path, i.message])).toEqual([['startsAt', 'A meeting needs its start, end and time zone: it goes into the meeting planner.']]);
    const staffer = (await ok(backend, 'policy.officials.get', { id: other })).staffers[0]?.id as string;
    const wrong = await fails(backend, 'policy.engagements.create', engagementInput([official], { officials: [{ officialId: official, stafferId: staffer }] }));
    expect(issuesOf(wrong).map((i) => [i.path, i.message])).toEqual([['officials.0.stafferId', 'This staffer works for another official.']]);
    const vague = await fails(backend, 'policy.engagements.create', engagementInput([official], { followUpOwnerPersonId: maria }));
    expect(issuesOf(vague).map((i) => i.path)).toEqual(['followUp']);
    const nobody = await fails(backend, 'policy.engagements.create', engagementInput([]));
    expect(issuesOf(nobody).map((i) => i.path)).toEqual(['officials']);
    expect((await ok(backend, 'meetings.range', { from: '2026-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z' })).meetings).toEqual([]);
  });

  it('deleting or merging people and organizations clears or moves their policy rows, and undo restores them', async () => {
    const { backend } = await useBackend();
    const official = await addOfficial(backend);
    const maria = await addPerson(backend, 'Maria Rivera');
    const twin = await addPerson(backend, 'Maria Rivera', { email: 'maria.r@example.org' });
    const ben = await addPerson(backend, 'Ben Okafor');
    const clinic = await addOrganization(backend, 'Eastside Clinic');
    const clinicTwin = await addOrganization(backend, 'Eastside Clinic Inc');
    await ok(backend, 'policy.officials.setHolders', {
      officialId: official,
      holders: [
        { personId: ben, organizationId: null, isPrimary: true, note: '' },
        { personId: twin, organizationId: null, isPrimary: false, note: '' },
        { personId: null, organizationId: clinic, isPrimary: false, note: '' },
        { personId: null, organizationId: clinicTwin, isPrimary: false, note: '' },
      ],
    });
    const engagement = await ok(backend, 'policy.engagements.create', engagementInput([official], { attendeePersonIds: [ben, maria, twin], followUp: 'Send data', followUpOwnerPersonId: ben }));

    await ok(backend, 'people.delete', { id: ben });
    const afterDelete = await ok(backend, 'policy.engagements.get', { id: engagement.id });
    expect([afterDelete.attendees.map((a) => a.name), afterDelete.followUpOwnerPersonId]).toEqual([['Maria Rivera', 'Maria Rivera'], null]);
    expect((await ok(backend, 'policy.officials.get', { id: official })).holders.map((h) => h.name)).not.toContain('Ben Okafor');
    await ok(backend, 'history.undo', {});
    const restored = await ok(backend, 'policy.engagements.get', { id: engagement.id });
    expect([restored.attendees.length, restored.followUpOwnerPersonId]).toEqual([3, ben]);

    // A merge moves the merged person's rows to the survivor (dropping one they both had).
    await ok(backend, 'duplicates.merge', { entity: 'person', survivorId: maria, mergedId: twin, fields: {} });
    const merged = await ok(backend, 'policy.engagements.get', { id: engagement.id });
    expect(merged.attendees.map((a) => a.id).sort()).toEqual([ben, maria].sort());
    expect((await ok(backend, 'policy.officials.get', { id: official })).holders.map((h) => h.personId ?? h.organizationId)).toContain(maria);

    await ok(backend, 'duplicates.merge', { entity: 'organization', survivorId: clinic, mergedId: clinicTwin, fields: {} });
    expect((await ok(backend, 'policy.officials.get', { id: official })).holders.filter((h) => h.organizationId !== null).map((h) => h.name)).toEqual(['Eastside Clinic']);
    await ok(backend, 'organizations.delete', { id: clinic });
    expect((await ok(backend, 'policy.officials.get', { id: official })).holders.filter((h) => h.organizationId !== null)).toEqual([]);
  });
});
