import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { fails, issuesOf, ok, useBackend } from '../../support/backend';
import { addOrganization, addPerson, countRows, foreignKeyProblems } from '../../support/people';
import { draftInput } from '../../support/samples';

async function group(backend: Backend, name = 'Housing justice', goalIds: string[] = []) {
  return ok(backend, 'structure.workingGroups.save', { name, focusIssueArea: 'Housing', description: '', objectives: 'Two ordinances.', status: 'active', goalIds });
}

describe('working groups', () => {
  it('adds people in bulk (once each), shows them with their organizations, leads first, and links charter goals', async () => {
    const { backend } = await useBackend();
    const draft = await ok(backend, 'charter.saveDraft', draftInput());
    const [goal] = draft.goals;
    const housing = await group(backend, 'Housing justice', [goal?.id ?? '']);
    const [ana, ben, cruz] = [await addPerson(backend, 'Ana Soto'), await addPerson(backend, 'Ben Okafor'), await addPerson(backend, 'Cruz Diaz')];
    const union = await addOrganization(backend, 'Tenant Union');
    await ok(backend, 'affiliations.create', { personId: ben, organizationId: union, role: 'Organizer', primary: true, startOn: null, endOn: null });

    expect(await ok(backend, 'structure.workingGroups.addMembers', { workingGroupId: housing.id, personIds: [ana], role: 'lead', joinedOn: '2026-01-05' })).toEqual({ added: 1, alreadyMembers: 0 });
    expect(await ok(backend, 'structure.workingGroups.addMembers', { workingGroupId: housing.id, personIds: [cruz, ana, ben, ben], role: 'member', joinedOn: '2026-02-01' })).toEqual({
      added: 2,
      alreadyMembers: 1,
    });
    expect((await ok(backend, 'history.batches', { limit: 1 })).batches[0]?.summary).toBe('Added 2 people to Housing justice');

    const page = await ok(backend, 'structure.workingGroups.get', { id: housing.id });
    expect(page.goals).toEqual([{ id: goal?.id, title: 'Expand mental-health coverage' }]);
    expect(page.members.map((m) => [m.person.name, m.role, m.organizations.map((o) => o.name)])).toEqual([
      ['Ana Soto', 'lead', []],
      ['Ben Okafor', 'member', ['Tenant Union']],
      ['Cruz Diaz', 'member', []],
    ]);
    expect(await ok(backend, 'structure.workingGroups.list', {})).toEqual([
      { id: housing.id, name: 'Housing justice', focusIssueArea: 'Housing', status: 'active', leads: [{ id: ana, name: 'Ana Soto' }], memberCount: 3 },
    ]);

    // Cruz leaves: a former member, listed after the current ones, and can be added again.
    const cruzRow = page.members.find((m) => m.person.id === cruz);
    await ok(backend, 'structure.workingGroups.updateMember', { id: cruzRow?.id ?? '', member: { role: 'member', joinedOn: '2026-02-01', leftOn: '2026-03-01' } });
    const left = await fails(backend, 'structure.workingGroups.updateMember', { id: cruzRow?.id ?? '', member: { role: 'member', joinedOn: '2026-02-01', leftOn: '2026-01-01' } });
    expect(issuesOf(left)).toEqual([{ path: 'member.leftOn', message: 'A member cannot leave before joining.' }]);
    expect(await ok(backend, 'structure.workingGroups.addMembers', { workingGroupId: housing.id, personIds: [cruz], role: 'member', joinedOn: '2026-04-01' })).toEqual({ added: 1, alreadyMembers: 0 });
    expect((await ok(backend, 'structure.workingGroups.get', { id: housing.id })).members.map((m) => [m.person.name, m.leftOn])).toEqual([
      ['Ana Soto', null],
      ['Ben Okafor', null],
      ['Cruz Diaz', null],
      ['Cruz Diaz', '2026-03-01'],
    ]);

    const twin = await fails(backend, 'structure.workingGroups.save', { name: 'HOUSING JUSTICE', focusIssueArea: null, description: '', objectives: '', status: 'forming', goalIds: [] });
    expect(issuesOf(twin)).toEqual([{ path: 'name', message: 'A working group named “HOUSING JUSTICE” already exists.' }]);
    const gone = await fails(backend, 'structure.workingGroups.addMembers', { workingGroupId: housing.id, personIds: [ana, '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b'], role: 'member', joinedOn: '2026-04-01' });
    expect([gone.code, gone.message]).toEqual(['not_found', 'One of the chosen people no longer exists; nobody was added. Reload and try again.']);
  });

  it('a goal removed from the charter draft leaves the groups linked to it (undoably)', async () => {
    const { backend } = await useBackend();
    const draft = await ok(backend, 'charter.saveDraft', draftInput());
    const housing = await group(backend, 'Housing justice', draft.goals.map((g) => g.id));
    await ok(backend, 'charter.saveDraft', { ...draftInput(), goals: draft.goals.slice(1) });
    expect((await ok(backend, 'structure.workingGroups.get', { id: housing.id })).goals.map((g) => g.title)).toEqual(['Make housing insecurity visible']);
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'structure.workingGroups.get', { id: housing.id })).goals).toHaveLength(2);
  });
});

describe('the directory’s deletes and merges', () => {
  async function structureOf(backend: Backend) {
    await ok(backend, 'charter.saveDraft', draftInput());
    await ok(backend, 'charter.adopt', { adoptedOn: '2025-01-10', note: '' });
    const [ana, ana2] = [await addPerson(backend, 'Ana Soto'), await addPerson(backend, 'Ana Soto')];
    const [union, union2] = [await addOrganization(backend, 'Tenant Union'), await addOrganization(backend, 'Tenant Union Inc.')];
    const housing = await group(backend);
    await ok(backend, 'structure.workingGroups.addMembers', { workingGroupId: housing.id, personIds: [ana, ana2], role: 'member', joinedOn: '2026-01-01' });
    const seat = await ok(backend, 'structure.seats.save', { name: 'Seat 1', requirement: null, termMonths: null });
    await ok(backend, 'structure.terms.save', { seatId: seat.id, personId: ana2, organizationId: union2, role: 'member', startDate: '2025-01-01', endDate: null });
    await ok(backend, 'structure.roles.save', { role: 'coordinator', title: '', personId: ana2, startDate: '2025-01-01', endDate: null });
    const application = await ok(backend, 'structure.applications.save', {
      organizationId: union2,
      contactPersonId: ana2,
      receivedOn: '2025-02-01',
      motivation: '',
      issueAreas: [],
      populations: [],
      contributions: [],
      charterVersion: 1,
    });
    await ok(backend, 'structure.endorsements.save', { organizationId: union, charterVersion: 1, endorsedOn: '2025-02-01', signedBy: '', personId: null });
    await ok(backend, 'structure.endorsements.save', { organizationId: union2, charterVersion: 1, endorsedOn: '2025-03-01', signedBy: 'Ana', personId: ana2 });
    return { ana, ana2, union, union2, housing, seat, application };
  }

  it('a person merge moves their memberships, roles, terms and contact references to the survivor', async () => {
    const { backend, path } = await useBackend();
    const { ana, ana2, union2, housing, seat, application } = await structureOf(backend);
    await ok(backend, 'duplicates.merge', { entity: 'person', survivorId: ana, mergedId: ana2, fields: {} });

    // Both were members: the survivor's membership stays, the merged one's goes.
    expect((await ok(backend, 'structure.workingGroups.get', { id: housing.id })).members.map((m) => m.person.id)).toEqual([ana]);
    expect((await ok(backend, 'structure.seats.get', { id: seat.id })).terms.map((t) => t.person?.id)).toEqual([ana]);
    expect((await ok(backend, 'structure.roles.list', { today: '2026-01-01' })).map((r) => r.person.id)).toEqual([ana]);
    expect((await ok(backend, 'structure.applications.get', { id: application.id, today: '2026-01-01' })).contactPerson?.id).toBe(ana);
    expect((await ok(backend, 'structure.endorsements.list', { charterVersion: 1 })).find((e) => e.organization.id === union2)?.person?.id).toBe(ana);
    expect(foreignKeyProblems(path)).toEqual([]);
  });

  it('an organization merge moves applications, terms and endorsements (one per version)', async () => {
    const { backend, path } = await useBackend();
    const { union, union2, seat, application } = await structureOf(backend);
    await ok(backend, 'duplicates.merge', { entity: 'organization', survivorId: union, mergedId: union2, fields: {} });
    expect((await ok(backend, 'structure.seats.get', { id: seat.id })).terms.map((t) => t.organization?.id)).toEqual([union]);
    expect((await ok(backend, 'structure.applications.get', { id: application.id, today: '2026-01-01' })).organization.id).toBe(union);
    expect((await ok(backend, 'structure.endorsements.list', { charterVersion: 1 })).map((e) => [e.organization.id, e.endorsedOn])).toEqual([[union, '2025-02-01']]);
    expect(foreignKeyProblems(path)).toEqual([]);
  });

  it('deleting a person or an organization leaves no dangling reference, and undo brings every row back', async () => {
    const { backend, path } = await useBackend();
    const { ana2, union2, seat, application } = await structureOf(backend);
    const before = ['working_group_members', 'steering_terms', 'coalition_roles', 'membership_applications', 'charter_endorsements'].map((t) => countRows(path, t));

    await ok(backend, 'people.delete', { id: ana2 });
    // The term stays the organization's; the application and endorsement lose their contact only.
    expect((await ok(backend, 'structure.seats.get', { id: seat.id })).terms.map((t) => [t.person, t.organization?.id])).toEqual([[null, union2]]);
    expect((await ok(backend, 'structure.applications.get', { id: application.id, today: '2026-01-01' })).contactPerson).toBeNull();
    expect(countRows(path, 'coalition_roles')).toBe(0);

    // Now the organization: the term has no holder left, so it goes with the application and endorsement.
    await ok(backend, 'organizations.delete', { id: union2 });
    expect((await ok(backend, 'structure.seats.get', { id: seat.id })).terms).toEqual([]);
    expect(countRows(path, 'membership_applications')).toBe(0);
    expect(countRows(path, 'charter_endorsements')).toBe(1);
    expect(foreignKeyProblems(path)).toEqual([]);

    await ok(backend, 'history.undo', {});
    await ok(backend, 'history.undo', {});
    expect(['working_group_members', 'steering_terms', 'coalition_roles', 'membership_applications', 'charter_endorsements'].map((t) => countRows(path, t))).toEqual(before);
    expect((await ok(backend, 'structure.seats.get', { id: seat.id })).terms.map((t) => t.person?.id)).toEqual([ana2]);
  });

  it('refuses to delete a working group that has meetings', async () => {
    const { backend } = await useBackend();
    const housing = await group(backend);
    await ok(backend, 'meetings.create', {
      type: 'working_group',
      title: 'Kick-off',
      startsAt: '2026-05-04T16:00:00Z',
      endsAt: '2026-05-04T17:00:00Z',
      timeZone: 'America/New_York',
      location: '',
      videoUrl: '',
      organizerPersonId: null,
      workingGroupId: housing.id,
    });
    const error = await fails(backend, 'structure.workingGroups.delete', { id: housing.id });
    expect([error.code, error.message]).toEqual(['conflict', 'A meeting belongs to this working group. Close the group instead (its history stays), or move the meetings to another group first.']);
  });
});
