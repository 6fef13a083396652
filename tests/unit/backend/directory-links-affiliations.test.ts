import { describe, expect, it } from 'vitest';
import { changeLog, fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { addOrganization, addPerson, countRows } from '../../support/people';

const MISSING = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

describe('affiliations', () => {
  it('creates, updates and deletes an affiliation, logging each change', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const union = await addOrganization(backend, 'Tenant Union');
    const clinic = await addOrganization(backend, 'Eastside Clinic');
    const created = await ok(backend, 'affiliations.create', { personId: maria, organizationId: union, role: ' Chair ', primary: false, startOn: '2022-01-01', endOn: null });
    expect(created).toMatchObject({ person: { id: maria, name: 'Maria Rivera' }, organization: { id: union, name: 'Tenant Union' }, role: 'Chair', primary: false, startOn: '2022-01-01', endOn: null });

    const updated = await ok(backend, 'affiliations.update', {
      id: created.id,
      affiliation: { personId: maria, organizationId: clinic, role: 'Board member', primary: true, startOn: '2022-01-01', endOn: '2024-06-30' },
    });
    expect(updated).toEqual({ ...created, organization: { id: clinic, name: 'Eastside Clinic' }, role: 'Board member', primary: true, endOn: '2024-06-30' });
    expect((await ok(backend, 'people.get', { id: maria })).affiliations).toEqual([updated]);
    expect((await ok(backend, 'organizations.get', { id: clinic })).affiliations).toEqual([updated]);

    expect(await ok(backend, 'affiliations.delete', { id: created.id })).toEqual({ deleted: true });
    expect(countRows(path, 'affiliations')).toBe(0);
    expect(changeLog(path).filter((r) => r.entity === 'affiliations').map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('keeps at most one primary affiliation per person, clearing the others through the log', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const ana = await addPerson(backend, 'Ana Lopez');
    const [a, b, c] = [await addOrganization(backend, 'A'), await addOrganization(backend, 'B'), await addOrganization(backend, 'C')];
    const first = await ok(backend, 'affiliations.create', { personId: maria, organizationId: a, role: '', primary: true, startOn: null, endOn: null });
    const anas = await ok(backend, 'affiliations.create', { personId: ana, organizationId: a, role: '', primary: true, startOn: null, endOn: null });
    const second = await ok(backend, 'affiliations.create', { personId: maria, organizationId: b, role: '', primary: true, startOn: null, endOn: null });
    const third = await ok(backend, 'affiliations.create', { personId: maria, organizationId: c, role: '', primary: false, startOn: null, endOn: null });

    const primaries = async (person: string) => (await ok(backend, 'people.get', { id: person })).affiliations.filter((x) => x.primary).map((x) => x.id);
    expect(await primaries(maria)).toEqual([second.id]);
    expect(await primaries(ana)).toEqual([anas.id]);
    const cleared = changeLog(path).filter((r) => r.entity === 'affiliations' && r.entity_id === first.id && r.action === 'update');
    expect(cleared).toHaveLength(1);
    expect(JSON.parse(cleared[0]?.after_json ?? '{}')).toMatchObject({ is_primary: 0 });

    // Making the third primary by update clears the second; saving the primary again changes nothing else.
    await ok(backend, 'affiliations.update', { id: third.id, affiliation: { personId: maria, organizationId: c, role: '', primary: true, startOn: null, endOn: null } });
    expect(await primaries(maria)).toEqual([third.id]);
    const logged = changeLog(path).length;
    await ok(backend, 'affiliations.update', { id: third.id, affiliation: { personId: maria, organizationId: c, role: '', primary: true, startOn: null, endOn: null } });
    expect(changeLog(path).length).toBe(logged);
    expect(await primaries(maria)).toEqual([third.id]);
  });

  it('lists current affiliations first, then by start date, newest first', async () => {
    const { backend } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const org = await addOrganization(backend, 'Org');
    const make = (startOn: string | null, endOn: string | null) =>
      ok(backend, 'affiliations.create', { personId: maria, organizationId: org, role: `${startOn}-${endOn}`, primary: false, startOn, endOn });
    const ended2020 = await make('2018-01-01', '2020-01-01');
    const current2015 = await make('2015-01-01', null);
    const ended2023 = await make('2021-01-01', '2023-01-01');
    const current2022 = await make('2022-01-01', '2999-12-31');
    const currentUndated = await make(null, null);
    const list = (await ok(backend, 'people.get', { id: maria })).affiliations.map((x) => x.id);
    expect(list).toEqual([current2022.id, current2015.id, currentUndated.id, ended2023.id, ended2020.id]);
  });

  it('names the missing person or organization with not_found and writes nothing', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const org = await addOrganization(backend, 'Org');
    const before = snapshot(path);
    const noPerson = await fails(backend, 'affiliations.create', { personId: MISSING, organizationId: org, role: '', primary: true, startOn: null, endOn: null });
    expect(noPerson).toMatchObject({ code: 'not_found' });
    expect(noPerson.message).toMatch(/^Person .* does not exist/);
    expect(issuesOf(noPerson).map((i) => i.path)).toEqual(['personId']);
    const noOrg = await fails(backend, 'affiliations.create', { personId: maria, organizationId: MISSING, role: '', primary: true, startOn: null, endOn: null });
    expect(noOrg.message).toMatch(/^Organization .* does not exist/);
    expect(issuesOf(noOrg).map((i) => i.path)).toEqual(['organizationId']);
    const noAffiliation = await fails(backend, 'affiliations.update', { id: MISSING, affiliation: { personId: maria, organizationId: org, role: '', primary: false, startOn: null, endOn: null } });
    expect(noAffiliation.code).toBe('not_found');
    expect((await fails(backend, 'affiliations.delete', { id: MISSING })).code).toBe('not_found');
    expect(snapshot(path)).toEqual(before);
  });

  it('a failed update writes nothing, not even the primary it would have cleared', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const org = await addOrganization(backend, 'Org');
    await ok(backend, 'affiliations.create', { personId: maria, organizationId: org, role: '', primary: true, startOn: null, endOn: null });
    const other = await ok(backend, 'affiliations.create', { personId: maria, organizationId: org, role: 'b', primary: false, startOn: null, endOn: null });
    const before = snapshot(path);
    const error = await fails(backend, 'affiliations.update', { id: other.id, affiliation: { personId: maria, organizationId: MISSING, role: 'b', primary: true, startOn: null, endOn: null } });
    expect(error.code).toBe('not_found');
    expect(snapshot(path)).toEqual(before);
  });

  it('refuses an end date before the start date', async () => {
    const { backend } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const org = await addOrganization(backend, 'Org');
    const error = await fails(backend, 'affiliations.create', { personId: maria, organizationId: org, role: '', primary: false, startOn: '2024-05-01', endOn: '2024-04-30' });
    expect(error.code).toBe('validation');
    expect(issuesOf(error)).toContainEqual({ path: 'endOn', message: 'The end date is before the start date.' });
    // The same day is fine.
    await ok(backend, 'affiliations.create', { personId: maria, organizationId: org, role: '', primary: false, startOn: '2024-05-01', endOn: '2024-05-01' });
  });
});
