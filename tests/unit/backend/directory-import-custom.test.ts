import { describe, expect, it } from 'vitest';
import type { Input, Output } from '@shared/contract';
import { MAX_CUSTOM_TEXT } from '@shared/directory/customFields';
import { customTarget } from '@shared/directory/imports';
import { changeLog, fails, issuesOf, ok, snapshot, useBackend, withSqlite } from '../../support/backend';
import { uploadImport } from '../../support/imports';
import { personInput } from '../../support/people';
import { organizationInput } from '../../support/samples';

// The import filling custom fields: a mapping entry `custom:<fieldId>`, guessed from the field's
// label (so an export of everything re-imports with its custom columns), each kind read and
// checked with the forms' rules, written with the records in one change-log batch, and an update
// that keeps a record's values where the file's cells are empty.

type Backend = Awaited<ReturnType<typeof useBackend>>['backend'];
type Plan = Input<'imports.check'>;

const csvOf = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n;]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
const target = (field: { id: string }) => customTarget(field.id);

async function open(backend: Backend, content: string | Buffer, entity: 'organization' | 'person' = 'organization', fileName = 'partners.csv') {
  const importId = await uploadImport((method, input) => ok(backend, method, input as never), { entity, fileName, content });
  return ok(backend, 'imports.open', { importId });
}

function plan(preview: Output<'imports.open'>, overrides: Partial<Plan> = {}): Plan {
  return { importId: preview.importId, entity: preview.entity, mapping: preview.mapping, duplicates: 'skip', ...overrides } as Plan;
}

async function defineFields(backend: Backend) {
  const dues = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Dues status', kind: 'choice', choices: ['Paid', 'Waived', 'Late'] });
  const members = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Members', kind: 'number' });
  const renewal = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Renewal date', kind: 'date' });
  const contact = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Board contact', kind: 'text' });
  return { dues, members, renewal, contact };
}

async function orgByName(backend: Backend, name: string) {
  const list = await ok(backend, 'organizations.list', { limit: 500 });
  const row = list.rows.find((r) => r.name === name);
  if (!row) throw new Error(`no organization named ${name}`);
  return ok(backend, 'organizations.get', { id: row.id });
}

async function names(backend: Backend, filters: Input<'organizations.list'>['filters']): Promise<string[]> {
  return (await ok(backend, 'organizations.list', { filters, sort: { field: 'name', direction: 'asc' } })).rows.map((r) => r.name);
}

const CSV = csvOf([
  ['Name', 'DUES STATUS', 'Members', 'Renewal Date', 'Board contact', 'City'],
  ['Riverside Tenants Union', 'paid', '1,200', '2026-09-30', 'Ana Ruiz', 'Riverside'],
  ['Harbor Legal Aid', 'Late', '35', '2026-03-01T00:00:00Z', '', 'Harbor City'],
  ['Cañada Youth Council', '', '', '', '', 'La Cañada'],
]);

describe('imports with custom fields', () => {
  it('guesses custom fields from their labels (case and accents aside) and imports every kind, visible and filterable', async () => {
    const { backend, path } = await useBackend();
    const { dues, members, renewal, contact } = await defineFields(backend);
    await ok(backend, 'customFields.save', { entity: 'person', label: 'Board contact', kind: 'text' });
    await ok(backend, 'customFields.save', { entity: 'organization', label: 'City', kind: 'text' });
    await ok(backend, 'customFields.save', { entity: 'organization', label: 'Réunion', kind: 'text' });
    const preview = await open(backend, CSV);
    // A fixed field's label wins over a custom field with the same one; only the entity's fields are guessed.
    expect(preview.mapping).toEqual(['name', target(dues), target(members), target(renewal), target(contact), 'city']);
    const accents = await open(backend, csvOf([['Name', 'reunion'], ['A', 'x']]));
    expect(accents.mapping[1]).toMatch(/^custom:/);

    expect(await ok(backend, 'imports.check', plan(preview))).toMatchObject({ created: 3, invalid: 0, problemCount: 0 });
    const logBefore = changeLog(path).length;
    expect(await ok(backend, 'imports.run', plan(preview))).toEqual({ created: 3, updated: 0, skipped: 0, invalid: 0 });

    expect((await orgByName(backend, 'Riverside Tenants Union')).custom).toEqual({ [dues.id]: 'Paid', [members.id]: 1200, [renewal.id]: '2026-09-30', [contact.id]: 'Ana Ruiz' });
    expect((await orgByName(backend, 'Harbor Legal Aid')).custom).toEqual({ [dues.id]: 'Late', [members.id]: 35, [renewal.id]: '2026-03-01' });
    expect((await orgByName(backend, 'Cañada Youth Council')).custom).toEqual({});
    expect(await names(backend, { custom: [{ fieldId: dues.id, values: ['paid'] }] })).toEqual(['Riverside Tenants Union']);
    expect(await names(backend, { custom: [{ fieldId: members.id, from: 100 }] })).toEqual(['Riverside Tenants Union']);
    expect(await names(backend, { custom: [{ fieldId: renewal.id, to: '2026-06-30' }] })).toEqual(['Harbor Legal Aid']);
    const counts = Object.fromEntries((await ok(backend, 'customFields.list', { entity: 'organization' })).map((f) => [f.label, f.valueCount]));
    expect(counts).toMatchObject({ 'Dues status': 2, Members: 2, 'Renewal date': 2, 'Board contact': 1 });

    // One batch: three organizations, their stage changes and seven custom values.
    const log = changeLog(path).slice(logBefore);
    expect(new Set(log.map((l) => l.batch)).size).toBe(1);
    expect(log.filter((l) => l.entity === 'custom_values' && l.action === 'create')).toHaveLength(7);
    expect(log).toHaveLength(3 + 3 + 7);
  });

  it('reports each kind’s unreadable cell with its row and column, the choices listed', async () => {
    const { backend, path } = await useBackend();
    const { dues, members, renewal, contact } = await defineFields(backend);
    const before = snapshot(path);
    const preview = await open(
      backend,
      csvOf([
        ['Name', 'Dues status', 'Members', 'Renewal date', 'Board contact'],
        ['A', 'Overdue', 'about 40', '30/09/2026', 'x'.repeat(MAX_CUSTOM_TEXT + 1)],
        ['B', 'waived', '12', '2026-02-30', 'ok'],
      ]),
    );
    const check = await ok(backend, 'imports.check', plan(preview, { mapping: ['name', target(dues), target(members), target(renewal), target(contact)] }));
    expect(check).toMatchObject({ created: 0, invalid: 2, problemCount: 5 });
    expect(check.problems).toEqual([
      { row: 2, column: 'Dues status', message: 'Dues status must be one of its choices (“Overdue” is not): “Paid”, “Waived”, “Late”.' },
      { row: 2, column: 'Members', message: '“about 40” is not a number.' },
      { row: 2, column: 'Renewal date', message: '“30/09/2026” is not a date: use YYYY-MM-DD (e.g. 2026-03-01).' },
      { row: 2, column: 'Board contact', message: `Board contact must be at most ${MAX_CUSTOM_TEXT} characters.` },
      { row: 3, column: 'Renewal date', message: 'Renewal date must be a date in the form YYYY-MM-DD.' },
    ]);
    const error = await fails(backend, 'imports.run', { ...plan(preview, { mapping: ['name', target(dues), target(members), target(renewal), target(contact)] }), skipInvalid: false });
    expect(error.code).toBe('validation');
    expect(snapshot(path)).toEqual(before);
  });

  it('refuses a mapping to a deleted field or to a field of people, naming the column', async () => {
    const { backend, path } = await useBackend();
    const { dues } = await defineFields(backend);
    const shirt = await ok(backend, 'customFields.save', { entity: 'person', label: 'Shirt size', kind: 'choice', choices: ['S', 'M', 'L'] });
    const preview = await open(backend, csvOf([['Name', 'Dues status', 'Shirt'], ['A', 'Paid', 'M']]));
    let before = snapshot(path);

    const other = await fails(backend, 'imports.check', plan(preview, { mapping: ['name', null, target(shirt)] }));
    expect(other.code).toBe('validation');
    expect(issuesOf(other)).toEqual([{ path: 'mapping.2', message: 'Column “Shirt” fills “Shirt size”, a custom field of people; choose a field of organizations.' }]);

    expect(snapshot(path)).toEqual(before);

    await ok(backend, 'customFields.delete', { id: dues.id });
    before = snapshot(path);
    const gone = await fails(backend, 'imports.run', { ...plan(preview, { mapping: ['name', target(dues), null] }), skipInvalid: true });
    expect(gone.code).toBe('validation');
    expect(issuesOf(gone)).toEqual([{ path: 'mapping.1', message: 'Column “Dues status” fills a custom field that no longer exists (it may have been deleted). Choose another field or leave the column out.' }]);
    // An entry that is neither a field nor a custom field id is refused by the contract.
    expect(issuesOf(await fails(backend, 'imports.check', plan(preview, { mapping: ['name', 'custom:dues', null] })))).toEqual([{ path: 'mapping.1', message: 'Unknown field.' }]);
    expect(snapshot(path)).toEqual(before);
  });

  it('leaves out a remembered mapping’s entry for a field deleted since', async () => {
    const { backend } = await useBackend();
    const { dues, members } = await defineFields(backend);
    const file = csvOf([['Partner', 'Dues', 'Headcount'], ['A', 'Paid', '3']]);
    const first = await open(backend, file);
    expect(first.mapping).toEqual(['name', null, 'staffSize']);
    await ok(backend, 'imports.run', plan(first, { mapping: ['name', target(dues), target(members)] }));
    expect((await open(backend, file)).mapping).toEqual(['name', target(dues), target(members)]);
    await ok(backend, 'customFields.delete', { id: dues.id });
    expect(await open(backend, file)).toMatchObject({ remembered: true, mapping: ['name', null, target(members)] });
  });

  it('on update, writes non-empty cells over the record’s values and keeps the others', async () => {
    const { backend, path } = await useBackend();
    const { dues, members, renewal, contact } = await defineFields(backend);
    const org = await ok(backend, 'organizations.create', {
      ...organizationInput({ name: 'Riverside Tenants Union', email: '', website: '' }),
      custom: { [dues.id]: 'Waived', [members.id]: 10, [renewal.id]: '2025-01-01', [contact.id]: 'Old contact' },
    });
    const preview = await open(backend, CSV);
    const logBefore = changeLog(path).length;
    expect(await ok(backend, 'imports.run', plan(preview, { duplicates: 'update', mapping: ['name', target(dues), target(members), null, target(contact), null] }))).toEqual({
      created: 2,
      updated: 1,
      skipped: 0,
      invalid: 0,
    });
    // Dues, members and contact from the file; the renewal column is left out, so the value stays.
    expect((await ok(backend, 'organizations.get', { id: org.id })).custom).toEqual({ [dues.id]: 'Paid', [members.id]: 1200, [renewal.id]: '2025-01-01', [contact.id]: 'Ana Ruiz' });

    // A second file with empty cells keeps every value; a changed cell replaces one.
    const second = await open(backend, csvOf([['Name', 'Dues status', 'Members', 'Board contact'], ['Riverside Tenants Union', '', '11', '']]));
    await ok(backend, 'imports.run', plan(second, { duplicates: 'update' }));
    expect((await ok(backend, 'organizations.get', { id: org.id })).custom).toEqual({ [dues.id]: 'Paid', [members.id]: 11, [renewal.id]: '2025-01-01', [contact.id]: 'Ana Ruiz' });
    const log = changeLog(path).slice(logBefore);
    const values = log.filter((l) => l.entity === 'custom_values');
    // First import: three updated on the existing record, two created on Harbor Legal Aid; second: one update.
    expect(values.map((l) => l.action).sort()).toEqual(['create', 'create', 'update', 'update', 'update', 'update']);
    expect(new Set(log.map((l) => l.batch)).size).toBe(2);

    // Each import is one undo step, custom values included.
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'organizations.get', { id: org.id })).custom[members.id]).toBe(1200);
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'organizations.get', { id: org.id })).custom).toEqual({ [dues.id]: 'Waived', [members.id]: 10, [renewal.id]: '2025-01-01', [contact.id]: 'Old contact' });
    expect((await ok(backend, 'organizations.list', {})).total).toBe(1);
    expect((await ok(backend, 'customFields.list', { entity: 'organization' })).map((f) => f.valueCount)).toEqual([1, 1, 1, 1]);
  });

  it('fills people’s custom fields too', async () => {
    const { backend } = await useBackend();
    const shirt = await ok(backend, 'customFields.save', { entity: 'person', label: 'Shirt size', kind: 'choice', choices: ['S', 'M', 'L'] });
    const preview = await open(backend, csvOf([['Full name', 'Shirt size'], ['Ana Ruiz', 'm']]), 'person');
    expect(preview.mapping).toEqual(['name', target(shirt)]);
    expect(await ok(backend, 'imports.run', plan(preview))).toMatchObject({ created: 1 });
    const list = await ok(backend, 'people.list', {});
    expect((await ok(backend, 'people.get', { id: list.rows[0]?.id ?? '' })).custom).toEqual({ [shirt.id]: 'M' });
  });

  it('10,000 values: custom_values’ indexes rebuilt as they were, filters and a later update answer from them', async () => {
    const { backend, path } = await useBackend();
    const { dues, members } = await defineFields(backend);
    const schema = () => withSqlite(path, (db) => db.prepare('select type, name, tbl_name, sql from sqlite_schema order by name').all());
    const before = schema();
    const rows = Array.from({ length: 10_000 }, (_, i) => [`Partner ${i}`, String(i), i % 4 ? 'Paid' : 'late']);
    const preview = await open(backend, csvOf([['Name', 'Members', 'Dues status'], ...rows]));
    expect(await ok(backend, 'imports.run', plan(preview))).toMatchObject({ created: 10_000 });
    expect(schema()).toEqual(before);
    expect(withSqlite(path, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
    expect((await ok(backend, 'organizations.list', { filters: { custom: [{ fieldId: dues.id, values: ['LATE'] }] } })).total).toBe(2500);
    expect((await ok(backend, 'organizations.list', { filters: { custom: [{ fieldId: members.id, from: 9990 }] } })).total).toBe(10);

    const update = await open(backend, csvOf([['Name', 'Members', 'Dues status'], ['Partner 4', '', 'Paid'], ['Partner 5', '5000', '']]));
    expect(await ok(backend, 'imports.run', plan(update, { duplicates: 'update' }))).toMatchObject({ updated: 2 });
    const partner4 = (await ok(backend, 'organizations.list', { filters: { custom: [{ fieldId: members.id, from: 4, to: 4 }] } })).rows;
    expect(partner4.map((r) => r.name)).toEqual(['Partner 4']);
    expect((await ok(backend, 'organizations.get', { id: partner4[0]?.id ?? '' })).custom).toEqual({ [members.id]: 4, [dues.id]: 'Paid' });
    expect((await ok(backend, 'organizations.list', { filters: { custom: [{ fieldId: members.id, from: 5000, to: 5000 }] } })).rows.map((r) => r.name).sort()).toEqual(['Partner 5', 'Partner 5000']);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`re-imports an exported ${format.toUpperCase()} with its custom columns mapped by label`, async () => {
      const { backend } = await useBackend();
      const fields = await defineFields(backend);
      await ok(backend, 'organizations.create', {
        ...organizationInput(),
        custom: { [fields.dues.id]: 'Late', [fields.members.id]: 42.5, [fields.renewal.id]: '2026-09-30', [fields.contact.id]: '=SUM(A1)' },
      });
      const personShirt = await ok(backend, 'customFields.save', { entity: 'person', label: 'Shirt size', kind: 'choice', choices: ['S', 'M', 'L'] });
      await ok(backend, 'people.create', { ...personInput(), custom: { [personShirt.id]: 'L' } });
      const exported = await ok(backend, 'directory.export', { entity: 'organization', format, scope: { filters: {}, sort: { field: 'name', direction: 'asc' } } });
      const people = await ok(backend, 'directory.export', { entity: 'person', format, scope: { filters: {}, sort: { field: 'name', direction: 'asc' } } });
      const content = (e: { content: string }) => (format === 'csv' ? e.content : Buffer.from(e.content, 'base64'));

      // Another workspace with the same fields (other ids).
      const { backend: fresh } = await useBackend();
      const again = await defineFields(fresh);
      const shirt = await ok(fresh, 'customFields.save', { entity: 'person', label: 'Shirt size', kind: 'choice', choices: ['S', 'M', 'L'] });
      const preview = await open(fresh, content(exported), 'organization', exported.fileName);
      for (const field of Object.values(again)) expect(preview.mapping).toContain(target(field));
      expect(await ok(fresh, 'imports.run', plan(preview))).toMatchObject({ created: 1, invalid: 0 });
      const name = organizationInput().name;
      expect((await orgByName(fresh, name)).custom).toEqual({ [again.dues.id]: 'Late', [again.members.id]: 42.5, [again.renewal.id]: '2026-09-30', [again.contact.id]: '=SUM(A1)' });

      const peoplePreview = await open(fresh, content(people), 'person', people.fileName);
      expect(peoplePreview.mapping).toContain(target(shirt));
      expect(await ok(fresh, 'imports.run', plan(peoplePreview))).toMatchObject({ created: 1, invalid: 0 });
      const list = await ok(fresh, 'people.list', {});
      expect((await ok(fresh, 'people.get', { id: list.rows[0]?.id ?? '' })).custom).toEqual({ [shirt.id]: 'L' });
    });
  }
});
