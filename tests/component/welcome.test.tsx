import { screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { renderApp, startBackend } from './renderApp';

test('first run: the welcome screen creates the coalition profile in the workspace', async () => {
  const { bridge } = await startBackend();
  const { user } = renderApp();

  await user.click(await screen.findByRole('button', { name: 'Start a new coalition' }));
  await user.type(screen.getByLabelText('Coalition name'), 'Harbor City Care Coalition');
  await user.type(screen.getByLabelText('Short name'), 'HCCC');
  await user.type(screen.getByLabelText('Region'), 'Harbor City, State of Columbia');
  await user.type(screen.getByLabelText('Founding date'), '2019-04-02');
  await user.click(screen.getByRole('button', { name: 'Create coalition' }));

  // The app opens on Home, with the coalition's name in the sidebar.
  expect(await screen.findByRole('heading', { name: 'Home' })).toBeInTheDocument();
  expect(await screen.findByText('No meetings in the next 24 hours.', { exact: false })).toBeInTheDocument();
  expect(screen.getAllByText('Harbor City Care Coalition').length).toBeGreaterThan(0);
  expect(await ok(bridge, 'profile.get', {})).toMatchObject({
    name: 'Harbor City Care Coalition',
    shortName: 'HCCC',
    region: 'Harbor City, State of Columbia',
    foundedOn: '2019-04-02',
  });
});

test('the coalition name is required, and nothing is created without it', async () => {
  const { bridge } = await startBackend();
  const { user } = renderApp();

  await user.click(await screen.findByRole('button', { name: 'Start a new coalition' }));
  await user.type(screen.getByLabelText('Region'), 'Harbor City');
  await user.click(screen.getByRole('button', { name: 'Create coalition' }));

  const name = screen.getByLabelText('Coalition name');
  await waitFor(() => expect(name).toHaveAccessibleDescription(expect.stringContaining('Coalition name is required.')));
  expect(name).toHaveAttribute('aria-invalid', 'true');
  expect(await ok(bridge, 'profile.get', {})).toBeNull();
});

test('"Back" returns from the profile form to the two choices', async () => {
  await startBackend();
  const { user } = renderApp();
  await user.click(await screen.findByRole('button', { name: 'Start a new coalition' }));
  await user.click(screen.getByRole('button', { name: 'Back' }));
  expect(screen.getByRole('button', { name: 'Explore sample coalition' })).toBeInTheDocument();
});

test('exploring the sample shows a banner, and "Start your own coalition" goes back to the empty workspace', async () => {
  const { bridge, events } = await startBackend();
  const { user } = renderApp();

  await user.click(await screen.findByRole('button', { name: 'Explore sample coalition' }));
  expect(await screen.findByText('You are exploring the sample coalition')).toBeInTheDocument();
  expect(events).toContainEqual({ type: 'workspace-changed', fileName: 'sample-coalition.coalition' });
  // The sample's own charter, read from its workspace file (the app opens on Home).
  await user.click((await screen.findAllByRole('link', { name: 'Charter' }))[0]!);
  await waitFor(() => expect(screen.getByLabelText<HTMLTextAreaElement>('Mission').value).toMatch(/We unite nonprofits/));
  expect(screen.getByText('sample-coalition.coalition')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Start your own coalition' }));
  expect(await screen.findByRole('button', { name: 'Start a new coalition' })).toBeInTheDocument();
  expect(await ok(bridge, 'workspace.info', {})).toMatchObject({ isSample: false, fileName: 'default.coalition' });
});
