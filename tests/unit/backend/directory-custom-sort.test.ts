import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import { fails, issuesOf, ok, useBackend } from '../../support/backend';
import { personInput } from '../../support/people';
import { organizationInput } from '../../support/samples';

// Sorting the directory table by a custom field (`sort.field = 'cf:<field id>'`): each kind's
// order, records without a value last in both directions, ties by name then id, pages that line
// up whether the page is found by walking the value index (many matches) or by sorting every
// match (few), the export in the same order, people too, refusals, and saved views.

type Backend = Awaited<ReturnType<typeof useBackend>>['backend'];
type OrgList = Input<'organizations.list'>;

function org(name: string, custom: Input<'organizations.create'>['custom'], overrides: Partial<Input<'organizations.create'>> = {}): Input<'organizations.create'> {
  return organizationInput({ name, website: '', email: '', phone: '', registrationNumber: '', otherNames: [], custom, ...overrides });
}

async function names(backend: Backend, input: OrgList): Promise<string[]> {
  return (await ok(backend, 'organizations.list', input)).rows.map((r) => r.name);
}

/** Every page of `limit` rows, concatenated, and the totals each page gave. */
async function pagedNames(backend: Backend, input: OrgList, limit: number): Promise<{ names: string[]; totals: Set<number> }> {
  const out: string[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += limit) {
    const page = await ok(backend, 'organizations.list', { ...input, offset, limit });
    totals.add(page.total);
    out.push(...page.rows.map((r) => r.name));
    if (page.rows.length < limit) break;
  }
  return { names: out, totals };
}

async function fourKinds(backend: Backend) {
  const dues = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Dues status', kind: 'choice', choices: ['Waived', 'Paid', 'Late'] });
  const members = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Members', kind: 'number' });
  const renewal = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Renewal date', kind: 'date' });
  const contact = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Board contact', kind: 'text' });
  return { dues, members, renewal, contact };
}

describe('sorting organizations by a custom field', () => {
  it('orders each kind (text ignoring case, numbers, dates, choices by label) with records without a value last both ways', async () => {
    const { backend } = await useBackend();
    const { dues, members, renewal, contact } = await fourKinds(backend);
    await ok(backend, 'organizations.create', org('Alder Health Clinic', { [dues.id]: 'Paid', [members.id]: 40, [renewal.id]: '2026-01-15', [contact.id]: 'dana' }));
    await ok(backend, 'organizations.create', org('Bay Tenants Union', { [dues.id]: 'Waived', [members.id]: 300, [renewal.id]: '2025-07-01', [contact.id]: 'Lee' }));
    await ok(backend, 'organizations.create', org('Cedar Youth Council', { [dues.id]: 'Late', [members.id]: -2.5, [contact.id]: 'Carmen' }));
    await ok(backend, 'organizations.create', org('Delta Faith Network', {}));
    await ok(backend, 'organizations.create', org('Elm Food Bank', { [members.id]: 9 }));

    const sorted = (field: string, direction: 'asc' | 'desc') => names(backend, { filters: {}, sort: { field: `cf:${field}`, direction } });
    // Text ignores case: "Carmen" < "dana" < "Lee".
    expect(await sorted(contact.id, 'asc')).toEqual(['Cedar Youth Council', 'Alder Health Clinic', 'Bay Tenants Union', 'Delta Faith Network', 'Elm Food Bank']);
    expect(await sorted(contact.id, 'desc')).toEqual(['Bay Tenants Union', 'Alder Health Clinic', 'Cedar Youth Council', 'Elm Food Bank', 'Delta Faith Network']);
    // Numbers by value, not as text (-2.5 < 9 < 40 < 300).
    expect(await sorted(members.id, 'asc')).toEqual(['Cedar Youth Council', 'Elm Food Bank', 'Alder Health Clinic', 'Bay Tenants Union', 'Delta Faith Network']);
    expect(await sorted(members.id, 'desc')).toEqual(['Bay Tenants Union', 'Alder Health Clinic', 'Elm Food Bank', 'Cedar Youth Council', 'Delta Faith Network']);
    expect(await sorted(renewal.id, 'asc')).toEqual(['Bay Tenants Union', 'Alder Health Clinic', 'Cedar Youth Council', 'Delta Faith Network', 'Elm Food Bank']);
    expect(await sorted(renewal.id, 'desc')).toEqual(['Alder Health Clinic', 'Bay Tenants Union', 'Elm Food Bank', 'Delta Faith Network', 'Cedar Youth Council']);
    // Choices by their label (Late, Paid, Waived), not by their order in the field (Waived, Paid, Late).
    expect(await sorted(dues.id, 'asc')).toEqual(['Cedar Youth Council', 'Alder Health Clinic', 'Bay Tenants Union', 'Delta Faith Network', 'Elm Food Bank']);
    expect(await sorted(dues.id, 'desc')).toEqual(['Bay Tenants Union', 'Alder Health Clinic', 'Cedar Youth Council', 'Elm Food Bank', 'Delta Faith Network']);
    // The rows carry their values, as for any sort.
    const first = (await ok(backend, 'organizations.list', { filters: {}, sort: { field: `cf:${members.id}`, direction: 'asc' }, limit: 1 })).rows[0];
    expect(first?.custom).toEqual({ [dues.id]: 'Late', [members.id]: -2.5, [contact.id]: 'Carmen' });
  });

  it('breaks ties by name (ignoring case) then id, and pages line up with the whole list whichever way the page is found', async () => {
    const { backend } = await useBackend();
    const { dues, members } = await fourKinds(backend);
    // 40 organizations: three dues values, some with none; a few share a name (told apart by id).
    const rows: { name: string; dues: string | null; members: number | null; stage: 'engaged' | 'member'; id: string }[] = [];
    for (let i = 0; i < 40; i++) {
      const name = i % 13 === 0 ? 'Shared Name Collective' : `${['oak', 'Pine', 'ash', 'Birch'][i % 4] ?? ''} Partners ${String((i * 7) % 40).padStart(2, '0')}`;
      const duesValue = i % 5 === 0 ? null : (['Paid', 'Late', 'Waived'][i % 3] ?? null);
      const membersValue = i % 4 === 0 ? null : (i * 37) % 11;
      const stage = i % 3 === 0 ? 'member' : 'engaged';
      const created = await ok(backend, 'organizations.create', org(name, { [dues.id]: duesValue, [members.id]: membersValue }, { stage, tier: stage === 'member' ? 'ally' : null }));
      rows.push({ name, dues: duesValue, members: membersValue, stage, id: created.id });
    }
    const byName = (a: (typeof rows)[number], b: (typeof rows)[number]) => a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    function expected(key: 'dues' | 'members', direction: 'asc' | 'desc', keep: (r: (typeof rows)[number]) => boolean = () => true): string[] {
      const sign = direction === 'asc' ? 1 : -1;
      const compareValues = (a: string | number, b: string | number) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en'));
      const kept = rows.filter(keep);
      const valued = kept.filter((r) => r[key] !== null).sort((a, b) => sign * (compareValues(a[key] ?? 0, b[key] ?? 0) || byName(a, b)));
      const blank = kept.filter((r) => r[key] === null).sort((a, b) => sign * byName(a, b));
      return [...valued, ...blank].map((r) => r.name);
    }

    for (const key of ['dues', 'members'] as const) {
      const field = key === 'dues' ? dues.id : members.id;
      for (const direction of ['asc', 'desc'] as const) {
        const sort = { field: `cf:${field}` as const, direction };
        // No filter: many matches, so pages walk the value index, then the name index for blanks.
        const whole = expected(key, direction);
        expect(await names(backend, { filters: {}, sort, limit: 100 })).toEqual(whole);
        for (const limit of [3, 7]) {
          const paged = await pagedNames(backend, { filters: {}, sort }, limit);
          expect(paged.names).toEqual(whole);
          expect([...paged.totals]).toEqual([40]);
        }
        // A page starting past the records with a value (the count of those is asked for).
        const valued = rows.filter((r) => r[key] !== null).length;
        expect(await names(backend, { filters: {}, sort, offset: valued + 2, limit: 3 })).toEqual(whole.slice(valued + 2, valued + 5));
        // A broad built-in filter (still walked) and a narrow one (every match read and sorted).
        const members13 = expected(key, direction, (r) => r.stage === 'member');
        expect((await pagedNames(backend, { filters: { stage: ['member'] }, sort }, 4)).names).toEqual(members13);
        const narrow = expected(key, direction, (r) => r.name === 'Shared Name Collective');
        expect(narrow.length).toBeGreaterThan(1);
        expect((await pagedNames(backend, { filters: { text: 'shared' }, sort }, 2)).names).toEqual(narrow);
        // A custom filter on the same field.
        const paidOrLate = expected(key, direction, (r) => r.dues === 'Paid' || r.dues === 'Late');
        expect((await pagedNames(backend, { filters: { custom: [{ fieldId: dues.id, values: ['paid', 'LATE'] }] }, sort }, 5)).names).toEqual(paidOrLate);
      }
    }
  });

  it('pages a common choice the same whether its records are looked up one by one, read as a set, or read and sorted', async () => {
    const { backend } = await useBackend();
    const { dues } = await fourKinds(backend);
    // 16 paid (common: walked along the name index), 4 late (rare: read and sorted), 2 with none.
    const expected: string[] = [];
    for (let i = 0; i < 22; i++) {
      const value = i < 4 ? 'Late' : i < 20 ? 'Paid' : null;
      const name = `Partner ${String.fromCharCode(97 + ((i * 5) % 22))}`;
      await ok(backend, 'organizations.create', org(name, { [dues.id]: value }));
      expected.push(`${value ?? 'zz'}|${name}`);
    }
    const inOrder = [...expected].sort().map((key) => key.split('|')[1]);
    for (const direction of ['asc', 'desc'] as const) {
      const sort = { field: `cf:${dues.id}` as const, direction };
      const want = direction === 'asc' ? inOrder : [...inOrder.slice(0, 20).reverse(), ...inOrder.slice(20).reverse()];
      expect(await names(backend, { filters: {}, sort })).toEqual(want);
      // One row a page: the first pages of the paid organizations look each one up, later ones read them once.
      expect((await pagedNames(backend, { filters: {}, sort }, 1)).names).toEqual(want);
      expect((await pagedNames(backend, { filters: {}, sort }, 6)).names).toEqual(want);
    }
  });

  it('exports in the same order as the table', async () => {
    const { backend } = await useBackend();
    const { members } = await fourKinds(backend);
    for (const [name, value] of [['Alder', 5], ['Birch', null], ['Cedar', 1], ['Dogwood', 5], ['Elm', null]] as const) {
      await ok(backend, 'organizations.create', org(name, { [members.id]: value }));
    }
    for (const direction of ['asc', 'desc'] as const) {
      const sort = { field: `cf:${members.id}` as const, direction };
      const listed = await names(backend, { filters: {}, sort });
      const file = await ok(backend, 'directory.export', { entity: 'organization', format: 'csv', scope: { filters: {}, sort }, columns: ['name'] });
      const parsed = Papa.parse<string[]>(file.content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1).map((r) => r[0]);
      expect(parsed).toEqual(listed);
    }
    expect(await names(backend, { filters: {}, sort: { field: `cf:${members.id}`, direction: 'desc' } })).toEqual(['Dogwood', 'Alder', 'Cedar', 'Elm', 'Birch']);
  });

  it('refuses a deleted field, another entity’s field and a malformed key, with a clear message', async () => {
    const { backend } = await useBackend();
    const { members } = await fourKinds(backend);
    const shirt = await ok(backend, 'customFields.save', { entity: 'person', label: 'Shirt size', kind: 'choice', choices: ['S', 'M'] });
    await ok(backend, 'organizations.create', org('Alder', { [members.id]: 5 }));
    await ok(backend, 'customFields.delete', { id: members.id });

    const deleted = await fails(backend, 'organizations.list', { filters: {}, sort: { field: `cf:${members.id}`, direction: 'asc' } });
    expect(deleted.code).toBe('validation');
    expect(deleted.message).toBe('The organizations cannot be sorted by this custom field: the field does not exist (it may have been deleted). Sort by another column.');
    expect(issuesOf(deleted)).toEqual([{ path: 'sort.field', message: 'This custom field does not exist.' }]);

    const other = await fails(backend, 'organizations.list', { filters: {}, sort: { field: `cf:${shirt.id}`, direction: 'asc' } });
    expect(other.message).toBe('The organizations cannot be sorted by this custom field: “Shirt size” is a field of people, not of organizations. Sort by another column.');

    const malformed = await fails(backend, 'organizations.list', { filters: {}, sort: { field: 'cf:members', direction: 'asc' } });
    expect(malformed.code).toBe('validation');
    expect(issuesOf(malformed)[0]).toMatchObject({ path: 'sort.field' });
    expect(issuesOf(malformed)[0]?.message).toContain('or a custom field (cf:<field id>)');
    // An export of a deleted field's sort is not refused: every record is without a value, so by name.
    await ok(backend, 'directory.export', { entity: 'organization', format: 'csv', scope: { filters: {}, sort: { field: `cf:${members.id}`, direction: 'asc' } } });
  });
});

describe('sorting people by a custom field', () => {
  it('orders people by the value, those without last, and pages line up', async () => {
    const { backend } = await useBackend();
    const hours = await ok(backend, 'customFields.save', { entity: 'person', label: 'Volunteer hours', kind: 'number' });
    const values = [12, null, 3, 12, 40, null, 7, 3, 0, 25];
    for (const [i, value] of values.entries()) {
      await ok(backend, 'people.create', { ...personInput({ name: `Person ${String.fromCharCode(74 - i)}`, communityLeader: i % 2 === 0 }), custom: { [hours.id]: value } });
    }
    const list = async (direction: 'asc' | 'desc', filters: Input<'people.list'>['filters'] = {}, offset = 0, limit = 100) =>
      (await ok(backend, 'people.list', { filters, sort: { field: `cf:${hours.id}`, direction }, offset, limit })).rows.map((r) => r.name.slice(-1));
    // J=12, I=–, H=3, G=12, F=40, E=–, D=7, C=3, B=0, A=25
    expect(await list('asc')).toEqual(['B', 'C', 'H', 'D', 'G', 'J', 'A', 'F', 'E', 'I']);
    expect(await list('desc')).toEqual(['F', 'A', 'J', 'G', 'D', 'H', 'C', 'B', 'I', 'E']);
    for (const direction of ['asc', 'desc'] as const) {
      const whole = await list(direction);
      const pages = [...(await list(direction, {}, 0, 3)), ...(await list(direction, {}, 3, 3)), ...(await list(direction, {}, 6, 3)), ...(await list(direction, {}, 9, 3))];
      expect(pages).toEqual(whole);
      // Community leaders (J, H, F, D, B): few matches, read and sorted.
      expect(await list(direction, { communityLeader: true })).toEqual(whole.filter((n) => 'JHFDB'.includes(n)));
      expect([...(await list(direction, { communityLeader: true }, 0, 2)), ...(await list(direction, { communityLeader: true }, 2, 2)), ...(await list(direction, { communityLeader: true }, 4, 2))]).toEqual(
        whole.filter((n) => 'JHFDB'.includes(n)),
      );
    }
    const refused = await fails(backend, 'people.list', { filters: {}, sort: { field: 'cf:00000000-0000-4000-8000-0000000000ff', direction: 'asc' } });
    expect(refused.message).toBe('The people cannot be sorted by this custom field: the field does not exist (it may have been deleted). Sort by another column.');
  });
});

describe('saved views sorted by a custom field', () => {
  it('keeps the sort; refuses a field that does not exist; falls back to name when the field is deleted later', async () => {
    const { backend } = await useBackend();
    const { members } = await fourKinds(backend);
    const hours = await ok(backend, 'customFields.save', { entity: 'person', label: 'Volunteer hours', kind: 'number' });
    const input: Input<'views.save'> = {
      name: 'Biggest first',
      entity: 'organization',
      filters: { stage: ['member'] },
      sort: { field: `cf:${members.id}`, direction: 'desc' },
      columns: ['name', `cf:${members.id}`],
    };
    const saved = await ok(backend, 'views.save', input);
    expect(saved.sort).toEqual({ field: `cf:${members.id}`, direction: 'desc' });
    await ok(backend, 'views.save', { name: 'Most hours', entity: 'person', filters: {}, sort: { field: `cf:${hours.id}`, direction: 'desc' }, columns: ['name'] });
    expect((await ok(backend, 'views.list', {})).map((v) => [v.name, v.sort])).toEqual([
      ['Biggest first', { field: `cf:${members.id}`, direction: 'desc' }],
      ['Most hours', { field: `cf:${hours.id}`, direction: 'desc' }],
    ]);

    // Another entity's field, or one that never existed: refused, nothing saved.
    const wrongEntity = await fails(backend, 'views.save', { ...input, name: 'Wrong', sort: { field: `cf:${hours.id}`, direction: 'asc' } });
    expect(wrongEntity.code).toBe('validation');
    expect(wrongEntity.message).toContain('“Volunteer hours” is a field of people, not of organizations');
    const missing = await fails(backend, 'views.save', { ...input, name: 'Missing', sort: { field: 'cf:00000000-0000-4000-8000-0000000000ff', direction: 'asc' } });
    expect(issuesOf(missing)).toEqual([{ path: 'sort.field', message: 'This custom field does not exist.' }]);
    expect((await ok(backend, 'views.list', {})).map((v) => v.name)).toEqual(['Biggest first', 'Most hours']);

    // The field is deleted: the view still opens, sorted by name, with its filters; the other view is untouched.
    await ok(backend, 'customFields.delete', { id: members.id });
    const [fallen, other] = await ok(backend, 'views.list', {});
    expect(fallen).toMatchObject({ name: 'Biggest first', filters: { stage: ['member'] }, sort: { field: 'name', direction: 'asc' } });
    expect(other?.sort).toEqual({ field: `cf:${hours.id}`, direction: 'desc' });
    expect((await ok(backend, 'organizations.list', { filters: fallen?.entity === 'organization' ? fallen.filters : {}, sort: fallen?.entity === 'organization' ? fallen.sort : { field: 'name', direction: 'asc' } })).total).toBe(0);
  });
});
