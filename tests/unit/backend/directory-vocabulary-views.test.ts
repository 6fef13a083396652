import { describe, expect, it } from 'vitest';
import { DEFAULT_ISSUE_AREAS, DEFAULT_POPULATIONS } from '@shared/directory/enums';
import { changeLog, fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { organizationInput } from '../../support/people';

// Editable vocabularies (issue areas, populations) and saved directory views.

describe('vocabulary', () => {
  it('starts with the default lists, in order', async () => {
    const { backend } = await useBackend();
    expect(await ok(backend, 'vocabulary.list', { kind: 'issue_area' })).toEqual(DEFAULT_ISSUE_AREAS);
    expect(await ok(backend, 'vocabulary.list', { kind: 'population' })).toEqual(DEFAULT_POPULATIONS);
  });

  it('adds at the end and removes a term, through the change log; the other list is untouched', async () => {
    const { backend, path } = await useBackend();
    const added = await ok(backend, 'vocabulary.add', { kind: 'issue_area', value: '  Transit equity ' });
    expect(added).toEqual([...DEFAULT_ISSUE_AREAS, 'Transit equity']);
    const removed = await ok(backend, 'vocabulary.remove', { kind: 'issue_area', value: 'Housing' });
    expect(removed).toEqual([...DEFAULT_ISSUE_AREAS.filter((v) => v !== 'Housing'), 'Transit equity']);
    expect(await ok(backend, 'vocabulary.add', { kind: 'issue_area', value: 'Housing' })).toEqual([
      ...DEFAULT_ISSUE_AREAS.filter((v) => v !== 'Housing'),
      'Transit equity',
      'Housing',
    ]);
    expect(await ok(backend, 'vocabulary.list', { kind: 'population' })).toEqual(DEFAULT_POPULATIONS);
    expect(changeLog(path).map((r) => `${r.entity}:${r.action}`)).toEqual(['vocabulary:create', 'vocabulary:delete', 'vocabulary:create']);
  });

  it('refuses a term already in the list (ignoring case) with a conflict that names it', async () => {
    const { backend, path } = await useBackend();
    const before = snapshot(path);
    const error = await fails(backend, 'vocabulary.add', { kind: 'population', value: 'youth' });
    expect(error).toMatchObject({ code: 'conflict', message: '“Youth” is already in the list of populations.' });
    expect(issuesOf(error)).toEqual([{ path: 'value', message: 'This term is already in the list.' }]);
    expect(snapshot(path)).toEqual(before);
  });

  it('answers not_found for a term that is not in the list', async () => {
    const { backend } = await useBackend();
    const error = await fails(backend, 'vocabulary.remove', { kind: 'issue_area', value: 'Astrology' });
    expect(error).toMatchObject({ code: 'not_found', message: '“Astrology” is not in the list of issue areas.' });
  });

  it('counts the organizations using each term, including terms not in the list, and follows edits', async () => {
    const { backend } = await useBackend();
    expect(await ok(backend, 'vocabulary.usage', { kind: 'issue_area' })).toEqual([]);
    const alder = await ok(backend, 'organizations.create', organizationInput('Alder', { issueAreas: ['Housing', 'Transit equity'], populations: ['Youth'] }));
    await ok(backend, 'organizations.create', organizationInput('Bayview', { issueAreas: ['Housing'] }));
    expect(await ok(backend, 'vocabulary.usage', { kind: 'issue_area' })).toEqual([
      { value: 'Housing', organizations: 2 },
      { value: 'Transit equity', organizations: 1 },
    ]);
    expect(await ok(backend, 'vocabulary.usage', { kind: 'population' })).toEqual([{ value: 'Youth', organizations: 1 }]);
    await ok(backend, 'organizations.delete', { id: alder.id });
    expect(await ok(backend, 'vocabulary.usage', { kind: 'issue_area' })).toEqual([{ value: 'Housing', organizations: 1 }]);
  });

  it('refuses an unknown kind and a blank term', async () => {
    const { backend } = await useBackend();
    expect(issuesOf(await fails(backend, 'vocabulary.list', { kind: 'tags' })).map((i) => i.path)).toEqual(['kind']);
    expect(issuesOf(await fails(backend, 'vocabulary.add', { kind: 'issue_area', value: '   ' })).map((i) => i.path)).toEqual(['value']);
  });
});

const orgView = {
  name: 'Housing members',
  entity: 'organization' as const,
  filters: { stage: ['member' as const], issueArea: ['Housing'], lastContacted: { to: '2026-01-01', never: true } },
  sort: { field: 'lastContactedOn' as const, direction: 'asc' as const },
  columns: ['name', 'stage', 'lastContactedOn'],
};
const personView = {
  name: 'Housing members',
  entity: 'person' as const,
  filters: { communityLeader: true, district: ['District 4'] },
  sort: { field: 'district' as const, direction: 'desc' as const },
  columns: ['name', 'district'],
};

describe('saved views', () => {
  it('creates, lists, replaces and deletes views, keeping filters, sort and columns', async () => {
    const { backend, path } = await useBackend();
    expect(await ok(backend, 'views.list', {})).toEqual([]);
    const saved = await ok(backend, 'views.save', orgView);
    expect(saved).toEqual({ ...orgView, id: expect.any(String) as unknown, updatedAt: expect.any(String) as unknown });
    // The same name for the other entity is fine.
    const people = await ok(backend, 'views.save', personView);
    expect(await ok(backend, 'views.list', {})).toEqual([saved, people]);

    const replaced = await ok(backend, 'views.save', { ...orgView, id: saved.id, name: 'Housing members, stale', filters: { tag: ['tenants'] } });
    expect(replaced).toMatchObject({ id: saved.id, name: 'Housing members, stale', filters: { tag: ['tenants'] } });
    expect(await ok(backend, 'views.list', {})).toEqual([replaced, people]);

    expect(await ok(backend, 'views.delete', { id: people.id })).toEqual({ deleted: true });
    expect(await ok(backend, 'views.list', {})).toEqual([replaced]);
    expect(changeLog(path).map((r) => `${r.entity}:${r.action}`)).toEqual(['saved_views:create', 'saved_views:create', 'saved_views:update', 'saved_views:delete']);
  });

  it('refuses a duplicate name for the same entity (ignoring case), but a view may keep its own name', async () => {
    const { backend, path } = await useBackend();
    const saved = await ok(backend, 'views.save', orgView);
    const before = snapshot(path);
    const error = await fails(backend, 'views.save', { ...orgView, name: 'HOUSING MEMBERS' });
    expect(error).toMatchObject({ code: 'conflict', message: 'A saved view of organizations is already called “Housing members”. Choose another name.' });
    expect(issuesOf(error)).toEqual([{ path: 'name', message: 'Another view has this name.' }]);
    const other = await ok(backend, 'views.save', { ...orgView, name: 'Other' });
    expect((await fails(backend, 'views.save', { ...orgView, id: other.id })).code).toBe('conflict');
    expect((await ok(backend, 'views.save', { ...orgView, id: saved.id, columns: ['name'] })).columns).toEqual(['name']);
    expect(snapshot(path).saved_views?.rows).toBe(before.saved_views ? before.saved_views.rows + 1 : -1);
  });

  it('answers not_found when replacing or deleting a view that does not exist', async () => {
    const { backend } = await useBackend();
    const missing = '5b0c3a8e-1d2f-4a6b-9c7d-0e1f2a3b4c5d';
    expect((await fails(backend, 'views.save', { ...orgView, id: missing })).code).toBe('not_found');
    expect((await fails(backend, 'views.delete', { id: missing })).code).toBe('not_found');
  });

  it('checks filters and sort against the entity: a person sort field on an organization view is refused', async () => {
    const { backend } = await useBackend();
    const error = await fails(backend, 'views.save', { ...orgView, sort: { field: 'district', direction: 'asc' } });
    expect(error.code).toBe('validation');
    expect(issuesOf(error).map((i) => i.path)).toContain('sort.field');
    const unknown = await fails(backend, 'views.save', { ...orgView, entity: 'meeting' });
    expect(issuesOf(unknown).map((i) => i.path)).toEqual(['entity']);
  });
});
