import { describe, expect, it } from 'vitest';
import type { Draft, DraftInput } from '@shared/charter/contract';
import type { Backend } from '../../../electron/backend/backend';
import { fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { draftInput } from '../../support/samples';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The editable part of a draft, ready to send back with changes. */
function editable(draft: Draft): DraftInput {
  return { mission: draft.mission, vision: draft.vision, values: draft.values, goals: draft.goals };
}

async function adoptedV1(backend: Backend): Promise<Draft> {
  await ok(backend, 'charter.saveDraft', draftInput());
  await ok(backend, 'charter.adopt', { adoptedOn: '2025-03-12', note: 'Founding assembly.' });
  return ok(backend, 'charter.getDraft', {});
}

describe('charter draft', () => {
  it('starts empty, with nothing to adopt', async () => {
    const { backend } = await useBackend();
    expect(await ok(backend, 'charter.getDraft', {})).toEqual({
      mission: '',
      vision: '',
      values: [],
      goals: [],
      updatedAt: null,
      latestVersion: null,
      hasUnadoptedChanges: false,
    });
  });

  it('saves two goals with new ids, in the order given, with and without targets', async () => {
    const { backend } = await useBackend();
    const input = draftInput();
    const draft = await ok(backend, 'charter.saveDraft', input);
    expect(draft.goals).toHaveLength(2);
    for (const goal of draft.goals) expect(goal.id).toMatch(UUID);
    expect(new Set(draft.goals.map((g) => g.id)).size).toBe(2);
    expect(draft.goals.map(({ id: _id, ...rest }) => rest)).toEqual(input.goals);
    expect(draft.goals[0]?.target).toBeNull();
    expect(draft.goals[1]?.target).toEqual({ metric: 'People reached', value: 40_000, unit: 'people', dueOn: '2026-12-31' });
    expect(draft).toMatchObject({ mission: input.mission, vision: input.vision, values: input.values, latestVersion: null, hasUnadoptedChanges: true });
    expect(draft.updatedAt).not.toBeNull();
    expect(await ok(backend, 'charter.getDraft', {})).toEqual(draft);
  });

  it('keeps goal ids across edits and follows a new order', async () => {
    const { backend } = await useBackend();
    const saved = await ok(backend, 'charter.saveDraft', draftInput());
    const [first, second] = saved.goals;
    if (!first || !second) throw new Error('two goals expected');
    const edited = await ok(backend, 'charter.saveDraft', {
      ...editable(saved),
      goals: [
        { ...second, title: 'Make eviction visible', target: null },
        { ...first, target: { metric: 'Bills enacted', value: 1.5, unit: '', dueOn: null } },
      ],
    });
    expect(edited.goals.map((g) => g.id)).toEqual([second.id, first.id]);
    expect(edited.goals[0]).toMatchObject({ title: 'Make eviction visible', target: null });
    expect(edited.goals[1]?.target).toEqual({ metric: 'Bills enacted', value: 1.5, unit: '', dueOn: null });
  });

  it('deletes a goal left out of the draft', async () => {
    const { backend, path } = await useBackend();
    const saved = await ok(backend, 'charter.saveDraft', draftInput());
    const [kept, dropped] = saved.goals;
    if (!kept || !dropped) throw new Error('two goals expected');
    const edited = await ok(backend, 'charter.saveDraft', { ...editable(saved), goals: [kept] });
    expect(edited.goals.map((g) => g.id)).toEqual([kept.id]);
    expect(snapshot(path).charter_goal?.rows).toBe(1);
    const log = await ok(backend, 'history.list', { entity: 'charter_goal', entityId: dropped.id });
    expect(log[0]).toMatchObject({ action: 'delete', after: null });
  });

  it('refuses an unknown goal id with not_found and rolls back the goals already processed in that call', async () => {
    const { backend, path } = await useBackend();
    const saved = await ok(backend, 'charter.saveDraft', draftInput());
    const before = snapshot(path);
    const [first] = saved.goals;
    if (!first) throw new Error('a goal expected');
    const error = await fails(backend, 'charter.saveDraft', {
      ...editable(saved),
      mission: 'A mission that must not be saved.',
      goals: [
        { ...first, title: 'A title that must not be saved' }, // an update, processed first
        { category: 'capacity_building', title: 'A goal that must not be created', description: '', target: null }, // an insert
        { id: '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c', category: 'policy_change', title: 'Gone', description: '', target: null },
      ],
    });
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/Goal 3 \("Gone"\) no longer exists/);
    expect(issuesOf(error)).toEqual([{ path: 'goals.2.id', message: 'This goal no longer exists.' }]);
    expect(snapshot(path)).toEqual(before);
    expect(await ok(backend, 'charter.getDraft', {})).toEqual(saved);
  });

  it('refuses a goal listed twice as a validation error and changes nothing', async () => {
    const { backend, path } = await useBackend();
    const saved = await ok(backend, 'charter.saveDraft', draftInput());
    const before = snapshot(path);
    const [first] = saved.goals;
    if (!first) throw new Error('a goal expected');
    const error = await fails(backend, 'charter.saveDraft', { ...editable(saved), goals: [first, { ...first, title: 'Copy' }] });
    expect(error.code).toBe('validation');
    expect(issuesOf(error)).toEqual([{ path: 'goals.1.id', message: 'This goal appears twice.' }]);
    expect(snapshot(path)).toEqual(before);
  });

  it('tracks whether the draft has changes that were not adopted', async () => {
    const { backend } = await useBackend();
    const unadopted = async () => (await ok(backend, 'charter.getDraft', {})).hasUnadoptedChanges;
    expect(await unadopted()).toBe(false);
    const saved = await ok(backend, 'charter.saveDraft', draftInput());
    expect(saved.hasUnadoptedChanges).toBe(true);
    await ok(backend, 'charter.adopt', { adoptedOn: '2025-03-12', note: '' });
    expect(await unadopted()).toBe(false);
    const adopted = await ok(backend, 'charter.getDraft', {});
    expect(adopted.latestVersion).toBe(1);

    const edited = await ok(backend, 'charter.saveDraft', { ...editable(adopted), values: [...adopted.values, 'Dignity'] });
    expect(edited.hasUnadoptedChanges).toBe(true);
    const reverted = await ok(backend, 'charter.saveDraft', editable(adopted));
    expect(reverted.hasUnadoptedChanges).toBe(false);
    const reordered = await ok(backend, 'charter.saveDraft', { ...editable(adopted), goals: [...adopted.goals].reverse() });
    expect(reordered.hasUnadoptedChanges).toBe(true);
  });
});

describe('adopting the charter', () => {
  it('needs a mission', async () => {
    const { backend, path } = await useBackend();
    await ok(backend, 'charter.saveDraft', draftInput({ mission: '  \n ' }));
    const before = snapshot(path);
    const error = await fails(backend, 'charter.adopt', { adoptedOn: '2025-03-12', note: '' });
    expect(error.code).toBe('validation');
    expect(issuesOf(error).map((i) => i.path)).toEqual(['mission']);
    expect(snapshot(path)).toEqual(before);
    expect(await ok(backend, 'charter.listVersions', {})).toEqual([]);
  });

  it('freezes the draft as version 1', async () => {
    const { backend } = await useBackend();
    const draft = await ok(backend, 'charter.saveDraft', draftInput());
    const version = await ok(backend, 'charter.adopt', { adoptedOn: '2025-03-12', note: 'Founding assembly.' });
    expect(version).toMatchObject({ number: 1, adoptedOn: '2025-03-12', note: 'Founding assembly.', content: editable(draft) });
    // Editing the draft later leaves the version as adopted.
    await ok(backend, 'charter.saveDraft', { ...editable(draft), mission: 'Something else.', goals: [] });
    expect(await ok(backend, 'charter.getVersion', { number: 1 })).toEqual(version);
  });

  it('refuses to adopt again when nothing changed', async () => {
    const { backend, path } = await useBackend();
    await adoptedV1(backend);
    const before = snapshot(path);
    const error = await fails(backend, 'charter.adopt', { adoptedOn: '2025-04-01', note: '' });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/Nothing changed since version 1/);
    expect(snapshot(path)).toEqual(before);
  });

  it('refuses a date before the previous version', async () => {
    const { backend, path } = await useBackend();
    const v1 = await adoptedV1(backend);
    await ok(backend, 'charter.saveDraft', { ...editable(v1), vision: 'A new vision.' });
    const before = snapshot(path);
    const error = await fails(backend, 'charter.adopt', { adoptedOn: '2025-03-11', note: '' });
    expect(error.code).toBe('validation');
    expect(issuesOf(error)).toEqual([{ path: 'adoptedOn', message: 'Must be on or after 2025-03-12.' }]);
    expect(snapshot(path)).toEqual(before);
    // The same day is fine.
    expect(await ok(backend, 'charter.adopt', { adoptedOn: '2025-03-12', note: 'Same-day amendment.' })).toMatchObject({ number: 2 });
  });

  it('adopts version 2 after edits and lists versions newest first', async () => {
    const { backend } = await useBackend();
    const v1 = await adoptedV1(backend);
    await ok(backend, 'charter.saveDraft', { ...editable(v1), mission: `${v1.mission} And we win.` });
    const v2 = await ok(backend, 'charter.adopt', { adoptedOn: '2026-02-04', note: 'Retreat amendments.' });
    expect(v2.number).toBe(2);
    const list = await ok(backend, 'charter.listVersions', {});
    expect(list.map((v) => [v.number, v.adoptedOn, v.note])).toEqual([
      [2, '2026-02-04', 'Retreat amendments.'],
      [1, '2025-03-12', 'Founding assembly.'],
    ]);
    expect((await ok(backend, 'charter.getDraft', {})).latestVersion).toBe(2);
  });

  it('answers not_found for a version that does not exist', async () => {
    const { backend } = await useBackend();
    await adoptedV1(backend);
    const error = await fails(backend, 'charter.getVersion', { number: 99 });
    expect(error).toMatchObject({ code: 'not_found', message: 'Charter version 99 does not exist.' });
    expect((await fails(backend, 'charter.compare', { from: 99, to: 'draft' })).code).toBe('not_found');
  });
});

describe('comparing charters', () => {
  async function twoVersions(backend: Backend) {
    const v1 = await adoptedV1(backend);
    const [health, housing] = v1.goals;
    if (!health || !housing) throw new Error('two goals expected');
    await ok(backend, 'charter.saveDraft', {
      mission: 'We unite neighbourhood groups and clinics to win fair social services.',
      vision: v1.vision,
      values: ['Equity', 'Transparency'],
      goals: [
        { ...health, title: 'Expand mental-health coverage statewide', target: { metric: 'Bills enacted', value: 1, unit: 'bill', dueOn: '2026-06-30' } },
        { category: 'capacity_building', title: 'Train member advocates', description: '', target: null },
      ],
    });
    await ok(backend, 'charter.adopt', { adoptedOn: '2026-02-04', note: '' });
    const v2 = await ok(backend, 'charter.getDraft', {});
    return { health, housing, added: v2.goals[1] };
  }

  it('shows what changed from version 1 to version 2', async () => {
    const { backend } = await useBackend();
    const { health, housing, added } = await twoVersions(backend);
    const diff = await ok(backend, 'charter.compare', { from: 1, to: 2 });
    expect(diff).toMatchObject({ from: 1, to: 2, vision: null, identical: false, values: { added: ['Transparency'], removed: ['Solidarity'] } });
    expect(diff.mission?.parts.filter((p) => p.added).map((p) => p.value.trim())).toContain('and clinics');
    expect(diff.goals).toEqual([
      {
        id: health.id,
        kind: 'changed',
        title: 'Expand mental-health coverage statewide',
        fields: [
          { field: 'Title', before: 'Expand mental-health coverage', after: 'Expand mental-health coverage statewide' },
          { field: 'Target', before: 'No target', after: 'Bills enacted: 1 bill by 2026-06-30' },
        ],
      },
      { id: added?.id, kind: 'added', title: 'Train member advocates', fields: [] },
      { id: housing.id, kind: 'removed', title: 'Make housing insecurity visible', fields: [] },
    ]);
  });

  it('finds a version identical to itself and to an unedited draft', async () => {
    const { backend } = await useBackend();
    await twoVersions(backend);
    for (const [from, to] of [
      [1, 1],
      [2, 'draft'],
      ['draft', 2],
      ['draft', 'draft'],
    ] as const) {
      const diff = await ok(backend, 'charter.compare', { from, to });
      expect(diff, `${from} → ${to}`).toEqual({ from, to, mission: null, vision: null, values: { added: [], removed: [] }, goals: [], identical: true });
    }
    expect((await ok(backend, 'charter.compare', { from: 2, to: 1 })).identical).toBe(false);
  });

  it('compares a version with the edited draft', async () => {
    const { backend } = await useBackend();
    await twoVersions(backend);
    const draft = await ok(backend, 'charter.getDraft', {});
    await ok(backend, 'charter.saveDraft', { ...editable(draft), vision: 'Care for everyone.' });
    const diff = await ok(backend, 'charter.compare', { from: 2, to: 'draft' });
    expect(diff).toMatchObject({ from: 2, to: 'draft', mission: null, identical: false, goals: [] });
    expect(diff.vision?.parts.some((p) => p.added)).toBe(true);
  });
});
