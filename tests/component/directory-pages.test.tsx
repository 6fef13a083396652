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

test('an affiliation is edited in place from the organization page, with the backend’s messages on its fields', { timeout: 40_000 }, async () => {
  const { bridge } = await startWithCoalition();
  const id = await addOrg(bridge, 'Alder Food Bank');
  const amara = await addPerson(bridge, 'Amara Okafor');
  await ok(bridge, 'affiliations.create', { personId: amara, organizationId: id, role: 'Organizer', primary: false, startOn: '2021-01-04', endOn: null });
  const { user } = renderApp(`/directory/organizations/${id}`);
  await screen.findByRole('heading', { level: 1, name: 'Alder Food Bank' });

  await user.click(screen.getByRole('button', { name: 'Edit affiliation with Amara Okafor' }));
  const form = screen.getByRole('form', { name: 'Edit affiliation with Amara Okafor' });
  // The add form, prefilled with the affiliation.
  expect(within(form).getByRole('combobox', { name: 'Person' })).toHaveValue('Amara Okafor');
  const role = within(form).getByLabelText('Role');
  expect(role).toHaveValue('Organizer');
  expect(within(form).getByLabelText('Start date')).toHaveValue('2021-01-04');
  expect(within(form).getByRole('checkbox', { name: 'Primary affiliation' })).not.toBeChecked();

  // An end before the start: the backend's message shows on End date, nothing is saved.
  await user.clear(role);
  await user.type(role, 'Executive director');
  await user.type(within(form).getByLabelText('End date'), '2020-12-31');
  await user.click(within(form).getByRole('button', { name: 'Save affiliation' }));
  expect(await within(form).findByText('The end date is before the start date.')).toBeInTheDocument();
  expect((await ok(bridge, 'people.get', { id: amara })).affiliations).toMatchObject([{ role: 'Organizer', endOn: null }]);

  const end = within(form).getByLabelText('End date');
  await user.clear(end);
  await user.type(end, '2030-06-30');
  await user.click(within(form).getByRole('checkbox', { name: 'Primary affiliation' }));
  await user.click(within(form).getByRole('button', { name: 'Save affiliation' }));
  await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit affiliation with Amara Okafor' })).not.toBeInTheDocument());
  const people = screen.getByRole('list', { name: 'People' });
  expect(await within(people).findByText(/Executive director · 4 Jan 2021 – 30 Jun 2030/)).toBeInTheDocument();
  expect(within(people).getByText('Primary')).toBeInTheDocument();
  expect((await ok(bridge, 'people.get', { id: amara })).affiliations).toMatchObject([
    { role: 'Executive director', primary: true, startOn: '2021-01-04', endOn: '2030-06-30', organization: { id } },
  ]);

  // Cancel leaves it as it was.
  await user.click(within(people).getByRole('button', { name: 'Edit affiliation with Amara Okafor' }));
  const again = screen.getByRole('form', { name: 'Edit affiliation with Amara Okafor' });
  await user.type(within(again).getByLabelText('Role'), ' (interim)');
  await user.click(within(again).getByRole('button', { name: 'Cancel' }));
  expect(within(people).getByText(/Executive director · 4 Jan 2021 – 30 Jun 2030/)).toBeInTheDocument();
});

test('an affiliation is edited from the person page too, and can move to another organization', async () => {
  const { bridge } = await startWithCoalition();
  const alder = await addOrg(bridge, 'Alder Food Bank');
  const bayview = await addOrg(bridge, 'Bayview Tenants Union');
  const id = await addPerson(bridge, 'Luis Ortega');
  await ok(bridge, 'affiliations.create', { personId: id, organizationId: alder, role: 'Volunteer', primary: true, startOn: null, endOn: null });
  const { user } = renderApp(`/directory/people/${id}`);
  await screen.findByRole('heading', { level: 1, name: 'Luis Ortega' });

  await user.click(screen.getByRole('button', { name: 'Edit affiliation with Alder Food Bank' }));
  const form = screen.getByRole('form', { name: 'Edit affiliation with Alder Food Bank' });
  expect(within(form).getByRole('checkbox', { name: 'Primary affiliation' })).toBeChecked();
  const picker = within(form).getByRole('combobox', { name: 'Organization' });
  await user.clear(picker);
  await user.type(picker, 'Bayview');
  await user.click(await within(form).findByRole('option', { name: /Bayview Tenants Union/ }));
  await user.type(within(form).getByLabelText('Role'), ' coordinator');
  await user.click(within(form).getByRole('button', { name: 'Save affiliation' }));

  const organizations = await screen.findByRole('list', { name: 'Organizations' });
  expect(await within(organizations).findByRole('link', { name: 'Bayview Tenants Union' })).toBeInTheDocument();
  expect(within(organizations).queryByRole('link', { name: 'Alder Food Bank' })).not.toBeInTheDocument();
  expect((await ok(bridge, 'people.get', { id })).affiliations).toMatchObject([{ role: 'Volunteer coordinator', primary: true, organization: { id: bayview } }]);
});
