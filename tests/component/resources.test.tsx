import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { addOrg } from './directory-support';
import { renderApp, startWithCoalition } from './renderApp';

test('the fundraising page shows progress in the goal currency, other currencies apart, and records a partial payment', async () => {
  const { bridge } = await startWithCoalition();
  const clinic = await addOrg(bridge, 'Eastside Clinic');
  const campaign = await ok(bridge, 'fundraising.create', {
    name: 'Coverage for All',
    purpose: 'lobbying',
    campaignId: null,
    goalMinor: 1_000_000,
    currency: 'USD',
    startsOn: null,
    endsOn: null,
    leadOrganizationId: null,
    leadPersonId: null,
    notes: '',
  });
  const base = { fundraisingCampaignId: campaign.id, contributorPersonId: null, pledgedOn: '2026-02-01', restricted: false, restrictionNote: '', notes: '' };
  await ok(bridge, 'contributions.save', { contribution: { ...base, contributorType: 'member', contributorOrganizationId: clinic, contributorName: '', pledgedMinor: 400_000, currency: 'USD' } });
  await ok(bridge, 'contributions.save', { contribution: { ...base, contributorType: 'foundation', contributorOrganizationId: null, contributorName: 'Stiftung Nord', pledgedMinor: 200_000, currency: 'EUR' } });
  const { user } = renderApp(`/resources/fundraising/${campaign.id}`);

  const contributions = await screen.findByRole('table', { name: 'Contributions' }, { timeout: 5000 });
  expect(screen.getByText('Contributions in other currencies are not counted toward the goal')).toBeInTheDocument();
  expect(screen.getByText('1 in EUR: €2,000.00 pledged, €0.00 received, €2,000.00 outstanding.')).toBeInTheDocument();
  expect(within(contributions).getByText('EUR · not counted toward the goal')).toBeInTheDocument();

  await user.click(within(contributions).getByRole('button', { name: 'Record payment from Eastside Clinic' }));
  const amount = await screen.findByLabelText(/Amount received \(USD\)/);
  await user.clear(amount);
  await user.type(amount, '1500');
  await user.click(screen.getByRole('button', { name: 'Record payment' }));
  await waitFor(async () => expect((await ok(bridge, 'fundraising.get', { id: campaign.id })).progress).toMatchObject({ receivedMinor: 150_000, outstandingMinor: 250_000 }));
  // The figures follow: received and outstanding in dollars only.
  expect(await screen.findByText('$1,500.00', { selector: 'p' })).toBeInTheDocument();
  expect(screen.getByText('$2,500.00', { selector: 'p' })).toBeInTheDocument();

  // More than is outstanding is refused with the backend's sentence.
  await user.click(within(contributions).getByRole('button', { name: 'Record payment from Eastside Clinic' }));
  const again = await screen.findByLabelText(/Amount received \(USD\)/);
  await user.clear(again);
  await user.type(again, '9000');
  await user.click(screen.getByRole('button', { name: 'Record payment' }));
  expect((await screen.findAllByText(/Only \$2,500.00 of this pledge is outstanding/)).length).toBeGreaterThan(0);
  expect((await ok(bridge, 'fundraising.get', { id: campaign.id })).progress.receivedMinor).toBe(150_000);
});
