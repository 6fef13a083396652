import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '../support/backend';
import { draftInput } from '../support/samples';
import { addOrg } from './directory-support';
import { renderApp, startWithCoalition, within } from './renderApp';

describe('advocacy: the campaign page', () => {
  it('shows the overview, partners, messages, events, petitions, grassroots totals and timeline, and approves a draft message', async () => {
    const { bridge } = await startWithCoalition();
    const draft = await ok(bridge, 'charter.saveDraft', draftInput());
    const union = await addOrg(bridge, 'Tenant Union');
    const campaign = await ok(bridge, 'campaigns.save', {
      name: 'Just Cause Eviction Now',
      ask: 'Pass a just-cause eviction ordinance.',
      goalId: draft.goals[0]?.id ?? null,
      status: 'active',
      startsOn: '2026-03-01',
      endsOn: null,
      leadWorkingGroupId: null,
      notes: '',
    });
    await ok(bridge, 'campaigns.participants.save', { campaignId: campaign.id, organizationId: union, role: 'lead' });
    await ok(bridge, 'campaigns.messages.save', {
      campaignId: campaign.id,
      audience: 'media',
      title: 'Evicted for no reason',
      message: 'Families tell their story.',
      talkingPoints: ['Lead with a family.', 'Then the numbers.'],
      facts: [{ text: '3,412 filings in 2025.', source: 'County court records', on: null }],
    });
    await ok(bridge, 'campaigns.events.save', {
      campaignId: campaign.id,
      kind: 'rally',
      title: 'Homes not notices rally',
      startsAt: '2026-10-24T16:00:00.000Z',
      endsAt: '2026-10-24T18:00:00.000Z',
      timeZone: 'America/Chicago',
      location: 'City Hall steps',
      description: '',
      rsvps: 420,
      attendance: 515,
      peopleReached: 18000,
      cohostIds: [union],
    });
    const petition = await ok(bridge, 'campaigns.petitions.save', {
      campaignId: campaign.id,
      title: 'Just cause for every renter',
      targetOfficialId: null,
      targetText: 'City Council',
      goal: 10000,
      launchedOn: '2026-04-01',
      deliveredOn: null,
      description: '',
    });
    await ok(bridge, 'campaigns.petitions.recordCount', { petitionId: petition.id, on: '2026-10-31', signatures: 8640 });
    await ok(bridge, 'campaigns.grassroots.save', { campaignId: campaign.id, kind: 'call', count: 240, officialId: null, district: 'Ward 7', on: '2026-09-18', reportedByOrganizationId: union, notes: '' });

    const { user } = renderApp(`/advocacy/campaigns/${campaign.id}`);
    expect(await screen.findByRole('heading', { name: 'Just Cause Eviction Now', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Pass a just-cause eviction ordinance.')).toBeInTheDocument();
    expect(screen.getByText('Policy change')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tenant Union' })).toBeInTheDocument();
    expect(screen.getAllByLabelText('Role of Tenant Union')[0]).toHaveValue('Lead');

    const events = screen.getByRole('table', { name: 'Public events' });
    expect(within(events).getByRole('link', { name: 'Homes not notices rally' })).toBeInTheDocument();
    expect(within(events).getByText('515')).toBeInTheDocument();
    expect(within(events).getByText('18,000')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Petitions' })).getByText('8,640 of 10,000 signatures')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'By district' })).getByText('Ward 7')).toBeInTheDocument();
    const timeline = await screen.findByLabelText('Campaign timeline');
    expect(within(timeline).getByText('Rally: Homes not notices rally (515 attended)')).toBeInTheDocument();
    expect(within(timeline).queryByText(/Key message for media approved/)).not.toBeInTheDocument();

    // Approve the draft message: it says so, and the timeline shows it.
    const card = screen.getByLabelText('Key message Evicted for no reason');
    expect(within(card).getByText('Draft')).toBeInTheDocument();
    expect(within(card).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Lead with a family.', 'Then the numbers.']);
    await user.click(within(card).getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Approved by' }), 'Steering committee');
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(within(screen.getByLabelText('Key message Evicted for no reason')).getByText('Approved')).toBeInTheDocument());
    expect(within(screen.getByLabelText('Key message Evicted for no reason')).getByText(/Approved by Steering committee on/)).toBeInTheDocument();
    expect(await within(screen.getByLabelText('Campaign timeline')).findByText('Key message for media approved by Steering committee: Evicted for no reason')).toBeInTheDocument();
  });
});
