import { describe, expect, it } from 'vitest';
import { fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { addSteering, meetingInput } from '../../support/meetings';
import { addPerson } from '../../support/people';
import type { Backend } from '../../../electron/backend/backend';

async function meetingWith(backend: Backend, names: readonly string[], present: number, type: 'assembly' | 'steering' = 'assembly') {
  const people: string[] = [];
  for (const name of names) people.push(await addPerson(backend, name));
  const { id } = await ok(backend, 'meetings.create', meetingInput({ type }));
  await ok(backend, 'meetings.invite', { meetingId: id, personIds: people });
  if (present > 0) await ok(backend, 'meetings.respond', { meetingId: id, personIds: people.slice(0, present), attendance: 'present' });
  return { id, people };
}

const decision = (meetingId: string, votes: [number, number, number], kind: 'ordinary' | 'charter' = 'ordinary') => ({
  meetingId,
  text: 'Adopt the 2026 budget.',
  motion: 'That the budget be adopted as circulated.',
  kind,
  votesFor: votes[0],
  votesAgainst: votes[1],
  votesAbstain: votes[2],
});

describe('decisions', () => {
  it('passes a motion with quorum and a majority of the votes cast, and fails a tie', async () => {
    const { backend } = await useBackend();
    const { id } = await meetingWith(backend, ['A', 'B', 'C', 'D', 'E'], 4);
    expect(await ok(backend, 'decisions.save', decision(id, [3, 1, 0]))).toMatchObject({ quorumMet: true, passed: true });
    expect(await ok(backend, 'decisions.save', decision(id, [2, 2, 0]))).toMatchObject({ quorumMet: true, passed: false });
    // A charter decision needs two thirds (the default rule): 2 of 3 is enough, 2 of 4 is not.
    expect(await ok(backend, 'decisions.save', decision(id, [2, 1, 1], 'charter'))).toMatchObject({ passed: true });
    expect((await ok(backend, 'meetings.get', { id })).decisions).toHaveLength(3);
  });

  it('applies the coalition’s own rules when they change', async () => {
    const { backend } = await useBackend();
    const { id } = await meetingWith(backend, ['A', 'B', 'C', 'D', 'E'], 3);
    await backend.bulkLoad((db) => db.prepare(`update decision_rules set quorum_share = 0.8, ordinary_majority = 0.75 where id = 'rules'`).run());
    expect(await ok(backend, 'decisions.save', decision(id, [3, 0, 0]))).toMatchObject({ quorumMet: false, passed: false });
    await ok(backend, 'meetings.respond', { meetingId: id, personIds: (await ok(backend, 'meetings.get', { id })).invitees.map((i) => i.personId), attendance: 'present' });
    expect(await ok(backend, 'decisions.save', decision(id, [3, 2, 0]))).toMatchObject({ quorumMet: true, passed: false });
    expect(await ok(backend, 'decisions.save', decision(id, [4, 1, 0]))).toMatchObject({ quorumMet: true, passed: true });
  });

  it('counts a steering meeting’s quorum as present seat holders against seats', async () => {
    const { backend } = await useBackend();
    const { id, people } = await meetingWith(backend, ['Holder 1', 'Holder 2', 'Guest 1', 'Guest 2'], 4, 'steering');
    // Five seats, two held by people present: 2 of 5 is short of half, whoever else came.
    await addSteering(backend, 5, [{ personId: people[0]! }, { personId: people[1]! }]);
    const short = await ok(backend, 'meetings.get', { id });
    expect(short.quorum).toEqual({ basis: 'steering', present: 2, of: 5, needed: 3, met: false });
    expect(await ok(backend, 'decisions.save', decision(id, [4, 0, 0]))).toMatchObject({ quorumMet: false, passed: false });
  });

  it('refuses more votes than people present with a clear message, and writes nothing', async () => {
    const { backend, path } = await useBackend();
    const { id } = await meetingWith(backend, ['A', 'B', 'C'], 2);
    const before = snapshot(path);
    const error = await fails(backend, 'decisions.save', decision(id, [2, 0, 1]));
    expect(error).toMatchObject({
      code: 'validation',
      message: '3 votes were entered (for, against and abstaining), but only 2 people are marked present. Check the counts or the attendance.',
    });
    expect(issuesOf(error).map((i) => i.path)).toEqual(['votesFor']);
    expect(snapshot(path)).toEqual(before);
    const negative = await fails(backend, 'decisions.save', decision(id, [-1, 0, 0]));
    expect(issuesOf(negative)).toEqual([{ path: 'votesFor', message: 'Votes cannot be negative.' }]);
    const empty = await fails(backend, 'decisions.save', { ...decision(id, [1, 0, 0]), text: '  ' });
    expect(issuesOf(empty)).toEqual([{ path: 'text', message: 'Write down what was decided.' }]);
  });
});

describe('action items', () => {
  it('needs an owner, with a sentence that says so', async () => {
    const { backend } = await useBackend();
    const base = { meetingId: null, description: 'Book the hall', dueOn: '2026-05-10', status: 'open' as const };
    for (const owner of [undefined, null, '']) {
      const error = await fails(backend, 'actionItems.save', { ...base, ownerPersonId: owner });
      expect(issuesOf(error)).toEqual([{ path: 'ownerPersonId', message: 'Choose who owns this action item: every action item needs an owner.' }]);
    }
    expect(issuesOf(await fails(backend, 'actionItems.save', { ...base, ownerPersonId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' }))).toEqual([
      { path: 'ownerPersonId', message: 'This person does not exist.' },
    ]);
  });

  it('lists overdue items across meetings relative to the given day, one owner’s items, and closes an item from anywhere', async () => {
    const { backend } = await useBackend();
    const ana = await addPerson(backend, 'Ana Soto');
    const ben = await addPerson(backend, 'Ben Okafor');
    const m1 = await ok(backend, 'meetings.create', meetingInput({ title: 'April' }));
    const m2 = await ok(backend, 'meetings.create', meetingInput({ title: 'May' }));
    const save = (description: string, ownerPersonId: string, dueOn: string | null, meetingId: string | null, status: 'open' | 'in_progress' | 'done' = 'open') =>
      ok(backend, 'actionItems.save', { meetingId, description, ownerPersonId, dueOn, status });
    const late = await save('Send minutes', ana, '2026-05-01', m1.id);
    await save('Book hall', ben, '2026-05-03', m2.id, 'in_progress');
    await save('Already done', ana, '2026-04-01', m1.id, 'done');
    await save('Due today', ana, '2026-05-05', null);
    await save('Someday', ana, null, null);
    const overdue = await ok(backend, 'actionItems.list', { overdueOn: '2026-05-05' });
    expect(overdue.rows.map((r) => [r.description, r.meetingTitle])).toEqual([['Send minutes', 'April'], ['Book hall', 'May']]);
    // The clock moves: what was due today is overdue tomorrow.
    expect((await ok(backend, 'actionItems.list', { overdueOn: '2026-05-06' })).total).toBe(3);
    const mine = await ok(backend, 'actionItems.list', { ownerPersonId: ana, openOnly: true });
    expect(mine.rows.map((r) => r.description)).toEqual(['Send minutes', 'Due today', 'Someday']);
    const closed = await ok(backend, 'actionItems.setStatus', { id: late.id, status: 'done' });
    expect(closed.status).toBe('done');
    expect(closed.doneOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await ok(backend, 'actionItems.list', { overdueOn: '2026-05-05' })).rows.map((r) => r.description)).toEqual(['Book hall']);
    expect((await ok(backend, 'actionItems.setStatus', { id: late.id, status: 'open' })).doneOn).toBeNull();
  });

  it('keeps a deleted meeting’s action items, standalone, and removes its agenda, invitations and decisions', async () => {
    const { backend } = await useBackend();
    const ana = await addPerson(backend, 'Ana Soto');
    const { id } = await meetingWith(backend, ['A'], 1);
    await ok(backend, 'decisions.save', decision(id, [1, 0, 0]));
    const item = await ok(backend, 'actionItems.save', { meetingId: id, description: 'Follow up', ownerPersonId: ana, dueOn: null, status: 'open' });
    await ok(backend, 'meetings.delete', { id });
    expect((await ok(backend, 'actionItems.list', { ownerPersonId: ana })).rows).toEqual([expect.objectContaining({ id: item.id, meetingId: null, meetingTitle: null })]);
  });

  it('home: meetings in the next 24 hours, overdue items and mine', async () => {
    const { backend } = await useBackend();
    const ana = await addPerson(backend, 'Ana Soto');
    await ok(backend, 'meetings.create', meetingInput({ title: 'Tomorrow morning', startsAt: '2026-05-05T09:00:00Z', endsAt: '2026-05-05T10:00:00Z' }));
    await ok(backend, 'meetings.create', meetingInput({ title: 'Under way', startsAt: '2026-05-04T11:00:00Z', endsAt: '2026-05-04T13:00:00Z' }));
    await ok(backend, 'meetings.create', meetingInput({ title: 'Next week', startsAt: '2026-05-11T09:00:00Z', endsAt: '2026-05-11T10:00:00Z' }));
    await ok(backend, 'meetings.create', meetingInput({ title: 'Cancelled', status: 'cancelled', startsAt: '2026-05-04T15:00:00Z', endsAt: '2026-05-04T16:00:00Z' }));
    await ok(backend, 'actionItems.save', { meetingId: null, description: 'Late', ownerPersonId: ana, dueOn: '2026-05-01', status: 'open' });
    const home = await ok(backend, 'meetings.home', { now: '2026-05-04T12:00:00Z', today: '2026-05-04', personId: ana });
    expect(home.upcoming.map((m) => m.title)).toEqual(['Under way', 'Tomorrow morning']);
    expect(home.overdue.rows.map((r) => r.description)).toEqual(['Late']);
    expect(home.mine.total).toBe(1);
    expect((await ok(backend, 'meetings.home', { now: '2026-05-04T12:00:00Z', today: '2026-05-04', personId: null })).mine).toEqual({ total: 0, rows: [] });
  });
});
