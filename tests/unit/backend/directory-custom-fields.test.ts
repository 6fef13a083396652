import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import { changeLog, fails, issuesOf, ok, useBackend, withSqlite } from '../../support/backend';
import { personInput } from '../../support/people';
import { organizationInput } from '../../support/samples';

// Custom fields: coordinator-defined text / number / date / choice fields on organizations and
// people, their values on create / update, validation per kind, filters, list rows, merge,
// export, deletion and the change log.

type Backend = Awaited<ReturnType<typeof useBackend>>['backend'];

async function defineFields(backend: Backend) {
  const dues = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Dues status', kind: 'choice', choices: ['Paid', 'Waived', 'Late'] });
  const members = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Members', kind: 'number' });
  const renewal = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Renewal date', kind: 'date' });
  const contact = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Board contact', kind: 'text' });
  return { dues, members, renewal, contact };
}

function org(name: string, custom: Input<'organizations.create'>['custom']): Input<'organizations.create'> {
  return organizationInput({ name, website: '', email: '', phone: '', registrationNumber: '', otherNames: [], custom });
}

async function names(backend: Backend, filters: Input<'organizations.list'>['filters']): Promise<string[]> {
  return (await ok(backend, 'organizations.list', { filters, sort: { field: 'name', direction: 'asc' } })).rows.map((r) => r.name);
}

describe('custom field definitions', () => {
  it('creates fields of each kind in order and lists them per entity', async () => {
    const { backend } = await useBackend();
    const { dues, members, renewal, contact } = await defineFields(backend);
    await ok(backend, 'customFields.save', { entity: 'person', label: 'Shirt size', kind: 'choice', choices: ['S', 'M', 'L'] });
    const listed = await ok(backend, 'customFields.list', { entity: 'organization' });
    expect(listed.map((f) => [f.label, f.kind, f.position, f.valueCount])).toEqual([
      ['Dues status', 'choice', 0, 0],
      ['Members', 'number', 1, 0],
      ['Renewal date', 'date', 2, 0],
      ['Board contact', 'text', 3, 0],
    ]);
    expect(listed.map((f) => f.id)).toEqual([dues.id, members.id, renewal.id, contact.id]);
    expect(dues.choices).toEqual(['Paid', 'Waived', 'Late']);
    expect((await ok(backend, 'customFields.list', { entity: 'person' })).map((f) => f.label)).toEqual(['Shirt size']);
  });

  it('renames and reorders a field; refuses duplicate names, choice problems and a kind change while values exist', async () => {
    const { backend } = await useBackend();
    const { dues, members } = await defineFields(backend);
    const renamed = await ok(backend, 'customFields.save', { entity: 'organization', id: dues.id, label: 'Dues', kind: 'choice', choices: dues.choices, position: 9 });
    expect(renamed).toMatchObject({ label: 'Dues', position: 9 });
    expect((await ok(backend, 'customFields.list', { entity: 'organization' })).at(-1)?.label).toBe('Dues');

    const clash = await fails(backend, 'customFields.save', { entity: 'organization', label: 'members', kind: 'text' });
    expect(clash.code).toBe('conflict');
    expect(clash.message).toContain('“Members”');
    // The same name on the other entity is fine.
    await ok(backend, 'customFields.save', { entity: 'person', label: 'Members', kind: 'text' });

    const noChoices = await fails(backend, 'customFields.save', { entity: 'organization', label: 'Size', kind: 'choice', choices: [] });
    expect(issuesOf(noChoices)).toContainEqual({ path: 'choices', message: 'A choice field needs at least one choice.' });
    const repeated = await fails(backend, 'customFields.save', { entity: 'organization', label: 'Size', kind: 'choice', choices: ['Big', 'big'] });
    expect(issuesOf(repeated)[0]?.path).toBe('choices.1');
    const stray = await fails(backend, 'customFields.save', { entity: 'organization', label: 'Size', kind: 'text', choices: ['x'] });
    expect(issuesOf(stray)[0]?.message).toBe('Only a choice field has choices.');

    // No values yet: the kind may change.
    await ok(backend, 'customFields.save', { entity: 'organization', id: members.id, label: 'Members', kind: 'text' });
    await ok(backend, 'customFields.save', { entity: 'organization', id: members.id, label: 'Members', kind: 'number' });
    await ok(backend, 'organizations.create', org('Harbor Legal Aid', { [members.id]: 12, [dues.id]: 'Paid' }));
    const kindChange = await fails(backend, 'customFields.save', { entity: 'organization', id: members.id, label: 'Members', kind: 'text' });
    expect(kindChange.code).toBe('conflict');
    expect(kindChange.message).toMatch(/“Members” has values on 1 record, so it cannot become a text field/);
    const removeUsed = await fails(backend, 'customFields.save', { entity: 'organization', id: dues.id, label: 'Dues', kind: 'choice', choices: ['Waived'] });
    expect(removeUsed.message).toBe('1 record uses the choice “Paid” of “Dues”. Change those records first, then remove the choice.');
    // An unused choice may go.
    expect((await ok(backend, 'customFields.save', { entity: 'organization', id: dues.id, label: 'Dues', kind: 'choice', choices: ['Paid', 'Waived'] })).choices).toEqual([
      'Paid',
      'Waived',
    ]);
    const moved = await fails(backend, 'customFields.save', { entity: 'person', id: dues.id, label: 'Dues', kind: 'choice', choices: ['Paid'] });
    expect(moved.code).toBe('validation');
  });
});

describe('custom values on organizations and people', () => {
  it('sets values on create, changes and clears them on update, and leaves them alone when custom is absent', async () => {
    const { backend } = await useBackend();
    const { dues, members, renewal, contact } = await defineFields(backend);
    const created = await ok(
      backend,
      'organizations.create',
      org('Harbor Legal Aid', { [dues.id]: 'waived', [members.id]: 120.5, [renewal.id]: '2026-09-30', [contact.id]: '  Dana Ruiz  ' }),
    );
    // Choices are stored as defined (case from the field), text trimmed.
    expect(created.custom).toEqual({ [dues.id]: 'Waived', [members.id]: 120.5, [renewal.id]: '2026-09-30', [contact.id]: 'Dana Ruiz' });

    const updated = await ok(backend, 'organizations.update', { id: created.id, organization: org('Harbor Legal Aid', { [dues.id]: 'Paid', [members.id]: null, [contact.id]: '' }) });
    expect(updated.custom).toEqual({ [dues.id]: 'Paid', [renewal.id]: '2026-09-30' });

    // No `custom` at all: values are kept (a caller unaware of custom fields cannot wipe them).
    const untouched = await ok(backend, 'organizations.update', { id: created.id, organization: org('Harbor Legal Aid, Inc.', undefined) });
    expect(untouched.custom).toEqual({ [dues.id]: 'Paid', [renewal.id]: '2026-09-30' });
    expect((await ok(backend, 'organizations.get', { id: created.id })).custom).toEqual({ [dues.id]: 'Paid', [renewal.id]: '2026-09-30' });

    const shirt = await ok(backend, 'customFields.save', { entity: 'person', label: 'Shirt size', kind: 'choice', choices: ['S', 'M', 'L'] });
    const person = await ok(backend, 'people.create', { ...personInput(), custom: { [shirt.id]: 'M' } });
    expect(person.custom).toEqual({ [shirt.id]: 'M' });
    expect((await ok(backend, 'people.get', { id: person.id })).custom).toEqual({ [shirt.id]: 'M' });
    expect((await ok(backend, 'people.update', { id: person.id, person: { ...personInput(), custom: { [shirt.id]: 'L' } } })).custom).toEqual({ [shirt.id]: 'L' });
  });

  it('refuses a value of the wrong kind with a field-level error naming the field, and an unknown field id', async () => {
    const { backend, path } = await useBackend();
    const { dues, members, renewal, contact } = await defineFields(backend);
    const cases: [string, string | number, string][] = [
      [members.id, 'twelve', 'Members must be a number.'],
      [renewal.id, '30/09/2026', 'Renewal date must be a date in the form YYYY-MM-DD.'],
      [renewal.id, '2026-02-30', 'Renewal date must be a date in the form YYYY-MM-DD.'],
      [renewal.id, 20260930, 'Renewal date must be a date in the form YYYY-MM-DD.'],
      [dues.id, 'Overdue', 'Dues status must be one of its choices (“Overdue” is not): “Paid”, “Waived”, “Late”.'],
      [dues.id, 3, 'Dues status must be one of its choices: “Paid”, “Waived”, “Late”.'],
      [contact.id, 7, 'Board contact must be text.'],
    ];
    for (const [fieldId, value, message] of cases) {
      const error = await fails(backend, 'organizations.create', org('Harbor Legal Aid', { [fieldId]: value }));
      expect(error.code, message).toBe('validation');
      expect(issuesOf(error)).toEqual([{ path: `custom.${fieldId}`, message }]);
      expect(error.message).toContain(message);
    }
    const tooLong = await fails(backend, 'organizations.create', org('Harbor Legal Aid', { [contact.id]: 'x'.repeat(2001) }));
    expect(issuesOf(tooLong)[0]?.path).toBe(`custom.${contact.id}`);

    const unknown = '00000000-0000-4000-8000-0000000000ff';
    const error = await fails(backend, 'organizations.create', org('Harbor Legal Aid', { [unknown]: 'x' }));
    expect(error.code).toBe('validation');
    expect(issuesOf(error)[0]).toMatchObject({ path: `custom.${unknown}` });
    expect(error.message).toMatch(/no custom field .* on organizations/);
    // A person's field is unknown on an organization.
    const shirt = await ok(backend, 'customFields.save', { entity: 'person', label: 'Shirt size', kind: 'text' });
    expect((await fails(backend, 'organizations.create', org('Harbor Legal Aid', { [shirt.id]: 'M' }))).code).toBe('validation');
    // Nothing was written by any refused call.
    withSqlite(path, (db) => {
      expect(db.prepare('select count(*) as n from organizations').get()).toEqual({ n: 0 });
      expect(db.prepare('select count(*) as n from custom_values').get()).toEqual({ n: 0 });
    });
  });
});

describe('filters and list rows', () => {
  it('filters by each kind, ranges included, and returns the page rows with their values', async () => {
    const { backend } = await useBackend();
    const { dues, members, renewal, contact } = await defineFields(backend);
    await ok(backend, 'organizations.create', org('Alder Health Clinic', { [dues.id]: 'Paid', [members.id]: 40, [renewal.id]: '2026-01-15', [contact.id]: 'Dana' }));
    await ok(backend, 'organizations.create', org('Bay Tenants Union', { [dues.id]: 'Waived', [members.id]: 300, [renewal.id]: '2026-07-01', [contact.id]: 'Lee' }));
    await ok(backend, 'organizations.create', org('Cedar Youth Council', { [dues.id]: 'Late', [members.id]: 12.5 }));
    await ok(backend, 'organizations.create', org('Delta Faith Network', {}));

    expect(await names(backend, { custom: [{ fieldId: dues.id, values: ['paid', 'Late'] }] })).toEqual(['Alder Health Clinic', 'Cedar Youth Council']);
    expect(await names(backend, { custom: [{ fieldId: contact.id, values: ['dana'] }] })).toEqual(['Alder Health Clinic']);
    expect(await names(backend, { custom: [{ fieldId: members.id, from: 12.5, to: 40 }] })).toEqual(['Alder Health Clinic', 'Cedar Youth Council']);
    expect(await names(backend, { custom: [{ fieldId: members.id, from: 41 }] })).toEqual(['Bay Tenants Union']);
    expect(await names(backend, { custom: [{ fieldId: renewal.id, to: '2026-06-30' }] })).toEqual(['Alder Health Clinic']);
    expect(await names(backend, { custom: [{ fieldId: renewal.id, from: '2026-01-15', to: '2026-07-01' }] })).toEqual(['Alder Health Clinic', 'Bay Tenants Union']);
    // Any value at all, and two custom filters together (all must match), with a built-in filter.
    expect(await names(backend, { custom: [{ fieldId: renewal.id }] })).toEqual(['Alder Health Clinic', 'Bay Tenants Union']);
    expect(await names(backend, { custom: [{ fieldId: dues.id, values: ['Paid', 'Waived'] }, { fieldId: members.id, from: 100 }], stage: ['member'] })).toEqual([
      'Bay Tenants Union',
    ]);
    // A field that no longer exists matches nothing.
    expect(await names(backend, { custom: [{ fieldId: '00000000-0000-4000-8000-0000000000ff', values: ['Paid'] }] })).toEqual([]);

    const { rows, total } = await ok(backend, 'organizations.list', { filters: {}, sort: { field: 'name', direction: 'asc' } });
    expect(total).toBe(4);
    expect(rows.map((r) => r.custom)).toEqual([
      { [dues.id]: 'Paid', [members.id]: 40, [renewal.id]: '2026-01-15', [contact.id]: 'Dana' },
      { [dues.id]: 'Waived', [members.id]: 300, [renewal.id]: '2026-07-01', [contact.id]: 'Lee' },
      { [dues.id]: 'Late', [members.id]: 12.5 },
      {},
    ]);
    expect((await ok(backend, 'customFields.list', { entity: 'organization' })).map((f) => f.valueCount)).toEqual([3, 3, 2, 2]);
  });

  it('gives the same matches, totals and pages whether a custom filter is read as a set or looked up per record', async () => {
    const { backend } = await useBackend();
    const { dues } = await defineFields(backend);
    const names25 = Array.from({ length: 25 }, (_, i) => `Org ${String(i).padStart(2, '0')}`);
    for (const [i, name] of names25.entries()) {
      // One is late (a small set: probed), twenty have paid (a large one: looked up per record).
      const value = i === 7 ? 'Late' : i < 21 ? 'Paid' : null;
      const engaged = i % 2 === 0;
      await ok(backend, 'organizations.create', { ...org(name, { [dues.id]: value }), stage: engaged ? 'engaged' : 'member', tier: engaged ? null : 'ally' });
    }
    const expected = (pred: (i: number) => boolean) => names25.filter((_, i) => pred(i));
    expect(await names(backend, { custom: [{ fieldId: dues.id, values: ['Late'] }] })).toEqual(['Org 07']);
    expect(await names(backend, { custom: [{ fieldId: dues.id, values: ['Paid'] }] })).toEqual(expected((i) => i < 21 && i !== 7));
    expect(await names(backend, { custom: [{ fieldId: dues.id, values: ['Paid'] }], stage: ['engaged'] })).toEqual(expected((i) => i < 21 && i !== 7 && i % 2 === 0));
    expect(await names(backend, { custom: [{ fieldId: dues.id, values: ['Late'] }], stage: ['engaged'] })).toEqual([]);
    // Pages line up with the full list, either way round.
    for (const direction of ['asc', 'desc'] as const) {
      const all = (await ok(backend, 'organizations.list', { filters: { custom: [{ fieldId: dues.id, values: ['Paid'] }] }, sort: { field: 'name', direction } })).rows;
      const page = await ok(backend, 'organizations.list', { filters: { custom: [{ fieldId: dues.id, values: ['Paid'] }] }, sort: { field: 'name', direction }, offset: 5, limit: 5 });
      expect(page.total).toBe(20);
      expect(page.rows.map((r) => r.name)).toEqual(all.slice(5, 10).map((r) => r.name));
    }
  });

  it('filters people and returns their values in list rows; saved views keep custom filters', async () => {
    const { backend } = await useBackend();
    const hours = await ok(backend, 'customFields.save', { entity: 'person', label: 'Volunteer hours', kind: 'number' });
    await ok(backend, 'people.create', { ...personInput({ name: 'Ana Lopez' }), custom: { [hours.id]: 5 } });
    await ok(backend, 'people.create', { ...personInput({ name: 'Ben Okafor' }), custom: { [hours.id]: 50 } });
    const list = await ok(backend, 'people.list', { filters: { custom: [{ fieldId: hours.id, from: 10 }] } });
    expect(list.rows.map((r) => [r.name, r.custom])).toEqual([['Ben Okafor', { [hours.id]: 50 }]]);
    const view = await ok(backend, 'views.save', {
      name: 'Busy volunteers',
      entity: 'person',
      filters: { custom: [{ fieldId: hours.id, from: 10 }] },
      sort: { field: 'name', direction: 'asc' },
      columns: ["name", `cf:${hours.id}`],
    });
    expect((await ok(backend, 'views.list', {})).find((v) => v.id === view.id)?.filters).toEqual({ custom: [{ fieldId: hours.id, from: 10 }] });
  });
});

describe('deleting, merging, exporting', () => {
  it('deleting a field removes its values; deleting a record removes its values', async () => {
    const { backend, path } = await useBackend();
    const { dues, members } = await defineFields(backend);
    const a = await ok(backend, 'organizations.create', org('Ánimo Health Clinic', { [dues.id]: 'Paid', [members.id]: 40 }));
    await ok(backend, 'organizations.create', org('Bay Tenants Union', { [dues.id]: 'Waived' }));
    expect(await ok(backend, 'customFields.delete', { id: dues.id })).toEqual({ deleted: true, values: 2 });
    expect((await ok(backend, 'organizations.get', { id: a.id })).custom).toEqual({ [members.id]: 40 });
    await ok(backend, 'organizations.delete', { id: a.id });
    withSqlite(path, (db) => expect(db.prepare('select count(*) as n from custom_values').get()).toEqual({ n: 0 }));
    expect((await fails(backend, 'customFields.delete', { id: dues.id })).code).toBe('not_found');

    const shirt = await ok(backend, 'customFields.save', { entity: 'person', label: 'Shirt size', kind: 'text' });
    const person = await ok(backend, 'people.create', { ...personInput(), custom: { [shirt.id]: 'M' } });
    await ok(backend, 'people.delete', { id: person.id });
    withSqlite(path, (db) => expect(db.prepare('select count(*) as n from custom_values').get()).toEqual({ n: 0 }));
  });

  it('merge keeps the survivor’s values, fills its empty ones from the merged record, and honours a choice', async () => {
    const { backend, path } = await useBackend();
    const { dues, members, renewal } = await defineFields(backend);
    const survivor = await ok(backend, 'organizations.create', org('Harbor Legal Aid', { [dues.id]: 'Paid', [members.id]: 10 }));
    const merged = await ok(backend, 'organizations.create', org('Harbor Legal Aid Society', { [dues.id]: 'Late', [members.id]: 12, [renewal.id]: '2026-05-01' }));
    const result = await ok(backend, 'duplicates.merge', { entity: 'organization', survivorId: survivor.id, mergedId: merged.id, custom: { [members.id]: 'merged' } });
    expect(result.survivor.custom).toEqual({ [dues.id]: 'Paid', [members.id]: 12, [renewal.id]: '2026-05-01' });
    withSqlite(path, (db) => {
      expect(db.prepare('select count(*) as n from custom_values where record_id = ?').get(merged.id)).toEqual({ n: 0 });
      expect(db.prepare('select count(*) as n from custom_values').get()).toEqual({ n: 3 });
    });
  });

  it('export of everything adds a column per custom field (header = label); chosen columns add only the chosen ones', async () => {
    const { backend } = await useBackend();
    const { dues, members, renewal } = await defineFields(backend);
    await ok(backend, 'organizations.create', org('Harbor Legal Aid', { [dues.id]: 'Paid', [members.id]: 10, [renewal.id]: '2026-05-01' }));
    const all = await ok(backend, 'directory.export', { entity: 'organization', format: 'csv', scope: { filters: {}, sort: { field: 'name', direction: 'asc' } } });
    const [header, row] = Papa.parse<string[]>(all.content.slice(1).trim(), { newline: '\r\n' }).data;
    expect(header?.slice(-4)).toEqual(['Dues status', 'Members', 'Renewal date', 'Board contact']);
    expect(row?.slice(-4)).toEqual(['Paid', '10', '2026-05-01', '']);

    const chosen = await ok(backend, 'directory.export', {
      entity: 'organization',
      format: 'csv',
      scope: { filters: { custom: [{ fieldId: dues.id, values: ['Paid'] }] }, sort: { field: 'name', direction: 'asc' } },
      columns: ['name'],
      customColumns: [members.id],
    });
    expect(chosen.content.slice(1).trim()).toBe('Organization name,Members\r\nHarbor Legal Aid,10');
    const fixedOnly = await ok(backend, 'directory.export', { entity: 'organization', format: 'csv', scope: { filters: {}, sort: { field: 'name', direction: 'asc' } }, columns: ['name'] });
    expect(fixedOnly.content.slice(1).trim()).toBe('Organization name\r\nHarbor Legal Aid');
  });

  it('records every definition and value write in the change log', async () => {
    const { backend, path } = await useBackend();
    const { dues } = await defineFields(backend);
    const created = await ok(backend, 'organizations.create', org('Harbor Legal Aid', { [dues.id]: 'Paid' }));
    await ok(backend, 'organizations.update', { id: created.id, organization: org('Harbor Legal Aid', { [dues.id]: 'Late' }) });
    await ok(backend, 'organizations.update', { id: created.id, organization: org('Harbor Legal Aid', { [dues.id]: null }) });
    const log = changeLog(path).filter((r) => r.entity === 'custom_values' || r.entity === 'custom_fields');
    expect(log.filter((r) => r.entity === 'custom_fields').map((r) => r.action)).toEqual(['create', 'create', 'create', 'create']);
    const values = log.filter((r) => r.entity === 'custom_values');
    expect(values.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.parse(values[0]?.after_json ?? '{}')).toMatchObject({ field_id: dues.id, record_id: created.id, value_text: 'Paid' });
    expect(JSON.parse(values[1]?.after_json ?? '{}')).toMatchObject({ value_text: 'Late' });
    // The value's write shares the organization's batch (one undo step per call).
    const orgCreate = changeLog(path).find((r) => r.entity === 'organizations' && r.action === 'create');
    expect(values[0]?.batch).toBe(orgCreate?.batch);

    // Deleting a field logs each value's row (before-image) and the field, in one batch.
    await ok(backend, 'organizations.update', { id: created.id, organization: org('Harbor Legal Aid', { [dues.id]: 'Waived' }) });
    const other = await ok(backend, 'organizations.create', org('Bay Tenants Union', { [dues.id]: 'Paid' }));
    await ok(backend, 'customFields.delete', { id: dues.id });
    const last = changeLog(path).filter((r) => r.action === 'delete');
    expect(last.map((r) => r.entity).sort()).toEqual(['custom_fields', 'custom_values', 'custom_values', 'custom_values']);
    const deletion = last.slice(-3);
    expect(new Set(deletion.map((r) => r.batch)).size).toBe(1);
    expect(deletion.filter((r) => r.entity === 'custom_values').map((r) => (JSON.parse(r.before_json ?? '{}') as { record_id: string }).record_id).sort()).toEqual(
      [created.id, other.id].sort(),
    );
  });
});
