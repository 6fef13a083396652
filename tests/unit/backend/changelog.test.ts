import { describe, expect, it } from 'vitest';
import { changeLog, fails, ok, useBackend } from '../../support/backend';
import { png } from '../../support/images';
import { draftInput } from '../../support/samples';

// The one write path records every create, update and delete, with the record before and
// after, in the same transaction; one call is one batch.

const PROFILE = { name: 'Cedar Valley Fair Futures Coalition', shortName: 'CVFF', region: 'Cedar Valley', foundedOn: '2020-01-15' };

describe('change log', () => {
  it('records a create with the new record and no before', async () => {
    const { backend } = await useBackend();
    await ok(backend, 'profile.save', PROFILE);
    const [entry, ...rest] = await ok(backend, 'history.list', {});
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ entity: 'coalition_profile', entityId: 'coalition', action: 'create', before: null });
    expect(entry?.after).toMatchObject({ id: 'coalition', name: PROFILE.name, short_name: 'CVFF', region: 'Cedar Valley', founded_on: '2020-01-15', logo_data: null });
  });

  it('records an update with the record before and after', async () => {
    const { backend } = await useBackend();
    await ok(backend, 'profile.save', PROFILE);
    await ok(backend, 'profile.save', { ...PROFILE, name: 'Cedar Valley Coalition', foundedOn: null });
    const [entry] = await ok(backend, 'history.list', { limit: 1 });
    expect(entry).toMatchObject({ entity: 'coalition_profile', entityId: 'coalition', action: 'update' });
    expect(entry?.before).toMatchObject({ name: PROFILE.name, founded_on: '2020-01-15' });
    expect(entry?.after).toMatchObject({ name: 'Cedar Valley Coalition', founded_on: null });
  });

  it('records a delete with the record before and no after', async () => {
    const { backend } = await useBackend();
    const draft = await ok(backend, 'charter.saveDraft', draftInput());
    const [kept, dropped] = draft.goals;
    if (!kept || !dropped) throw new Error('two goals expected');
    await ok(backend, 'charter.saveDraft', { ...draftInput(), goals: [kept] });
    const [entry] = await ok(backend, 'history.list', { entity: 'charter_goal', entityId: dropped.id, limit: 1 });
    expect(entry).toMatchObject({ action: 'delete', after: null, before: { id: dropped.id, title: dropped.title, position: 1 } });
  });

  it('keeps blobs in the log as base64, so a logo change can be restored', async () => {
    const { backend } = await useBackend();
    await ok(backend, 'profile.save', PROFILE);
    const logo = png(2, 2);
    await ok(backend, 'profile.setLogo', { logo: { mimeType: 'image/png', dataBase64: logo.toString('base64') } });
    await ok(backend, 'profile.setLogo', { logo: null });
    const [cleared, set] = await ok(backend, 'history.list', { entity: 'coalition_profile', limit: 2 });
    expect(set?.after).toMatchObject({ logo_mime: 'image/png', logo_data: { base64: logo.toString('base64') } });
    expect(cleared?.before).toMatchObject({ logo_data: { base64: logo.toString('base64') } });
    expect(cleared?.after).toMatchObject({ logo_mime: null, logo_data: null });
  });

  it('records nothing for an update that changes nothing', async () => {
    const { backend, path } = await useBackend();
    const profile = await ok(backend, 'profile.save', PROFILE);
    const draft = await ok(backend, 'charter.saveDraft', draftInput());
    await ok(backend, 'profile.setLogo', { logo: null }); // no logo before, none after
    const log = changeLog(path);

    const again = await ok(backend, 'profile.save', PROFILE);
    const draftAgain = await ok(backend, 'charter.saveDraft', { ...draftInput(), goals: draft.goals });
    await ok(backend, 'profile.setLogo', { logo: null });

    expect(changeLog(path)).toEqual(log);
    // Nothing changed, so nothing claims to have been updated either.
    expect(again.updatedAt).toBe(profile.updatedAt);
    expect(draftAgain.updatedAt).toBe(draft.updatedAt);
  });

  it('gives all the changes of one call one batch, and each call its own', async () => {
    const { backend, path } = await useBackend();
    await ok(backend, 'charter.saveDraft', draftInput({ goals: [...draftInput().goals, { category: 'capacity_building', title: 'Train advocates', description: '', target: null }] }));
    await ok(backend, 'profile.save', PROFILE);
    const draft = await ok(backend, 'charter.getDraft', {});
    await ok(backend, 'charter.saveDraft', { ...draftInput(), mission: 'Changed.', goals: draft.goals.slice(1) });

    const log = changeLog(path);
    const batches = [...new Set(log.map((row) => row.batch))];
    expect(batches).toHaveLength(3);
    const [first, second, third] = batches.map((batch) => log.filter((row) => row.batch === batch));
    expect(first?.map((r) => [r.entity, r.action])).toEqual([
      ['charter_draft', 'create'],
      ['charter_goal', 'create'],
      ['charter_goal', 'create'],
      ['charter_goal', 'create'],
    ]);
    expect(second?.map((r) => [r.entity, r.action])).toEqual([['coalition_profile', 'create']]);
    // The mission changed, two goals moved up a position, and the first goal was removed.
    expect(third?.map((r) => [r.entity, r.action])).toEqual([
      ['charter_draft', 'update'],
      ['charter_goal', 'update'],
      ['charter_goal', 'update'],
      ['charter_goal', 'delete'],
    ]);
    // Batches run in call order: the log is never interleaved.
    expect(log.map((r) => r.batch)).toEqual([...first!, ...second!, ...third!].map((r) => r.batch));
  });

  it('records nothing for a call that fails', async () => {
    const { backend, path } = await useBackend();
    const draft = await ok(backend, 'charter.saveDraft', draftInput());
    const log = changeLog(path);
    await fails(backend, 'charter.saveDraft', {
      ...draftInput({ mission: 'Not saved.' }),
      goals: [...draft.goals, { id: 'a8c4f6e2-1b3d-4f5a-8c7e-9d0b1a2c3e4f', category: 'policy_change', title: 'Unknown', description: '', target: null }],
    });
    await fails(backend, 'charter.adopt', { adoptedOn: '2026-13-45', note: '' });
    await fails(backend, 'profile.setLogo', { logo: { mimeType: 'image/png', dataBase64: png().toString('base64') } });
    expect(changeLog(path)).toEqual(log);
  });
});

describe('history.list', () => {
  it('lists newest first, filters by entity and record, and respects the limit', async () => {
    const { backend, path } = await useBackend();
    await ok(backend, 'profile.save', PROFILE);
    const draft = await ok(backend, 'charter.saveDraft', draftInput());
    const [goal] = draft.goals;
    if (!goal) throw new Error('a goal expected');
    for (let i = 1; i <= 3; i++) {
      await ok(backend, 'charter.saveDraft', { ...draftInput(), goals: [{ ...goal, title: `Title ${i}` }, ...draft.goals.slice(1)] });
    }
    await ok(backend, 'profile.save', { ...PROFILE, region: 'Cedar Valley and beyond' });

    const all = await ok(backend, 'history.list', {});
    const raw = changeLog(path);
    expect(all.map((e) => e.seq)).toEqual(raw.map((r) => r.seq).reverse());

    const profileOnly = await ok(backend, 'history.list', { entity: 'coalition_profile' });
    expect(profileOnly.map((e) => e.action)).toEqual(['update', 'create']);

    const oneGoal = await ok(backend, 'history.list', { entity: 'charter_goal', entityId: goal.id });
    expect(oneGoal.map((e) => e.action)).toEqual(['update', 'update', 'update', 'create']);
    expect(oneGoal.map((e) => (e.after as { title: string }).title)).toEqual(['Title 3', 'Title 2', 'Title 1', goal.title]);

    const byIdOnly = await ok(backend, 'history.list', { entityId: goal.id });
    expect(byIdOnly).toEqual(oneGoal);

    const limited = await ok(backend, 'history.list', { entity: 'charter_goal', entityId: goal.id, limit: 2 });
    expect(limited).toEqual(oneGoal.slice(0, 2));
    expect(await ok(backend, 'history.list', { entity: 'no_such_table' })).toEqual([]);
  });

  it('returns at most 100 entries unless asked for more', async () => {
    const { backend } = await useBackend();
    await ok(backend, 'profile.save', PROFILE);
    for (let i = 0; i < 120; i++) await ok(backend, 'profile.save', { ...PROFILE, region: `Region ${i}` });
    expect(await ok(backend, 'history.list', {})).toHaveLength(100);
    expect(await ok(backend, 'history.list', { limit: 500 })).toHaveLength(121);
  });
});
