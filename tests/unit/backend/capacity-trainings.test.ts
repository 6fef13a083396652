import { describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import { fails, issuesOf, ok, useBackend } from '../../support/backend';
import { addOrganization, addPerson, countRows, foreignKeyProblems } from '../../support/people';

function trainingInput(overrides: Partial<Input<'trainings.create'>> = {}): Input<'trainings.create'> {
  return {
    title: 'Media interviews 101',
    topic: 'media_relations',
    format: 'in_person',
    trainerPersonId: null,
    trainerOrganizationId: null,
    startsAt: '2026-05-12T15:00:00Z',
    endsAt: '2026-05-12T17:00:00Z',
    timeZone: 'America/Chicago',
    location: 'Union hall',
    videoUrl: '',
    description: '',
    materials: [{ title: 'Slides', reference: '/shared/media-101.pdf' }],
    status: 'scheduled',
    ...overrides,
  };
}

function requestInput(organizationId: string, overrides: Partial<Input<'assistance.create'>['request']> = {}): Input<'assistance.create'>['request'] {
  return { organizationId, contactPersonId: null, category: 'fundraising', description: 'A first grant proposal.', urgency: 'high', providerPersonId: null, providerOrganizationId: null, openedOn: '2026-04-01', hoursSpent: 0, outcome: '', ...overrides };
}

describe('trainings', () => {
  it('keeps a training meeting in the calendar: created, changed and deleted with the training, one undo step each', async () => {
    const { backend, path } = await useBackend();
    const trainer = await addPerson(backend, 'Ana Soto');
    const training = await ok(backend, 'trainings.create', trainingInput({ trainerPersonId: trainer }));
    const meeting = await ok(backend, 'meetings.get', { id: training.meetingId });
    expect(meeting).toMatchObject({ type: 'training', title: 'Media interviews 101', startsAt: '2026-05-12T15:00:00.000Z', timeZone: 'America/Chicago', location: 'Union hall', organizerName: 'Ana Soto' });
    const range = await ok(backend, 'meetings.range', { from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z', types: ['training'] });
    expect(range.meetings.map((m) => m.id)).toEqual([training.meetingId]);

    await ok(backend, 'trainings.update', { id: training.id, training: trainingInput({ title: 'Media interviews', startsAt: '2026-05-13T15:00:00Z', endsAt: '2026-05-13T16:30:00Z', format: 'online', location: '' }) });
    expect(await ok(backend, 'meetings.get', { id: training.meetingId })).toMatchObject({ title: 'Media interviews', startsAt: '2026-05-13T15:00:00.000Z', endsAt: '2026-05-13T16:30:00.000Z', location: '' });
    // The meeting cannot be deleted behind the training's back.
    expect((await fails(backend, 'meetings.delete', { id: training.meetingId })).message).toMatch(/is the training “Media interviews”/);

    await ok(backend, 'trainings.delete', { id: training.id });
    expect(countRows(path, 'meetings')).toBe(0);
    expect(countRows(path, 'trainings')).toBe(0);
    await ok(backend, 'history.undo', {});
    expect(countRows(path, 'meetings')).toBe(1);
    expect((await ok(backend, 'trainings.get', { id: training.id })).meetingId).toBe(training.meetingId);
    // Creating is one step too: undoing it removes both.
    await ok(backend, 'trainings.create', trainingInput({ title: 'Second' }));
    await ok(backend, 'history.undo', {});
    expect(countRows(path, 'meetings')).toBe(1);
  });

  it('records attendees with their organization at the time, feedback and the average rating', async () => {
    const { backend } = await useBackend();
    const org = await addOrganization(backend, 'Eastside Clinic');
    const other = await addOrganization(backend, 'Tenants United');
    const ana = await addPerson(backend, 'Ana Soto');
    const ben = await addPerson(backend, 'Ben Okafor');
    const cho = await addPerson(backend, 'Cho Min-jun');
    await ok(backend, 'affiliations.create', { personId: ana, organizationId: org, role: 'Organizer', primary: true, startOn: '2025-01-01', endOn: '2026-06-30' });
    // Ana moves to Tenants United after the training; she stays recorded with the clinic.
    await ok(backend, 'affiliations.create', { personId: ana, organizationId: other, role: 'Organizer', primary: false, startOn: '2026-07-01', endOn: null });
    const training = await ok(backend, 'trainings.create', trainingInput());
    const withPeople = await ok(backend, 'trainings.setAttendees', { trainingId: training.id, personIds: [ana, ben, cho, ana] });
    expect(withPeople.attendeesList.map((a) => [a.name, a.organization?.name ?? null])).toEqual([
      ['Ana Soto', 'Eastside Clinic'],
      ['Ben Okafor', null],
      ['Cho Min-jun', null],
    ]);
    await ok(backend, 'trainings.saveFeedback', { trainingId: training.id, personId: ana, rating: 5, comment: 'Practical.' });
    await ok(backend, 'trainings.saveFeedback', { trainingId: training.id, personId: ben, rating: 4, comment: '' });
    const rated = await ok(backend, 'trainings.saveFeedback', { trainingId: training.id, personId: cho, rating: 4, comment: '' });
    expect(rated).toMatchObject({ attendees: 3, ratings: 3, averageRating: 4.3 });
    // Keeping Ana and Ben keeps their feedback; Cho's goes with him.
    const kept = await ok(backend, 'trainings.setAttendees', { trainingId: training.id, personIds: [ana, ben] });
    expect(kept).toMatchObject({ attendees: 2, averageRating: 4.5 });
    expect((await ok(backend, 'trainings.list', {})).rows[0]).toMatchObject({ attendees: 2, ratings: 2, averageRating: 4.5 });
    expect(issuesOf(await fails(backend, 'trainings.saveFeedback', { trainingId: training.id, personId: ana, rating: 6, comment: '' }))).toEqual([{ path: 'rating', message: 'Rating must be from 1 to 5.' }]);
    expect((await fails(backend, 'trainings.saveFeedback', { trainingId: training.id, personId: cho, rating: 3, comment: '' })).message).toMatch(/not among the training’s attendees/);
    // The organization's page lists the training by its people.
    expect((await ok(backend, 'resources.organization', { organizationId: org })).trainings).toEqual([
      { id: training.id, title: 'Media interviews 101', startsAt: '2026-05-12T15:00:00.000Z', people: [{ id: ana, name: 'Ana Soto' }] },
    ]);
    // Deleting a person removes their attendance; merging moves it (feedback kept).
    await ok(backend, 'duplicates.merge', { entity: 'person', survivorId: cho, mergedId: ben, fields: {} });
    expect((await ok(backend, 'trainings.get', { id: training.id })).attendeesList.map((a) => [a.name, a.rating])).toEqual([
      ['Ana Soto', 5],
      ['Cho Min-jun', 4],
    ]);
    await ok(backend, 'people.delete', { id: ana });
    expect((await ok(backend, 'trainings.get', { id: training.id })).averageRating).toBe(4);
  });
});

describe('technical assistance', () => {
  it('moves a request open → assigned → in progress → resolved with a dated history, and counts days open', async () => {
    const { backend, path } = await useBackend();
    const org = await addOrganization(backend, 'Eastside Clinic');
    const provider = await addOrganization(backend, 'Grant Writers Guild');
    const created = await ok(backend, 'assistance.create', { request: requestInput(org), today: '2026-04-11' });
    expect(created).toMatchObject({ status: 'open', daysOpen: 10, provider: null });
    expect((await fails(backend, 'assistance.setStatus', { id: created.id, status: 'in_progress', on: '2026-04-12', note: '', today: '2026-04-12' })).message).toBe(
      'A request that is open can move to assigned, closed, not to in progress.',
    );
    expect((await fails(backend, 'assistance.setStatus', { id: created.id, status: 'assigned', on: '2026-04-12', note: '', today: '2026-04-12' })).message).toMatch(/Choose who provides/);
    await ok(backend, 'assistance.update', { id: created.id, request: requestInput(org, { providerOrganizationId: provider }), today: '2026-04-12' });
    await ok(backend, 'assistance.setStatus', { id: created.id, status: 'assigned', on: '2026-04-12', note: 'Guild takes it', today: '2026-04-12' });
    await ok(backend, 'assistance.setStatus', { id: created.id, status: 'in_progress', on: '2026-04-15', note: '', today: '2026-04-15' });
    expect((await fails(backend, 'assistance.setStatus', { id: created.id, status: 'resolved', on: '2026-04-14', note: '', today: '2026-04-20' })).message).toMatch(/cannot be dated earlier/);
    const resolved = await ok(backend, 'assistance.setStatus', { id: created.id, status: 'resolved', on: '2026-04-21', note: 'Proposal sent', today: '2026-05-30' });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedOn: '2026-04-21', daysOpen: 20 });
    expect(resolved.history.map((h) => [h.status, h.changedOn])).toEqual([
      ['open', '2026-04-01'],
      ['assigned', '2026-04-12'],
      ['in_progress', '2026-04-15'],
      ['resolved', '2026-04-21'],
    ]);
    const young = await ok(backend, 'assistance.create', { request: requestInput(org, { openedOn: '2026-05-20', providerOrganizationId: provider }), today: '2026-05-30' });
    expect(young.history.map((h) => h.status)).toEqual(['open', 'assigned']);
    const old = await ok(backend, 'assistance.create', { request: requestInput(org, { openedOn: '2026-03-01' }), today: '2026-05-30' });
    // Open by age: oldest first; the resolved one only in the full list, after the open ones.
    expect((await ok(backend, 'assistance.list', { today: '2026-05-30', openOnly: true })).rows.map((r) => [r.id, r.daysOpen])).toEqual([
      [old.id, 90],
      [young.id, 10],
    ]);
    expect((await ok(backend, 'assistance.list', { today: '2026-05-30', openOnly: false })).rows.map((r) => r.id)).toEqual([old.id, young.id, created.id]);
    // A page of it, with the total.
    expect(await ok(backend, 'assistance.list', { today: '2026-05-30', openOnly: false, offset: 1, limit: 1 })).toMatchObject({ total: 3, rows: [{ id: young.id }] });
    const summary = await ok(backend, 'resources.organization', { organizationId: provider });
    expect(summary.assistanceGiven.map((a) => a.counterpart)).toEqual(['Eastside Clinic', 'Eastside Clinic']);
    // Deleting the requesting organization removes its requests and their history; undo restores them.
    await ok(backend, 'organizations.delete', { id: org });
    expect(await ok(backend, 'assistance.list', { today: '2026-05-30', openOnly: false })).toEqual({ total: 0, rows: [] });
    expect(foreignKeyProblems(path)).toEqual([]);
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'assistance.list', { today: '2026-05-30', openOnly: false })).rows).toHaveLength(3);
  });
});
