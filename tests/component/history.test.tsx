import { userInfo } from 'node:os';
import { act, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { organizationInput } from '../support/samples';
import { renderApp, startWithCoalition } from './renderApp';

test('undo from the History screen restores an edited organization’s name on its page; the record’s history says who and what', async () => {
  const { bridge } = await startWithCoalition();
  const org = await ok(bridge, 'organizations.create', organizationInput({ name: 'Harbor Youth Aliance' }));
  await ok(bridge, 'organizations.update', { id: org.id, organization: organizationInput({ name: 'Harbor Youth Alliance' }) });
  const me = userInfo().username;

  const { user } = renderApp('/history');
  expect(await screen.findByRole('heading', { level: 1, name: 'History' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'History' })).toHaveAttribute('aria-current', 'page');
  const table = await screen.findByRole('table', { name: 'Changes' });
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows[0]).toHaveTextContent('Edited Harbor Youth Alliance');
  expect(rows[0]).toHaveTextContent(me);
  expect(rows[1]).toHaveTextContent('Added Harbor Youth Aliance');

  await user.click(within(rows[0] as HTMLElement).getByRole('button', { name: 'Undo “Edited Harbor Youth Alliance”' }));
  const dialog = await screen.findByRole('dialog', { name: 'Undo “Edited Harbor Youth Alliance”?' });
  expect(dialog).toHaveTextContent(/the records go back to how they were before it/);
  await user.click(within(dialog).getByRole('button', { name: 'Undo' }));

  expect(await screen.findByText(/You can redo it from History/)).toBeInTheDocument();
  await waitFor(() => expect(within(screen.getByRole('table', { name: 'Changes' })).getAllByRole('row')).toHaveLength(5));
  const after = within(screen.getByRole('table', { name: 'Changes' })).getAllByRole('row').slice(1);
  expect(after[0]).toHaveTextContent('Undid: Edited Harbor Youth Alliance');
  expect(within(after[0] as HTMLElement).getByRole('button', { name: 'Redo “Undid: Edited Harbor Youth Alliance”' })).toBeInTheDocument();
  expect(after[1]).toHaveTextContent('Undone');
  expect(within(after[1] as HTMLElement).queryByRole('button')).toBeNull();

  // The organization's page shows the name as it was, and its history says who did what.
  await user.click(screen.getByRole('link', { name: 'Directory' }));
  await user.click(await screen.findByRole('link', { name: 'Harbor Youth Aliance' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Harbor Youth Aliance' })).toBeInTheDocument();
  const history = await screen.findByRole('list', { name: 'Change history' });
  expect(within(history).getByText('Undid: Edited Harbor Youth Alliance')).toBeInTheDocument();
  expect(within(history).getAllByText(new RegExp(`· ${me}$`)).length).toBeGreaterThan(0);
});

test('Edit ▸ Undo last change… opens History with the confirmation naming the change; a refused undo says why', async () => {
  const test = await startWithCoalition();
  const { bridge } = test;
  const org = await ok(bridge, 'organizations.create', organizationInput({ name: 'Riverside Tenants Union' }));
  await ok(bridge, 'organizations.update', { id: org.id, organization: organizationInput({ name: 'Riverside Tenants Union', city: 'Riverside' }) });
  await ok(bridge, 'organizations.update', { id: org.id, organization: organizationInput({ name: 'Riverside Tenants Union', city: 'Harbor City' }) });
  const { user } = renderApp('/charter');
  await screen.findByRole('heading', { level: 1, name: 'Charter' });

  act(() => test.emit({ type: 'menu-command', command: 'undo-last-change' }));
  await screen.findByRole('heading', { level: 1, name: 'History' });
  await screen.findByRole('table', { name: 'Changes' });
  const dialog = await screen.findByRole('dialog', { name: 'Undo “Edited Riverside Tenants Union”?' });
  expect(screen.getByRole('heading', { level: 1, name: 'History' })).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

  // The older edit cannot be undone before the newer one.
  const rows = within(await screen.findByRole('table', { name: 'Changes' })).getAllByRole('row').slice(1);
  await user.click(within(rows[1] as HTMLElement).getByRole('button', { name: 'Undo “Edited Riverside Tenants Union”' }));
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Undo' }));
  expect(await screen.findByText(/was changed since .* Undo the later changes first\./)).toBeInTheDocument();
  expect((await ok(bridge, 'organizations.get', { id: org.id })).city).toBe('Harbor City');
});

test('the command palette’s “Undo last change…” asks first, naming the change', async () => {
  const { bridge } = await startWithCoalition();
  await ok(bridge, 'organizations.create', organizationInput({ name: 'Cedar Food Bank' }));
  const { user } = renderApp('/charter');
  await screen.findByRole('heading', { level: 1, name: 'Charter' });
  await user.click(screen.getByRole('button', { name: 'Open command palette' }));
  await user.click(await screen.findByRole('button', { name: /Undo last change…/ }));
  const dialog = await screen.findByRole('dialog', { name: 'Undo “Added Cedar Food Bank”?' });
  await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
  expect(await screen.findByText(/Added Cedar Food Bank\. You can redo it from History\./)).toBeInTheDocument();
  expect((await ok(bridge, 'organizations.list', { limit: 5 })).total).toBe(0);
});

test('History is read afresh on each visit: a change made elsewhere is listed', async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/history');
  await screen.findByRole('table', { name: 'Changes' });
  await user.click(screen.getByRole('link', { name: 'Charter' }));
  await screen.findByRole('heading', { level: 1, name: 'Charter' });
  await ok(bridge, 'organizations.create', organizationInput({ name: 'Lakeshore Legal Clinic' }));
  await user.click(screen.getByRole('link', { name: 'History' }));
  expect(await screen.findByText('Added Lakeshore Legal Clinic')).toBeInTheDocument();
});

test('the coordinator chooses the name changes are recorded as; the next change shows it, and a too-long name is refused in the form', async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/history');
  expect(await screen.findByText(/Changes made on this computer are recorded as/)).toHaveTextContent(`recorded as ${userInfo().username} (the computer’s user name).`);
  await user.click(screen.getByRole('button', { name: 'Change' }));
  const dialog = await screen.findByRole('dialog', { name: 'Your name in the history' });
  const field = within(dialog).getByRole('textbox', { name: 'Your name' });
  await user.type(field, 'x'.repeat(101));
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  expect(await within(dialog).findByText('Your name must be at most 100 characters.')).toBeInTheDocument();
  await user.clear(field);
  await user.type(field, 'Dana Whitfield');
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  expect(await screen.findByText(/Changes made on this computer are recorded as/)).toHaveTextContent('recorded as Dana Whitfield.');

  await ok(bridge, 'organizations.create', organizationInput({ name: 'Harbor Legal Aid' }));
  const { batches } = await ok(bridge, 'history.batches', { limit: 1 });
  expect(batches[0]?.actor).toBe('Dana Whitfield');
});
