import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { digestInput, impactInput } from '../support/samples/reports';
import { renderApp, startWithCoalition } from './renderApp';

// The Reports area against the real backend: the list and "new from the last", the impact
// report editor (narrative saved, headline preview, PDF export) and the digest screen.

const SLOW = { timeout: 15_000 };

test('the list starts a report, and a new one from the last copies its narrative for the next period', async () => {
  const { bridge } = await startWithCoalition();
  const first = renderApp('/reports');
  expect(await screen.findByText('No impact report yet', {}, SLOW)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Briefing packets' })).toHaveAttribute('href', '#/reports/packets');
  first.unmount();

  await ok(bridge, 'reports.create', impactInput({ title: 'Impact report, Q3 2026 (July–September)', period: { kind: 'quarter', from: '2026-07-01', to: '2026-09-30' }, challengesMd: 'Funding was late.' }));
  const { user } = renderApp('/reports');
  await user.click(await screen.findByRole('button', { name: 'New impact report from the last' }, SLOW));
  expect(await screen.findByRole('heading', { name: 'Impact report, Q4 2026 (October–December)' }, SLOW)).toBeInTheDocument();
  expect(screen.getByRole('textbox', { name: /^Challenges/ })).toHaveValue('Funding was late.');
  const list = await ok(bridge, 'reports.list', { kind: 'impact' });
  expect(list.map((r) => r.periodLabel)).toEqual(['Q4 2026 (October–December)', 'Q3 2026 (July–September)']);
});

test('the editor saves the challenges and next steps, previews the headline numbers and exports the PDF', { timeout: 60_000 }, async () => {
  const { bridge, saved } = await startWithCoalition();
  const report = await ok(bridge, 'reports.create', impactInput({ title: 'Impact report, Q4 2026', challengesMd: '', nextStepsMd: '' }));
  const { user } = renderApp(`/reports/${report.id}`);

  const challenges = await screen.findByRole('textbox', { name: /^Challenges/ }, SLOW);
  await user.click(challenges);
  await user.paste('Evening turnout fell.');
  await user.click(screen.getByRole('textbox', { name: /^Next steps/ }));
  await user.paste('- Two daytime town halls');
  // The preview shows the dashboard's figures for the period.
  const preview = await screen.findByLabelText('Headline numbers preview', {}, SLOW);
  expect(within(preview).getByText('Attendance at meetings')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(async () => expect((await ok(bridge, 'reports.get', { id: report.id })).challengesMd).toBe('Evening turnout fell.'));
  expect((await ok(bridge, 'reports.get', { id: report.id })).nextStepsMd).toBe('- Two daytime town halls');

  // A section turned off is saved with the export.
  await user.click(screen.getByRole('checkbox', { name: 'Member list' }));
  await user.click(screen.getByRole('button', { name: 'Export PDF' }));
  await waitFor(() => expect(saved).toHaveLength(1), SLOW);
  expect(saved[0]?.suggestedName).toBe('impact-report-q4-2026.pdf');
  expect(Buffer.from(saved[0]?.content ?? '', 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect((await ok(bridge, 'reports.get', { id: report.id })).sections).not.toContain('members');
});

test('a bad custom period shows the contract’s message on the field and saves nothing', async () => {
  const { bridge } = await startWithCoalition();
  const report = await ok(bridge, 'reports.create', impactInput({ period: { kind: 'custom', from: '2026-10-01', to: '2026-10-31' } }));
  const { user } = renderApp(`/reports/${report.id}`);
  const to = await screen.findByLabelText('To', {}, SLOW);
  await user.clear(to);
  await user.type(to, '2026-09-01');
  await user.tab();
  await user.click(screen.getByRole('button', { name: 'Save' }));
  // On the field, and in the preview instead of figures.
  await waitFor(() => expect(screen.getAllByText('The period must end on or after the day it starts.')).toHaveLength(2));
  expect((await ok(bridge, 'reports.get', { id: report.id })).period.to).toBe('2026-10-31');
});

test('the digest screen previews what happened and what is coming, and saves it as Markdown', async () => {
  const { bridge, saved } = await startWithCoalition();
  await ok(bridge, 'meetings.create', {
    type: 'town_hall',
    title: 'Town hall on rents',
    startsAt: '2026-11-10T18:00:00Z',
    endsAt: '2026-11-10T20:00:00Z',
    timeZone: 'UTC',
    location: 'Library',
    videoUrl: '',
    organizerPersonId: null,
    workingGroupId: null,
  });
  const digest = await ok(bridge, 'reports.create', digestInput({ getInvolvedMd: '' }));
  const { user } = renderApp(`/reports/${digest.id}`);

  const preview = await screen.findByLabelText('Digest preview', {}, SLOW);
  expect(within(preview).getByText('Town hall on rents')).toBeInTheDocument();
  expect(within(preview).getByText('No decisions were recorded in November 2026.')).toBeInTheDocument();
  await user.click(screen.getByRole('textbox', { name: /^How to get involved/ }));
  await user.paste('Join the *housing* group.');

  await user.click(screen.getByRole('button', { name: 'Export' }));
  await user.click(await screen.findByRole('menuitem', { name: 'Markdown' }, SLOW));
  await waitFor(() => expect(saved).toHaveLength(1), SLOW);
  expect(saved[0]?.suggestedName).toBe('november-update.md');
  expect(saved[0]?.content).toContain('Join the \\*housing\\* group.');
  expect(saved[0]?.content).toContain('Town hall on rents');
});
