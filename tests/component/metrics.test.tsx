import { screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { expect, test } from 'vitest';
import { chartSvg } from '../../renderer/features/metrics/chartExport';
import { ok } from '../support/backend';
import { addOrg } from './directory-support';
import { renderApp, startWithCoalition } from './renderApp';

// Metrics ▸ Dashboard against the real backend: the headline figures of the period, the period
// selector (previous year, a month), the drill-down drawer from a figure and from a chart's bar,
// and the chart serialized as SVG for saving.

test('the dashboard follows the period selector and drills into the records behind a figure and a bar', async () => {
  const { bridge } = await startWithCoalition();
  // Two members today (their stage history starts today), one engaged.
  await addOrg(bridge, 'Alder Advocacy', { stage: 'member' });
  await addOrg(bridge, 'Cedar Neighbors', { stage: 'member', sector: 'community', type: 'local_community_group' });
  await addOrg(bridge, 'Dogwood Council', { stage: 'engaged' });
  const year = dayjs().format('YYYY');
  const visits = await ok(bridge, 'metrics.save', { metric: { name: 'Website visits', unit: 'visits', description: '', goalId: null } });
  await ok(bridge, 'metrics.setTargets', { metricId: visits.id, targets: [{ period: year, value: 1000 }] });
  await ok(bridge, 'metrics.setValues', { metricId: visits.id, values: [{ month: `${year}-01`, value: 120 }] });
  const { user } = renderApp('/metrics');

  const members = await screen.findByTestId('headline-members', {}, { timeout: 8000 });
  expect(members).toHaveTextContent('2');
  expect(screen.getByTestId('period-title')).toHaveTextContent(year);
  // The target chart of the entered metric, compared by year.
  expect(screen.getByRole('region', { name: 'Website visits: target and actual' })).toHaveTextContent('By year');

  // A figure opens the records behind it, each a link to its page.
  await user.click(screen.getByRole('button', { name: 'Members by sector: open the records' }));
  const drawer = await screen.findByRole('dialog');
  expect(within(drawer).getByText(`Members by sector, ${year}`)).toBeInTheDocument();
  const records = await within(drawer).findByRole('table', { name: 'Records' });
  expect(within(records).getByRole('link', { name: 'Alder Advocacy' })).toHaveAttribute('href', expect.stringMatching(/#\/directory\/organizations\//));
  expect(within(records).getByRole('link', { name: 'Cedar Neighbors' })).toBeInTheDocument();
  expect(within(records).queryByText('Dogwood Council')).toBeNull();
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

  // A bar of the representation chart opens that sector's members.
  const representation = screen.getByRole('region', { name: 'Representation' });
  const bars = await waitFor(() => {
    const found = representation.querySelectorAll('.recharts-bar-rectangle path, .recharts-rectangle');
    expect(found.length).toBeGreaterThan(0);
    return found;
  });
  await user.click(bars[0] as Element);
  const sectorDrawer = await screen.findByRole('dialog');
  expect(await within(sectorDrawer).findByText(/Members by sector, \d{4} — /)).toBeInTheDocument();
  expect((await within(sectorDrawer).findByRole('table', { name: 'Records' })).querySelectorAll('tbody tr')).toHaveLength(1);
  await user.keyboard('{Escape}');

  // The chart serializes as a standalone SVG with its labels and a background.
  const drawn = chartSvg(representation, '#ffffff');
  expect(drawn?.svg).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(drawn?.svg).toContain('Nonprofit');
  expect(drawn?.svg).toContain('fill="#ffffff"');

  // The previous year: nobody was a member yet.
  await user.click(screen.getByRole('button', { name: 'Previous period' }));
  await waitFor(() => expect(screen.getByTestId('period-title')).toHaveTextContent(String(Number(year) - 1)));
  await waitFor(() => expect(screen.getByTestId('headline-members')).toHaveTextContent('0'));
  // A month: this month's name.
  await user.click(screen.getByRole('radio', { name: 'Month' }));
  await waitFor(() => expect(screen.getByTestId('period-title')).toHaveTextContent(dayjs().subtract(1, 'year').format('MMMM YYYY')));
}, 60_000);
