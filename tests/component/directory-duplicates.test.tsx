import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fails, ok } from '../support/backend';
import { addOrg, addPerson } from './directory-support';
import { renderApp, startWithCoalition } from './renderApp';

test('the duplicates screen lists likely pairs with their reasons and merges one field by field', async () => {
  const { bridge } = await startWithCoalition();
  const survivor = await addOrg(bridge, 'Harbor Food Bank', { email: '', notes: 'Old notes', city: 'Harbor City', tags: ['food'] });
  const merged = await addOrg(bridge, 'The Harbor Food-Bank, Inc.', { email: 'info@harborfood.org', notes: 'Runs the Tuesday pantry.', tags: ['pantry'] });
  await addOrg(bridge, 'Alder Clinic', { website: 'https://www.alder.org' });
  await addOrg(bridge, 'Alder Health', { website: 'alder.org/about' });
  const amara = await addPerson(bridge, 'Amara Okafor');
  await ok(bridge, 'affiliations.create', { personId: amara, organizationId: merged, role: 'Director', primary: true, startOn: null, endOn: null });
  await ok(bridge, 'interactions.create', { kind: 'call', occurredOn: '2025-04-02', summary: 'Pantry hours.', personIds: [], organizationIds: [merged], followUp: null });

  const { user } = renderApp('/directory/duplicates');
  const table = await screen.findByRole('table', { name: 'Likely duplicates' });
  expect(screen.getByRole('link', { name: 'Duplicates' })).toHaveAttribute('aria-current', 'page');
  expect(screen.getByText('2 likely pairs')).toBeInTheDocument();
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows).toHaveLength(2);
  const harbor = rows.find((r) => within(r).queryByRole('link', { name: 'Harbor Food Bank' }));
  if (!harbor) throw new Error('the Harbor pair is not listed');
  expect(within(harbor).getByText('Same name')).toBeInTheDocument();
  expect(within(rows.find((r) => r !== harbor) as HTMLElement).getByText('Same website')).toBeInTheDocument();

  await user.click(within(harbor).getByRole('button', { name: 'Review and merge Harbor Food Bank and The Harbor Food-Bank, Inc.' }));
  const dialog = await screen.findByRole('dialog', { name: 'Merge Harbor Food Bank and The Harbor Food-Bank, Inc.' });
  const fields = await within(dialog).findByRole('table', { name: 'Fields to keep' });
  // Defaults: the survivor's value, unless it is empty.
  expect(within(fields).getByRole('radio', { name: 'Notes: keep Harbor Food Bank’s value' })).toBeChecked();
  expect(within(fields).getByRole('radio', { name: 'Email: keep The Harbor Food-Bank, Inc.’s value' })).toBeChecked();
  // Lists are shown as their union, the merged name among the other names.
  expect(within(fields).getByText('food, pantry')).toBeInTheDocument();
  expect(within(dialog).getByLabelText('What will move')).toHaveTextContent('1 affiliation, 1 interaction, 0 relationships and 1 stage change');

  await user.click(within(fields).getByRole('radio', { name: 'Notes: keep The Harbor Food-Bank, Inc.’s value' }));
  await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
  const confirm = within(dialog).getByRole('alertdialog');
  expect(confirm).toHaveTextContent('Merge The Harbor Food-Bank, Inc. into Harbor Food Bank?');
  await user.click(within(confirm).getByRole('button', { name: 'Confirm merge' }));

  // The survivor's page, with what came from the merged record.
  expect(await screen.findByRole('heading', { level: 1, name: 'Harbor Food Bank' })).toBeInTheDocument();
  expect(screen.getByText('Runs the Tuesday pantry.')).toBeInTheDocument();
  expect(within(screen.getByRole('list', { name: 'People' })).getByRole('link', { name: 'Amara Okafor' })).toBeInTheDocument();
  const kept = await ok(bridge, 'organizations.get', { id: survivor });
  expect(kept).toMatchObject({ email: 'info@harborfood.org', notes: 'Runs the Tuesday pantry.', city: 'Harbor City', otherNames: ['The Harbor Food-Bank, Inc.'], tags: ['food', 'pantry'], interactionCount: 1 });
  expect((await fails(bridge, 'organizations.get', { id: merged })).code).toBe('not_found');

  // Back on the list, only the other pair remains; people have none.
  await user.click(screen.getAllByRole('link', { name: 'Directory' })[0] as HTMLElement);
  await user.click(await screen.findByRole('link', { name: 'Duplicates' }));
  await waitFor(() => expect(screen.getByText('1 likely pair')).toBeInTheDocument());
  await user.click(screen.getByRole('radio', { name: 'People' }));
  expect(await screen.findByText('No likely duplicate people')).toBeInTheDocument();
});

test('choosing the other record as the one to keep merges the first into it', async () => {
  const { bridge } = await startWithCoalition();
  const first = await addPerson(bridge, 'Jose Avila', { email: 'jose@example.org', title: '' });
  const second = await addPerson(bridge, 'José Ávila', { title: 'Tenant organizer' });
  const { user } = renderApp('/directory/duplicates');
  await user.click(await screen.findByRole('radio', { name: 'People' }));
  await user.click(await screen.findByRole('button', { name: 'Review and merge Jose Avila and José Ávila' }));
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByRole('table', { name: 'Fields to keep' });
  await user.click(within(dialog).getByRole('radio', { name: 'José Ávila' }));
  expect(within(dialog).getByLabelText('What will move')).toHaveTextContent('Moves from Jose Avila to José Ávila');
  await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
  await user.click(within(dialog).getByRole('button', { name: 'Confirm merge' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'José Ávila' })).toBeInTheDocument();
  expect(await ok(bridge, 'people.get', { id: second })).toMatchObject({ email: 'jose@example.org', title: 'Tenant organizer' });
  expect((await fails(bridge, 'people.get', { id: first })).code).toBe('not_found');
});
