import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { addOrg } from './directory-support';
import { choose, renderApp, startWithCoalition } from './renderApp';

// The import screen against the real backend: the file goes through imports.open, the dry run
// through imports.check, the import through imports.run.

const CSV = [
  'Name,Sector,Stage,City,Size',
  'Alder Food Bank,Nonprofit,Engaged,Avon,12',
  'Bayview Tenants Union,Community,Contacted,Harbor,3',
  'Cedar Legal Aid,Nonprofit,Friendly,Zeta,40',
  'Harbor Youth Alliance,Community,Identified,Harbor,7',
].join('\r\n');

/**
 * Each step waits on the real backend (open, a dry run, the import with its backup first); on the
 * shared, loaded test machine one of them can take seconds, well past findBy's default second.
 */
const SLOW = { timeout: 15_000 };

/** The import screen, once the workspace has opened. */
async function openImport() {
  const rendered = renderApp('/directory/import');
  await screen.findByRole('heading', { level: 1, name: 'Import' }, SLOW);
  return rendered;
}

function fileInput(container: HTMLElement): HTMLInputElement {
  const input = container.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input on the import screen');
  return input;
}

test('import mapper: preview, dry-run problems, fixing the mapping, leaving out a bad row, importing', async () => {
  const { bridge } = await startWithCoalition();
  await addOrg(bridge, 'Harbor Youth Alliance', { sector: 'community', type: 'youth_student' });
  const { user, container } = await openImport();

  await user.upload(fileInput(container), new File([CSV], 'partners.csv', { type: 'text/csv' }));

  // The first rows as they are, numbered as a spreadsheet numbers them.
  const preview = await screen.findByRole('table', { name: 'First rows of the file' }, SLOW);
  expect(within(preview).getByText('Cedar Legal Aid')).toBeInTheDocument();
  expect(within(preview).getAllByRole('row')[1]?.textContent).toMatch(/^2Alder Food Bank/);

  // Map Size to the budget band on purpose: every row gets a problem in that column.
  await choose(user, screen.getByRole('combobox', { name: 'Field for column Name' }), 'Organization name');
  await choose(user, screen.getByRole('combobox', { name: 'Field for column Size' }), 'Budget');
  const problems = await screen.findByRole('table', { name: 'Row problems' }, SLOW);
  await waitFor(() => expect(within(problems).getAllByText('Size').length).toBeGreaterThanOrEqual(4), SLOW);

  // Size is the staff: the only problem left is row 4's stage.
  await choose(user, screen.getByRole('combobox', { name: 'Field for column Size' }), 'Staff size');
  await waitFor(() => {
    const rows = within(screen.getByRole('table', { name: 'Row problems' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(0, 2).map((cell) => cell.textContent))).toEqual([['4', 'Stage']]);
  }, SLOW);
  const counts = screen.getByLabelText('Dry run counts');
  expect(counts.textContent).toContain('2 new');
  expect(counts.textContent).toContain('1 skipped as duplicates');
  expect(counts.textContent).toContain('1 with problems');

  // A bad row blocks the import until the coordinator chooses to leave it out.
  const importButton = screen.getByRole('button', { name: 'Import 2 organizations' });
  expect(importButton).toBeDisabled();
  await user.click(screen.getByRole('checkbox', { name: 'Leave out the 1 row with problems and import the rest' }));
  await user.click(importButton);

  expect(await screen.findByRole('status', {}, SLOW)).toHaveTextContent('2 created · 0 updated · 1 skipped as duplicates · 1 left out with problems');
  const list = await ok(bridge, 'organizations.list', { sort: { field: 'name', direction: 'asc' } });
  expect(list.rows.map((r) => [r.name, r.stage, r.city])).toEqual([
    ['Alder Food Bank', 'engaged', 'Avon'],
    ['Bayview Tenants Union', 'contacted', 'Harbor'],
    ['Harbor Youth Alliance', 'identified', ''],
  ]);

  // The same headers again: the mapping is remembered.
  await user.click(screen.getByRole('button', { name: 'Import another file' }));
  await user.upload(fileInput(container), new File([CSV], 'partners-again.csv', { type: 'text/csv' }));
  expect(await screen.findByText(/the last time you imported a file with these columns/, {}, SLOW)).toBeInTheDocument();
  expect(screen.getByRole('combobox', { name: 'Field for column Size' })).toHaveValue('Staff size');
}, 60_000);

test('a file that is not a spreadsheet gets a clear message and stays on the first step', async () => {
  await startWithCoalition();
  const { user, container } = await openImport();
  const binary = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0]);
  await user.upload(fileInput(container), new File([binary], 'program.csv', { type: 'text/csv' }));
  const alert = await screen.findByRole('alert', {}, SLOW);
  expect(alert).toHaveTextContent('program.csv cannot be imported');
  expect(alert.textContent).toMatch(/CSV or Excel/);
  expect(screen.queryByRole('table', { name: 'Column mapping' })).not.toBeInTheDocument();
});

test('people: the entity switch imports into people', async () => {
  const { bridge } = await startWithCoalition();
  const { user, container } = await openImport();
  await user.click(screen.getByRole('radio', { name: 'People' }));
  await user.upload(fileInput(container), new File(['Name,Email\nAmara Okafor,amara@example.org\n'], 'people.csv', { type: 'text/csv' }));
  await screen.findByRole('table', { name: 'Column mapping' }, SLOW);
  await choose(user, screen.getByRole('combobox', { name: 'Field for column Name' }), 'Name');
  await choose(user, screen.getByRole('combobox', { name: 'Field for column Email' }), 'Email');
  await user.click(await screen.findByRole('button', { name: 'Import 1 person' }, SLOW));
  expect(await screen.findByRole('status', {}, SLOW)).toHaveTextContent('1 created');
  const people = await ok(bridge, 'people.list', {});
  expect(people.rows.map((p) => [p.name, p.email])).toEqual([['Amara Okafor', 'amara@example.org']]);
}, 60_000);

test('custom fields: offered in their own group, guessed from their label, imported', async () => {
  const { bridge } = await startWithCoalition();
  const dues = await ok(bridge, 'customFields.save', { entity: 'organization', label: 'Dues status', kind: 'choice', choices: ['Paid', 'Late'] });
  const members = await ok(bridge, 'customFields.save', { entity: 'organization', label: 'Members', kind: 'number' });
  const { user, container } = await openImport();
  const file = ['Name,Dues status,Count', 'Alder Food Bank,paid,120', 'Bayview Tenants Union,Late,'].join('\r\n');
  await user.upload(fileInput(container), new File([file], 'partners.csv', { type: 'text/csv' }));
  await screen.findByRole('table', { name: 'Column mapping' }, SLOW);

  // The header equal to a field's label is guessed; the other column is mapped by hand, from the "Custom fields" group.
  expect(await screen.findByRole('combobox', { name: 'Field for column Dues status' }, SLOW)).toHaveValue('Dues status');
  await user.click(screen.getByRole('combobox', { name: 'Field for column Count' }));
  const group = within(await screen.findByRole('listbox', { name: 'Field for column Count' })).getByRole('group', { name: 'Custom fields' });
  expect(within(group).getAllByRole('option').map((option) => option.textContent)).toEqual(['Dues status', 'Members']);
  // A custom field another column fills is not offered twice.
  expect(within(group).getByRole('option', { name: 'Dues status' })).toHaveAttribute('data-combobox-disabled', 'true');
  await user.click(within(group).getByRole('option', { name: 'Members' }));
  await user.click(await screen.findByRole('button', { name: 'Import 2 organizations' }, SLOW));
  expect(await screen.findByRole('status', {}, SLOW)).toHaveTextContent('2 created');

  const list = await ok(bridge, 'organizations.list', { sort: { field: 'name', direction: 'asc' } });
  const alder = await ok(bridge, 'organizations.get', { id: list.rows[0]?.id ?? '' });
  expect(alder.custom).toEqual({ [dues.id]: 'Paid', [members.id]: 120 });
}, 60_000);
