import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { DEFAULT_ISSUE_AREAS } from '@shared/directory/enums';
import { ok } from '../support/backend';
import { addOrg } from './directory-support';
import { renderApp, startWithCoalition } from './renderApp';

test('terms are added to and removed from a list, and the organization form offers the new ones', { timeout: 40_000 }, async () => {
  const { bridge } = await startWithCoalition();
  await addOrg(bridge, 'Alder Food Bank', { issueAreas: ['Housing', 'Climate justice'] });
  await addOrg(bridge, 'Bayview Tenants Union', { issueAreas: ['Housing'] });
  const { user } = renderApp('/directory');

  // The organization form has read the list before it changes (reads are cached until invalidated).
  await user.click(await screen.findByRole('button', { name: 'New organization' }));
  let dialog = await screen.findByRole('dialog', { name: 'New organization' });
  await user.click(within(dialog).getByLabelText('Issue areas', { selector: 'input' }));
  expect(await screen.findByRole('option', { name: 'Housing' })).toBeInTheDocument();
  expect(screen.queryByRole('option', { name: 'Transit equity' })).not.toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New organization' })).not.toBeInTheDocument());

  await user.click(screen.getByRole('link', { name: 'Lists' }));
  const issueAreas = await screen.findByRole('table', { name: 'Issue areas' });
  expect(within(issueAreas).getAllByRole('row')).toHaveLength(DEFAULT_ISSUE_AREAS.length + 1);
  const housing = within(issueAreas).getByRole('row', { name: /Housing/ });
  expect(await within(housing).findByRole('link', { name: '2 organizations' })).toHaveAttribute('href', '#/directory?issueArea=Housing');
  expect(screen.getByRole('table', { name: 'Populations' })).toBeInTheDocument();
  // A term organizations use that the list lacks can be added back in one click.
  expect(screen.getByRole('button', { name: 'Add Climate justice to the list' })).toBeInTheDocument();

  // Enter adds a term at the end of the list.
  const form = screen.getByRole('form', { name: 'Add issue area' });
  const input = within(form).getByLabelText('New issue area');
  await user.type(input, 'Transit equity{Enter}');
  expect(await within(issueAreas).findByRole('row', { name: /Transit equity/ })).toBeInTheDocument();
  expect(input).toHaveValue('');
  expect(await ok(bridge, 'vocabulary.list', { kind: 'issue_area' })).toEqual([...DEFAULT_ISSUE_AREAS, 'Transit equity']);

  // A duplicate (ignoring case) and an empty term are refused on the field.
  await user.type(input, 'transit EQUITY');
  await user.click(within(form).getByRole('button', { name: 'Add' }));
  expect(await within(form).findByText('This term is already in the list.')).toBeInTheDocument();
  expect(input).toHaveAttribute('aria-invalid', 'true');
  await user.clear(input);
  await user.type(input, '   {Enter}');
  expect(await within(form).findByText('Term is required.')).toBeInTheDocument();
  await user.clear(input);
  await user.type(input, 'x'.repeat(101));
  await user.click(within(form).getByRole('button', { name: 'Add' }));
  expect(await within(form).findByText('Term must be at most 100 characters.')).toBeInTheDocument();
  await user.clear(input);

  // Removing asks first, and says the organizations keep the term.
  await user.click(within(issueAreas).getByRole('button', { name: 'Remove Housing' }));
  const confirm = await screen.findByRole('dialog', { name: 'Remove “Housing” from the issue areas?' });
  expect(within(confirm).getByText(/The 2 organizations that use it keep it/)).toBeInTheDocument();
  await user.click(within(confirm).getByRole('button', { name: 'Remove term' }));
  await waitFor(() => expect(within(issueAreas).queryByRole('row', { name: /Housing/ })).not.toBeInTheDocument());
  expect(await ok(bridge, 'vocabulary.list', { kind: 'issue_area' })).not.toContain('Housing');
  expect((await ok(bridge, 'organizations.list', { filters: { issueArea: ['Housing'] } })).total).toBe(2);
  expect(await screen.findByRole('button', { name: 'Add Housing to the list' })).toBeInTheDocument();

  // The organization form suggests the new term and no longer the removed one.
  await user.click(screen.getByRole('link', { name: 'Organizations' }));
  await user.click(await screen.findByRole('button', { name: 'New organization' }));
  dialog = await screen.findByRole('dialog', { name: 'New organization' });
  await user.click(within(dialog).getByLabelText('Issue areas', { selector: 'input' }));
  expect(await screen.findByRole('option', { name: 'Transit equity' })).toBeInTheDocument();
  expect(screen.queryByRole('option', { name: 'Housing' })).not.toBeInTheDocument();
});
