import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { addOrg, addPerson } from './directory-support';
import { renderApp, startWithCoalition } from './renderApp';

test('an organization page shows its profile, people, relationships, timeline and history', async () => {
  const { bridge } = await startWithCoalition();
  const id = await addOrg(bridge, 'Alder Food Bank', {
    city: 'Harbor City',
    issueAreas: ['Food security'],
    email: 'info@alder.org',
    stage: 'member',
    tier: 'ally',
    notes: 'Runs the Tuesday pantry.',
  });
  const partner = await addOrg(bridge, 'Harbor Community Foundation', { sector: 'private', type: 'philanthropy' });
  const amara = await addPerson(bridge, 'Amara Okafor');
  await ok(bridge, 'affiliations.create', { personId: amara, organizationId: id, role: 'Executive director', primary: true, startOn: '2021-01-04', endOn: null });
  await ok(bridge, 'relationships.create', { entity: 'organization', kind: 'funds', fromId: partner, toId: id, note: '' });
  const { user } = renderApp(`/directory/organizations/${id}`);

  expect(await screen.findByRole('heading', { level: 1, name: 'Alder Food Bank' })).toBeInTheDocument();
  expect(screen.getByText(/^Member since/)).toBeInTheDocument();
  expect(screen.getByText('Ally tier')).toBeInTheDocument();
  expect(screen.getByText('info@alder.org')).toBeInTheDocument();
  expect(screen.getByText('Runs the Tuesday pantry.')).toBeInTheDocument();

  const people = screen.getByRole('list', { name: 'People' });
  expect(within(people).getByRole('link', { name: 'Amara Okafor' })).toBeInTheDocument();
  expect(within(people).getByText(/Executive director · since 4 Jan 2021/)).toBeInTheDocument();
  expect(within(people).getByText('Primary')).toBeInTheDocument();
  expect(within(screen.getByRole('list', { name: 'Relationships' })).getByText(/Funded by/)).toBeInTheDocument();
  expect(within(await screen.findByRole('list', { name: 'Change history' })).getByText('Added to the directory')).toBeInTheDocument();

  // Log an interaction with a participant found by search.
  await user.click(screen.getByRole('button', { name: 'Log interaction' }));
  const dialog = await screen.findByRole('dialog', { name: 'Log interaction' });
  await user.type(within(dialog).getByLabelText('Summary'), 'Agreed to co-host the food-access town hall.');
  await user.type(within(dialog).getByRole('combobox', { name: 'Participants' }), 'Amara');
  await user.click(await within(dialog).findByRole('option', { name: /Amara Okafor/ }));
  await user.click(within(dialog).getByRole('switch', { name: 'Add a follow-up' }));
  await user.type(within(dialog).getByLabelText('Follow-up owner'), 'Dana');
  await user.type(within(dialog).getByLabelText('Follow-up due'), '2030-01-15');
  await user.click(within(dialog).getByRole('button', { name: 'Save interaction' }));

  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Log interaction' })).not.toBeInTheDocument());
  const timeline = await screen.findByRole('list', { name: 'Timeline' });
  expect(within(timeline).getByText('Agreed to co-host the food-access town hall.')).toBeInTheDocument();
  expect(within(timeline).getByRole('link', { name: 'Amara Okafor' })).toBeInTheDocument();
  expect(within(timeline).getByText(/Follow-up: Dana, due 15 Jan 2030/)).toBeInTheDocument();
  const { rows } = await ok(bridge, 'interactions.list', { personId: amara });
  expect(rows).toMatchObject([{ kind: 'meeting', summary: 'Agreed to co-host the food-access town hall.', followUp: { owner: 'Dana', dueOn: '2030-01-15', done: false } }]);

  await user.click(within(timeline).getByRole('button', { name: 'Mark done' }));
  await waitFor(async () => expect((await ok(bridge, 'interactions.list', { personId: amara })).rows[0]?.followUp?.done).toBe(true));
});

test('people and relationships are linked and unlinked from the organization page', async () => {
  const { bridge } = await startWithCoalition();
  const id = await addOrg(bridge, 'Alder Food Bank');
  await addOrg(bridge, 'Bayview Tenants Union');
  const luis = await addPerson(bridge, 'Luis Ortega');
  const { user } = renderApp(`/directory/organizations/${id}`);
  await screen.findByRole('heading', { level: 1, name: 'Alder Food Bank' });

  await user.click(screen.getByRole('button', { name: 'Link a person' }));
  const form = screen.getByRole('form', { name: 'New affiliation' });
  await user.type(within(form).getByRole('combobox', { name: 'Person' }), 'Luis');
  await user.click(await within(form).findByRole('option', { name: /Luis Ortega/ }));
  await user.type(within(form).getByLabelText('Role'), 'Volunteer lead');
  await user.click(within(form).getByRole('button', { name: 'Add affiliation' }));
  const people = await screen.findByRole('list', { name: 'People' });
  expect(within(people).getByRole('link', { name: 'Luis Ortega' })).toBeInTheDocument();
  expect((await ok(bridge, 'people.get', { id: luis })).affiliations).toMatchObject([{ role: 'Volunteer lead', organization: { id } }]);

  await user.click(screen.getByRole('button', { name: 'Add relationship' }));
  const rel = screen.getByRole('form', { name: 'New relationship' });
  await user.type(within(rel).getByRole('combobox', { name: 'Other organization' }), 'Bayview');
  await user.click(await within(rel).findByRole('option', { name: /Bayview Tenants Union/ }));
  await user.click(within(rel).getByRole('button', { name: 'Add relationship' }));
  expect(await within(await screen.findByRole('list', { name: 'Relationships' })).findByRole('link', { name: 'Bayview Tenants Union' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Remove affiliation with Luis Ortega' }));
  await user.click(await screen.findByRole('button', { name: 'Remove affiliation' }));
  await waitFor(async () => expect((await ok(bridge, 'people.get', { id: luis })).affiliations).toEqual([]));
  expect(await screen.findByText('No people linked yet.')).toBeInTheDocument();
});

test('a person page shows consent and affiliations, and deleting asks first', async () => {
  const { bridge } = await startWithCoalition();
  const orgId = await addOrg(bridge, 'Alder Food Bank');
  const id = await addPerson(bridge, 'Amara Okafor', {
    pronouns: 'she/her',
    title: 'Organizer',
    languages: ['English', 'Igbo'],
    communityLeader: true,
    consent: { mayContact: false, channels: [], recordedOn: '2025-02-01', recordedBy: 'Dana' },
  });
  await ok(bridge, 'affiliations.create', { personId: id, organizationId: orgId, role: 'Organizer', primary: true, startOn: null, endOn: null });
  const { user } = renderApp(`/directory/people/${id}`);

  expect(await screen.findByRole('heading', { level: 1, name: 'Amara Okafor' })).toBeInTheDocument();
  expect(screen.getByText('Do not contact')).toBeInTheDocument();
  expect(screen.getByText('English, Igbo')).toBeInTheDocument();
  expect(screen.getAllByText('Community leader').length).toBeGreaterThan(0);
  expect(within(screen.getByRole('list', { name: 'Organizations' })).getByRole('link', { name: 'Alder Food Bank' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Delete person' }));
  const confirm = await screen.findByRole('dialog', { name: 'Delete Amara Okafor?' });
  await user.click(within(confirm).getByRole('button', { name: 'Delete person' }));
  await waitFor(async () => expect((await ok(bridge, 'people.list', {})).total).toBe(0));
  expect(await screen.findByText('No people yet')).toBeInTheDocument();
});
