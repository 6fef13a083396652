import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { organizationInput } from '../support/samples';
import { renderApp, startWithCoalition } from './renderApp';

test('a damaged workspace opens the recovery screen; restoring the newest good backup brings the coalition back and keeps the damaged file', async () => {
  const { bridge, host, dir } = await startWithCoalition();
  await ok(bridge, 'organizations.create', organizationInput({ name: 'Harbor Legal Aid' }));
  await ok(bridge, 'backups.create', {});
  await host.handle({ kind: 'shutdown', id: 0 });
  // One page in the middle zeroed: still a SQLite file, part of it unreadable.
  const path = join(dir, 'default.coalition');
  const bytes = readFileSync(path);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const middle = Math.floor(bytes.length / pageSize / 2);
  bytes.fill(0, middle * pageSize, (middle + 1) * pageSize);
  writeFileSync(path, bytes);
  await expect(host.start()).rejects.toMatchObject({ code: 'workspace' });

  const { user } = renderApp();
  expect(await screen.findByRole('heading', { name: 'The workspace file is damaged' })).toBeInTheDocument();
  expect(screen.getByText(/Nothing has been changed in it/)).toBeInTheDocument();
  expect(screen.getByRole('alert')).toHaveTextContent(/damaged/);
  const card = await screen.findByRole('group', { name: /^Backup from/ });
  expect(card).toHaveTextContent('Newest good backup');
  expect(card).toHaveTextContent('1 organization · 0 people · 0 interactions');
  expect(card).toHaveTextContent('Checked: readable and complete');
  expect(screen.getByRole('button', { name: 'Open the sample coalition' })).toBeInTheDocument();

  // Exporting what can still be read changes nothing in the damaged file.
  await user.click(screen.getByRole('button', { name: 'Export what can still be read' }));
  expect(await screen.findByText(/Exported to the folder “default salvaged \d{8}T\d{9}Z”/)).toBeInTheDocument();
  expect(readFileSync(path).equals(bytes)).toBe(true);

  await user.click(within(card).getByRole('button', { name: 'Restore this backup' }));
  const confirm = await screen.findByRole('dialog');
  expect(confirm).toHaveTextContent('default.damaged-….coalition');
  await user.click(within(confirm).getByRole('button', { name: 'Restore this backup' }));

  // The app is back, with the coalition and its data.
  expect(await screen.findByText(/The damaged file was kept as default\.damaged-/)).toBeInTheDocument();
  expect((await screen.findAllByText('Harbor City Care Coalition')).length).toBeGreaterThan(0);
  expect(screen.queryByRole('heading', { name: 'The workspace file is damaged' })).not.toBeInTheDocument();
  expect((await ok(bridge, 'organizations.list', { limit: 10 })).rows.map((r) => r.name)).toEqual(['Harbor Legal Aid']);
  const kept = readdirSync(dir).filter((f) => /^default\.damaged-\d{8}T\d{9}Z\.coalition$/.test(f));
  expect(kept).toHaveLength(1);
  expect(readFileSync(join(dir, kept[0] ?? '')).equals(bytes)).toBe(true);
});

test('starting over opens a new, empty workspace and keeps the damaged file', async () => {
  const { bridge, host, dir } = await startWithCoalition();
  await ok(bridge, 'organizations.create', organizationInput({ name: 'Harbor Legal Aid' }));
  await host.handle({ kind: 'shutdown', id: 0 });
  const path = join(dir, 'default.coalition');
  const bytes = readFileSync(path);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  bytes.fill(0, pageSize);
  writeFileSync(path, bytes);
  await expect(host.start()).rejects.toMatchObject({ code: 'workspace' });

  const { user } = renderApp();
  expect(await screen.findByRole('heading', { name: 'The workspace file is damaged' })).toBeInTheDocument();
  await user.click(await screen.findByRole('button', { name: 'Start a new workspace' }));
  const confirm = await screen.findByRole('dialog');
  expect(confirm).toHaveTextContent('default.damaged-….coalition');
  await user.click(within(confirm).getByRole('button', { name: 'Start a new workspace' }));

  // A new workspace has no coalition yet: the welcome screen, and the damaged file kept byte for byte.
  expect(await screen.findByText(/A new, empty workspace is open\. The damaged file was kept as default\.damaged-/)).toBeInTheDocument();
  expect(await screen.findByRole('button', { name: 'Start a new coalition' })).toBeInTheDocument();
  expect((await ok(bridge, 'organizations.list', { limit: 10 })).rows).toEqual([]);
  const kept = readdirSync(dir).filter((f) => /^default\.damaged-\d{8}T\d{9}Z\.coalition$/.test(f));
  expect(kept).toHaveLength(1);
  expect(readFileSync(join(dir, kept[0] ?? '')).equals(bytes)).toBe(true);
});
