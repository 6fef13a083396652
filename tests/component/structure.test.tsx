import { screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ok } from '../support/backend';
import { draftInput } from '../support/samples';
import { addOrg, addPerson } from './directory-support';
import { renderApp, startWithCoalition, within } from './renderApp';

const day = (offset: number) => dayjs().add(offset, 'day').format('YYYY-MM-DD');

describe('structure: the steering committee overview', () => {
  it('shows each seat’s holder, the vacancies and the terms ending within 90 days, with unmet requirements flagged', async () => {
    const { bridge } = await startWithCoalition();
    const ana = await addPerson(bridge, 'Ana Soto');
    const ben = await addPerson(bridge, 'Ben Okafor');
    const union = await addOrg(bridge, 'Tenant Union', { sector: 'community', type: 'local_community_group' });
    const clinic = await addOrg(bridge, 'Eastside Clinic');
    const grassroots = await ok(bridge, 'structure.seats.save', { name: 'Grassroots seat 1', requirement: { kind: 'sector', value: 'community' }, termMonths: 24 });
    const second = await ok(bridge, 'structure.seats.save', { name: 'Grassroots seat 2', requirement: { kind: 'sector', value: 'community' }, termMonths: 24 });
    await ok(bridge, 'structure.seats.save', { name: 'At-large seat', requirement: null, termMonths: null });
    await ok(bridge, 'structure.terms.save', { seatId: grassroots.id, personId: ana, organizationId: union, role: 'chair', startDate: day(-400), endDate: day(30) });
    await ok(bridge, 'structure.terms.save', { seatId: second.id, personId: ben, organizationId: clinic, role: 'member', startDate: day(-10), endDate: day(300) });

    renderApp('/structure');
    const table = await screen.findByRole('table', { name: 'Steering committee' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual(['Grassroots seat 1', 'Grassroots seat 2', 'At-large seat']);
    expect(within(rows[0] as HTMLElement).getByText('Ana Soto')).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).getByText('Chair')).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).getByText('Met')).toBeInTheDocument();
    // A nonprofit on a grassroots seat.
    expect(within(rows[1] as HTMLElement).getByText('Not met')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText('Vacant')).toBeInTheDocument();

    expect(within(screen.getByRole('list', { name: 'Vacant seats' })).getByText('At-large seat')).toBeInTheDocument();
    const ending = screen.getByRole('list', { name: 'Terms ending soon' });
    expect(ending).toHaveTextContent(`Grassroots seat 1 — Ana Soto, ends ${dayjs(day(30)).format('D MMM YYYY')}`);
    expect(ending).not.toHaveTextContent('Grassroots seat 2');
  });

  it('assigns a holder to a vacant seat, refusing a term that ends before it starts', async () => {
    const { bridge } = await startWithCoalition();
    await addPerson(bridge, 'Ana Soto');
    await ok(bridge, 'structure.seats.save', { name: 'At-large seat', requirement: null, termMonths: 12 });
    const { user } = renderApp('/structure');
    // The vacancy list and the committee table both offer it.
    const [assign] = await screen.findAllByRole('button', { name: 'Assign holder' });
    await user.click(assign as HTMLElement);
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('combobox', { name: 'Holder' }), 'Ana');
    await user.click(await screen.findByRole('option', { name: /Ana Soto/ }));
    const ends = within(dialog).getByRole('textbox', { name: 'Term ends' });
    // The end follows the seat's 12-month term length.
    expect(ends).toHaveValue(dayjs().add(12, 'month').subtract(1, 'day').format('YYYY-MM-DD'));
    await user.clear(ends);
    await user.type(ends, `${day(-5)}{Tab}`);
    await user.click(within(dialog).getByRole('button', { name: 'Add holder' }));
    expect(await within(dialog).findByText('The term cannot end before it starts.')).toBeInTheDocument();

    await user.clear(ends);
    await user.type(ends, `${day(100)}{Tab}`);
    await user.click(within(dialog).getByRole('button', { name: 'Add holder' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const row = within(await screen.findByRole('table', { name: 'Steering committee' })).getAllByRole('row')[1] as HTMLElement;
    expect(await within(row).findByText('Ana Soto')).toBeInTheDocument();
  });
});

describe('structure: reviewing a membership application', () => {
  it('approves an application: the organization becomes a member and endorses the chosen charter version', async () => {
    const { bridge } = await startWithCoalition();
    await ok(bridge, 'charter.saveDraft', draftInput());
    await ok(bridge, 'charter.adopt', { adoptedOn: '2025-01-10', note: '' });
    const union = await addOrg(bridge, 'Riverside Tenants Union', { stage: 'engaged' });
    const received = day(-12);
    await ok(bridge, 'structure.applications.save', {
      organizationId: union,
      contactPersonId: null,
      receivedOn: received,
      motivation: 'We organize tenants.',
      issueAreas: [],
      populations: [],
      contributions: [],
      charterVersion: 1,
    });

    const { user } = renderApp('/structure/applications');
    const table = await screen.findByRole('table', { name: 'Applications' });
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('12')).toBeInTheDocument(); // days waiting
    expect(within(row).getByText('Received')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Review Riverside Tenants Union' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByText('Decline'));
    await user.click(within(dialog).getByRole('button', { name: 'Decline' }));
    expect(await within(dialog).findByText('Name who reviewed the application.')).toBeInTheDocument();
    expect(within(dialog).getByText('Give the reason for declining.')).toBeInTheDocument();

    await user.click(within(dialog).getByText('Approve'));
    await user.type(within(dialog).getByRole('textbox', { name: 'Reviewer' }), 'Dana Whitfield');
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Riverside Tenants Union is now a member and endorses charter version 1.')).toBeInTheDocument();

    expect((await ok(bridge, 'organizations.get', { id: union })).stage).toBe('member');
    expect((await ok(bridge, 'structure.endorsements.list', { charterVersion: 1 })).map((e) => e.organization.name)).toEqual(['Riverside Tenants Union']);
    // Approved applications leave the "Waiting" list.
    expect(await screen.findByText('No application is waiting')).toBeInTheDocument();
  });
});
