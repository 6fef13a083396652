import { describe, expect, it } from 'vitest';
import { SAMPLE_SEED } from '../../../electron/backend/host/host';
import { generateSample } from '../../../electron/backend/sample/generate';
import { changeLog, fails, issuesOf, ok, snapshot, useBackend, withSqlite } from '../../support/backend';
import { meetingInput } from '../../support/meetings';
import { addPerson, countRows } from '../../support/people';

describe('meetings', () => {
  it('schedules, reads, changes and deletes a meeting, logging each change', async () => {
    const { backend, path } = await useBackend();
    const ana = await addPerson(backend, 'Ana Soto');
    const created = await ok(backend, 'meetings.create', meetingInput({ organizerPersonId: ana, startsAt: '2026-05-04T16:00:00Z', videoUrl: 'https://meet.example.org/spring' }));
    // Instants are stored in one form so they compare as text.
    expect(created).toMatchObject({ title: 'Spring assembly', startsAt: '2026-05-04T16:00:00.000Z', organizerName: 'Ana Soto', status: 'scheduled', invited: 0 });
    expect(created.quorum).toEqual({ basis: 'invited', present: 0, of: 0, needed: 0, met: false });
    const updated = await ok(backend, 'meetings.update', { id: created.id, meeting: meetingInput({ title: 'Spring assembly (moved)', timeZone: 'Europe/Berlin' }) });
    expect(updated).toMatchObject({ title: 'Spring assembly (moved)', timeZone: 'Europe/Berlin', organizerPersonId: null });
    await ok(backend, 'meetings.saveMinutes', { id: created.id, minutesMd: '# Minutes\n\n- Budget approved' });
    expect((await ok(backend, 'meetings.get', { id: created.id })).minutesMd).toBe('# Minutes\n\n- Budget approved');
    expect(await ok(backend, 'meetings.delete', { id: created.id })).toEqual({ deleted: true });
    expect(countRows(path, 'meetings')).toBe(0);
    expect(changeLog(path).filter((r) => r.entity === 'meetings').map((r) => r.action)).toEqual(['create', 'update', 'update', 'delete']);
    expect((await fails(backend, 'meetings.get', { id: created.id })).code).toBe('not_found');
  });

  it('refuses an end before the start, an unknown time zone and a video link that is not a web address, naming each field', async () => {
    const { backend, path } = await useBackend();
    const before = snapshot(path);
    const error = await fails(backend, 'meetings.create', meetingInput({ endsAt: '2026-05-04T15:00:00Z', timeZone: 'Mars/Olympus', videoUrl: 'javascript:alert(1)' }));
    expect(error.code).toBe('validation');
    expect(issuesOf(error)).toEqual(
      expect.arrayContaining([
        { path: 'endsAt', message: 'The meeting must end after it starts.' },
        { path: 'timeZone', message: 'Choose a time zone from the list (an IANA name such as Europe/Berlin).' },
        { path: 'videoUrl', message: 'Enter a full web address starting with https:// (or leave the video link empty).' },
      ]),
    );
    expect((await fails(backend, 'meetings.create', meetingInput({ timeZone: '+05:00' }))).code).toBe('validation');
    expect(issuesOf(await fails(backend, 'meetings.create', meetingInput({ endsAt: '2026-05-20T15:00:00Z' })))[0]?.message).toMatch(/at most 7 days/);
    expect(issuesOf(await fails(backend, 'meetings.create', meetingInput({ type: 'working_group' })))).toEqual([
      { path: 'workingGroupId', message: 'Choose the working group this meeting belongs to.' },
    ]);
    expect(snapshot(path)).toEqual(before);
    // UTC and zone aliases are fine.
    await ok(backend, 'meetings.create', meetingInput({ timeZone: 'UTC' }));
    await ok(backend, 'meetings.create', meetingInput({ timeZone: 'Europe/Kiev' }));
  });

  it('serves the calendar a date range, with filters, including meetings that started before it', async () => {
    const { backend } = await useBackend();
    const a = await ok(backend, 'meetings.create', meetingInput({ title: 'April 30 overnight', startsAt: '2026-04-30T22:00:00Z', endsAt: '2026-05-01T02:00:00Z' }));
    await ok(backend, 'meetings.create', meetingInput({ title: 'May training', type: 'training', startsAt: '2026-05-12T14:00:00Z', endsAt: '2026-05-12T15:00:00Z' }));
    await ok(backend, 'meetings.create', meetingInput({ title: 'June town hall', type: 'town_hall', startsAt: '2026-06-02T14:00:00Z', endsAt: '2026-06-02T15:00:00Z' }));
    const may = await ok(backend, 'meetings.range', { from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z' });
    expect(may.meetings.map((m) => m.title)).toEqual(['April 30 overnight', 'May training']);
    expect(may.truncated).toBe(false);
    const trainings = await ok(backend, 'meetings.range', { from: '2026-05-01T00:00:00Z', to: '2026-07-01T00:00:00Z', types: ['training', 'town_hall'] });
    expect(trainings.meetings.map((m) => m.title)).toEqual(['May training', 'June town hall']);
    expect(a.id).toBe(may.meetings[0]?.id);
    expect(issuesOf(await fails(backend, 'meetings.range', { from: '2026-05-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }))[0]?.message).toBe('The range must end after it starts.');
  });

  it('keeps an agenda in order: adds, moves, edits and removes items in one call', async () => {
    const { backend, path } = await useBackend();
    const ana = await addPerson(backend, 'Ana Soto');
    const { id } = await ok(backend, 'meetings.create', meetingInput());
    const first = await ok(backend, 'meetings.saveAgenda', {
      meetingId: id,
      items: [
        { title: 'Welcome', presenterPersonId: ana, minutesAllotted: 10, notes: '', documents: [] },
        { title: 'Budget', presenterPersonId: null, minutesAllotted: 30, notes: 'Draft attached', documents: ['/shared/budget-2026.xlsx'] },
        { title: 'Any other business', presenterPersonId: null, minutesAllotted: 5, notes: '', documents: [] },
      ],
    });
    expect(first.map((i) => [i.title, i.presenterName])).toEqual([['Welcome', 'Ana Soto'], ['Budget', null], ['Any other business', null]]);
    const [welcome, budget] = first;
    const second = await ok(backend, 'meetings.saveAgenda', {
      meetingId: id,
      items: [
        { ...budget!, minutesAllotted: 45 },
        { ...welcome! },
      ].map(({ presenterName: _, ...item }) => item),
    });
    expect(second.map((i) => [i.title, i.minutesAllotted])).toEqual([['Budget', 45], ['Welcome', 10]]);
    expect(second[0]!.documents).toEqual(['/shared/budget-2026.xlsx']);
    expect(countRows(path, 'agenda_items')).toBe(2);
    const stranger = await fails(backend, 'meetings.saveAgenda', { meetingId: id, items: [{ id: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', title: 'X', presenterPersonId: null, minutesAllotted: 1, notes: '', documents: [] }] });
    expect(issuesOf(stranger)).toEqual([{ path: 'items.0.id', message: 'This agenda item is not on this meeting’s agenda.' }]);
  });
});

describe('history of meetings', () => {
  it('describes meeting changes in History and undoes them', async () => {
    const { backend } = await useBackend();
    const ana = await addPerson(backend, 'Ana Soto');
    const { id } = await ok(backend, 'meetings.create', meetingInput());
    await ok(backend, 'meetings.invite', { meetingId: id, personIds: [ana] });
    await ok(backend, 'meetings.saveAgenda', { meetingId: id, items: [{ title: 'Welcome', presenterPersonId: null, minutesAllotted: 5, notes: '', documents: [] }] });
    const item = await ok(backend, 'actionItems.save', { meetingId: id, description: 'Send the minutes', ownerPersonId: ana, dueOn: null, status: 'open' });
    await ok(backend, 'actionItems.setStatus', { id: item.id, status: 'done' });
    const { batches } = await ok(backend, 'history.batches', { limit: 10 });
    expect(batches.slice(0, 5).map((b) => b.summary)).toEqual([
      'Marked “Send the minutes” done',
      'Added the action item “Send the minutes”',
      'Edited the agenda of Spring assembly',
      'Invited 1 person to Spring assembly',
      'Added Spring assembly',
    ]);
    await ok(backend, 'history.undo', {});
    expect((await ok(backend, 'actionItems.list', { meetingId: id })).rows[0]?.status).toBe('open');
  });
});

describe('sample meetings', () => {
  it('the sample coalition has meetings the contract accepts, with attendance and overdue items', async () => {
    const { backend, path } = await useBackend();
    await generateSample(backend, { seed: SAMPLE_SEED });
    const { meetings } = await ok(backend, 'meetings.range', { from: '2026-06-01T00:00:00Z', to: '2027-02-01T00:00:00Z' });
    expect(meetings.length).toBeGreaterThan(50);
    // useBackend checks every output against the contract.
    for (const m of meetings.slice(0, 10)) await ok(backend, 'meetings.get', { id: m.id });
    expect(meetings.some((m) => m.type === 'working_group' && m.workingGroupName)).toBe(true);
    expect((await ok(backend, 'actionItems.list', { overdueOn: '2026-11-01' })).total).toBeGreaterThan(0);
    expect(withSqlite(path, (db) => db.pragma('foreign_key_check'))).toEqual([]);
  });
});
