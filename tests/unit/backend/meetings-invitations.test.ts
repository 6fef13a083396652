import { describe, expect, it } from 'vitest';
import { changeLog, fails, issuesOf, ok, useBackend } from '../../support/backend';
import { addSteering, addWorkingGroup, meetingInput } from '../../support/meetings';
import { addOrganization, addPerson, countRows, foreignKeyProblems } from '../../support/people';
import { organizationInput } from '../../support/samples';

describe('invitations and attendance', () => {
  it('invites a working group’s current members, the steering committee and all members, once each', async () => {
    const { backend } = await useBackend();
    const [ana, ben, cleo, dev, eli] = await Promise.all(['Ana Soto', 'Ben Okafor', 'Cleo Park', 'Dev Rao', 'Eli Moss'].map((n) => addPerson(backend, n)));
    // Ben left the group before the meeting; Cleo leaves after it.
    const group = await addWorkingGroup(backend, 'Housing', [{ personId: ana! }, { personId: ben!, leftOn: '2026-03-01' }, { personId: cleo!, leftOn: '2026-06-01' }]);
    // Dev's term ended before the meeting; Eli's is current.
    await addSteering(backend, 3, [{ personId: dev!, endDate: '2026-01-31' }, { personId: eli! }]);
    const { id } = await ok(backend, 'meetings.create', meetingInput({ type: 'working_group', workingGroupId: group }));
    const wg = await ok(backend, 'meetings.invite', { meetingId: id, groups: [{ kind: 'working_group', workingGroupId: group }] });
    expect(wg).toEqual({ added: 2, alreadyInvited: 0, conflicts: [] });
    const steering = await ok(backend, 'meetings.invite', { meetingId: id, personIds: [ana!], groups: [{ kind: 'steering' }] });
    expect(steering).toMatchObject({ added: 1, alreadyInvited: 1 });
    expect((await ok(backend, 'meetings.get', { id })).invitees.map((i) => i.name)).toEqual(['Ana Soto', 'Cleo Park', 'Eli Moss']);

    // All members: people currently affiliated with an organization whose stage is member.
    const member = (await ok(backend, 'organizations.create', organizationInput({ name: 'Member Org', stage: 'member' }))).id;
    const other = await addOrganization(backend, 'Engaged Org');
    await ok(backend, 'affiliations.create', { personId: ben!, organizationId: member, role: '', primary: true, startOn: null, endOn: null });
    await ok(backend, 'affiliations.create', { personId: dev!, organizationId: member, role: '', primary: false, startOn: null, endOn: '2025-12-31' });
    await ok(backend, 'affiliations.create', { personId: dev!, organizationId: other, role: '', primary: true, startOn: null, endOn: null });
    expect(await ok(backend, 'meetings.invite', { meetingId: id, groups: [{ kind: 'members' }] })).toMatchObject({ added: 1 });
    expect((await ok(backend, 'meetings.get', { id })).invitees.map((i) => i.name)).toEqual(['Ana Soto', 'Ben Okafor', 'Cleo Park', 'Eli Moss']);
    // One undo step per call.
    expect(new Set(changeLog(backend.workspace.path).filter((r) => r.entity === 'meeting_invitees').map((r) => r.batch)).size).toBe(3);
  });

  it('refuses a working group that does not exist and a meeting without anyone to invite', async () => {
    const { backend } = await useBackend();
    const { id } = await ok(backend, 'meetings.create', meetingInput());
    const missing = await fails(backend, 'meetings.invite', { meetingId: id, groups: [{ kind: 'working_group', workingGroupId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' }] });
    expect(missing.code).toBe('not_found');
    expect(issuesOf(await fails(backend, 'meetings.invite', { meetingId: id }))).toEqual([{ path: 'personIds', message: 'Choose people or a group to invite.' }]);
  });

  it('records RSVP and attendance, and derives the organizations represented from who was present', async () => {
    const { backend } = await useBackend();
    const clinic = await addOrganization(backend, 'Eastside Clinic');
    const union = await addOrganization(backend, 'Tenants Union');
    const ana = await addPerson(backend, 'Ana Soto');
    const ben = await addPerson(backend, 'Ben Okafor');
    const cleo = await addPerson(backend, 'Cleo Park');
    await ok(backend, 'affiliations.create', { personId: ana, organizationId: clinic, role: '', primary: true, startOn: null, endOn: null });
    await ok(backend, 'affiliations.create', { personId: ana, organizationId: union, role: '', primary: false, startOn: null, endOn: null });
    await ok(backend, 'affiliations.create', { personId: ben, organizationId: clinic, role: '', primary: true, startOn: null, endOn: null });
    // Cleo's affiliation ended before the meeting: she does not represent the union there.
    await ok(backend, 'affiliations.create', { personId: cleo, organizationId: union, role: '', primary: true, startOn: null, endOn: '2026-01-01' });
    const { id } = await ok(backend, 'meetings.create', meetingInput());
    await ok(backend, 'meetings.invite', { meetingId: id, personIds: [ana, ben, cleo] });
    await ok(backend, 'meetings.respond', { meetingId: id, personIds: [ana, ben], rsvp: 'yes' });
    await ok(backend, 'meetings.respond', { meetingId: id, personIds: [ana, ben, cleo], attendance: 'present' });
    await ok(backend, 'meetings.respond', { meetingId: id, personIds: [ben], attendance: 'excused' });
    const detail = await ok(backend, 'meetings.get', { id });
    expect(detail.invitees.map((i) => [i.name, i.rsvp, i.attendance, i.organizations.map((o) => o.name)])).toEqual([
      ['Ana Soto', 'yes', 'present', ['Eastside Clinic', 'Tenants Union']],
      ['Ben Okafor', 'yes', 'excused', ['Eastside Clinic']],
      ['Cleo Park', 'none', 'present', []],
    ]);
    expect(detail.organizations).toEqual([
      { id: clinic, name: 'Eastside Clinic', present: 1 },
      { id: union, name: 'Tenants Union', present: 1 },
    ]);
    expect(detail.quorum).toEqual({ basis: 'invited', present: 2, of: 3, needed: 2, met: true });
    const stranger = await addPerson(backend, 'Dee Stranger');
    expect(await fails(backend, 'meetings.respond', { meetingId: id, personIds: [stranger], attendance: 'present' })).toMatchObject({ code: 'not_found', message: `Person ${stranger} is not invited to this meeting.` });
    await ok(backend, 'meetings.uninvite', { meetingId: id, personId: cleo });
    expect((await ok(backend, 'meetings.get', { id })).invitees).toHaveLength(2);
  });

  it('flags people double-booked in overlapping meetings, not in back-to-back or cancelled ones', async () => {
    const { backend } = await useBackend();
    const ana = await addPerson(backend, 'Ana Soto');
    const ben = await addPerson(backend, 'Ben Okafor');
    const morning = await ok(backend, 'meetings.create', meetingInput({ title: 'Morning', startsAt: '2026-05-04T09:00:00Z', endsAt: '2026-05-04T11:00:00Z' }));
    const cancelled = await ok(backend, 'meetings.create', meetingInput({ title: 'Called off', startsAt: '2026-05-04T10:00:00Z', endsAt: '2026-05-04T12:00:00Z', status: 'cancelled' }));
    await ok(backend, 'meetings.invite', { meetingId: morning.id, personIds: [ana] });
    await ok(backend, 'meetings.invite', { meetingId: cancelled.id, personIds: [ben] });
    const noon = await ok(backend, 'meetings.create', meetingInput({ title: 'Noon', startsAt: '2026-05-04T10:30:00Z', endsAt: '2026-05-04T12:00:00Z' }));
    const result = await ok(backend, 'meetings.invite', { meetingId: noon.id, personIds: [ana, ben] });
    // A warning, not a block: both are invited.
    expect(result.added).toBe(2);
    expect(result.conflicts).toEqual([{ personId: ana, name: 'Ana Soto', meetings: [{ id: morning.id, title: 'Morning', startsAt: '2026-05-04T09:00:00.000Z', endsAt: '2026-05-04T11:00:00.000Z' }] }]);
    expect((await ok(backend, 'meetings.get', { id: noon.id })).conflicts.map((c) => c.name)).toEqual(['Ana Soto']);
    // Rescheduling to 11:00 makes it back-to-back: no conflict.
    expect(await ok(backend, 'meetings.conflicts', { meetingId: noon.id, startsAt: '2026-05-04T11:00:00Z', endsAt: '2026-05-04T12:00:00Z' })).toEqual([]);
    expect((await ok(backend, 'meetings.conflicts', { startsAt: '2026-05-04T08:00:00Z', endsAt: '2026-05-04T09:30:00Z', personIds: [ana] })).map((c) => c.name)).toEqual(['Ana Soto']);
  });
});

describe('deleting and merging people referenced by meetings', () => {
  it('says how many meetings and action items refer to a person, and the delete leaves no dangling reference (undo brings it back)', async () => {
    const { backend, path } = await useBackend();
    const ana = await addPerson(backend, 'Ana Soto');
    const ben = await addPerson(backend, 'Ben Okafor');
    const clinic = await addOrganization(backend, 'Eastside Clinic');
    await ok(backend, 'affiliations.create', { personId: ana, organizationId: clinic, role: '', primary: true, startOn: null, endOn: null });
    const { id } = await ok(backend, 'meetings.create', meetingInput({ organizerPersonId: ana }));
    const other = await ok(backend, 'meetings.create', meetingInput({ title: 'Other' }));
    await ok(backend, 'meetings.invite', { meetingId: id, personIds: [ana, ben] });
    await ok(backend, 'meetings.respond', { meetingId: id, personIds: [ana], attendance: 'present' });
    await ok(backend, 'meetings.saveAgenda', { meetingId: other.id, items: [{ title: 'Report', presenterPersonId: ana, minutesAllotted: 5, notes: '', documents: [] }] });
    const item = await ok(backend, 'actionItems.save', { meetingId: id, description: 'Book the hall', ownerPersonId: ana, dueOn: '2026-05-10', status: 'open' });
    expect(await ok(backend, 'meetings.references', { personId: ana })).toEqual({ meetings: 2, actionItems: 1 });
    expect(await ok(backend, 'meetings.references', { organizationId: clinic })).toEqual({ meetings: 1, actionItems: 0 });

    await ok(backend, 'people.delete', { id: ana });
    expect(foreignKeyProblems(path)).toEqual([]);
    expect(countRows(path, 'meeting_invitees')).toBe(1);
    const kept = (await ok(backend, 'actionItems.list', { meetingId: id })).rows;
    expect(kept).toEqual([expect.objectContaining({ id: item.id, ownerPersonId: null, ownerName: null, description: 'Book the hall' })]);
    expect((await ok(backend, 'meetings.get', { id })).organizerPersonId).toBeNull();
    expect((await ok(backend, 'meetings.get', { id: other.id })).agenda[0]?.presenterPersonId).toBeNull();

    await ok(backend, 'history.undo', {});
    const back = await ok(backend, 'meetings.get', { id });
    expect(back.organizerName).toBe('Ana Soto');
    expect(back.invitees.map((i) => [i.name, i.attendance])).toEqual([['Ana Soto', 'present'], ['Ben Okafor', null]]);
    expect((await ok(backend, 'actionItems.list', { meetingId: id })).rows[0]?.ownerName).toBe('Ana Soto');
  });

  it('a merge moves the merged person’s invitations and items to the survivor, keeping one invitation per meeting', async () => {
    const { backend, path } = await useBackend();
    const survivor = await addPerson(backend, 'Ana Soto');
    const merged = await addPerson(backend, 'Ana Soto-Ruiz');
    const both = await ok(backend, 'meetings.create', meetingInput({ title: 'Both invited' }));
    const only = await ok(backend, 'meetings.create', meetingInput({ title: 'Merged only', organizerPersonId: merged }));
    await ok(backend, 'meetings.invite', { meetingId: both.id, personIds: [survivor, merged] });
    await ok(backend, 'meetings.respond', { meetingId: both.id, personIds: [merged], attendance: 'present', rsvp: 'yes' });
    await ok(backend, 'meetings.invite', { meetingId: only.id, personIds: [merged] });
    await ok(backend, 'actionItems.save', { meetingId: null, description: 'Call the council', ownerPersonId: merged, dueOn: null, status: 'open' });
    await ok(backend, 'duplicates.merge', { entity: 'person', survivorId: survivor, mergedId: merged, fields: {} });
    expect(foreignKeyProblems(path)).toEqual([]);
    expect((await ok(backend, 'meetings.get', { id: both.id })).invitees.map((i) => [i.personId, i.rsvp, i.attendance])).toEqual([[survivor, 'yes', 'present']]);
    const moved = await ok(backend, 'meetings.get', { id: only.id });
    expect(moved.invitees.map((i) => i.personId)).toEqual([survivor]);
    expect(moved.organizerPersonId).toBe(survivor);
    expect((await ok(backend, 'actionItems.list', { ownerPersonId: survivor })).total).toBe(1);
  });
});
