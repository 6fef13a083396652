import { describe, expect, it } from 'vitest';
import { changeLog, fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { addOrganization, addPerson, countRows, foreignKeyProblems, interactionInput } from '../../support/people';

const MISSING = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

describe('relationships', () => {
  it('links two organizations, shows it from both sides, and deletes it', async () => {
    const { backend, path } = await useBackend();
    const fund = await addOrganization(backend, 'Eastside Fund');
    const clinic = await addOrganization(backend, 'Eastside Clinic');
    const { id } = await ok(backend, 'relationships.create', { entity: 'organization', kind: 'funds', fromId: fund, toId: clinic, note: 'Since 2020' });
    expect((await ok(backend, 'organizations.get', { id: fund })).relationships).toEqual([
      { id, kind: 'funds', direction: 'outgoing', other: { id: clinic, name: 'Eastside Clinic' }, note: 'Since 2020' },
    ]);
    expect((await ok(backend, 'organizations.get', { id: clinic })).relationships).toEqual([
      { id, kind: 'funds', direction: 'incoming', other: { id: fund, name: 'Eastside Fund' }, note: 'Since 2020' },
    ]);
    // The id belongs to the organization table: deleting it as a person relationship finds nothing.
    expect((await fails(backend, 'relationships.delete', { entity: 'person', id })).code).toBe('not_found');
    expect(await ok(backend, 'relationships.delete', { entity: 'organization', id })).toEqual({ deleted: true });
    expect(countRows(path, 'organization_relationships')).toBe(0);
    expect(changeLog(path).filter((r) => r.entity === 'organization_relationships').map((r) => r.action)).toEqual(['create', 'delete']);
  });

  it('refuses a link from a record to itself with a validation message', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const before = snapshot(path);
    const error = await fails(backend, 'relationships.create', { entity: 'person', kind: 'mentors', fromId: maria, toId: maria, note: '' });
    expect(error).toMatchObject({ code: 'validation', message: 'A relationship links two different people.' });
    expect(issuesOf(error).map((i) => i.path)).toEqual(['toId']);
    expect(snapshot(path)).toEqual(before);
  });

  it('refuses a duplicate (same kind, same direction) with conflict, but allows the reverse and other kinds', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const ana = await addPerson(backend, 'Ana Lopez');
    await ok(backend, 'relationships.create', { entity: 'person', kind: 'mentors', fromId: maria, toId: ana, note: '' });
    const before = snapshot(path);
    const error = await fails(backend, 'relationships.create', { entity: 'person', kind: 'mentors', fromId: maria, toId: ana, note: 'again' });
    expect(error).toMatchObject({ code: 'conflict', message: 'This relationship is already recorded.' });
    expect(snapshot(path)).toEqual(before);
    await ok(backend, 'relationships.create', { entity: 'person', kind: 'mentors', fromId: ana, toId: maria, note: '' });
    await ok(backend, 'relationships.create', { entity: 'person', kind: 'family', fromId: maria, toId: ana, note: '' });
    expect((await ok(backend, 'people.get', { id: maria })).relationships.map((r) => `${r.direction}:${r.kind}`)).toEqual([
      'outgoing:family',
      'outgoing:mentors',
      'incoming:mentors',
    ]);
  });

  it('answers not_found naming the missing end, and checks the right table', async () => {
    const { backend } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const org = await addOrganization(backend, 'Org');
    const noTo = await fails(backend, 'relationships.create', { entity: 'person', kind: 'works_with', fromId: maria, toId: MISSING, note: '' });
    expect(noTo.code).toBe('not_found');
    expect(issuesOf(noTo).map((i) => i.path)).toEqual(['toId']);
    // An organization id is not a person.
    const wrongTable = await fails(backend, 'relationships.create', { entity: 'person', kind: 'works_with', fromId: org, toId: maria, note: '' });
    expect(wrongTable.code).toBe('not_found');
    expect(issuesOf(wrongTable).map((i) => i.path)).toEqual(['fromId']);
    expect((await fails(backend, 'relationships.create', { entity: 'organization', kind: 'mentors', fromId: org, toId: MISSING, note: '' })).code).toBe('validation');
  });
});

describe('removing a record removes its links', () => {
  it('deleting an organization removes its affiliations, relationships and participations; foreign keys stay valid', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const union = await addOrganization(backend, 'Tenant Union');
    const clinic = await addOrganization(backend, 'Eastside Clinic');
    const fund = await addOrganization(backend, 'Fund');
    await ok(backend, 'affiliations.create', { personId: maria, organizationId: union, role: '', primary: true, startOn: null, endOn: null });
    await ok(backend, 'relationships.create', { entity: 'organization', kind: 'funds', fromId: fund, toId: union, note: '' });
    await ok(backend, 'relationships.create', { entity: 'organization', kind: 'partner_of', fromId: union, toId: clinic, note: '' });
    const onlyUnion = await ok(backend, 'interactions.create', interactionInput({ organizationIds: [union], occurredOn: '2025-04-01' }));
    const withMaria = await ok(backend, 'interactions.create', interactionInput({ organizationIds: [union], personIds: [maria], occurredOn: '2025-05-01' }));

    expect(await ok(backend, 'organizations.delete', { id: union })).toEqual({ deleted: true });
    expect(foreignKeyProblems(path)).toEqual([]);
    expect(countRows(path, 'affiliations')).toBe(0);
    expect(countRows(path, 'organization_relationships')).toBe(0);
    expect(countRows(path, 'interaction_participants', `organization_id = '${union}'`)).toBe(0);
    expect(countRows(path, 'interactions', `id = '${onlyUnion.id}'`)).toBe(0);
    const left = await ok(backend, 'people.get', { id: maria });
    expect(left.affiliations).toEqual([]);
    expect(left.interactions.map((i) => ({ id: i.id, organizations: i.organizations }))).toEqual([{ id: withMaria.id, organizations: [] }]);
    expect(left.lastContactedOn).toBe('2025-05-01');
    expect((await ok(backend, 'organizations.get', { id: fund })).relationships).toEqual([]);
    const deleted = changeLog(path).filter((r) => r.action === 'delete').map((r) => r.entity);
    expect(deleted.filter((e) => e === 'organization_relationships')).toHaveLength(2);
    expect(deleted.filter((e) => e === 'interaction_participants')).toHaveLength(2);
    expect(deleted).toContain('interactions');
  });

  it('deleting a person keeps foreign keys valid and other people untouched', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const ana = await addPerson(backend, 'Ana Lopez');
    const org = await addOrganization(backend, 'Org');
    await ok(backend, 'affiliations.create', { personId: ana, organizationId: org, role: '', primary: true, startOn: null, endOn: null });
    await ok(backend, 'relationships.create', { entity: 'person', kind: 'mentors', fromId: maria, toId: ana, note: '' });
    await ok(backend, 'interactions.create', interactionInput({ personIds: [maria, ana] }));
    await ok(backend, 'people.delete', { id: maria });
    expect(foreignKeyProblems(path)).toEqual([]);
    const anaNow = await ok(backend, 'people.get', { id: ana });
    expect(anaNow.affiliations).toHaveLength(1);
    expect(anaNow.relationships).toEqual([]);
    expect(anaNow.interactionCount).toBe(1);
    expect(anaNow.interactions[0]?.people).toEqual([{ id: ana, name: 'Ana Lopez' }]);
  });
});
