import { screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { expect, test } from 'vitest';
import { ok } from '../support/backend';
import { meetingInput } from '../support/meetings';
import type { TestBridge } from '../support/workspace';
import { addOrg } from './directory-support';
import { choose, renderApp, startWithCoalition } from './renderApp';

type Bridge = TestBridge['bridge'];

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

/** YYYY-MM-DD `days` from today (the in-kind form starts at today; its pickers read around that day). */
function day(days: number): string {
  return dayjs().add(days, 'day').format('YYYY-MM-DD');
}

async function advocacyCampaign(bridge: Bridge, name: string, status: 'active' | 'won' = 'active'): Promise<string> {
  return (await ok(bridge, 'campaigns.save', { name, ask: '', goalId: null, status, startsOn: null, endsOn: null, leadWorkingGroupId: null, notes: '' })).id;
}

test('the in-kind form links the support to a meeting, an advocacy campaign and a public event, shows them as links and keeps them when edited', async () => {
  const { bridge } = await startWithCoalition();
  await addOrg(bridge, 'Eastside Clinic');
  const assembly = await ok(bridge, 'meetings.create', meetingInput({ title: 'Autumn assembly', startsAt: `${day(3)}T16:00:00.000Z`, endsAt: `${day(3)}T18:00:00.000Z` }));
  // Far from the day the support is given: not offered.
  await ok(bridge, 'meetings.create', meetingInput({ title: 'Assembly of long ago', startsAt: `${day(-400)}T16:00:00.000Z`, endsAt: `${day(-400)}T18:00:00.000Z` }));
  const counsel = await advocacyCampaign(bridge, 'Right to Counsel');
  await advocacyCampaign(bridge, 'Clean Air Ordinance', 'won');
  const hall = await ok(bridge, 'campaigns.events.save', {
    campaignId: counsel,
    kind: 'town_hall',
    title: 'Counsel town hall',
    startsAt: `${day(-10)}T23:00:00.000Z`,
    endsAt: `${day(-9)}T01:00:00.000Z`,
    timeZone: 'UTC',
    location: 'Eastside Library',
    description: '',
    rsvps: 0,
    attendance: null,
    peopleReached: null,
    cohostIds: [],
  });
  const { user } = renderApp('/resources/in-kind');

  await user.click(await screen.findByRole('button', { name: 'Record support' }, { timeout: 5000 }));
  const form = await screen.findByRole('form', { name: 'New in-kind support' });
  await user.type(within(form).getByRole('combobox', { name: 'Organization' }), 'Eastside');
  await user.click(await screen.findByRole('option', { name: /Eastside Clinic/ }));
  await user.type(within(form).getByRole('textbox', { name: 'Description' }), 'Community room');

  // The meeting: those around the day given, nearest first; the one of long ago is not offered.
  await user.click(within(form).getByRole('combobox', { name: 'Meeting' }));
  const meetingOption = await screen.findByRole('option', { name: `Autumn assembly — ${dayjs(day(3)).format('D MMM YYYY')}` });
  expect(screen.queryByRole('option', { name: /Assembly of long ago/ })).toBeNull();
  await user.click(meetingOption);
  // The campaign, any status; the event, typed to narrow.
  await choose(user, within(form).getByRole('combobox', { name: 'Advocacy campaign' }), 'Right to Counsel');
  await user.type(within(form).getByRole('combobox', { name: 'Public event' }), 'town');
  await user.click(await screen.findByRole('option', { name: `Counsel town hall — ${dayjs(day(-10)).format('D MMM YYYY')}` }));
  await user.click(within(form).getByRole('button', { name: 'Record support' }));

  await waitFor(() => expect(screen.queryByRole('form', { name: 'New in-kind support' })).toBeNull());
  const saved = (await ok(bridge, 'inKind.list', {})).rows;
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ supportedMeeting: { id: assembly.id }, supportedCampaign: { id: counsel }, supportedEvent: { id: hall.id, meetingId: hall.meetingId } });

  // The row names each record as a link to it: the event to its meeting on the calendar.
  const table = await screen.findByRole('table', { name: 'In-kind support' });
  expect(await within(table).findByRole('link', { name: 'Autumn assembly' })).toHaveAttribute('href', `#/meetings/${assembly.id}`);
  expect(within(table).getByRole('link', { name: 'Right to Counsel' })).toHaveAttribute('href', `#/advocacy/campaigns/${counsel}`);
  expect(within(table).getByRole('link', { name: 'Counsel town hall' })).toHaveAttribute('href', `#/meetings/${hall.meetingId}`);

  // Editing shows the links and keeps them; clearing the campaign removes that one only.
  await user.click(within(table).getByRole('button', { name: 'Edit Meeting space from Eastside Clinic' }));
  const edit = await screen.findByRole('form', { name: 'Edit in-kind support' });
  expect(within(edit).getByRole('combobox', { name: 'Meeting' })).toHaveValue(`Autumn assembly — ${dayjs(day(3)).format('D MMM YYYY')}`);
  expect(within(edit).getByRole('combobox', { name: 'Advocacy campaign' })).toHaveValue('Right to Counsel');
  expect(within(edit).getByRole('combobox', { name: 'Public event' })).toHaveValue(`Counsel town hall — ${dayjs(day(-10)).format('D MMM YYYY')}`);
  expect(within(edit).getByRole<HTMLInputElement>('combobox', { name: 'Organization' }).value).toContain('Eastside Clinic');
  expect(within(edit).getByRole('textbox', { name: 'Description' })).toHaveValue('Community room');
  await user.click(within(edit).getByRole('button', { name: 'Clear advocacy campaign' }));
  await user.click(within(edit).getByRole('button', { name: 'Save support' }));
  await waitFor(async () => expect((await ok(bridge, 'inKind.list', {})).rows[0]?.supportedCampaign).toBeNull());
  const after = (await ok(bridge, 'inKind.list', {})).rows;
  expect(after).toHaveLength(1);
  expect(after[0]).toMatchObject({ description: 'Community room', supportedMeeting: { id: assembly.id }, supportedEvent: { id: hall.id } });
  await waitFor(() => expect(within(table).queryByRole('link', { name: 'Right to Counsel' })).toBeNull());
  expect(within(table).getByRole('link', { name: 'Autumn assembly' })).toBeInTheDocument();
});

test('the fundraising form picks the advocacy campaign it funds, and the campaign page links to it', async () => {
  const { bridge } = await startWithCoalition();
  const counsel = await advocacyCampaign(bridge, 'Right to Counsel');
  await advocacyCampaign(bridge, 'Clean Air Ordinance', 'won');
  const { user } = renderApp('/resources');

  await user.click(await screen.findByRole('button', { name: 'New campaign' }, { timeout: 5000 }));
  const form = await screen.findByRole('form', { name: 'New fundraising campaign' });
  await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Counsel fund');
  await user.type(within(form).getByRole('textbox', { name: 'Goal' }), '50000');
  expect(within(form).getByText('The campaign this money funds.')).toBeInTheDocument();
  await user.click(within(form).getByRole('combobox', { name: 'Advocacy campaign' }));
  // Grouped by status: the won one is offered too.
  expect(await screen.findByRole('option', { name: 'Clean Air Ordinance' })).toBeInTheDocument();
  await user.click(screen.getByRole('option', { name: 'Right to Counsel' }));
  await user.click(within(form).getByRole('button', { name: 'Start campaign' }));

  // The new campaign's page says what it funds, as a link to the advocacy campaign.
  const link = await screen.findByRole('link', { name: 'Right to Counsel' }, { timeout: 5000 });
  expect(link).toHaveAttribute('href', `#/advocacy/campaigns/${counsel}`);
  expect(screen.getByText(/For the advocacy campaign/)).toBeInTheDocument();
  const [created] = await ok(bridge, 'fundraising.list', {});
  expect((await ok(bridge, 'fundraising.get', { id: created?.id ?? '' })).campaignId).toBe(counsel);

  // Editing shows the campaign and can clear it.
  await user.click(screen.getByRole('button', { name: 'Edit' }));
  const edit = await screen.findByRole('form', { name: 'Edit fundraising campaign' });
  const picker = within(edit).getByRole('combobox', { name: 'Advocacy campaign' });
  expect(picker).toHaveValue('Right to Counsel');
  await user.click(within(edit).getByRole('button', { name: 'Clear advocacy campaign' }));
  await user.click(within(edit).getByRole('button', { name: 'Save campaign' }));
  await waitFor(async () => expect((await ok(bridge, 'fundraising.get', { id: created?.id ?? '' })).campaignId).toBeNull());
  await waitFor(() => expect(screen.queryByRole('link', { name: 'Right to Counsel' })).toBeNull());
});

test('editing in-kind support whose meeting lies outside the offered months still names that meeting and keeps it', async () => {
  const { bridge } = await startWithCoalition();
  const clinic = await addOrg(bridge, 'Eastside Clinic');
  const old = await ok(bridge, 'meetings.create', meetingInput({ title: 'Founding assembly', startsAt: `${day(-400)}T16:00:00.000Z`, endsAt: `${day(-400)}T18:00:00.000Z` }));
  await ok(bridge, 'inKind.save', {
    inKind: { contributorOrganizationId: clinic, contributorPersonId: null, kind: 'materials', description: 'Banners', hours: null, quantity: 4, valueMinor: 12_000, currency: 'USD', givenOn: day(0), supportedMeetingId: old.id, supportedCampaignId: null, supportedEventId: null, notes: '' },
  });
  const { user } = renderApp('/resources/in-kind');
  const table = await screen.findByRole('table', { name: 'In-kind support' }, { timeout: 5000 });
  await user.click(within(table).getByRole('button', { name: 'Edit Materials from Eastside Clinic' }));
  const edit = await screen.findByRole('form', { name: 'Edit in-kind support' });
  expect(within(edit).getByRole('combobox', { name: 'Meeting' })).toHaveValue('Founding assembly');
  expect(within(edit).getByRole('textbox', { name: 'Estimated value' })).toHaveValue('120');
  await user.clear(within(edit).getByRole('textbox', { name: 'Quantity' }));
  await user.type(within(edit).getByRole('textbox', { name: 'Quantity' }), '6');
  await user.click(within(edit).getByRole('button', { name: 'Save support' }));
  await waitFor(async () => expect((await ok(bridge, 'inKind.list', {})).rows[0]).toMatchObject({ quantity: 6, valueMinor: 12_000, supportedMeeting: { id: old.id, name: 'Founding assembly' } }));
});
