import { join } from 'node:path';
import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok, withSqlite } from '../support/backend';
import { renderApp, startBackend } from './renderApp';

test('a workspace saved by a newer version is explained, and the sample is offered instead', async () => {
  const { bridge, host, dir } = await startBackend();
  // Make the default workspace look like it came from a future Coalition Desk, then restart the host on it.
  await host.handle({ kind: 'shutdown', id: 0 });
  withSqlite(join(dir, 'default.coalition'), (db) => db.pragma('user_version = 999'));
  await expect(host.start()).rejects.toThrow(/newer version/);

  const { user } = renderApp();
  expect(await screen.findByRole('heading', { name: 'This workspace cannot be opened' })).toBeInTheDocument();
  expect(screen.getByRole('alert')).toHaveTextContent('This workspace was saved by a newer version of Coalition Desk');

  await user.click(screen.getByRole('button', { name: 'Explore sample coalition' }));
  expect(await screen.findByText('You are exploring the sample coalition')).toBeInTheDocument();
  expect(await ok(bridge, 'workspace.info', {})).toMatchObject({ isSample: true });
});
