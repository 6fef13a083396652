import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Input, Output } from '@shared/contract';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { openWorkspace } from '../../../electron/backend/db/connection';
import { migrations } from '../../../electron/backend/db/migrations';
import { Writer } from '../../../electron/backend/db/writer';
import { changeLog, fails, ok, snapshot, useTempDir, withSqlite } from '../../support/backend';
import { uploadImport } from '../../support/imports';
import { png } from '../../support/images';
import { addOrganization, addPerson, foreignKeyProblems } from '../../support/people';
import { organizationInput } from '../../support/samples';

// Undo (issue 7): every call that changed something is a described batch with who and when;
// history.undo reverts one as a new batch (undoing that redoes it), refuses when later changes
// touched the same records, and leaves the derived indexes (labels, search) right.

async function useActorBackend(actor = 'Dana Whitfield'): Promise<{ backend: Backend; path: string }> {
  const path = join(useTempDir(), 'undo.coalition');
  const backend = await createBackend({ workspacePath: path, create: true, validateOutputs: true, actor });
  onTestFinished(() => backend.close());
  return { backend, path };
}

/** Tables that are bookkeeping or derived by rowid (compared separately), not records. */
const NOT_RECORDS = /^(change_log|change_batches|import_mappings|sqlite_.*|kysely_.*|.*_labels|.*_search(_.*)?)$/;

/**
 * Every record table's rows in id order (a re-inserted record gets a new rowid, so rowid order
 * would differ; tables without an id in the order of their columns), with the label and search indexes as (record id, …) so they compare too.
 */
function records(path: string): Record<string, unknown[]> {
  return withSqlite(path, (db) => {
    const tables = (db.prepare("select name from sqlite_schema where type = 'table' order by name").all() as { name: string }[])
      .map((t) => t.name)
      .filter((name) => !NOT_RECORDS.test(name));
    const out: Record<string, unknown[]> = {};
    for (const name of tables) {
      // Tables without an id (kept by triggers, some without rowid) in the order of all their columns.
      const columns = (db.prepare('select name from pragma_table_info(?)').all(name) as { name: string }[]).map((c) => `"${c.name}"`);
      out[name] = db.prepare(`select * from "${name}" order by ${columns.includes('"id"') ? 'id' : columns.join(', ')}`).all();
    }
    for (const [entity, table] of [['organization', 'organizations'], ['person', 'people']] as const) {
      out[`${entity}_labels`] = db
        .prepare(`select t.id, l.field, l.value from ${entity}_labels l left join ${table} t on t.rowid = l.record_rowid order by 1, 2, 3`)
        .all();
      out[`${entity}_search`] = db
        .prepare(`select t.id, s.name, s.place, s.tags from ${entity}_search s left join ${table} t on t.rowid = s.rowid order by 1`)
        .all();
    }
    return out;
  });
}

type Batches = Output<'history.batches'>['batches'];

async function batches(backend: Backend, limit = 50): Promise<Batches> {
  return (await ok(backend, 'history.batches', { limit })).batches;
}

describe('batches', () => {
  it('describes each call that changed something, with who and when, newest first; a call that changed nothing is no batch', async () => {
    const { backend } = await useActorBackend();
    const id = await addOrganization(backend, 'São Miguel Health Center');
    const org = await ok(backend, 'organizations.get', { id });
    await ok(backend, 'organizations.update', { id, organization: organizationInput({ name: 'São Miguel Health Center', notes: 'Hosts the clinic day.' }) });
    await ok(backend, 'organizations.update', { id, organization: organizationInput({ name: 'São Miguel Health Center', notes: 'Hosts the clinic day.' }) });
    await ok(backend, 'organizations.list', { limit: 10 });

    const list = await batches(backend);
    expect(list.map((b) => [b.method, b.summary, b.actor, b.kind, b.undoneBy, b.undoes])).toEqual([
      ['organizations.update', 'Edited São Miguel Health Center', 'Dana Whitfield', 'change', null, null],
      ['organizations.create', 'Added São Miguel Health Center', 'Dana Whitfield', 'change', null, null],
    ]);
    expect(list[1]?.changes).toBeGreaterThanOrEqual(1);
    expect(org.name).toBe('São Miguel Health Center');

    // A record's history shows who and the batch's sentence.
    const history = await ok(backend, 'history.list', { entity: 'organizations', entityId: id });
    expect(history[0]).toMatchObject({ actor: 'Dana Whitfield', summary: 'Edited São Miguel Health Center', action: 'update' });

    // Paging: before a batch.
    const page = await ok(backend, 'history.batches', { limit: 1 });
    expect(page.more).toBe(true);
    const next = await ok(backend, 'history.batches', { limit: 1, before: page.batches[0]?.id ?? '' });
    expect(next).toEqual({ batches: [list[1]], more: false });
  });

  it('names deletes by the record and counts bulk changes', async () => {
    const { backend } = await useActorBackend();
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push(await addOrganization(backend, `Partner ${i}`));
    await ok(backend, 'organizations.bulkUpdate', { ids, stage: 'member' });
    await ok(backend, 'organizations.bulkUpdate', { ids, addTags: ['assembly'] });
    await ok(backend, 'organizations.delete', { id: ids[0] as string });
    expect((await batches(backend, 3)).map((b) => b.summary)).toEqual([
      'Deleted Partner 0',
      'Changed the tags of 3 organizations',
      'Changed the stage of 3 organizations',
    ]);
  });
});

describe('history.undo', () => {
  it('undoes the latest change, then the one before; undoing an undo redoes it', async () => {
    const { backend, path } = await useActorBackend();
    const id = await addOrganization(backend, 'Harbor Youth Alliance');
    const created = records(path);
    await ok(backend, 'organizations.update', { id, organization: organizationInput({ name: 'Harbor Youth Alliance', city: 'Harbor City', tags: ['youth'] }) });
    const edited = records(path);

    const first = await ok(backend, 'history.undo', {});
    expect(first.undone).toMatchObject({ summary: 'Edited Harbor Youth Alliance', undoneBy: first.undo.id });
    expect(first.undo).toMatchObject({ kind: 'undo', summary: 'Undid: Edited Harbor Youth Alliance', actor: 'Dana Whitfield', undoes: first.undone.id, method: 'history.undo' });
    expect(records(path)).toEqual(created);

    // Undo again: the step before (the create), not the undo just made.
    const second = await ok(backend, 'history.undo', {});
    expect(second.undone.summary).toBe('Added Harbor Youth Alliance');
    expect((await ok(backend, 'organizations.list', { limit: 10 })).total).toBe(0);
    expect(await fails(backend, 'history.undo', {})).toMatchObject({ code: 'conflict', message: 'There is nothing to undo.' });

    // Redo both, oldest first, by undoing the undos.
    await ok(backend, 'history.undo', { batch: second.undo.id });
    expect(records(path)).toEqual(created);
    const redo = await ok(backend, 'history.undo', { batch: first.undo.id });
    expect(redo.undo).toMatchObject({ kind: 'redo', summary: 'Redid: Edited Harbor Youth Alliance' });
    expect(records(path)).toEqual(edited);
    // The default undo now undoes the redo.
    expect((await ok(backend, 'history.undo', {})).undone.id).toBe(redo.undo.id);
    expect(records(path)).toEqual(created);
    // Already undone: refused.
    expect(await fails(backend, 'history.undo', { batch: first.undone.id })).toMatchObject({ code: 'conflict' });
    expect(await fails(backend, 'history.undo', { batch: 'no-such-batch' })).toMatchObject({ code: 'not_found' });
  });

  it('undoes an import of 450 rows as one step, and the search and filters see it gone; redo brings it back', async () => {
    const { backend, path } = await useActorBackend();
    await addOrganization(backend, 'Existing Partner');
    const before = records(path);
    const rows = Array.from({ length: 450 }, (_, i) => `Imported Partner ${i},Nonprofit,Engaged,Riverside,tenants; housing`);
    const content = `Organization name,Sector,Stage,City,Tags\r\n${rows.join('\r\n')}\r\n`;
    const importId = await uploadImport((method, input) => ok(backend, method, input as never), { entity: 'organization', fileName: 'partners.csv', content });
    const preview = await ok(backend, 'imports.open', { importId });
    await ok(backend, 'imports.run', { importId: preview.importId, entity: 'organization', mapping: preview.mapping, duplicates: 'skip' } as Input<'imports.run'>);
    const imported = records(path);
    expect((await ok(backend, 'organizations.list', { filters: { tag: ['tenants'] }, limit: 10 })).total).toBe(450);
    expect((await batches(backend, 1))[0]?.summary).toBe('Imported 450 organizations');

    const undo = await ok(backend, 'history.undo', {});
    expect(undo.undo.changes).toBe(undo.undone.changes);
    expect(records(path)).toEqual(before);
    expect((await ok(backend, 'organizations.list', { filters: { tag: ['tenants'] }, limit: 10 })).total).toBe(0);
    expect((await ok(backend, 'organizations.list', { limit: 10 })).total).toBe(1);
    expect(await ok(backend, 'directory.search', { query: 'imported partn' })).toEqual([]);

    await ok(backend, 'history.undo', { batch: undo.undo.id });
    expect(records(path)).toEqual(imported);
    expect((await ok(backend, 'organizations.list', { filters: { tag: ['housing'], stage: ['engaged'] }, limit: 10 })).total).toBe(450);
    expect((await ok(backend, 'directory.search', { query: 'imported partner 449' })).map((r) => r.name)).toContain('Imported Partner 449');
  });

  it('undoes a merge: the merged record, its affiliations, relationships and interactions are back where they were', async () => {
    const { backend, path } = await useActorBackend();
    const survivor = await addOrganization(backend, 'Harbor Youth Alliance');
    const merged = await addOrganization(backend, 'Harbor Youth Aliance');
    const partner = await addOrganization(backend, 'Alder Trust');
    const [ana, ben] = [await addPerson(backend, 'Ana Soto'), await addPerson(backend, 'Ben Okafor')];
    await ok(backend, 'affiliations.create', { personId: ben, organizationId: survivor, role: 'Chair', primary: false, startOn: null, endOn: null });
    await ok(backend, 'affiliations.create', { personId: ben, organizationId: merged, role: 'Member', primary: false, startOn: null, endOn: null });
    await ok(backend, 'affiliations.create', { personId: ana, organizationId: merged, role: 'Director', primary: true, startOn: null, endOn: null });
    await ok(backend, 'relationships.create', { entity: 'organization', kind: 'funds', fromId: partner, toId: merged, note: 'Grant' });
    await ok(backend, 'relationships.create', { entity: 'organization', kind: 'partner_of', fromId: merged, toId: survivor, note: '' });
    await ok(backend, 'interactions.create', { kind: 'call', occurredOn: '2025-01-10', summary: 'Talked.', personIds: [ana], organizationIds: [survivor, merged], followUp: null });
    await ok(backend, 'interactions.create', { kind: 'meeting', occurredOn: '2025-03-01', summary: 'Met.', personIds: [], organizationIds: [merged], followUp: null });
    const before = records(path);
    const mergedBefore = await ok(backend, 'organizations.get', { id: merged });
    const survivorBefore = await ok(backend, 'organizations.get', { id: survivor });

    await ok(backend, 'duplicates.merge', { entity: 'organization', survivorId: survivor, mergedId: merged, fields: {} });
    expect((await batches(backend, 1))[0]?.summary).toBe('Merged Harbor Youth Aliance into Harbor Youth Alliance');
    expect(await fails(backend, 'organizations.get', { id: merged })).toMatchObject({ code: 'not_found' });

    await ok(backend, 'history.undo', {});
    expect(records(path)).toEqual(before);
    expect(foreignKeyProblems(path)).toEqual([]);
    expect(await ok(backend, 'organizations.get', { id: merged })).toEqual(mergedBefore);
    expect(await ok(backend, 'organizations.get', { id: survivor })).toEqual(survivorBefore);
    expect((await ok(backend, 'directory.search', { query: 'aliance' })).map((r) => r.id)).toEqual([merged]);
  });

  it('undoes a bulk stage change of 40 organizations as one step; the stage filter sees it', async () => {
    const { backend, path } = await useActorBackend();
    const ids: string[] = [];
    for (let i = 0; i < 40; i += 1) ids.push(await addOrganization(backend, `Partner ${String(i).padStart(2, '0')}`));
    const stageOf = async (stage: 'member' | 'identified') => (await ok(backend, 'organizations.list', { filters: { stage: [stage] }, limit: 1 })).total;
    const identified = await stageOf('identified');
    const before = records(path);
    await ok(backend, 'organizations.bulkUpdate', { ids, stage: 'member', addTags: ['assembly'] });
    expect(await stageOf('member')).toBe(40);

    const { undone } = await ok(backend, 'history.undo', {});
    expect(undone.summary).toBe('Changed the stage of 40 organizations');
    expect(records(path)).toEqual(before);
    expect(await stageOf('member')).toBe(0);
    expect(await stageOf('identified')).toBe(identified);
    expect((await ok(backend, 'organizations.list', { filters: { tag: ['assembly'] }, limit: 1 })).total).toBe(0);
  });

  it('undoes the delete of an organization with affiliations, stage changes, interactions and custom values (re-inserted parents first)', async () => {
    const { backend, path } = await useActorBackend();
    const org = await addOrganization(backend, 'Eastside Clinic');
    const person = await addPerson(backend, 'Maria Rivera');
    await ok(backend, 'affiliations.create', { personId: person, organizationId: org, role: 'Director', primary: true, startOn: '2022-01-01', endOn: null });
    await ok(backend, 'organizations.bulkUpdate', { ids: [org], stage: 'member' });
    await ok(backend, 'interactions.create', { kind: 'meeting', occurredOn: '2025-05-01', summary: 'Planning.', personIds: [person], organizationIds: [org], followUp: null });
    const field = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Membership dues', kind: 'choice', choices: ['Paid', 'Waived'] });
    await ok(backend, 'organizations.update', { id: org, organization: { ...organizationInput({ name: 'Eastside Clinic' }), custom: { [field.id]: 'Paid' } } });
    const before = records(path);
    const detail = await ok(backend, 'organizations.get', { id: org });

    await ok(backend, 'organizations.delete', { id: org });
    expect(records(path)['affiliations']).toEqual([]);
    await ok(backend, 'history.undo', {});
    expect(records(path)).toEqual(before);
    expect(foreignKeyProblems(path)).toEqual([]);
    expect(await ok(backend, 'organizations.get', { id: org })).toEqual(detail);
    const list = await ok(backend, 'organizations.list', { filters: { custom: [{ fieldId: field.id, values: ['Paid'] }] }, limit: 5 });
    expect(list.rows.map((r) => r.id)).toEqual([org]);
  });

  it('refuses to undo a change a later one built on, naming the record and the later change, and writes nothing', async () => {
    const { backend, path } = await useActorBackend();
    const id = await addOrganization(backend, 'Riverside Tenants Union');
    const { city } = await ok(backend, 'organizations.get', { id });
    await ok(backend, 'organizations.update', { id, organization: organizationInput({ name: 'Riverside Tenants Union', city: 'Riverside' }) });
    await ok(backend, 'organizations.update', { id, organization: organizationInput({ name: 'Riverside Tenants Union', city: 'Harbor City' }) });
    const [later, earlier] = await batches(backend, 2);
    const state = snapshot(path);

    const error = await fails(backend, 'history.undo', { batch: earlier?.id ?? '' });
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      `“Edited Riverside Tenants Union” cannot be undone: “Riverside Tenants Union” was changed since (“Edited Riverside Tenants Union”, ${later?.at.slice(0, 16).replace('T', ' ')} by Dana Whitfield). Undo the later changes first.`,
    );
    expect(error.details).toMatchObject({ entity: 'organizations', entityId: id, laterBatch: later?.id });
    expect(snapshot(path)).toEqual(state);

    // Once the later change is undone, the earlier one can be.
    await ok(backend, 'history.undo', {});
    await ok(backend, 'history.undo', { batch: earlier?.id ?? '' });
    expect((await ok(backend, 'organizations.get', { id })).city).toBe(city);
  });

  it('refuses to undo the creation of a record that a later change links to', async () => {
    const { backend, path } = await useActorBackend();
    const org = await addOrganization(backend, 'Alder Trust');
    const person = await addPerson(backend, 'Ana Soto');
    await ok(backend, 'affiliations.create', { personId: person, organizationId: org, role: 'Member', primary: false, startOn: null, endOn: null });
    const created = (await batches(backend)).find((b) => b.summary === 'Added Alder Trust');
    const state = snapshot(path);
    const error = await fails(backend, 'history.undo', { batch: created?.id ?? '' });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/^“Added Alder Trust” cannot be undone: it would break records that later changes rely on \(the latest: “Added Ana Soto to Alder Trust”, .* by Dana Whitfield\)\. Undo the later changes first\.$/);
    expect(snapshot(path)).toEqual(state);
  });

  it('restores blobs byte for byte and a deleted custom field with its values', async () => {
    const { backend, path } = await useActorBackend();
    await ok(backend, 'profile.save', { name: 'Seed Coalition', shortName: 'SC', region: 'Seed County', foundedOn: null });
    await ok(backend, 'profile.setLogo', { logo: { mimeType: 'image/png', dataBase64: png(3, 2).toString('base64') } });
    const org = await addOrganization(backend, 'Eastside Clinic');
    const field = await ok(backend, 'customFields.save', { entity: 'organization', label: 'Membership dues', kind: 'choice', choices: ['Paid', 'Waived'] });
    await ok(backend, 'organizations.update', { id: org, organization: { ...organizationInput({ name: 'Eastside Clinic' }), custom: { [field.id]: 'Paid' } } });
    const withLogo = records(path);
    await ok(backend, 'customFields.delete', { id: field.id });
    await ok(backend, 'profile.setLogo', { logo: null });
    expect((await batches(backend, 2)).map((b) => b.summary)).toEqual(['Changed the coalition logo', 'Deleted Membership dues']);
    await ok(backend, 'history.undo', {});
    await ok(backend, 'history.undo', {});
    expect(records(path)).toEqual(withLogo);
    expect((await ok(backend, 'organizations.get', { id: org })).custom).toEqual({ [field.id]: 'Paid' });
  });

  it('records the undo in the change log as its own batch, so the log replays to the current state', async () => {
    const { backend, path } = await useActorBackend();
    const id = await addOrganization(backend, 'Cedar Food Bank');
    await ok(backend, 'organizations.delete', { id });
    const { undo } = await ok(backend, 'history.undo', {});
    const rows = changeLog(path).filter((r) => r.batch === undo.id);
    expect(rows.map((r) => [r.entity, r.action])).toContainEqual(['organizations', 'create']);
    expect(undo.changes).toBe(rows.length);
  });

  it('lists and undoes changes made before the upgrade that added batches (described plainly)', async () => {
    const path = join(useTempDir(), 'old.coalition');
    // The workspace as it was before migration 006 (later migrations need it first).
    const names = Object.keys(migrations).filter((name) => name < '006_change_batches');
    const old = await openWorkspace(path, { create: true, migrations: Object.fromEntries(names.map((name) => [name, migrations[name]])) as typeof migrations });
    await old.db.transaction().execute(async (trx) => {
      const write = new Writer(trx, old.sqlite, 'old-batch', '2025-01-01T10:00:00.000Z');
      await write.insert('coalition_profile', { id: 'coalition', name: 'Old Coalition', short_name: '', region: '', founded_on: null, logo_mime: null, logo_data: null, updated_at: '2025-01-01T10:00:00.000Z' });
    });
    await old.close();

    const backend = await createBackend({ workspacePath: path, actor: 'Dana Whitfield' });
    onTestFinished(() => backend.close());
    expect(await batches(backend)).toEqual([
      { id: 'old-batch', at: '2025-01-01T10:00:00.000Z', actor: '', method: '', summary: 'Changed 1 record', changes: 1, kind: 'change', undoneBy: null, undoes: null },
    ]);
    await ok(backend, 'history.undo', {});
    expect(withSqlite(path, (db) => db.prepare('select count(*) as n from coalition_profile').get())).toEqual({ n: 0 });
  });
});
