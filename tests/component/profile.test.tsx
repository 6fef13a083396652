import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { LOGO_MAX_BYTES } from '@shared/profile/contract';
import { ok } from '../support/backend';
import { png } from '../support/images';
import { renderApp, startWithCoalition } from './renderApp';

test('the profile card edits the coalition profile', async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/charter');

  await user.click(await screen.findByRole('button', { name: 'Edit profile' }));
  const dialog = await screen.findByRole('dialog', { name: 'Coalition profile' });
  const region = within(dialog).getByLabelText('Region');
  await user.clear(region);
  await user.type(region, 'Harbor City and Lakeshore');
  await user.click(within(dialog).getByRole('button', { name: 'Save profile' }));

  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Coalition profile' })).not.toBeInTheDocument());
  expect(await screen.findByText('Harbor City and Lakeshore')).toBeInTheDocument();
  expect(await ok(bridge, 'profile.get', {})).toMatchObject({ name: 'Harbor City Care Coalition', region: 'Harbor City and Lakeshore' });
});

test('a PNG logo is uploaded, shown in the sidebar, and can be removed', async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/charter');

  await user.click(await screen.findByRole('button', { name: 'Edit profile' }));
  const dialog = await screen.findByRole('dialog', { name: 'Coalition profile' });
  await user.upload(within(dialog).getByLabelText('Logo file'), new File([new Uint8Array(png(4, 4))], 'logo.png', { type: 'image/png' }));

  await waitFor(async () => expect((await ok(bridge, 'profile.get', {}))?.logoDataUrl).toMatch(/^data:image\/png;base64,/));
  const logos = await screen.findAllByRole('img', { name: 'Harbor City Care Coalition logo' });
  expect(logos.length).toBeGreaterThan(1); // the sidebar header and the profile card
  expect(logos[0]).toHaveAttribute('src', (await ok(bridge, 'profile.get', {}))?.logoDataUrl);

  await user.click(within(dialog).getByRole('button', { name: 'Remove logo' }));
  await waitFor(async () => expect((await ok(bridge, 'profile.get', {}))?.logoDataUrl).toBeNull());
  await waitFor(() => expect(screen.queryAllByRole('img', { name: 'Harbor City Care Coalition logo' })).toHaveLength(0));
});

test('a logo over 512 KB is refused before upload, with the reason', async () => {
  const { bridge } = await startWithCoalition();
  const { user } = renderApp('/charter');

  await user.click(await screen.findByRole('button', { name: 'Edit profile' }));
  const dialog = await screen.findByRole('dialog', { name: 'Coalition profile' });
  const big = new File([new Uint8Array(LOGO_MAX_BYTES + 1024)], 'huge.png', { type: 'image/png' });
  await user.upload(within(dialog).getByLabelText('Logo file'), big);

  expect(await within(dialog).findByRole('alert')).toHaveTextContent('This image is 513 KB; a logo can be at most 512 KB.');
  expect((await ok(bridge, 'profile.get', {}))?.logoDataUrl).toBeNull();
});

test('a file that only claims to be a PNG is refused by the backend, and the message is shown', async () => {
  await startWithCoalition();
  const { user } = renderApp('/charter');

  await user.click(await screen.findByRole('button', { name: 'Edit profile' }));
  const dialog = await screen.findByRole('dialog', { name: 'Coalition profile' });
  await user.upload(within(dialog).getByLabelText('Logo file'), new File(['not an image'], 'fake.png', { type: 'image/png' }));
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('The logo file is not a valid PNG image.');
});
