import { describe, expect, it } from 'vitest';
import { changeLog, fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { addOrganization, addPerson, countRows, interactionInput } from '../../support/people';

const MISSING = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

describe('interactions', () => {
  it('logs an interaction with its participants and follow-up, and reads it back', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const ana = await addPerson(backend, 'Ana Lopez');
    const union = await addOrganization(backend, 'Tenant Union');
    const created = await ok(
      backend,
      'interactions.create',
      interactionInput({ kind: 'call', occurredOn: '2025-06-02', summary: 'Talked about the **forum**.', personIds: [maria, ana, maria], organizationIds: [union], followUp: { owner: 'Dana', dueOn: '2025-06-09', done: false } }),
    );
    expect(created).toMatchObject({
      kind: 'call',
      occurredOn: '2025-06-02',
      summary: 'Talked about the **forum**.',
      people: [
        { id: ana, name: 'Ana Lopez' },
        { id: maria, name: 'Maria Rivera' },
      ],
      organizations: [{ id: union, name: 'Tenant Union' }],
      followUp: { owner: 'Dana', dueOn: '2025-06-09', done: false },
    });
    expect(countRows(path, 'interaction_participants', `interaction_id = '${created.id}' and occurred_on = '2025-06-02'`)).toBe(3);
    expect((await ok(backend, 'interactions.list', { organizationId: union })).rows).toEqual([created]);
    expect((await ok(backend, 'interactions.list', { personId: ana })).rows).toEqual([created]);
    const log = changeLog(path).filter((r) => r.entity === 'interactions' || r.entity === 'interaction_participants');
    expect(log.map((r) => `${r.entity}:${r.action}`)).toEqual(['interactions:create', ...Array<string>(3).fill('interaction_participants:create')]);
  });

  it('marks a follow-up done and removes it', async () => {
    const { backend } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const input = interactionInput({ personIds: [maria], followUp: { owner: 'Dana', dueOn: '2025-06-09', done: false } });
    const created = await ok(backend, 'interactions.create', input);
    const done = await ok(backend, 'interactions.update', { id: created.id, interaction: { ...input, followUp: { owner: 'Dana', dueOn: '2025-06-09', done: true } } });
    expect(done.followUp).toEqual({ owner: 'Dana', dueOn: '2025-06-09', done: true });
    const none = await ok(backend, 'interactions.update', { id: created.id, interaction: { ...input, followUp: null } });
    expect(none.followUp).toBeNull();
    expect(none.createdAt).toBe(created.createdAt);
  });

  it('keeps last_contacted_on as the latest interaction date: on create, on moving the date, on delete', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const ana = await addPerson(backend, 'Ana Lopez');
    const union = await addOrganization(backend, 'Tenant Union');
    const lastOf = async () => ({
      maria: (await ok(backend, 'people.get', { id: maria })).lastContactedOn,
      ana: (await ok(backend, 'people.get', { id: ana })).lastContactedOn,
      union: (await ok(backend, 'organizations.get', { id: union })).lastContactedOn,
    });

    const early = await ok(backend, 'interactions.create', interactionInput({ occurredOn: '2025-01-10', personIds: [maria], organizationIds: [union] }));
    expect(await lastOf()).toEqual({ maria: '2025-01-10', ana: null, union: '2025-01-10' });
    const later = interactionInput({ occurredOn: '2025-03-20', personIds: [maria, ana] });
    const late = await ok(backend, 'interactions.create', later);
    expect(await lastOf()).toEqual({ maria: '2025-03-20', ana: '2025-03-20', union: '2025-01-10' });
    // An older interaction does not move the date back.
    await ok(backend, 'interactions.create', interactionInput({ occurredOn: '2024-12-01', personIds: [ana] }));
    expect((await lastOf()).ana).toBe('2025-03-20');

    // Moving the late one earlier than the early one: Maria falls back to the early date.
    await ok(backend, 'interactions.update', { id: late.id, interaction: { ...later, occurredOn: '2025-01-05' } });
    expect(await lastOf()).toEqual({ maria: '2025-01-10', ana: '2025-01-05', union: '2025-01-10' });
    expect(countRows(path, 'interaction_participants', `interaction_id = '${late.id}' and occurred_on = '2025-01-05'`)).toBe(2);
    // The timeline follows the participants' copied date.
    expect((await ok(backend, 'interactions.list', { personId: maria })).rows.map((r) => r.id)).toEqual([early.id, late.id]);

    // Swapping participants: Ana leaves the late one (falls back to 2024-12-01), the union joins it.
    await ok(backend, 'interactions.update', { id: late.id, interaction: { ...later, occurredOn: '2025-02-01', personIds: [maria], organizationIds: [union] } });
    expect(await lastOf()).toEqual({ maria: '2025-02-01', ana: '2024-12-01', union: '2025-02-01' });

    await ok(backend, 'interactions.delete', { id: late.id });
    expect(await lastOf()).toEqual({ maria: '2025-01-10', ana: '2024-12-01', union: '2025-01-10' });
    await ok(backend, 'interactions.delete', { id: early.id });
    expect(await lastOf()).toEqual({ maria: null, ana: '2024-12-01', union: null });

    // Each date change went through the log as an update of the record.
    const mariaDates = changeLog(path)
      .filter((r) => r.entity === 'people' && r.entity_id === maria && r.action === 'update')
      .map((r) => (JSON.parse(r.after_json ?? '{}') as { last_contacted_on: string | null }).last_contacted_on);
    expect(mariaDates).toEqual(['2025-01-10', '2025-03-20', '2025-01-10', '2025-02-01', '2025-01-10', null]);
  });

  it('does not write a record whose last contact does not change', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    await ok(backend, 'interactions.create', interactionInput({ occurredOn: '2025-05-01', personIds: [maria] }));
    const before = changeLog(path).filter((r) => r.entity === 'people').length;
    await ok(backend, 'interactions.create', interactionInput({ occurredOn: '2025-04-01', personIds: [maria] }));
    expect(changeLog(path).filter((r) => r.entity === 'people').length).toBe(before);
  });

  it('pages a timeline newest first with the total', async () => {
    const { backend } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const ana = await addPerson(backend, 'Ana Lopez');
    const dates = ['2025-01-03', '2025-01-01', '2025-01-05', '2025-01-02', '2025-01-04', '2025-01-04'];
    const made = [];
    for (const [i, occurredOn] of dates.entries()) made.push(await ok(backend, 'interactions.create', interactionInput({ occurredOn, summary: `#${i}`, personIds: [maria] })));
    await ok(backend, 'interactions.create', interactionInput({ personIds: [ana] }));
    const first = await ok(backend, 'interactions.list', { personId: maria, offset: 0, limit: 4 });
    const second = await ok(backend, 'interactions.list', { personId: maria, offset: 4, limit: 4 });
    expect(first.total).toBe(6);
    expect(second.total).toBe(6);
    // Same day: the one logged later comes first.
    expect([...first.rows, ...second.rows].map((r) => r.summary)).toEqual(['#2', '#5', '#4', '#0', '#3', '#1']);
  });

  it('refuses a participant that does not exist, naming it, and writes nothing', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const org = await addOrganization(backend, 'Org');
    const before = snapshot(path);
    const noPerson = await fails(backend, 'interactions.create', interactionInput({ personIds: [maria, MISSING], organizationIds: [org] }));
    expect(noPerson.code).toBe('not_found');
    expect(noPerson.message).toContain(MISSING);
    expect(issuesOf(noPerson).map((i) => i.path)).toEqual(['personIds.1']);
    const noOrg = await fails(backend, 'interactions.create', interactionInput({ personIds: [maria], organizationIds: [MISSING] }));
    expect(noOrg.message).toMatch(/^Organization /);
    expect(issuesOf(noOrg).map((i) => i.path)).toEqual(['organizationIds.0']);
    // A person id given as an organization is not found either.
    expect((await fails(backend, 'interactions.create', interactionInput({ organizationIds: [maria] }))).code).toBe('not_found');
    expect(snapshot(path)).toEqual(before);
  });

  it('a failed update leaves the interaction, its participants and last contact dates as they were', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const input = interactionInput({ personIds: [maria] });
    const created = await ok(backend, 'interactions.create', input);
    const before = snapshot(path);
    const error = await fails(backend, 'interactions.update', { id: created.id, interaction: { ...input, occurredOn: '2026-01-01', personIds: [maria, MISSING] } });
    expect(error.code).toBe('not_found');
    expect(issuesOf(error).map((i) => i.path)).toEqual(['interaction.personIds.1']);
    expect(snapshot(path)).toEqual(before);
  });

  it('requires at least one participant and a summary, and refuses a bad date', async () => {
    const { backend } = await useBackend();
    const none = await fails(backend, 'interactions.create', interactionInput());
    expect(none.code).toBe('validation');
    expect(issuesOf(none)).toContainEqual({ path: 'personIds', message: 'Name at least one person or organization who took part.' });
    const maria = await addPerson(backend, 'Maria Rivera');
    expect(issuesOf(await fails(backend, 'interactions.create', interactionInput({ personIds: [maria], summary: '  ' }))).map((i) => i.path)).toContain('summary');
    expect(issuesOf(await fails(backend, 'interactions.create', interactionInput({ personIds: [maria], occurredOn: '2025-13-01' }))).map((i) => i.path)).toContain('occurredOn');
    const followUp = await fails(backend, 'interactions.create', interactionInput({ personIds: [maria], followUp: { owner: '', dueOn: '2025-01-01', done: false } }));
    expect(issuesOf(followUp).map((i) => i.path)).toContain('followUp.owner');
  });

  it('answers not_found for unknown interactions and unknown timeline owners', async () => {
    const { backend } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    expect((await fails(backend, 'interactions.update', { id: MISSING, interaction: interactionInput({ personIds: [maria] }) })).code).toBe('not_found');
    expect((await fails(backend, 'interactions.delete', { id: MISSING })).code).toBe('not_found');
    expect((await fails(backend, 'interactions.list', { personId: MISSING })).code).toBe('not_found');
    expect((await fails(backend, 'interactions.list', { organizationId: MISSING })).code).toBe('not_found');
    expect((await fails(backend, 'interactions.list', { personId: maria, organizationId: maria })).code).toBe('validation');
    expect((await fails(backend, 'interactions.list', {})).code).toBe('validation');
  });

  it('deleting an interaction removes its participants and logs every row', async () => {
    const { backend, path } = await useBackend();
    const maria = await addPerson(backend, 'Maria Rivera');
    const org = await addOrganization(backend, 'Org');
    const created = await ok(backend, 'interactions.create', interactionInput({ personIds: [maria], organizationIds: [org] }));
    await ok(backend, 'interactions.delete', { id: created.id });
    expect(countRows(path, 'interactions')).toBe(0);
    expect(countRows(path, 'interaction_participants')).toBe(0);
    const deletes = changeLog(path).filter((r) => r.action === 'delete');
    expect(deletes.map((r) => r.entity).sort()).toEqual(['interaction_participants', 'interaction_participants', 'interactions']);
    expect(new Set(deletes.map((r) => r.batch)).size).toBe(1);
  });
});
