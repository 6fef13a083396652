import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { addOrg, addPerson } from './directory-support';
import { choose, renderApp, startWithCoalition } from './renderApp';

function table(name = 'Organizations') {
  return screen.getByRole('table', { name });
}

/** The names in the table's body rows, top to bottom. */
function rowNames(name = 'Organizations'): string[] {
  return within(table(name))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('link')[0]?.textContent ?? '');
}

test('a new workspace explains the empty directory and offers to add an organization', async () => {
  await startWithCoalition();
  const { user } = renderApp('/directory');
  expect(await screen.findByText('No partner organizations yet')).toBeInTheDocument();
  expect(screen.getByText(/importing from a spreadsheet comes in a later update/)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /import/i })).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Add organization' }));
  expect(await screen.findByRole('dialog', { name: 'New organization' })).toBeInTheDocument();
});

test('the table shows rows and the total, and a header click sorts on the server', async () => {
  const { bridge } = await startWithCoalition();
  await addOrg(bridge, 'Bayview Tenants Union', { city: 'Zeta', stage: 'engaged' });
  await addOrg(bridge, 'Alder Food Bank', { city: 'Mill', type: 'social_service_provider' });
  await addOrg(bridge, 'Cedar Legal Aid', { city: 'Avon', type: 'legal_aid', stage: 'member', tier: 'steering' });
  const { user } = renderApp('/directory');

  await waitFor(() => expect(rowNames()).toEqual(['Alder Food Bank', 'Bayview Tenants Union', 'Cedar Legal Aid']));
  expect(screen.getByText('3 organizations')).toBeInTheDocument();
  expect(within(table()).getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');

  await user.click(screen.getByRole('button', { name: 'Sort by Name' }));
  await waitFor(() => expect(rowNames()).toEqual(['Cedar Legal Aid', 'Bayview Tenants Union', 'Alder Food Bank']));
  expect(within(table()).getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');

  await user.click(screen.getByRole('button', { name: 'Sort by City' }));
  await waitFor(() => expect(rowNames()).toEqual(['Cedar Legal Aid', 'Alder Food Bank', 'Bayview Tenants Union']));
});

test('filters and the text search narrow the rows', async () => {
  const { bridge } = await startWithCoalition();
  await addOrg(bridge, 'São Miguel Health Center', { stage: 'engaged', type: 'public_health' });
  await addOrg(bridge, 'Harbor Youth Alliance', { stage: 'contacted', sector: 'community', type: 'youth_student' });
  await addOrg(bridge, 'Eastside Legal Aid', { stage: 'engaged', type: 'legal_aid', tags: ['housing'] });
  const { user } = renderApp('/directory');
  await waitFor(() => expect(rowNames()).toHaveLength(3));

  await user.click(screen.getByRole('button', { name: 'Filters' }));
  const filters = screen.getByRole('region', { name: 'Organizations filters' });
  await user.click(within(filters).getByRole('combobox', { name: 'Stage' }));
  await user.click(await screen.findByRole('option', { name: 'Engaged' }));
  await waitFor(() => expect(rowNames()).toEqual(['Eastside Legal Aid', 'São Miguel Health Center']));
  expect(screen.getByText('2 organizations match')).toBeInTheDocument();

  // Accent-insensitive text search, on top of the stage filter.
  await user.type(screen.getByRole('textbox', { name: 'Search directory' }), 'sao');
  await waitFor(() => expect(rowNames()).toEqual(['São Miguel Health Center']));

  await user.click(screen.getByRole('button', { name: 'Clear filters' }));
  await waitFor(() => expect(rowNames()).toHaveLength(3));
});

test('selected rows get a new stage in one bulk change', async () => {
  const { bridge } = await startWithCoalition();
  const a = await addOrg(bridge, 'Alder Food Bank');
  const b = await addOrg(bridge, 'Bayview Tenants Union');
  const c = await addOrg(bridge, 'Cedar Legal Aid');
  const { user } = renderApp('/directory');
  await waitFor(() => expect(rowNames()).toHaveLength(3));

  await user.click(screen.getByRole('checkbox', { name: 'Select Alder Food Bank' }));
  await user.click(screen.getByRole('checkbox', { name: 'Select Cedar Legal Aid' }));
  const bar = screen.getByRole('region', { name: 'Bulk actions' });
  expect(within(bar).getByText('2 organizations selected')).toBeInTheDocument();
  await choose(user, within(bar).getByRole('combobox', { name: 'New stage' }), 'Member');
  await user.click(within(bar).getByRole('button', { name: 'Change stage' }));

  await waitFor(() => expect(screen.queryByRole('region', { name: 'Bulk actions' })).not.toBeInTheDocument());
  expect((await ok(bridge, 'organizations.get', { id: a })).stage).toBe('member');
  expect((await ok(bridge, 'organizations.get', { id: b })).stage).toBe('identified');
  expect((await ok(bridge, 'organizations.get', { id: c })).stage).toBe('member');
  await waitFor(() => expect(within(table()).getAllByText('Member')).toHaveLength(2));

  await user.click(screen.getByRole('checkbox', { name: 'Select all 3 shown organizations' }));
  await user.type(within(screen.getByRole('region', { name: 'Bulk actions' })).getByLabelText('Tag to add or remove'), 'health');
  await user.click(screen.getByRole('button', { name: 'Add tag' }));
  await waitFor(async () => expect((await ok(bridge, 'organizations.get', { id: b })).tags).toEqual(['health']));
});

test('a saved view keeps filters, sort and columns, is listed in the sidebar, and re-applies', async () => {
  const { bridge } = await startWithCoalition();
  await addOrg(bridge, 'Alder Food Bank', { stage: 'engaged' });
  await addOrg(bridge, 'Bayview Tenants Union', { stage: 'engaged' });
  await addOrg(bridge, 'Cedar Legal Aid', { stage: 'contacted' });
  const { user } = renderApp('/directory');
  await waitFor(() => expect(rowNames()).toHaveLength(3));

  await user.click(screen.getByRole('button', { name: 'Filters' }));
  await user.click(within(screen.getByRole('region', { name: 'Organizations filters' })).getByRole('combobox', { name: 'Stage' }));
  await user.click(await screen.findByRole('option', { name: 'Engaged' }));
  await user.click(screen.getByRole('button', { name: 'Sort by Name' }));
  await waitFor(() => expect(rowNames()).toEqual(['Bayview Tenants Union', 'Alder Food Bank']));

  // Hide a column: it leaves the table and the view remembers it.
  await user.click(screen.getByRole('button', { name: 'Columns' }));
  await user.click(await screen.findByRole('checkbox', { name: 'Sector' }));
  await waitFor(() => expect(within(table()).queryByRole('columnheader', { name: /Sector/ })).not.toBeInTheDocument());
  await user.keyboard('{Escape}');

  await user.click(screen.getByRole('button', { name: 'Save view' }));
  const dialog = await screen.findByRole('dialog', { name: 'Save view' });
  await user.type(within(dialog).getByLabelText('View name'), 'Engaged partners');
  await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Save view' })).not.toBeInTheDocument());

  const views = await ok(bridge, 'views.list', {});
  expect(views).toMatchObject([{ name: 'Engaged partners', entity: 'organization', filters: { stage: ['engaged'] }, sort: { field: 'name', direction: 'desc' } }]);
  expect(views[0]?.columns).not.toContain('sector');
  expect(views[0]?.columns).toContain('stage');

  // Somewhere else, then back through the sidebar link: a fresh table with the default columns gets the view.
  await user.click(screen.getByRole('link', { name: 'Charter' }));
  await screen.findByLabelText('Mission');
  await user.click(await screen.findByRole('link', { name: 'Engaged partners, saved view of organizations' }));
  await waitFor(() => expect(rowNames()).toEqual(['Bayview Tenants Union', 'Alder Food Bank']));
  expect(screen.getByText(/View: Engaged partners/)).toBeInTheDocument();
  expect(within(table()).queryByRole('columnheader', { name: /Sector/ })).not.toBeInTheDocument();
  expect(within(table()).getByRole('columnheader', { name: /Stage/ })).toBeInTheDocument();

  // Delete it from the views menu.
  await user.click(screen.getByRole('button', { name: 'Views (1)' }));
  await user.click(await screen.findByRole('button', { name: 'Delete view Engaged partners' }));
  await user.click(await screen.findByRole('button', { name: 'Delete view' }));
  await waitFor(async () => expect(await ok(bridge, 'views.list', {})).toEqual([]));
});

test('a custom field column sorts from its header (no value last both ways), a saved view keeps it, and a deleted field falls back to name', async () => {
  const { bridge } = await startWithCoalition();
  const members = await ok(bridge, 'customFields.save', { entity: 'organization', label: 'Members', kind: 'number' });
  await addOrg(bridge, 'Alder Food Bank', { custom: { [members.id]: 120 } });
  await addOrg(bridge, 'Bayview Tenants Union');
  await addOrg(bridge, 'Cedar Legal Aid', { custom: { [members.id]: 8 } });
  await addOrg(bridge, 'Dogwood Youth Council', { custom: { [members.id]: 40 } });
  const { user } = renderApp('/directory');
  await waitFor(() => expect(rowNames()).toHaveLength(4), { timeout: 5000 });

  await user.click(screen.getByRole('button', { name: 'Columns' }));
  await user.click(await screen.findByRole('checkbox', { name: 'Members' }));
  await user.keyboard('{Escape}');
  await user.click(await screen.findByRole('button', { name: 'Sort by Members' }));
  await waitFor(() => expect(rowNames()).toEqual(['Cedar Legal Aid', 'Dogwood Youth Council', 'Alder Food Bank', 'Bayview Tenants Union']));
  expect(within(table()).getByRole('columnheader', { name: /Members/ })).toHaveAttribute('aria-sort', 'ascending');
  expect(within(table()).getByRole('columnheader', { name: /Name/ })).not.toHaveAttribute('aria-sort');
  await user.click(screen.getByRole('button', { name: 'Sort by Members' }));
  await waitFor(() => expect(rowNames()).toEqual(['Alder Food Bank', 'Dogwood Youth Council', 'Cedar Legal Aid', 'Bayview Tenants Union']));
  expect(within(table()).getByRole('columnheader', { name: /Members/ })).toHaveAttribute('aria-sort', 'descending');

  await user.click(screen.getByRole('button', { name: 'Save view' }));
  const dialog = await screen.findByRole('dialog', { name: 'Save view' });
  await user.type(within(dialog).getByLabelText('View name'), 'Largest first');
  await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Save view' })).not.toBeInTheDocument());
  expect((await ok(bridge, 'views.list', {}))[0]).toMatchObject({ name: 'Largest first', sort: { field: `cf:${members.id}`, direction: 'desc' } });

  // Elsewhere, then the view again: the sort comes back with it.
  await user.click(screen.getByRole('link', { name: 'Charter' }));
  await screen.findByLabelText('Mission');
  await user.click(await screen.findByRole('link', { name: 'Largest first, saved view of organizations' }));
  await waitFor(() => expect(rowNames()).toEqual(['Alder Food Bank', 'Dogwood Youth Council', 'Cedar Legal Aid', 'Bayview Tenants Union']));
  expect(within(table()).getByRole('columnheader', { name: /Members/ })).toHaveAttribute('aria-sort', 'descending');

  // The field is deleted on Directory → Fields: the view still opens, by name.
  await user.click(screen.getByRole('link', { name: 'Fields' }));
  const section = (await screen.findByRole('heading', { name: 'Organization fields' })).closest('section') as HTMLElement;
  await user.click(await within(section).findByRole('button', { name: 'Delete Members' }));
  await user.click(within(await screen.findByRole('dialog', { name: 'Delete the field “Members”?' })).getByRole('button', { name: 'Delete field' }));
  await waitFor(() => expect(within(section).queryByText('Members')).not.toBeInTheDocument());
  await user.click(await screen.findByRole('link', { name: 'Largest first, saved view of organizations' }));
  await waitFor(() => expect(rowNames()).toEqual(['Alder Food Bank', 'Bayview Tenants Union', 'Cedar Legal Aid', 'Dogwood Youth Council']));
  expect(within(table()).getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
  expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
});

test('the People tab uses the same table over people', async () => {
  const { bridge } = await startWithCoalition();
  const orgId = await addOrg(bridge, 'Alder Food Bank');
  const amara = await addPerson(bridge, 'Amara Okafor', { title: 'Organizer', city: 'Harbor City' });
  await addPerson(bridge, 'Luis Ortega', { communityLeader: true });
  await ok(bridge, 'affiliations.create', { personId: amara, organizationId: orgId, role: 'Organizer', primary: true, startOn: null, endOn: null });
  const { user } = renderApp('/directory');
  await user.click(await screen.findByRole('link', { name: 'People' }));

  await waitFor(() => expect(rowNames('People')).toEqual(['Amara Okafor', 'Luis Ortega']));
  expect(screen.getByText('2 people')).toBeInTheDocument();
  expect(within(table('People')).getByRole('link', { name: 'Alder Food Bank' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Sort by Name' }));
  await waitFor(() => expect(rowNames('People')).toEqual(['Luis Ortega', 'Amara Okafor']));
});

test('the command palette finds partners as you type and opens their page', async () => {
  const { bridge } = await startWithCoalition();
  await addOrg(bridge, 'São Paulo Workers Center', { city: 'Harbor City' });
  const { user } = renderApp('/charter');
  await screen.findByLabelText('Mission');

  await user.keyboard('{Control>}k{/Control}');
  await user.type(await screen.findByRole('textbox', { name: 'Search commands' }), 'Sao');
  // The highlighted match splits the label, so jsdom's name has no space after it.
  await user.click(await screen.findByRole('button', { name: /^São\s*Paulo Workers Center/ }));
  expect(await screen.findByRole('heading', { level: 1, name: 'São Paulo Workers Center' })).toBeInTheDocument();
});

test('a large directory loads one page and renders only the rows in view', async () => {
  const { bridge } = await startWithCoalition();
  for (let i = 0; i < 130; i++) await addOrg(bridge, `Partner ${String(i).padStart(3, '0')}`);
  renderApp('/directory');

  expect(await screen.findByText('130 organizations')).toBeInTheDocument();
  expect(screen.getByText('100 loaded · scroll for more')).toBeInTheDocument();
  const rendered = within(table()).getAllByRole('row').length - 1;
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(60);
  expect(rowNames()[0]).toBe('Partner 000');
});
