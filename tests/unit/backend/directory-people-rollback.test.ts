import { describe, expect, it } from 'vitest';
import { fails, ok, snapshot, useBackend, withSqlite } from '../../support/backend';
import { addOrganization, addPerson, interactionInput } from '../../support/people';

// A call that fails after it has already written leaves the workspace exactly as it was: a
// trigger installed behind the backend's back makes a late write of the call fail.

function failWhen(path: string, event: string, table: string, when: string): void {
  withSqlite(path, (db) => db.exec(`create trigger test_fail before ${event} on ${table} when ${when} begin select raise(abort, 'refused by the test'); end`));
}

describe('a call that fails part-way writes nothing', () => {
  it('people.delete: links already removed come back when removing the person fails', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const ana = await addPerson(backend, 'Ana Lopez');
    const org = await addOrganization(backend, 'Org');
    await ok(backend, 'affiliations.create', { personId: maria, organizationId: org, role: '', primary: true, startOn: null, endOn: null });
    await ok(backend, 'relationships.create', { entity: 'person', kind: 'family', fromId: maria, toId: ana, note: '' });
    await ok(backend, 'interactions.create', interactionInput({ personIds: [maria] }));
    failWhen(path, 'delete', 'people', `old.id = '${maria}'`);
    const before = snapshot(path);
    const error = await fails(backend, 'people.delete', { id: maria });
    expect(error.code).toBe('conflict');
    expect(snapshot(path)).toEqual(before);
    const detail = await ok(backend, 'people.get', { id: maria });
    expect([detail.affiliations.length, detail.relationships.length, detail.interactionCount]).toEqual([1, 1, 1]);
  });

  it('interactions.create: the interaction and earlier participants are not kept when a later participant fails', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const org = await addOrganization(backend, 'Org');
    failWhen(path, 'insert', 'interaction_participants', 'new.organization_id is not null');
    const before = snapshot(path);
    expect((await fails(backend, 'interactions.create', interactionInput({ personIds: [maria], organizationIds: [org] }))).code).toBe('conflict');
    expect(snapshot(path)).toEqual(before);
    expect((await ok(backend, 'people.get', { id: maria })).lastContactedOn).toBeNull();
  });

  it('affiliations.create: the primary it cleared stays primary when the insert fails', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const org = await addOrganization(backend, 'Org');
    const first = await ok(backend, 'affiliations.create', { personId: maria, organizationId: org, role: 'first', primary: true, startOn: null, endOn: null });
    failWhen(path, 'insert', 'affiliations', "new.role = 'second'");
    const before = snapshot(path);
    expect((await fails(backend, 'affiliations.create', { personId: maria, organizationId: org, role: 'second', primary: true, startOn: null, endOn: null })).code).toBe('conflict');
    expect(snapshot(path)).toEqual(before);
    expect((await ok(backend, 'people.get', { id: maria })).affiliations).toEqual([first]);
  });
});
