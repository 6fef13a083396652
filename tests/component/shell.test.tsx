import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { AREAS } from '../../renderer/app/areas';
import { COLOR_SCHEME_KEY } from '../../renderer/app/theme';
import { renderApp, startWithCoalition } from './renderApp';

test('the sidebar links every area of the mission, and shows the workspace file', async () => {
  await startWithCoalition();
  renderApp('/charter');
  const nav = await screen.findByRole('navigation', { name: 'Areas' });
  const names = ['Directory', 'Charter', 'Structure', 'Meetings', 'Advocacy', 'Policy', 'Media & stories', 'Resources', 'Capacity', 'Metrics', 'Reports'];
  for (const name of names) expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
  expect(within(nav).getByRole('link', { name: 'Charter' })).toHaveAttribute('aria-current', 'page');
  expect(screen.getByText('default.coalition')).toBeInTheDocument();
});

test.each(AREAS.filter((area) => !area.built).map((area) => [area.label, area] as const))(
  '%s is honestly marked as coming, with what it will do and no pretend data',
  async (label, area) => {
    await startWithCoalition();
    const { user } = renderApp('/charter');
    await user.click(await screen.findByRole('link', { name: label }));

    expect(await screen.findByRole('heading', { level: 1, name: label })).toBeInTheDocument();
    expect(screen.getByText('Coming')).toBeInTheDocument();
    expect(screen.getByText(`${label} is not built yet`)).toBeInTheDocument();
    for (const plan of area.plans) expect(screen.getByText(plan)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  },
);

test('an unknown address shows a way back, not a blank screen', async () => {
  await startWithCoalition();
  renderApp('/no/such/page');
  expect(await screen.findByText('There is no screen at this address')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Go to the charter' })).toBeInTheDocument();
});

test('the theme toggle switches light and dark, and the choice is remembered', async () => {
  await startWithCoalition();
  const first = renderApp('/charter');
  const html = document.documentElement;
  await first.user.click(await screen.findByRole('button', { name: 'Toggle theme' }));
  expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  expect(window.localStorage.getItem(COLOR_SCHEME_KEY)).toBe('dark');

  // A new window (remount) starts dark.
  first.unmount();
  html.removeAttribute('data-mantine-color-scheme');
  const second = renderApp('/charter');
  await waitFor(() => expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark'));
  await second.user.click(await screen.findByRole('button', { name: 'Toggle theme' }));
  expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  expect(window.localStorage.getItem(COLOR_SCHEME_KEY)).toBe('light');
});

test('Ctrl+K opens the command palette, which jumps to an area', async () => {
  await startWithCoalition();
  const { user } = renderApp('/charter');
  await screen.findByLabelText('Mission');

  await user.keyboard('{Control>}k{/Control}');
  const search = await screen.findByRole('textbox', { name: 'Search commands' });
  await user.type(search, 'Meetings');
  await user.click(await screen.findByRole('button', { name: /^Meetings/ }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Meetings' })).toBeInTheDocument();
});

test('the palette runs commands: compare versions and toggle theme', async () => {
  await startWithCoalition();
  const { user } = renderApp('/directory');
  await user.click(await screen.findByRole('button', { name: 'Open command palette' }));
  await user.click(await screen.findByRole('button', { name: /^Compare versions/ }));
  expect(await screen.findByText('Nothing to compare yet')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Open command palette' }));
  await user.click(await within(await screen.findByRole('dialog')).findByRole('button', { name: /^Toggle theme/ }));
  expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'dark');
});
