import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { addOrg, addPerson } from './directory-support';
import { renderApp, startWithCoalition } from './renderApp';

test('the training page lists attendees with their organization and records feedback, updating the average', async () => {
  const { bridge } = await startWithCoalition();
  const ana = await addPerson(bridge, 'Ana Soto');
  const ben = await addPerson(bridge, 'Ben Okafor');
  const clinic = await addOrg(bridge, 'Eastside Clinic');
  await ok(bridge, 'affiliations.create', { personId: ana, organizationId: clinic, role: '', primary: true, startOn: null, endOn: null });
  const training = await ok(bridge, 'trainings.create', {
    title: 'Speaking at a hearing',
    topic: 'public_speaking',
    format: 'in_person',
    trainerPersonId: null,
    trainerOrganizationId: null,
    startsAt: '2026-05-12T15:00:00Z',
    endsAt: '2026-05-12T17:00:00Z',
    timeZone: 'America/Chicago',
    location: 'Union hall',
    videoUrl: '',
    description: '',
    materials: [{ title: 'Hearing checklist', reference: 'https://example.org/checklist.pdf' }],
    status: 'scheduled',
  });
  await ok(bridge, 'trainings.setAttendees', { trainingId: training.id, personIds: [ana, ben] });
  await ok(bridge, 'trainings.saveFeedback', { trainingId: training.id, personId: ben, rating: 3, comment: 'Too short.' });
  const { user } = renderApp(`/capacity/trainings/${training.id}`);

  const table = await screen.findByRole('table', { name: 'Attendees and feedback' }, { timeout: 5000 });
  const anaRow = within(table).getByText('Ana Soto').closest('tr') as HTMLElement;
  expect(within(anaRow).getByText('Eastside Clinic')).toBeInTheDocument();
  expect(screen.getByText('3.0 (1)')).toBeInTheDocument();
  expect(screen.getByText('Hearing checklist')).toBeInTheDocument();

  await user.click(within(table).getByRole('button', { name: 'Feedback from Ana Soto' }));
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByText('★★★★★'));
  await user.type(within(dialog).getByLabelText('Comment'), 'Practical.');
  await user.click(within(dialog).getByRole('button', { name: 'Save feedback' }));
  await waitFor(async () => expect((await ok(bridge, 'trainings.get', { id: training.id })).averageRating).toBe(4));
  expect(await screen.findByText('4.0 (2)')).toBeInTheDocument();
  expect(screen.getByText('Practical.')).toBeInTheDocument();
  // The training is a meeting in the calendar.
  expect(screen.getByRole('link', { name: 'In the calendar' })).toHaveAttribute('href', `#/meetings/${training.meetingId}`);
});
