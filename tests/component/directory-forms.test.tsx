import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { addOrg } from './directory-support';
import { choose, renderApp, startWithCoalition } from './renderApp';

test('a new organization is created through the form, with its fields', { timeout: 40_000 }, async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/directory');
  await user.click(await screen.findByRole('button', { name: 'New organization' }));
  const dialog = await screen.findByRole('dialog', { name: 'New organization' });

  await user.type(within(dialog).getByLabelText(/Organization name/), 'Harbor Tenants Union');
  await choose(user, within(dialog).getByRole('combobox', { name: /^Sector/ }), 'Community & grassroots');
  await choose(user, within(dialog).getByRole('combobox', { name: /^Type/ }), 'Local community group');
  await choose(user, within(dialog).getByRole('combobox', { name: /^Stage/ }), 'Engaged');
  await user.type(within(dialog).getByLabelText('City'), 'Harbor City');
  await user.type(within(dialog).getByLabelText('Email'), 'hello@harbortenants.org');
  await user.type(within(dialog).getByLabelText('Tags', { selector: 'input' }), 'housing{Enter}');
  await user.click(within(dialog).getByRole('button', { name: 'Save organization' }));

  // Saving opens the new organization's page.
  expect(await screen.findByRole('heading', { level: 1, name: 'Harbor Tenants Union' })).toBeInTheDocument();
  const { rows } = await ok(bridge, 'organizations.list', {});
  expect(rows).toMatchObject([{ name: 'Harbor Tenants Union', sector: 'community', type: 'local_community_group', stage: 'engaged', city: 'Harbor City', tags: ['housing'], email: 'hello@harbortenants.org' }]);
});

test('a type from another sector is refused on the Type field before anything is sent', async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/directory');
  await user.click(await screen.findByRole('button', { name: 'New organization' }));
  const dialog = await screen.findByRole('dialog', { name: 'New organization' });

  await user.type(within(dialog).getByLabelText(/Organization name/), 'Grace Chapel');
  await choose(user, within(dialog).getByRole('combobox', { name: /^Sector/ }), 'Nonprofit');
  await choose(user, within(dialog).getByRole('combobox', { name: /^Type/ }), 'Faith-based organization');
  await user.click(within(dialog).getByRole('button', { name: 'Save organization' }));

  const type = within(dialog).getByRole('combobox', { name: /^Type/ });
  await waitFor(() => expect(type).toHaveAttribute('aria-invalid', 'true'));
  expect(within(dialog).getByText('Faith-based organization belongs to another sector.')).toBeInTheDocument();
  expect(within(dialog).getByRole('combobox', { name: /^Sector/ })).not.toHaveAttribute('aria-invalid', 'true');
  expect((await ok(bridge, 'organizations.list', {})).total).toBe(0);

  // A tier is only for members: the error sits on Tier.
  await choose(user, type, 'Advocacy group');
  await choose(user, within(dialog).getByRole('combobox', { name: /^Tier/ }), 'Ally');
  await user.click(within(dialog).getByRole('button', { name: 'Save organization' }));
  expect(await within(dialog).findByText('Only members have a membership tier.')).toBeInTheDocument();
});

test('editing an organization saves every change and keeps the rest', async () => {
  const { bridge } = await startWithCoalition();
  const id = await addOrg(bridge, 'Alder Food Bank', { city: 'Mill', tags: ['food'], notes: 'Runs the Tuesday pantry.' });
  const { user } = renderApp(`/directory/organizations/${id}`);
  await user.click(await screen.findByRole('button', { name: 'Edit' }));
  const dialog = await screen.findByRole('dialog', { name: 'Edit Alder Food Bank' });
  const city = within(dialog).getByLabelText('City');
  await user.clear(city);
  await user.type(city, 'Harbor City');
  await choose(user, within(dialog).getByRole('combobox', { name: /^Stage/ }), 'Member');
  await choose(user, within(dialog).getByRole('combobox', { name: /^Tier/ }), 'Steering');
  await user.click(within(dialog).getByRole('button', { name: 'Save organization' }));

  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Alder Food Bank' })).not.toBeInTheDocument());
  expect(await ok(bridge, 'organizations.get', { id })).toMatchObject({ city: 'Harbor City', stage: 'member', tier: 'steering', tags: ['food'], notes: 'Runs the Tuesday pantry.' });
  expect(await screen.findByText(/^Member since/)).toBeInTheDocument();
  expect(screen.getByText('Steering tier')).toBeInTheDocument();
});

test('a new person is created with contact consent; consent without a date is refused on its field', async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/directory/people');
  await user.click(await screen.findByRole('button', { name: 'New person' }));
  const dialog = await screen.findByRole('dialog', { name: 'New person' });

  await user.type(within(dialog).getByLabelText(/^Name/), 'Amara Okafor');
  await user.type(within(dialog).getByLabelText('Pronouns'), 'she/her');
  await user.click(within(dialog).getByRole('switch', { name: 'Community leader' }));
  await user.click(within(dialog).getByRole('radio', { name: 'Yes' }));
  await user.click(within(dialog).getByRole('checkbox', { name: 'Email' }));
  await user.click(within(dialog).getByRole('button', { name: 'Save person' }));
  expect(await within(dialog).findByText('Record when consent was given or refused.')).toBeInTheDocument();
  expect((await ok(bridge, 'people.list', {})).total).toBe(0);

  await user.type(within(dialog).getByLabelText('Consent recorded on'), '2025-03-12');
  await user.type(within(dialog).getByLabelText('Consent recorded by'), 'Dana');
  await user.click(within(dialog).getByRole('button', { name: 'Save person' }));

  expect(await screen.findByRole('heading', { level: 1, name: 'Amara Okafor' })).toBeInTheDocument();
  expect(screen.getByText('May be contacted')).toBeInTheDocument();
  const [row] = (await ok(bridge, 'people.list', {})).rows;
  expect(await ok(bridge, 'people.get', { id: row?.id ?? '' })).toMatchObject({
    pronouns: 'she/her',
    communityLeader: true,
    consent: { mayContact: true, channels: ['email'], recordedOn: '2025-03-12', recordedBy: 'Dana' },
  });
});
