import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fails, ok } from '../support/backend';
import { organizationInput } from '../support/samples';
import { renderApp, startWithCoalition } from './renderApp';

async function names(bridge: Parameters<typeof ok>[0]): Promise<string[]> {
  return (await ok(bridge, 'organizations.list', { limit: 50 })).rows.map((r) => r.name).sort();
}

test('the backups screen backs up now, lists backups with their counts, and restores after a confirmation', async () => {
  const { bridge } = await startWithCoalition();
  await ok(bridge, 'organizations.create', organizationInput({ name: 'Harbor Legal Aid' }));

  const { user } = renderApp('/backups');
  expect(await screen.findByRole('heading', { level: 1, name: 'Data & backups' })).toBeInTheDocument();
  expect(screen.getByText(/keeps the last 10 backups, plus one a day for 14 days and one a month for a year/)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Data & backups' })).toHaveAttribute('aria-current', 'page');
  expect(await screen.findByText(/No backups yet/)).toBeInTheDocument();
  expect(screen.getByText(/default backups/)).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Back up now' }));
  const table = await screen.findByRole('table', { name: 'Backups' });
  const [row] = within(table).getAllByRole('row').slice(1);
  expect(row).toHaveTextContent('Manual');
  expect(row).toHaveTextContent('1 organization · 0 people · 0 interactions');
  expect(row).toHaveTextContent(/\d+(\.\d)? (KB|MB)/);

  // Something entered after the backup, then the backup restored.
  await ok(bridge, 'organizations.create', organizationInput({ name: 'Added Later' }));
  await user.click(within(row as HTMLElement).getByRole('button', { name: /^Restore the backup from/ }));
  const confirm = await screen.findByRole('dialog');
  expect(confirm).toHaveTextContent('The current state is backed up first');
  await user.click(within(confirm).getByRole('button', { name: 'Back up current state and restore' }));

  await waitFor(() => expect(within(screen.getByRole('table', { name: 'Backups' })).getAllByRole('row')).toHaveLength(3));
  const rows = within(screen.getByRole('table', { name: 'Backups' })).getAllByRole('row').slice(1);
  expect(rows[0]).toHaveTextContent('Before restore');
  expect(rows[0]).toHaveTextContent('2 organizations');
  expect(await names(bridge)).toEqual(['Harbor Legal Aid']);
  expect(await screen.findByText(/The workspace is back to/)).toBeInTheDocument();
});

test('an encrypted file: passphrase twice with a strength hint, then restored with the right passphrase only', async () => {
  const { bridge, dialogs } = await startWithCoalition();
  await ok(bridge, 'organizations.create', organizationInput({ name: 'In The File' }));
  const { user } = renderApp('/backups');
  await screen.findByRole('heading', { level: 1, name: 'Data & backups' });

  await user.click(screen.getByRole('button', { name: 'Encrypted file' }));
  await user.click(await screen.findByRole('menuitem', { name: 'Back up to encrypted file…' }));
  let dialog = await screen.findByRole('dialog', { name: 'Back up to encrypted file' });
  const passphrase = within(dialog).getByLabelText('Passphrase');
  await user.type(passphrase, 'short');
  expect(within(dialog).getByText('Too short: at least 10 characters')).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: 'Choose where to save…' }));
  expect(within(dialog).getByText('The passphrase needs at least 10 characters.')).toBeInTheDocument();
  await user.clear(passphrase);
  await user.type(passphrase, 'harbor lights over the bay');
  expect(within(dialog).getByText('Strong')).toBeInTheDocument();
  await user.type(within(dialog).getByLabelText('Passphrase again'), 'harbor lights over the sea');
  await user.click(within(dialog).getByRole('button', { name: 'Choose where to save…' }));
  expect(within(dialog).getByText('The two passphrases are not the same.')).toBeInTheDocument();
  await user.clear(within(dialog).getByLabelText('Passphrase again'));
  await user.type(within(dialog).getByLabelText('Passphrase again'), 'harbor lights over the bay');
  await user.click(within(dialog).getByRole('button', { name: 'Choose where to save…' }));
  expect(await screen.findByText(/moved\.cdbackup is encrypted and saved/)).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(existsSync(dialogs.savePath as string)).toBe(true);

  await ok(bridge, 'organizations.create', organizationInput({ name: 'Not In The File' }));
  await user.click(screen.getByRole('button', { name: 'Encrypted file' }));
  await user.click(await screen.findByRole('menuitem', { name: 'Restore from encrypted file…' }));
  dialog = await screen.findByRole('dialog', { name: 'Restore from encrypted file' });
  expect(dialog).toHaveTextContent('The current state of this workspace is backed up first');
  await user.type(within(dialog).getByLabelText('Passphrase'), 'the wrong passphrase');
  await user.click(within(dialog).getByRole('button', { name: 'Choose file and restore…' }));
  expect(await within(dialog).findByText('The passphrase does not match this backup file.')).toBeInTheDocument();
  expect(await names(bridge)).toEqual(['In The File', 'Not In The File']);

  await user.clear(within(dialog).getByLabelText('Passphrase'));
  await user.type(within(dialog).getByLabelText('Passphrase'), 'harbor lights over the bay');
  await user.click(within(dialog).getByRole('button', { name: 'Choose file and restore…' }));
  expect(await screen.findByText(/moved\.cdbackup’s data/)).toBeInTheDocument();
  expect(await names(bridge)).toEqual(['In The File']);
  const rows = within(await screen.findByRole('table', { name: 'Backups' })).getAllByRole('row').slice(1);
  expect(rows[0]).toHaveTextContent('Before restore');
});

test('a failed backup is reported on the screen', async () => {
  const { bridge, dir } = await startWithCoalition();
  await ok(bridge, 'organizations.create', organizationInput());
  // The backups folder cannot be created: a file is in its way.
  writeFileSync(join(dir, 'default backups'), 'in the way');
  const { user } = renderApp('/backups');
  await screen.findByRole('heading', { level: 1, name: 'Data & backups' });
  await user.click(screen.getByRole('button', { name: 'Back up now' }));
  const alert = (await screen.findByText('The last backup failed')).closest('[role="alert"]');
  expect(alert).toHaveTextContent(/Manual backup, .*: The backup could not be written: EEXIST/);
  expect(screen.getByText(/No backups yet/)).toBeInTheDocument();
});

test('File ▸ Back up to encrypted file… opens the Backups screen with the passphrase dialog', async () => {
  const test = await startWithCoalition();
  renderApp('/charter');
  await screen.findByRole('link', { name: 'Data & backups' });
  // What the shell sends when the menu item is clicked.
  act(() => test.emit({ type: 'menu-command', command: 'backup-to-file' }));
  expect(await screen.findByRole('dialog', { name: 'Back up to encrypted file' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: 'Data & backups' })).toBeInTheDocument();
});

test('a backup opens read-only with a banner, shows its records, and the banner leads back', async () => {
  const { bridge } = await startWithCoalition();
  await ok(bridge, 'organizations.create', organizationInput({ name: 'Only In The Backup' }));
  const backup = await ok(bridge, 'backups.create', {});
  const [row] = (await ok(bridge, 'organizations.list', {})).rows;
  await ok(bridge, 'organizations.delete', { id: row!.id });

  const { user } = renderApp('/backups');
  const table = await screen.findByRole('table', { name: 'Backups' }, { timeout: 5000 });
  await user.click(within(table).getByRole('button', { name: /^Open the backup from .* read-only$/ }));
  const banner = await screen.findByRole('region', { name: 'Backup opened read-only' });
  expect(banner).toHaveTextContent('You are looking at the backup from');
  // The app now reads the backup: the deleted record is there again (the table itself is virtualized).
  expect(await ok(bridge, 'organizations.get', { id: row!.id })).toMatchObject({ name: 'Only In The Backup' });
  expect((await ok(bridge, 'workspace.info', {})).viewingBackup?.id).toBe(backup.id);

  await user.click(within(banner).getByRole('button', { name: 'Back to my workspace' }));
  await waitFor(() => expect(screen.queryByRole('region', { name: 'Backup opened read-only' })).not.toBeInTheDocument());
  expect((await fails(bridge, 'organizations.get', { id: row!.id })).code).toBe('not_found');
  expect((await ok(bridge, 'workspace.info', {})).viewingBackup).toBeUndefined();
});
