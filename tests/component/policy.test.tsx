import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '../support/backend';
import { addOrg, addPerson } from './directory-support';
import { choose, renderApp, startWithCoalition, within } from './renderApp';

describe('policy: an official’s page', () => {
  it('shows contacts, staff, committees, the current stance with its history, holders, the district match, engagements and the scorecard; records a stance', async () => {
    const { bridge } = await startWithCoalition();
    const maria = await addPerson(bridge, 'Maria Rivera', { district: 'district 04' });
    await addOrg(bridge, 'Eastside Clinic');
    const committee = await ok(bridge, 'policy.committees.create', { name: 'Health', bodyId: null, description: '' });
    const official = await ok(bridge, 'policy.officials.create', {
      name: 'Ελένη Παπαδοπούλου',
      title: 'State Senator',
      level: 'state',
      bodyId: null,
      district: 'District 4',
      jurisdiction: 'State',
      party: 'Green',
      email: 'eleni@senate.example.gov',
      phone: '',
      officeAddress: 'Capitol, Room 12',
      website: '',
      termStart: null,
      termEnd: null,
      notes: '',
      committees: [{ committeeId: committee.id, role: 'chair' }],
      staffers: [{ name: 'Li Wei', role: 'Scheduler', email: '', phone: '' }],
    });
    const bill = await ok(bridge, 'policy.bills.create', {
      bill: { identifier: 'AB 123', title: 'Crisis Care Act', kind: 'bill', jurisdiction: '', level: 'state', summary: '', committeeId: null, position: 'support', positionNote: '', url: '', sponsors: [{ officialId: official.id, role: 'primary' }], hearings: [], allocations: [], campaignIds: [] },
      status: 'introduced',
      changedOn: '2026-02-01',
      note: '',
    });
    await ok(bridge, 'policy.stances.record', { officialId: official.id, campaignId: null, billId: bill.id, stance: 'undecided', statedOn: '2026-02-10', evidence: 'At the hearing', recordedBy: 'Dana' });
    await ok(bridge, 'policy.stances.record', { officialId: official.id, campaignId: null, billId: bill.id, stance: 'champion', statedOn: '2026-03-10', evidence: 'After the briefing', recordedBy: 'Dana' });
    await ok(bridge, 'policy.actions.record', { officialId: official.id, billId: bill.id, action: 'voted_yes', actedOn: '2026-04-01', note: '' });
    await ok(bridge, 'policy.officials.setHolders', { officialId: official.id, holders: [{ personId: maria, organizationId: null, isPrimary: true, note: 'Old colleague' }] });
    await ok(bridge, 'policy.engagements.create', {
      kind: 'letter', title: 'Sign-on letter', occurredOn: '2026-03-01', startsAt: null, endsAt: null, timeZone: null, location: '',
      officials: [{ officialId: official.id, stafferId: null }], attendeePersonIds: [maria], campaignId: null, billId: bill.id,
      presented: ['research'], presentedNote: '', outcome: '', followUp: 'Call the office', followUpOwnerPersonId: maria, followUpDueOn: '2026-03-08', followUpDone: false,
    });

    const { user } = renderApp(`/policy/officials/${official.id}`);
    expect(await screen.findByRole('heading', { name: 'Ελένη Παπαδοπούλου', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('eleni@senate.example.gov')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Committees' })).getByText('Chair')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Staffers' })).getByText('Li Wei')).toBeInTheDocument();
    const current = screen.getByRole('table', { name: 'Current stances' });
    expect(within(current).getByText('Champion')).toBeInTheDocument();
    expect(within(current).queryByText('Undecided')).toBeNull();
    expect(screen.getByLabelText('Stance history')).toHaveTextContent('2026-02-10 · AB 123 Crisis Care Act: undecided — At the hearing (recorded by Dana)');
    expect(within(screen.getByRole('list', { name: 'Relationship holders' })).getByText('Maria Rivera')).toBeInTheDocument();
    // Maria lives in “district 04”: the district match counts her.
    await waitFor(() => expect(screen.getByText(/0 member organizations and 1 person in District 4/)).toBeInTheDocument());
    expect(within(screen.getByRole('list', { name: 'Engagements' })).getByText('Sign-on letter')).toBeInTheDocument();
    const scorecard = screen.getByRole('table', { name: 'Scorecard' });
    expect(within(scorecard).getByText('Primary sponsor · Voted yes 2026-04-01')).toBeInTheDocument();
    expect(within(scorecard).getByText('Yes')).toBeInTheDocument();

    // Record a new stance from the page: it becomes current, the earlier ones stay in the history.
    await user.click(screen.getByRole('button', { name: 'Record a stance' }));
    await choose(user, screen.getByRole('combobox', { name: 'On' }), 'AB 123 Crisis Care Act');
    await choose(user, screen.getByRole('combobox', { name: 'Stance' }), 'Opposed');
    const date = screen.getByRole('textbox', { name: 'Date' });
    await user.clear(date);
    await user.type(date, '2026-05-01');
    await user.click(screen.getByRole('button', { name: 'Record stance' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Current stances' })).getByText('Opposed')).toBeInTheDocument());
    expect((await ok(bridge, 'policy.officials.get', { id: official.id })).stanceHistory.map((s) => s.stance)).toEqual(['opposed', 'champion', 'undecided']);
  });
});
