import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { ftsQuery } from '../../../electron/backend/directory/lists';
import { RANKED_WINDOW } from '../../../electron/backend/directory/search/service';
import { generateDirectory } from '../../../electron/backend/sample/directory';
import { ok, useBackend, withSqlite } from '../../support/backend';
import { organizationInput } from '../../support/samples';

// directory.search: search-as-you-type over organizations and people, on real FTS5 tables.

interface Seeded {
  clinic: string;
  union: string;
  foundation: string;
  maria: string;
  joao: string;
}

async function seed(backend: Backend, path: string): Promise<Seeded> {
  const clinic = await ok(
    backend,
    'organizations.create',
    organizationInput({ name: 'Centro de Saúde Comunitária', otherNames: ['CSC'], city: 'São Paulo', type: 'public_health', email: 'contato@csc.example.org', tags: ['clinic'], notes: 'Runs the Saturday vaccination drive.' }),
  );
  const union = await ok(
    backend,
    'organizations.create',
    organizationInput({
      name: 'Harbor Tenants Union',
      otherNames: [],
      sector: 'nonprofit',
      type: 'advocacy_group',
      stage: 'engaged',
      tier: null,
      city: 'Harbor City',
      email: 'hello@tenants.example.org',
      tags: ['tenants'],
      notes: 'Organizes rent strikes.',
    }),
  );
  const foundation = await ok(
    backend,
    'organizations.create',
    organizationInput({ name: 'Paulo Freire Foundation', otherNames: [], sector: 'private', type: 'philanthropy', city: '', email: '', tags: [], notes: '' }),
  );
  const maria = await ok(backend, 'people.create', {
    name: 'María José Núñez',
    pronouns: 'she/her',
    title: 'Executive Director',
    languages: ['Spanish'],
    email: 'maria@csc.example.org',
    phone: '',
    city: 'São Paulo',
    district: 'District 4',
    communityLeader: true,
    tags: ['spokesperson'],
    notes: '',
    consent: { mayContact: null, channels: [], recordedOn: null, recordedBy: '' },
  });
  const joao = await ok(backend, 'people.create', {
    name: 'João Paulo Silva',
    pronouns: '',
    title: '',
    languages: [],
    email: '',
    phone: '',
    city: 'Harbor City',
    district: '',
    communityLeader: false,
    tags: [],
    notes: 'Met at the tenants rally.',
    consent: { mayContact: null, channels: [], recordedOn: null, recordedBy: '' },
  });
  // María's primary organization is the clinic; an older, non-primary one is the union.
  withSqlite(path, (db) => {
    const insert = db.prepare('insert into affiliations (id, person_id, organization_id, role, is_primary, start_on, end_on) values (?, ?, ?, ?, ?, ?, ?)');
    insert.run('a0000000-0000-4000-8000-000000000001', maria.id, union.id, 'Volunteer', 0, '2019-01-01', '2021-01-01');
    insert.run('a0000000-0000-4000-8000-000000000002', maria.id, clinic.id, 'Executive Director', 1, '2021-02-01', null);
  });
  return { clinic: clinic.id, union: union.id, foundation: foundation.id, maria: maria.id, joao: joao.id };
}

async function search(backend: Backend, query: string, limit?: number) {
  return ok(backend, 'directory.search', limit === undefined ? { query } : { query, limit });
}

describe('directory.search', () => {
  it('finds accented names without accents, by prefix, over organizations and people', async () => {
    const { backend, path } = await useBackend();
    const ids = await seed(backend, path);
    const hits = await search(backend, 'Sao Paulo');
    expect(hits.map((h) => h.id).sort()).toEqual([ids.clinic, ids.maria].sort());
    expect((await search(backend, 'sao pau')).map((h) => h.id).sort()).toEqual([ids.clinic, ids.maria].sort());
    expect((await search(backend, 'nunez')).map((h) => h.id)).toEqual([ids.maria]);
    expect((await search(backend, 'JOAO')).map((h) => h.id)).toEqual([ids.joao]);
    expect((await search(backend, 'saúde')).map((h) => h.id)).toEqual([ids.clinic]);
  });

  it('ranks a name match above a match elsewhere, then by name', async () => {
    const { backend, path } = await useBackend();
    const ids = await seed(backend, path);
    // "paulo": the foundation and João Paulo have it in the name; the clinic and María only in the city.
    const hits = await search(backend, 'paulo');
    expect(hits.slice(0, 2).map((h) => h.id).sort()).toEqual([ids.foundation, ids.joao].sort());
    expect(hits.slice(2).map((h) => h.id).sort()).toEqual([ids.clinic, ids.maria].sort());
  });

  it('searches email, city, tags, notes and other names', async () => {
    const { backend, path } = await useBackend();
    const ids = await seed(backend, path);
    expect((await search(backend, 'contato@csc')).map((h) => h.id)).toEqual([ids.clinic]);
    expect((await search(backend, 'harbor city')).map((h) => h.id).sort()).toEqual([ids.union, ids.joao].sort());
    expect((await search(backend, 'spokesperson')).map((h) => h.id)).toEqual([ids.maria]);
    expect((await search(backend, 'vaccination')).map((h) => h.id)).toEqual([ids.clinic]);
    expect((await search(backend, 'rent strike')).map((h) => h.id)).toEqual([ids.union]);
    expect((await search(backend, 'csc')).map((h) => h.id).sort()).toEqual([ids.clinic, ids.maria].sort()); // other name; María's email
  });

  it('describes each hit: type and city for organizations, title and primary organization for people', async () => {
    const { backend, path } = await useBackend();
    await seed(backend, path);
    expect(await search(backend, 'centro')).toEqual([
      { entity: 'organization', id: expect.any(String) as unknown, name: 'Centro de Saúde Comunitária', detail: 'Public health organization · São Paulo' },
    ]);
    expect((await search(backend, 'freire'))[0]?.detail).toBe('Philanthropy / foundation');
    expect((await search(backend, 'maria'))[0]).toMatchObject({ entity: 'person', name: 'María José Núñez', detail: 'Executive Director · Centro de Saúde Comunitária' });
    expect((await search(backend, 'joao'))[0]?.detail).toBe('');
  });

  it('answers an empty or blank query with nothing', async () => {
    const { backend, path } = await useBackend();
    await seed(backend, path);
    expect(await search(backend, '')).toEqual([]);
    expect(await search(backend, '   \t ')).toEqual([]);
    expect(await search(backend, '*** ""')).toEqual([]);
  });

  it('treats FTS syntax as text, never as an error', async () => {
    const { backend, path } = await useBackend();
    const ids = await seed(backend, path);
    for (const query of ['"', '""', '*', 'AND', 'OR', 'NOT', 'NEAR(', 'NEAR(sao paulo, 2)', '^', '^sao', 'name:harbor', '(harbor', 'harbor)', '-harbor', '+', "o'brien", 'a"b*c^d', '{name}: x']) {
      const result = await backend.call('directory.search', { query });
      expect(result.ok, query).toBe(true);
    }
    expect((await search(backend, 'NEAR(harbor')).map((h) => h.id).sort()).toEqual([]);
    expect((await search(backend, '"harbor"')).map((h) => h.id).sort()).toEqual([ids.union, ids.joao].sort());
    expect((await search(backend, 'harbor*')).map((h) => h.id).sort()).toEqual([ids.union, ids.joao].sort());
    expect((await search(backend, '^sao')).map((h) => h.id).sort()).toEqual([ids.clinic, ids.maria].sort());
  });

  it('limits the merged list', async () => {
    const { backend } = await useBackend();
    for (let i = 0; i < 30; i++) await ok(backend, 'organizations.create', organizationInput({ name: `Riverside Group ${i}` }));
    expect(await search(backend, 'riverside')).toHaveLength(20);
    expect(await search(backend, 'riverside', 5)).toHaveLength(5);
    expect(await search(backend, 'riverside', 50)).toHaveLength(30);
  });
});

describe('directory.search over more matches than it ranks', () => {
  it('still fills the list for a one-letter query, and ranks a longer query exactly', async () => {
    const { backend } = await useBackend();
    await backend.bulkLoad((sqlite) => generateDirectory(sqlite, { organizations: 1500, people: 1500, affiliations: 1500, interactions: 100, seed: 9 }));
    const broad = await ok(backend, 'directory.search', { query: 'a', limit: 50 });
    expect(broad).toHaveLength(50);
    // A name typed out ranks its own record first even though it was added early (outside the newest window).
    const { rows } = await ok(backend, 'organizations.list', { sort: { field: 'updatedAt', direction: 'asc' }, limit: 1 });
    const early = rows[0];
    if (!early) throw new Error('no organization');
    const renamed = await ok(backend, 'organizations.get', { id: early.id });
    const { id: _id, stageChangedOn: _s, lastContactedOn: _l, createdAt: _c, updatedAt: _u, stageHistory: _h, affiliations: _a, relationships: _r, interactions: _i, interactionCount: _n, ...input } = renamed;
    await ok(backend, 'organizations.update', { id: early.id, organization: { ...input, name: 'Zyxwv Quilombola Collective' } });
    expect((await ok(backend, 'directory.search', { query: 'zyxwv quilo' }))[0]?.id).toBe(early.id);
    expect(RANKED_WINDOW).toBeLessThan(1500);
  });
});

describe('ftsQuery', () => {
  it('quotes every word as a prefix and drops words that another word already covers', () => {
    expect(ftsQuery('sao pau')).toBe('"sao"* "pau"*');
    expect(ftsQuery('c c')).toBe('"c"*');
    expect(ftsQuery('sa São')).toBe('"São"*');
    expect(ftsQuery('Sao sa')).toBe('"Sao"*');
    expect(ftsQuery('AND NEAR( "x*')).toBe('"AND"* "NEAR"* "x"*');
    expect(ftsQuery(' *^" ')).toBeNull();
  });
});
