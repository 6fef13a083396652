import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { CoalitionBridge } from '@shared/rpc';
import { ok } from '../support/backend';
import { addOrg, addPerson } from './directory-support';
import { renderApp, startWithCoalition } from './renderApp';

async function meetingWithAgenda(bridge: CoalitionBridge) {
  const ana = await addPerson(bridge, 'Ana Soto');
  const ben = await addPerson(bridge, 'Ben Okafor');
  const clinic = await addOrg(bridge, 'Eastside Clinic');
  await ok(bridge, 'affiliations.create', { personId: ana, organizationId: clinic, role: '', primary: true, startOn: null, endOn: null });
  const meeting = await ok(bridge, 'meetings.create', {
    type: 'assembly',
    title: 'Spring assembly',
    startsAt: '2026-05-04T16:00:00Z',
    endsAt: '2026-05-04T17:00:00Z',
    timeZone: 'America/New_York',
    location: 'Library',
    videoUrl: '',
    organizerPersonId: null,
    workingGroupId: null,
  });
  await ok(bridge, 'meetings.saveAgenda', {
    meetingId: meeting.id,
    items: [
      { title: 'Welcome', presenterPersonId: null, minutesAllotted: 10, notes: '', documents: [] },
      { title: 'Budget', presenterPersonId: ana, minutesAllotted: 40, notes: '', documents: ['Shared/budget.xlsx'] },
      { title: 'Next steps', presenterPersonId: null, minutesAllotted: 20, notes: '', documents: [] },
    ],
  });
  await ok(bridge, 'meetings.invite', { meetingId: meeting.id, personIds: [ana, ben] });
  return { meeting, ana, ben };
}

test('the agenda reorders with the arrow buttons, saved in the new order, and shows its time against the meeting', async () => {
  const { bridge } = await startWithCoalition();
  const { meeting } = await meetingWithAgenda(bridge);
  const { user } = renderApp(`/meetings/${meeting.id}`);

  expect(await screen.findByText('70 of 60 minutes planned — 10 minutes over the meeting\'s length')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Move Budget up' }));
  await waitFor(async () => expect((await ok(bridge, 'meetings.get', { id: meeting.id })).agenda.map((i) => i.title)).toEqual(['Budget', 'Welcome', 'Next steps']));
  const list = screen.getByRole('list', { name: 'Agenda items' });
  await waitFor(() => expect(within(list).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual(['1. Budget', '2. Welcome', '3. Next steps']));
  await user.click(screen.getByRole('button', { name: 'Remove Next steps' }));
  expect(await screen.findByText('50 of 60 minutes planned')).toBeInTheDocument();
});

test('attendance is recorded per person and the organizations represented follow who was present', async () => {
  const { bridge } = await startWithCoalition();
  const { meeting, ana } = await meetingWithAgenda(bridge);
  const { user } = renderApp(`/meetings/${meeting.id}`);

  await screen.findByRole('table', { name: 'Invitees' });
  expect(screen.getByText('None yet: take attendance.')).toBeInTheDocument();
  const attendance = screen.getByRole('radiogroup', { name: 'Attendance of Ana Soto' });
  await user.click(within(attendance).getByText('Present'));
  await waitFor(async () => expect((await ok(bridge, 'meetings.get', { id: meeting.id })).invitees.find((i) => i.personId === ana)?.attendance).toBe('present'));
  const represented = await screen.findByRole('list', { name: 'Organizations represented' });
  expect(within(represented).getByRole('link', { name: 'Eastside Clinic' })).toBeInTheDocument();
  expect(screen.getByText('1 of 2 invitees are present; 1 needed.')).toBeInTheDocument();
});

test('the decision form shows the backend’s error when the votes exceed the people present', async () => {
  const { bridge } = await startWithCoalition();
  const { meeting, ana } = await meetingWithAgenda(bridge);
  await ok(bridge, 'meetings.respond', { meetingId: meeting.id, personIds: [ana], attendance: 'present' });
  const { user } = renderApp(`/meetings/${meeting.id}`);

  await user.click(await screen.findByRole('button', { name: 'Record a decision' }));
  const dialog = await screen.findByRole('dialog', { name: 'Record a decision' });
  await user.click(within(dialog).getByRole('button', { name: 'Save decision' }));
  expect(await within(dialog).findByText('Write down what was decided.')).toBeInTheDocument();
  await user.type(within(dialog).getByLabelText('Decision', { exact: false }), 'Adopt the budget.');
  await user.clear(within(dialog).getByLabelText('Votes for'));
  await user.type(within(dialog).getByLabelText('Votes for'), '2');
  await user.click(within(dialog).getByRole('button', { name: 'Save decision' }));
  expect(await within(dialog).findByText('2 votes were entered (for, against and abstaining), but only 1 person is marked present. Check the counts or the attendance.')).toBeInTheDocument();
  expect((await ok(bridge, 'meetings.get', { id: meeting.id })).decisions).toEqual([]);

  await user.clear(within(dialog).getByLabelText('Votes for'));
  await user.type(within(dialog).getByLabelText('Votes for'), '1');
  await user.click(within(dialog).getByRole('button', { name: 'Save decision' }));
  const decisions = await screen.findByRole('list', { name: 'Decisions' });
  expect(within(decisions).getByText('Passed')).toBeInTheDocument();
});

test('an action item without an owner is refused with a clear message', async () => {
  const { bridge } = await startWithCoalition();
  const { meeting } = await meetingWithAgenda(bridge);
  const { user } = renderApp(`/meetings/${meeting.id}`);

  await user.click(await screen.findByRole('button', { name: 'Add action item' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add an action item' });
  await user.type(within(dialog).getByLabelText('Description', { exact: false }), 'Send the minutes');
  await user.click(within(dialog).getByRole('button', { name: 'Save action item' }));
  expect(await within(dialog).findByText('Choose who owns this action item: every action item needs an owner.')).toBeInTheDocument();
  expect((await ok(bridge, 'actionItems.list', { meetingId: meeting.id })).total).toBe(0);
});

test('deleting a person says how many meetings and action items refer to them', async () => {
  const { bridge } = await startWithCoalition();
  const { meeting, ana } = await meetingWithAgenda(bridge);
  await ok(bridge, 'actionItems.save', { meetingId: meeting.id, description: 'Book the hall', ownerPersonId: ana, dueOn: null, status: 'open' });
  const { user } = renderApp(`/directory/people/${ana}`);

  await user.click(await screen.findByRole('button', { name: 'Delete person' }));
  const dialog = await screen.findByRole('dialog', { name: 'Delete Ana Soto?' });
  expect(
    await within(dialog).findByText(
      'They are referenced by 1 meeting and 1 action item: their invitations are removed, they are no longer organizer or presenter, and their action items stay without an owner until reassigned.',
    ),
  ).toBeInTheDocument();
});

test('the meeting form refuses an end before the start and warns about double-booking', async () => {
  const { bridge } = await startWithCoalition();
  const { meeting, ana } = await meetingWithAgenda(bridge);
  await ok(bridge, 'meetings.update', {
    id: meeting.id,
    meeting: { type: 'assembly', title: 'Spring assembly', startsAt: '2026-05-04T16:00:00Z', endsAt: '2026-05-04T17:00:00Z', timeZone: 'America/New_York', location: '', videoUrl: '', organizerPersonId: null, workingGroupId: null },
  });
  const other = await ok(bridge, 'meetings.create', {
    type: 'training',
    title: 'Press training',
    startsAt: '2026-05-04T20:00:00Z',
    endsAt: '2026-05-04T21:00:00Z',
    timeZone: 'America/New_York',
    location: '',
    videoUrl: '',
    organizerPersonId: null,
    workingGroupId: null,
  });
  await ok(bridge, 'meetings.invite', { meetingId: other.id, personIds: [ana] });
  const { user } = renderApp(`/meetings/${meeting.id}`);

  await user.click(await screen.findByRole('button', { name: 'Edit' }));
  const dialog = await screen.findByRole('dialog', { name: 'Edit Spring assembly' });
  // 12:00–13:00 in New York: an end at 11:00 is refused.
  const [startTime, endTime] = within(dialog).getAllByLabelText('at', { exact: false });
  await user.clear(endTime!);
  await user.type(endTime!, '11:00');
  await user.click(within(dialog).getByRole('button', { name: 'Save meeting' }));
  expect(await within(dialog).findByText('The meeting must end after it starts.')).toBeInTheDocument();
  // Moved to 16:00–17:00 it overlaps the training Ana is invited to: a warning, and it saves.
  await user.clear(startTime!);
  await user.type(startTime!, '16:00');
  await user.clear(endTime!);
  await user.type(endTime!, '17:00');
  expect(await within(dialog).findByText('Double-booked at these times')).toBeInTheDocument();
  expect(within(dialog).getByRole('list', { name: 'Double-booked people' })).toHaveTextContent('Ana Soto is also invited to Press training');
  await user.click(within(dialog).getByRole('button', { name: 'Save meeting' }));
  await waitFor(async () => expect((await ok(bridge, 'meetings.get', { id: meeting.id })).startsAt).toBe('2026-05-04T20:00:00.000Z'));
});

test('the calendar shows this month’s meetings, filtered by type, and opens one', async () => {
  const { bridge } = await startWithCoalition();
  // The 15th of this month at noon: in the agenda view the calendar opens on, whatever today is.
  const now = new Date();
  const soon = new Date(now.getFullYear(), now.getMonth(), 15, 12);
  const base = { startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 3_600_000).toISOString(), timeZone: 'UTC', location: '', videoUrl: '', organizerPersonId: null, workingGroupId: null };
  const hall = await ok(bridge, 'meetings.create', { ...base, type: 'town_hall', title: 'Housing town hall' });
  await ok(bridge, 'meetings.create', { ...base, type: 'training', title: 'Press training' });
  const { user } = renderApp('/meetings');

  // The agenda view (jsdom has no layout for the month grid to measure).
  await user.click(await screen.findByRole('button', { name: 'Agenda' }));
  expect(await screen.findByText('Housing town hall')).toBeInTheDocument();
  expect(screen.getByText('Press training')).toBeInTheDocument();
  await user.click(screen.getByRole('combobox', { name: 'Types' }));
  await user.click(await screen.findByRole('option', { name: 'Town hall' }));
  await waitFor(() => expect(screen.queryByText('Press training')).not.toBeInTheDocument());
  await user.click(screen.getByText('Housing town hall'));
  expect(await screen.findByRole('heading', { level: 1, name: 'Housing town hall' })).toBeInTheDocument();
  expect(window.location.hash).toBe(`#/meetings/${hall.id}`);
});
