import { describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import { PERSON_SORT_FIELDS } from '@shared/directory/people';
import type { Backend } from '../../../electron/backend/backend';
import { fails, ok, useBackend } from '../../support/backend';
import { addOrganization, addPerson, interactionInput, personInput } from '../../support/people';

interface World {
  backend: Backend;
  ids: Record<'maria' | 'ana' | 'ben' | 'chen' | 'dolores' | 'emeka', string>;
  orgs: Record<'union' | 'clinic', string>;
}

const NO_CONSENT = { mayContact: null, channels: [], recordedOn: null, recordedBy: '' };

/** Six people with known cities, districts, tags, consent, affiliations and contact dates. */
async function world(): Promise<World> {
  const { backend } = await useBackend();
  const orgs = { union: await addOrganization(backend, 'Tenant Union'), clinic: await addOrganization(backend, 'Eastside Clinic') };
  const ids = {} as World['ids'];
  ids.maria = await addPerson(backend, 'Maria Rivera', { city: 'Eastside', district: 'District 4', tags: ['housing', 'youth'], communityLeader: true });
  ids.ana = await addPerson(backend, 'ana lopez', { city: 'westbrook', district: 'district 4', tags: ['health'], communityLeader: false, consent: NO_CONSENT, notes: 'Knows São Paulo organizers.' });
  ids.ben = await addPerson(backend, 'Ben Okafor', { city: 'Northgate', district: 'District 1', tags: [], communityLeader: false, email: 'ben@clinic.example.org', consent: { mayContact: false, channels: [], recordedOn: '2025-01-05', recordedBy: 'Dana' } });
  ids.chen = await addPerson(backend, 'Chen Wei', { city: 'Eastside', district: 'District 2', tags: ['youth'], communityLeader: true, consent: NO_CONSENT });
  ids.dolores = await addPerson(backend, 'Dolores Huerta', { city: '', district: '', tags: ['housing'], communityLeader: false });
  ids.emeka = await addPerson(backend, 'Emeka Obi', { city: 'Eastside', district: 'District 1', tags: ['faith'], communityLeader: false, consent: NO_CONSENT });

  // Maria: primary at the union, an older current role at the clinic. Ana: two current, no primary (the newer one shows).
  // Ben: only an ended affiliation (none shows). Chen: primary that ended (still shows: primary wins).
  await ok(backend, 'affiliations.create', { personId: ids.maria, organizationId: orgs.clinic, role: 'Volunteer', primary: false, startOn: '2018-01-01', endOn: null });
  await ok(backend, 'affiliations.create', { personId: ids.maria, organizationId: orgs.union, role: 'Chair', primary: true, startOn: '2015-01-01', endOn: null });
  await ok(backend, 'affiliations.create', { personId: ids.ana, organizationId: orgs.union, role: 'Member', primary: false, startOn: '2019-01-01', endOn: null });
  await ok(backend, 'affiliations.create', { personId: ids.ana, organizationId: orgs.clinic, role: 'Nurse', primary: false, startOn: '2023-01-01', endOn: null });
  await ok(backend, 'affiliations.create', { personId: ids.ben, organizationId: orgs.clinic, role: 'Doctor', primary: false, startOn: '2010-01-01', endOn: '2012-01-01' });
  await ok(backend, 'affiliations.create', { personId: ids.chen, organizationId: orgs.clinic, role: 'Intern', primary: true, startOn: '2020-01-01', endOn: '2020-12-31' });

  await ok(backend, 'interactions.create', interactionInput({ occurredOn: '2025-01-15', personIds: [ids.maria, ids.ben] }));
  await ok(backend, 'interactions.create', interactionInput({ occurredOn: '2025-03-01', personIds: [ids.maria] }));
  await ok(backend, 'interactions.create', interactionInput({ occurredOn: '2024-11-30', personIds: [ids.chen] }));
  await ok(backend, 'interactions.create', interactionInput({ occurredOn: '2025-02-10', personIds: [ids.emeka] }));
  return { backend, ids, orgs };
}

async function names(w: World, input: Partial<Input<'people.list'>>): Promise<string[]> {
  return (await ok(w.backend, 'people.list', input)).rows.map((r) => r.name);
}

describe('people.list', () => {
  it('lists everyone by name (case-insensitive) with the shown organization and the total', async () => {
    const w = await world();
    const page = await ok(w.backend, 'people.list', {});
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.name)).toEqual(['ana lopez', 'Ben Okafor', 'Chen Wei', 'Dolores Huerta', 'Emeka Obi', 'Maria Rivera']);
    const byName = new Map(page.rows.map((r) => [r.name, r]));
    expect(byName.get('Maria Rivera')?.organization).toEqual({ id: w.orgs.union, name: 'Tenant Union' });
    expect(byName.get('ana lopez')?.organization).toEqual({ id: w.orgs.clinic, name: 'Eastside Clinic' });
    expect(byName.get('Ben Okafor')?.organization).toBeNull();
    expect(byName.get('Chen Wei')?.organization).toEqual({ id: w.orgs.clinic, name: 'Eastside Clinic' });
    expect(byName.get('Dolores Huerta')?.organization).toBeNull();
    expect(byName.get('Maria Rivera')).toMatchObject({
      id: w.ids.maria,
      title: 'Community organizer',
      email: 'maria@eastside.example.org',
      city: 'Eastside',
      district: 'District 4',
      communityLeader: true,
      tags: ['housing', 'youth'],
      lastContactedOn: '2025-03-01',
    });
  });

  it('filters by text (prefix, accent-insensitive, every word)', async () => {
    const w = await world();
    expect(await names(w, { filters: { text: 'riv' } })).toEqual(['Maria Rivera']);
    expect(await names(w, { filters: { text: 'sao paulo' } })).toEqual(['ana lopez']);
    expect(await names(w, { filters: { text: 'clinic.example' } })).toEqual(['Ben Okafor']);
    expect(await names(w, { filters: { text: 'eastside youth' } })).toEqual(['Chen Wei', 'Maria Rivera']);
    expect(await names(w, { filters: { text: '"AND* NEAR(' } })).toEqual([]);
    expect(await names(w, { filters: { text: '  !!  ' } })).toHaveLength(6);
  });

  it('filters by organization, community leader, consent, district, tag and last contact', async () => {
    const w = await world();
    expect(await names(w, { filters: { organizationId: w.orgs.union } })).toEqual(['ana lopez', 'Maria Rivera']);
    expect(await names(w, { filters: { organizationId: w.orgs.clinic } })).toEqual(['ana lopez', 'Ben Okafor', 'Chen Wei', 'Maria Rivera']);
    expect(await names(w, { filters: { communityLeader: true } })).toEqual(['Chen Wei', 'Maria Rivera']);
    expect(await names(w, { filters: { communityLeader: false } })).toEqual(['ana lopez', 'Ben Okafor', 'Dolores Huerta', 'Emeka Obi']);
    expect(await names(w, { filters: { mayContact: true } })).toEqual(['Dolores Huerta', 'Maria Rivera']);
    expect(await names(w, { filters: { mayContact: false } })).toEqual(['Ben Okafor']);
    expect(await names(w, { filters: { district: ['DISTRICT 4'] } })).toEqual(['ana lopez', 'Maria Rivera']);
    expect(await names(w, { filters: { district: ['district 1', 'District 2'] } })).toEqual(['Ben Okafor', 'Chen Wei', 'Emeka Obi']);
    expect(await names(w, { filters: { tag: ['youth'] } })).toEqual(['Chen Wei', 'Maria Rivera']);
    expect(await names(w, { filters: { tag: ['health', 'faith'] } })).toEqual(['ana lopez', 'Emeka Obi']);
    expect(await names(w, { filters: { tag: [] } })).toHaveLength(6);
    // A person with two of the tags, or two roles at the organization, is counted once.
    expect(await ok(w.backend, 'people.list', { filters: { tag: ['housing', 'youth'] } })).toMatchObject({ total: 3, rows: [{ name: 'Chen Wei' }, { name: 'Dolores Huerta' }, { name: 'Maria Rivera' }] });
    await ok(w.backend, 'affiliations.create', { personId: w.ids.maria, organizationId: w.orgs.union, role: 'Treasurer', primary: false, startOn: null, endOn: null });
    expect(await ok(w.backend, 'people.list', { filters: { organizationId: w.orgs.union } })).toMatchObject({ total: 2, rows: [{ name: 'ana lopez' }, { name: 'Maria Rivera' }] });
    expect((await ok(w.backend, 'people.list', { filters: { organizationId: w.orgs.union, tag: ['youth', 'housing'] } })).total).toBe(1);
    expect(await names(w, { filters: { lastContacted: { never: true } } })).toEqual(['ana lopez', 'Dolores Huerta']);
    expect(await names(w, { filters: { lastContacted: { from: '2025-01-01' } } })).toEqual(['Ben Okafor', 'Emeka Obi', 'Maria Rivera']);
    expect(await names(w, { filters: { lastContacted: { from: '2025-01-15', to: '2025-02-10' } } })).toEqual(['Ben Okafor', 'Emeka Obi']);
    expect(await names(w, { filters: { lastContacted: { to: '2024-12-31', never: true } } })).toEqual(['ana lopez', 'Chen Wei', 'Dolores Huerta']);
  });

  it('combines filters: every one must hold', async () => {
    const w = await world();
    expect(await names(w, { filters: { tag: ['youth', 'housing'], communityLeader: true, district: ['district 4'] } })).toEqual(['Maria Rivera']);
    const empty = await ok(w.backend, 'people.list', { filters: { organizationId: w.orgs.union, mayContact: false } });
    expect(empty).toEqual({ total: 0, rows: [] });
  });

  it('sorts by each field in both directions, ties by id (city and last update: in the order the people were added)', async () => {
    const w = await world();
    expect(await names(w, { sort: { field: 'name', direction: 'desc' } })).toEqual(['Maria Rivera', 'Emeka Obi', 'Dolores Huerta', 'Chen Wei', 'Ben Okafor', 'ana lopez']);
    const byCity = await ok(w.backend, 'people.list', { sort: { field: 'city', direction: 'asc' } });
    expect(byCity.rows.map((r) => r.city)).toEqual(['', 'Eastside', 'Eastside', 'Eastside', 'Northgate', 'westbrook']);
    expect(byCity.rows.filter((r) => r.city === 'Eastside').map((r) => r.id)).toEqual([w.ids.maria, w.ids.chen, w.ids.emeka]);
    const byDistrict = await ok(w.backend, 'people.list', { sort: { field: 'district', direction: 'desc' } });
    expect(byDistrict.rows.map((r) => r.district.toLowerCase())).toEqual(['district 4', 'district 4', 'district 2', 'district 1', 'district 1', '']);
    const d4 = byDistrict.rows.slice(0, 2).map((r) => r.id);
    expect(d4).toEqual([...d4].sort().reverse());
    expect(await names(w, { sort: { field: 'lastContactedOn', direction: 'desc' }, filters: { lastContacted: { from: '2000-01-01' } } })).toEqual([
      'Maria Rivera',
      'Emeka Obi',
      'Ben Okafor',
      'Chen Wei',
    ]);
    const byUpdate = await ok(w.backend, 'people.list', { sort: { field: 'updatedAt', direction: 'asc' } });
    const stamps = byUpdate.rows.map((r) => r.updatedAt);
    expect(stamps).toEqual([...stamps].sort());
  });

  it('pages through the results with a stable total', async () => {
    const w = await world();
    const all = await names(w, { limit: 500 });
    const seen: string[] = [];
    for (let offset = 0; offset < 6; offset += 4) {
      const page = await ok(w.backend, 'people.list', { offset, limit: 4 });
      expect(page.total).toBe(6);
      seen.push(...page.rows.map((r) => r.name));
    }
    expect(seen).toEqual(all);
    expect(await ok(w.backend, 'people.list', { offset: 100, limit: 4 })).toEqual({ total: 6, rows: [] });
  });

  it('gives the same order whichever way the page is read (through the sort index or by sorting the matches)', async () => {
    const w = await world();
    for (const field of PERSON_SORT_FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const filters of [{}, { communityLeader: false }, { district: ['district 4', 'district 1'] }]) {
          // A big page of few matches sorts them; one-row pages of many matches walk the sort index.
          const whole = (await ok(w.backend, 'people.list', { filters, sort: { field, direction }, limit: 500 })).rows.map((r) => r.id);
          const oneByOne: string[] = [];
          for (let offset = 0; offset < whole.length; offset += 1) {
            const page = await ok(w.backend, 'people.list', { filters, sort: { field, direction }, offset, limit: 1 });
            expect(page.total).toBe(whole.length);
            oneByOne.push(...page.rows.map((r) => r.id));
          }
          expect(oneByOne, `${field} ${direction} ${JSON.stringify(filters)}`).toEqual(whole);
        }
      }
    }
  });

  it('refuses an unknown sort field and a page too large', async () => {
    const w = await world();
    expect((await fails(w.backend, 'people.list', { sort: { field: 'email', direction: 'asc' } })).code).toBe('validation');
    expect((await fails(w.backend, 'people.list', { limit: 501 })).code).toBe('validation');
  });

  it('finds people after an update changes their searchable fields and labels', async () => {
    const w = await world();
    await ok(w.backend, 'people.update', { id: w.ids.dolores, person: personInput({ name: 'Dolores Huerta', tags: ['labor'], city: 'Bakersfield' }) });
    expect(await names(w, { filters: { tag: ['housing'] } })).toEqual(['Maria Rivera']);
    expect(await names(w, { filters: { tag: ['labor'] } })).toEqual(['Dolores Huerta']);
    expect(await names(w, { filters: { text: 'bakers' } })).toEqual(['Dolores Huerta']);
  });
});
