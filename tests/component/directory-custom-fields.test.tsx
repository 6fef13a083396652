import { act, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { addOrg } from './directory-support';
import { choose, renderApp, startWithCoalition } from './renderApp';

// Custom fields end to end in the renderer, over the real backend: defined on Directory → Fields,
// filled in on the organization form, shown on the page, offered as a table column and filter.

function table(name = 'Organizations') {
  return screen.getByRole('table', { name });
}

/** Moves the running app to another route (hash router). */
async function go(path: string) {
  await act(async () => {
    window.location.hash = `#${path}`;
    await Promise.resolve();
  });
}

function rowNames(): string[] {
  return within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('link')[0]?.textContent ?? '');
}

test('a field defined on the Fields screen is filled in on the form, shown on the page, and filters the table', { timeout: 60_000 }, async () => {
  const { bridge } = await startWithCoalition();
  const harbor = await addOrg(bridge, 'Harbor Legal Aid');
  await addOrg(bridge, 'Alder Food Bank');
  const { user } = renderApp('/directory');

  // Directory → Fields: a choice field for organizations.
  await user.click(await screen.findByRole('link', { name: 'Fields' }));
  const section = (await screen.findByRole('heading', { name: 'Organization fields' })).closest('section') as HTMLElement;
  expect(within(section).getByText('No fields yet')).toBeInTheDocument();
  await user.click(within(section).getByRole('button', { name: 'Add organization field' }));
  let dialog = await screen.findByRole('dialog', { name: 'New organization field' });
  await user.type(within(dialog).getByLabelText(/Field name/), 'Dues status');
  await choose(user, within(dialog).getByRole('combobox', { name: /^Kind/ }), 'Choice');
  // A choice field without choices is refused on its field before anything is sent.
  await user.click(within(dialog).getByRole('button', { name: 'Add field' }));
  expect(await within(dialog).findByText('A choice field needs at least one choice.')).toBeInTheDocument();
  const choices = within(dialog).getByLabelText(/^Choices/, { selector: 'input' });
  await user.type(choices, 'Paid{Enter}Waived{Enter}');
  await user.click(within(dialog).getByRole('button', { name: 'Add field' }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New organization field' })).not.toBeInTheDocument());
  expect(await within(section).findByText('Dues status')).toBeInTheDocument();
  const [field] = await ok(bridge, 'customFields.list', { entity: 'organization' });
  expect(field).toMatchObject({ label: 'Dues status', kind: 'choice', choices: ['Paid', 'Waived'], valueCount: 0 });

  // The organization form has it; the page shows the value.
  await go(`/directory/organizations/${harbor}`);
  await user.click(await screen.findByRole('button', { name: 'Edit' }));
  dialog = await screen.findByRole('dialog', { name: 'Edit Harbor Legal Aid' });
  await choose(user, within(dialog).getByRole('combobox', { name: 'Dues status' }), 'Paid');
  await user.click(within(dialog).getByRole('button', { name: 'Save organization' }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Harbor Legal Aid' })).not.toBeInTheDocument());
  expect((await ok(bridge, 'organizations.get', { id: harbor })).custom).toEqual({ [field?.id ?? '']: 'Paid' });
  const custom = (await screen.findByRole('heading', { name: 'Custom fields' })).closest('section') as HTMLElement;
  await waitFor(() => expect(within(custom).getByText('Paid')).toBeInTheDocument());
  expect(within(custom).getByText('Dues status')).toBeInTheDocument();

  // The table: the field is a column, and a filter.
  await go('/directory');
  await waitFor(() => expect(rowNames()).toEqual(['Alder Food Bank', 'Harbor Legal Aid']));
  await user.click(screen.getByRole('button', { name: 'Columns' }));
  await user.click(await screen.findByRole('checkbox', { name: 'Dues status' }));
  await user.keyboard('{Escape}');
  expect(await within(table()).findByRole('columnheader', { name: /Dues status/ })).toBeInTheDocument();
  expect(within(table()).getByText('Paid')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Filters' }));
  const filters = screen.getByRole('region', { name: 'Organizations filters' });
  await user.click(within(filters).getByRole('combobox', { name: 'Dues status' }));
  await user.click(await screen.findByRole('option', { name: 'Paid' }));
  await waitFor(() => expect(rowNames()).toEqual(['Harbor Legal Aid']));
  expect(screen.getByText('1 organization match')).toBeInTheDocument();
});

test('deleting a field asks first and says how many records lose a value', async () => {
  const { bridge } = await startWithCoalition();
  const field = await ok(bridge, 'customFields.save', { entity: 'organization', label: 'Members', kind: 'number' });
  await addOrg(bridge, 'Harbor Legal Aid', { custom: { [field.id]: 120 } });
  await addOrg(bridge, 'Alder Food Bank', { custom: { [field.id]: 8 } });
  const { user } = renderApp('/directory/fields');
  const section = (await screen.findByRole('heading', { name: 'Organization fields' })).closest('section') as HTMLElement;
  expect(await within(section).findByText('2 organizations')).toBeInTheDocument();
  await user.click(within(section).getByRole('button', { name: 'Delete Members' }));
  const confirm = await screen.findByRole('dialog', { name: 'Delete the field “Members”?' });
  expect(within(confirm).getByText(/2 organizations have a value in it; the values are deleted with the field/)).toBeInTheDocument();
  await user.click(within(confirm).getByRole('button', { name: 'Delete field' }));
  await waitFor(() => expect(within(section).queryByText('Members')).not.toBeInTheDocument());
  expect(await ok(bridge, 'customFields.list', { entity: 'organization' })).toEqual([]);
});
