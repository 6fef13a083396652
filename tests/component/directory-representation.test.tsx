import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { addOrg } from './directory-support';
import { choose, renderApp, startWithCoalition } from './renderApp';

// Directory → Representation against the real backend: counts, targets, the targets form and
// the drill-down into the organizations table.

async function seed(bridge: Parameters<typeof addOrg>[0]) {
  await addOrg(bridge, 'Alder Advocacy', { stage: 'member', tier: null, regions: ['North'], populations: ['Seniors'] });
  await addOrg(bridge, 'Birch Legal Aid', { stage: 'member', type: 'legal_aid', regions: ['North'] });
  await addOrg(bridge, 'Cedar Neighbors', { stage: 'member', sector: 'community', type: 'local_community_group', regions: ['South'] });
  await addOrg(bridge, 'Dogwood Council', { stage: 'engaged', sector: 'government', type: 'government_body', regions: ['East'] });
}

function section(name: RegExp | string) {
  return screen.getByRole('region', { name });
}

/** The figures of one value in a dimension's table: [members, share, target cell text]. */
function figures(dimension: string, label: string): string[] {
  const table = within(section(`By ${dimension}`)).getByRole('table');
  const row = within(table).getByRole('link', { name: new RegExp(`in ${label}$`) }).closest('tr');
  if (!row) throw new Error(`no row for ${label}`);
  return within(row as HTMLElement)
    .getAllByRole('cell')
    .slice(1)
    .map((cell) => cell.textContent ?? '');
}

test('the dashboard shows members by dimension, with unmet targets marked in text', async () => {
  const { bridge } = await startWithCoalition();
  await seed(bridge);
  await ok(bridge, 'representation.targets.save', { dimension: 'sector', value: 'community', kind: 'min_share', amount: 50, note: '' });
  await ok(bridge, 'representation.targets.save', { dimension: 'region', value: '*', kind: 'min_count', amount: 1, note: '' });
  const { user } = renderApp('/directory/representation');

  expect(await screen.findByText('3 members', {}, { timeout: 5000 })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Representation' })).toHaveAttribute('aria-current', 'page');
  expect(figures('sector', 'Nonprofit')).toEqual(['2', '66.7%', '']);
  expect(figures('sector', 'Community & grassroots')[0]).toBe('1');
  expect(figures('sector', 'Community & grassroots')[2]).toMatch(/at least 50%Below target · 16\.67 points short/);
  expect(figures('region', 'North')).toEqual(['2', '66.7%', 'at least 1 memberTarget met']);
  // East is listed in the workspace (an engaged organization) but has no member.
  expect(figures('region', 'East')[2]).toMatch(/Below target · 1 member short/);

  // Target markers are drawn where targets apply: one sector, and every region for the '*' target.
  const markers = (name: string) => section(name).querySelectorAll('.representation-chart line[stroke-dasharray="4 2"]').length;
  await waitFor(() => expect(markers('By sector')).toBe(1));
  expect(markers('By region')).toBe(3);
  expect(markers('By population')).toBe(0);

  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('2 targets are not met');
  expect(alert).toHaveTextContent('Community & grassroots, Every region');
  const targets = screen.getByRole('list', { name: 'Representation targets' });
  expect(within(targets).getByText(/Every region — at least 1 member/).closest('li')).toHaveTextContent('short: East');

  // Counting engaged organizations too covers East.
  await choose(user, screen.getByRole('combobox', { name: 'Count as members' }), 'Engaged');
  await waitFor(() => expect(screen.getByText('4 members')).toBeInTheDocument());
  expect(figures('region', 'East')).toEqual(['1', '25%', 'at least 1 memberTarget met']);
});

test('a target is added through the form, validated with the contract on its fields', async () => {
  const { bridge } = await startWithCoalition();
  await seed(bridge);
  const { user } = renderApp('/directory/representation');
  await screen.findByText('3 members', {}, { timeout: 5000 });
  const form = screen.getByRole('form', { name: 'New target' });

  // Nothing chosen: the contract's messages show on the fields, and nothing is sent.
  await user.click(within(form).getByRole('button', { name: 'Add target' }));
  expect(await within(form).findByText('Value is required.')).toBeInTheDocument();
  expect(within(form).getByText('Amount must be a number.')).toBeInTheDocument();

  await choose(user, within(form).getByRole('combobox', { name: 'Value' }), 'Community & grassroots');
  await user.type(within(form).getByRole('textbox', { name: 'Share (%)' }), '150');
  await user.click(within(form).getByRole('button', { name: 'Add target' }));
  expect(await within(form).findByText('A share is a percentage from 0 to 100.')).toBeInTheDocument();
  expect((await ok(bridge, 'representation.summary', {})).targets).toEqual([]);

  await user.clear(within(form).getByRole('textbox', { name: 'Share (%)' }));
  await user.type(within(form).getByRole('textbox', { name: 'Share (%)' }), '30');
  await user.type(within(form).getByRole('textbox', { name: 'Note' }), 'Grassroots voices');
  await user.click(within(form).getByRole('button', { name: 'Add target' }));

  const targets = await screen.findByRole('list', { name: 'Representation targets' });
  const item = within(targets).getByText(/Community & grassroots — at least 30%/).closest('li');
  expect(item).toHaveTextContent('Met');
  expect(item).toHaveTextContent('Now 33.3% · Grassroots voices');
  const saved = await ok(bridge, 'representation.summary', {});
  expect(saved.targets).toMatchObject([{ dimension: 'sector', value: 'community', kind: 'min_share', amount: 30, note: 'Grassroots voices', met: true }]);
  expect(figures('sector', 'Community & grassroots')[2]).toMatch(/at least 30%Target met/);
});

test('drill-down opens the organizations table filtered to those members', async () => {
  const { bridge } = await startWithCoalition();
  await seed(bridge);
  await addOrg(bridge, 'Elm Tenants (engaged, North)', { stage: 'engaged', regions: ['North'] });
  const { user } = renderApp('/directory/representation');
  await screen.findByText('3 members', {}, { timeout: 5000 });

  await user.click(within(section('By region')).getByRole('link', { name: 'Show the 2 members in North' }));
  await waitFor(() => expect(screen.getByRole('table', { name: 'Organizations' })).toBeInTheDocument());
  expect(window.location.hash).toBe('#/directory?stage=member&region=North');
  await waitFor(() => {
    const names = within(screen.getByRole('table', { name: 'Organizations' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('link')[0]?.textContent);
    expect(names).toEqual(['Alder Advocacy', 'Birch Legal Aid']);
  });
  expect(screen.getByText('2 organizations match')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Filters (2 set)' })).toBeInTheDocument();
});

test('clicking a bar of a chart drills down the same way', async () => {
  const { bridge } = await startWithCoalition();
  await seed(bridge);
  const { user } = renderApp('/directory/representation');
  await screen.findByText('3 members', {}, { timeout: 5000 });
  // The sector chart draws one bar per sector, in the taxonomy's order: Nonprofit first.
  const chart = section('By sector').querySelector('.representation-chart');
  await waitFor(() => expect(chart?.querySelectorAll('.recharts-bar-rectangle path').length).toBeGreaterThan(0));
  const bars = chart?.querySelectorAll('.recharts-bar-rectangle path');
  const community = bars?.[1];
  if (!community) throw new Error('no bar for Community & grassroots');
  await user.click(community);
  await waitFor(() => expect(window.location.hash).toBe('#/directory?stage=member&sector=community'));
  await waitFor(() => expect(screen.getByText('1 organization match')).toBeInTheDocument());
});
