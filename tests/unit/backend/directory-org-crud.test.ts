import { describe, expect, it } from 'vitest';
import { emptyPersonInput } from '@shared/directory/people';
import type { Backend } from '../../../electron/backend/backend';
import { changeLog, fails, issuesOf, ok, snapshot, useBackend, withSqlite } from '../../support/backend';
import { organizationInput } from '../../support/samples';

// Organizations: create, read, update, delete and bulk changes, on real workspace files.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MISSING = '5b0c3a8e-1d2f-4a6b-9c7d-0e1f2a3b4c5d';
const today = () => new Date().toISOString().slice(0, 10);

async function create(backend: Backend, overrides: Parameters<typeof organizationInput>[0] = {}) {
  return ok(backend, 'organizations.create', organizationInput(overrides));
}

describe('organizations.create', () => {
  it('stores every field and returns the organization as the contract describes it', async () => {
    const { backend } = await useBackend();
    const input = organizationInput();
    const created = await ok(backend, 'organizations.create', input);
    expect(created.id).toMatch(UUID);
    const { id: _id, stageChangedOn, lastContactedOn, createdAt, updatedAt, ...fields } = created;
    expect(fields).toEqual({ ...input, custom: {} });
    expect(stageChangedOn).toBe(today());
    expect(lastContactedOn).toBeNull();
    expect(createdAt).toBe(updatedAt);
    const detail = await ok(backend, 'organizations.get', { id: created.id });
    expect(detail).toMatchObject(created);
    expect(detail).toMatchObject({ stageHistory: [{ stage: 'member', changedOn: today() }], affiliations: [], relationships: [], interactions: [], interactionCount: 0 });
  });

  it('trims text and drops repeated list items', async () => {
    const { backend } = await useBackend();
    const created = await create(backend, { name: '  Harbor Tenants Union  ', tags: ['tenants', 'tenants', ' rural '], contributions: ['funding', 'funding'] });
    expect(created.name).toBe('Harbor Tenants Union');
    expect(created.tags).toEqual(['tenants', 'rural']);
    expect(created.contributions).toEqual(['funding']);
  });

  it('refuses a type from another sector and a tier without the member stage, naming the fields, and writes nothing', async () => {
    const { backend, path } = await useBackend();
    const before = snapshot(path);
    const error = await fails(backend, 'organizations.create', organizationInput({ sector: 'government', type: 'legal_aid', stage: 'engaged', tier: 'ally' }));
    expect(error.code).toBe('validation');
    const issues = issuesOf(error);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'type', message: 'Legal aid organization belongs to another sector.' },
        { path: 'tier', message: 'Only members have a membership tier.' },
      ]),
    );
    expect(snapshot(path)).toEqual(before);
  });

  it('accepts "other" as a sector or a type, and refuses a missing name and a bad email', async () => {
    const { backend } = await useBackend();
    expect((await create(backend, { sector: 'other', type: 'advocacy_group' })).sector).toBe('other');
    expect((await create(backend, { sector: 'private', type: 'other' })).type).toBe('other');
    const error = await fails(backend, 'organizations.create', organizationInput({ name: '   ', email: 'not an email' }));
    expect(issuesOf(error).map((i) => i.path).sort()).toEqual(['email', 'name']);
  });

  it('writes the record and its first stage change to the change log in one batch', async () => {
    const { backend, path } = await useBackend();
    const created = await create(backend);
    const log = changeLog(path);
    expect(log.map((r) => [r.entity, r.action])).toEqual([
      ['organizations', 'create'],
      ['organization_stage_changes', 'create'],
    ]);
    expect(new Set(log.map((r) => r.batch)).size).toBe(1);
    expect(JSON.parse(log[0]?.after_json ?? '{}')).toMatchObject({ id: created.id, name: created.name, tags_json: '["clinic","bilingual"]' });
  });
});

describe('organizations.update', () => {
  it('changes fields, keeps the creation time, and records a stage change only when the stage changes', async () => {
    const { backend, path } = await useBackend();
    const created = await create(backend, { stage: 'contacted', tier: null });
    const renamed = await ok(backend, 'organizations.update', { id: created.id, organization: organizationInput({ name: 'Renamed', stage: 'contacted', tier: null }) });
    expect(renamed).toMatchObject({ name: 'Renamed', stage: 'contacted', createdAt: created.createdAt });
    const promoted = await ok(backend, 'organizations.update', { id: created.id, organization: organizationInput({ name: 'Renamed', stage: 'member', tier: 'ally' }) });
    expect(promoted).toMatchObject({ stage: 'member', tier: 'ally', stageChangedOn: today() });
    const detail = await ok(backend, 'organizations.get', { id: created.id });
    expect(detail.stageHistory).toEqual([
      { stage: 'contacted', changedOn: today() },
      { stage: 'member', changedOn: today() },
    ]);
    const actions = changeLog(path).map((r) => `${r.entity}:${r.action}`);
    expect(actions).toEqual([
      'organizations:create',
      'organization_stage_changes:create',
      'organizations:update',
      'organizations:update',
      'organization_stage_changes:create',
    ]);
  });

  it('logs nothing when nothing changes', async () => {
    const { backend, path } = await useBackend();
    const created = await create(backend);
    const before = changeLog(path).length;
    await ok(backend, 'organizations.update', { id: created.id, organization: organizationInput() });
    expect(changeLog(path)).toHaveLength(before);
  });

  it('answers not_found for a missing id and leaves the workspace as it was', async () => {
    const { backend, path } = await useBackend();
    await create(backend);
    const before = snapshot(path);
    const error = await fails(backend, 'organizations.update', { id: MISSING, organization: organizationInput() });
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/no longer exists/);
    expect(snapshot(path)).toEqual(before);
  });

  it('keeps the label and search indexes in step with the record', async () => {
    const { backend, path } = await useBackend();
    const created = await create(backend, { tags: ['old-tag'] });
    await ok(backend, 'organizations.update', { id: created.id, organization: organizationInput({ tags: ['new-tag'] }) });
    const labels = withSqlite(path, (db) => db.prepare("select value from organization_labels where field = 'tag' order by value").all());
    expect(labels).toEqual([{ value: 'new-tag' }]);
    expect((await ok(backend, 'organizations.list', { filters: { tag: ['old-tag'] } })).total).toBe(0);
    expect((await ok(backend, 'organizations.list', { filters: { tag: ['new-tag'] } })).total).toBe(1);
  });
});

describe('organizations.get and organizations.delete', () => {
  it('get of a missing id is not_found', async () => {
    const { backend } = await useBackend();
    expect((await fails(backend, 'organizations.get', { id: MISSING })).code).toBe('not_found');
    expect((await fails(backend, 'organizations.delete', { id: MISSING })).code).toBe('not_found');
  });

  it('deletes the record and its stage history through the change log; the indexes forget it', async () => {
    const { backend, path } = await useBackend();
    const kept = await create(backend, { name: 'Kept Alliance' });
    const gone = await create(backend, { name: 'Gone Alliance' });
    expect(await ok(backend, 'organizations.delete', { id: gone.id })).toEqual({ deleted: true });
    expect((await fails(backend, 'organizations.get', { id: gone.id })).code).toBe('not_found');
    const log = changeLog(path);
    const last = log.filter((r) => r.batch === log[log.length - 1]?.batch);
    expect(last.map((r) => `${r.entity}:${r.action}`).sort()).toEqual(['organization_stage_changes:delete', 'organizations:delete']);
    expect(JSON.parse(last.find((r) => r.entity === 'organizations')?.before_json ?? '{}')).toMatchObject({ id: gone.id, name: 'Gone Alliance' });
    const { rows } = await ok(backend, 'organizations.list', {});
    expect(rows.map((r) => r.id)).toEqual([kept.id]);
    expect((await ok(backend, 'directory.search', { query: 'gone' })).length).toBe(0);
    withSqlite(path, (db) => {
      expect(db.prepare('select count(*) as n from organization_labels where record_rowid not in (select rowid from organizations)').get()).toEqual({ n: 0 });
      expect(db.prepare('select count(*) as n from organization_labels').get()).not.toEqual({ n: 0 });
      expect(db.prepare('select count(*) as n from organization_stage_changes').get()).toEqual({ n: 1 });
    });
  });
});

describe('organizations.delete with links', () => {
  it('removes the affiliations, relationships and interaction participations first, all in one batch', async () => {
    const { backend, path } = await useBackend();
    const org = await create(backend, { name: 'Linked Org' });
    const other = await create(backend, { name: 'Other Org' });
    const person = await ok(backend, 'people.create', { ...emptyPersonInput(), name: 'Ana Souza', title: 'Organizer' });
    await ok(backend, 'affiliations.create', { personId: person.id, organizationId: org.id, role: 'Staff', primary: true, startOn: null, endOn: null });
    await ok(backend, 'relationships.create', { entity: 'organization', kind: 'funds', fromId: other.id, toId: org.id, note: '' });
    await ok(backend, 'interactions.create', {
      kind: 'meeting',
      occurredOn: '2026-02-03',
      summary: 'Planning meeting.',
      personIds: [person.id],
      organizationIds: [org.id, other.id],
      followUp: null,
    });
    const detail = await ok(backend, 'organizations.get', { id: org.id });
    expect(detail.affiliations).toHaveLength(1);
    expect(detail.relationships).toMatchObject([{ kind: 'funds', direction: 'incoming', other: { id: other.id, name: 'Other Org' } }]);
    expect(detail.interactionCount).toBe(1);
    expect(detail.lastContactedOn).toBe('2026-02-03');

    await ok(backend, 'organizations.delete', { id: org.id });
    const log = changeLog(path);
    const batch = log.filter((r) => r.batch === log[log.length - 1]?.batch);
    expect(batch.map((r) => r.entity)).toEqual(expect.arrayContaining(['affiliations', 'organization_relationships', 'organizations']));
    withSqlite(path, (db) => {
      expect(db.prepare('select count(*) as n from affiliations').get()).toEqual({ n: 0 });
      expect(db.prepare('select count(*) as n from organization_relationships').get()).toEqual({ n: 0 });
      expect(db.prepare('select count(*) as n from interaction_participants where organization_id = ?').get(org.id)).toEqual({ n: 0 });
    });
    // The person, the other organization and the interaction itself remain.
    expect((await ok(backend, 'organizations.get', { id: other.id })).interactionCount).toBe(1);
    expect((await ok(backend, 'people.get', { id: person.id })).interactionCount).toBe(1);
  });
});

describe('organizations.bulkUpdate', () => {
  it('changes the stage of many records in one change-log batch, with a stage change each, and clears tiers of non-members', async () => {
    const { backend, path } = await useBackend();
    const member = await create(backend, { name: 'A', stage: 'member', tier: 'steering' });
    const engaged = await create(backend, { name: 'B', stage: 'engaged', tier: null });
    const already = await create(backend, { name: 'C', stage: 'inactive', tier: null });
    const before = changeLog(path).length;
    const result = await ok(backend, 'organizations.bulkUpdate', { ids: [member.id, engaged.id, already.id, member.id], stage: 'inactive' });
    expect(result).toEqual({ updated: 2 });
    const written = changeLog(path).slice(before);
    expect(new Set(written.map((r) => r.batch)).size).toBe(1);
    expect(written.map((r) => `${r.entity}:${r.action}`).sort()).toEqual([
      'organization_stage_changes:create',
      'organization_stage_changes:create',
      'organizations:update',
      'organizations:update',
    ]);
    // The logged after-image is exactly the stored row (the bulk path computes it rather than re-reading).
    for (const row of written.filter((r) => r.entity === 'organizations')) {
      const stored = withSqlite(path, (db) => db.prepare('select * from organizations where id = ?').get(row.entity_id));
      expect(JSON.parse(row.after_json ?? 'null')).toEqual(stored);
      expect(JSON.parse(row.before_json ?? 'null')).toMatchObject({ id: row.entity_id });
    }
    const a = await ok(backend, 'organizations.get', { id: member.id });
    expect(a).toMatchObject({ stage: 'inactive', tier: null, stageChangedOn: today() });
    expect(a.stageHistory.map((h) => h.stage)).toEqual(['member', 'inactive']);
    expect((await ok(backend, 'organizations.get', { id: already.id })).stageHistory.map((h) => h.stage)).toEqual(['inactive']);
  });

  it('adds and removes tags without repeating one, and counts only records that changed', async () => {
    const { backend } = await useBackend();
    const one = await create(backend, { name: 'One', tags: ['food', 'rural'] });
    const two = await create(backend, { name: 'Two', tags: ['transit'] });
    const result = await ok(backend, 'organizations.bulkUpdate', { ids: [one.id, two.id], addTags: ['food', 'statewide'], removeTags: ['rural'] });
    expect(result).toEqual({ updated: 2 });
    expect((await ok(backend, 'organizations.get', { id: one.id })).tags).toEqual(['food', 'statewide']);
    expect((await ok(backend, 'organizations.get', { id: two.id })).tags).toEqual(['transit', 'food', 'statewide']);
    expect(await ok(backend, 'organizations.bulkUpdate', { ids: [one.id, two.id], addTags: ['food'] })).toEqual({ updated: 0 });
    expect((await ok(backend, 'organizations.list', { filters: { tag: ['statewide'] } })).total).toBe(2);
  });

  it('handles more ids than one chunk, and refuses the whole batch when one id is missing', async () => {
    const { backend, path } = await useBackend();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await create(backend, { name: `Org ${i}`, stage: 'identified', tier: null })).id);
    // 1,200 ids: the three real ones spread over three chunks of 500, the others missing.
    const padded = Array.from({ length: 1200 }, (_, i) => (i % 500 === 7 ? (ids[Math.floor(i / 500)] ?? MISSING) : `${MISSING.slice(0, -6)}${String(i).padStart(6, '0')}`));
    const before = snapshot(path);
    const error = await fails(backend, 'organizations.bulkUpdate', { ids: padded, stage: 'contacted' });
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/^1197 of the selected organizations no longer exist; nothing was changed/);
    expect(snapshot(path)).toEqual(before);
    const spread = Array.from({ length: 1200 }, (_, i) => ids[i % 3] ?? MISSING);
    expect(await ok(backend, 'organizations.bulkUpdate', { ids: spread, stage: 'contacted', addTags: ['wave-1'] })).toEqual({ updated: 3 });
    expect((await ok(backend, 'organizations.list', { filters: { stage: ['contacted'], tag: ['wave-1'] } })).total).toBe(3);
  });

  it('needs a stage or tags', async () => {
    const { backend } = await useBackend();
    const error = await fails(backend, 'organizations.bulkUpdate', { ids: [MISSING], addTags: [] });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/Choose a stage or tags to change/);
  });
});
