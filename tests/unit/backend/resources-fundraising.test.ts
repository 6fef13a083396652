import { describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import { fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { addOrganization, addPerson, countRows, foreignKeyProblems } from '../../support/people';
import type { Caller } from '../../support/backend';

function campaignInput(overrides: Partial<Input<'fundraising.create'>> = {}): Input<'fundraising.create'> {
  return { name: 'Coverage for All', purpose: 'lobbying', campaignId: null, goalMinor: 1_000_000, currency: 'USD', startsOn: '2026-01-01', endsOn: '2026-12-31', leadOrganizationId: null, leadPersonId: null, notes: '', ...overrides };
}

function pledge(campaignId: string, overrides: Partial<Input<'contributions.save'>['contribution']> = {}): Input<'contributions.save'> {
  return {
    contribution: {
      fundraisingCampaignId: campaignId,
      contributorType: 'foundation',
      contributorOrganizationId: null,
      contributorPersonId: null,
      contributorName: 'Alder Trust',
      pledgedMinor: 300_000,
      currency: 'USD',
      pledgedOn: '2026-02-01',
      restricted: false,
      restrictionNote: '',
      notes: '',
      ...overrides,
    },
  };
}

async function pay(caller: Caller, contributionId: string, amountMinor: number, receivedOn = '2026-03-01') {
  return ok(caller, 'contributions.addPayment', { contributionId, amountMinor, receivedOn, note: '' });
}

describe('fundraising', () => {
  it('totals pledged, received and outstanding with partial payments and restricted money', async () => {
    const { backend } = await useBackend();
    const campaign = await ok(backend, 'fundraising.create', campaignInput());
    const a = await ok(backend, 'contributions.save', pledge(campaign.id, { pledgedMinor: 300_000, restricted: true, restrictionNote: 'Lobby days' }));
    const b = await ok(backend, 'contributions.save', pledge(campaign.id, { contributorName: 'Rosa Díaz', contributorType: 'individual', pledgedMinor: 50_000 }));
    await pay(backend, a.id, 100_000);
    const after = await pay(backend, a.id, 50_000, '2026-04-01');
    expect(after).toMatchObject({ receivedMinor: 150_000, outstandingMinor: 150_000, lastReceivedOn: '2026-04-01', countsTowardGoal: true });
    expect(after.payments.map((p) => p.amountMinor)).toEqual([100_000, 50_000]);
    await pay(backend, b.id, 50_000);
    const detail = await ok(backend, 'fundraising.get', { id: campaign.id });
    expect(detail.progress).toEqual({ currency: 'USD', goalMinor: 1_000_000, pledgedMinor: 350_000, receivedMinor: 200_000, outstandingMinor: 150_000, restrictedReceivedMinor: 150_000 });
    expect(detail.contributions).toBe(2);
    // A fully received pledge takes no more; a payment over what is outstanding is refused and writes nothing.
    expect(issuesOf(await fails(backend, 'contributions.addPayment', { contributionId: b.id, amountMinor: 1, receivedOn: '2026-05-01', note: '' }))[0]?.message).toMatch(/fully received/);
    const error = await fails(backend, 'contributions.addPayment', { contributionId: a.id, amountMinor: 150_001, receivedOn: '2026-05-01', note: '' });
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Only $1,500.00 of this pledge is outstanding');
    // The pledge cannot drop below what was received.
    expect((await fails(backend, 'contributions.save', { id: a.id, ...pledge(campaign.id, { pledgedMinor: 100_000 }) })).message).toMatch(/already been received/);
    // Removing a payment puts it back outstanding.
    await ok(backend, 'contributions.deletePayment', { id: after.payments[1]?.id ?? '' });
    expect((await ok(backend, 'fundraising.list', {}))[0]?.progress).toMatchObject({ receivedMinor: 150_000, outstandingMinor: 200_000 });
  });

  it('never adds another currency to the goal: it is totalled apart', async () => {
    const { backend } = await useBackend();
    const campaign = await ok(backend, 'fundraising.create', campaignInput());
    const usd = await ok(backend, 'contributions.save', pledge(campaign.id, { pledgedMinor: 200_000 }));
    const eur = await ok(backend, 'contributions.save', pledge(campaign.id, { contributorName: 'Stiftung Nord', pledgedMinor: 500_000, currency: 'eur' }));
    await pay(backend, usd.id, 200_000);
    await pay(backend, eur.id, 400_000);
    expect(eur).toMatchObject({ currency: 'EUR', countsTowardGoal: false });
    const [row] = await ok(backend, 'fundraising.list', {});
    expect(row?.progress).toMatchObject({ currency: 'USD', pledgedMinor: 200_000, receivedMinor: 200_000, outstandingMinor: 0 });
    expect(row?.otherCurrencies).toEqual([{ currency: 'EUR', contributions: 1, pledgedMinor: 500_000, receivedMinor: 400_000, outstandingMinor: 100_000 }]);
    expect(row?.contributions).toBe(2);
    // A payment is in its pledge's currency; a pledge with payments keeps its currency.
    expect((await fails(backend, 'contributions.save', { id: eur.id, ...pledge(campaign.id, { pledgedMinor: 500_000, currency: 'USD' }) })).message).toMatch(/Payments were received in EUR/);
    expect(issuesOf(await fails(backend, 'contributions.save', pledge(campaign.id, { currency: 'XYZ' })))).toEqual([
      { path: 'contribution.currency', message: 'Use a three-letter ISO 4217 currency code such as USD, EUR or KES.' },
    ]);
  });

  it('refuses a contribution without a contributor, or restricted without saying to what, writing nothing', async () => {
    const { backend, path } = await useBackend();
    const campaign = await ok(backend, 'fundraising.create', campaignInput());
    const before = snapshot(path);
    const error = await fails(backend, 'contributions.save', pledge(campaign.id, { contributorName: '', restricted: true }));
    expect(error.code).toBe('validation');
    expect(issuesOf(error).map((i) => i.message)).toEqual(
      expect.arrayContaining(['Choose the contributor from the directory (organization or person) or type a name.', 'Say what restricted money may be used for.']),
    );
    expect(snapshot(path)).toEqual(before);
  });

  it('shows grant deadlines and reports due in 30 days or overdue until they are done or submitted', async () => {
    const { backend } = await useBackend();
    const funder = await addOrganization(backend, 'Alder Trust');
    const grant = (title: string, status: Input<'grants.save'>['grant']['status'], deadline: string | null, reports: Input<'grants.save'>['grant']['reports'] = []) =>
      ok(backend, 'grants.save', { grant: { funderOrganizationId: funder, funderName: '', title, currency: 'USD', requestedMinor: 100_000, awardedMinor: null, status, deadline, reports, notes: '' } });
    const soon = await grant('Soon', 'drafting', '2026-11-20');
    await grant('Late', 'prospect', '2026-10-25');
    await grant('Far', 'drafting', '2026-12-15');
    await grant('Submitted', 'submitted', '2026-11-05');
    await grant('Reporting', 'submitted', null, [
      { title: 'Interim report', dueOn: '2026-11-10', doneOn: null },
      { title: 'Q3 report', dueOn: '2026-10-01', doneOn: '2026-09-30' },
      { title: 'Final report', dueOn: '2026-10-20', doneOn: null },
    ]);
    const due = await ok(backend, 'grants.due', { today: '2026-11-01' });
    expect(due.map((d) => [d.kind, d.grantTitle, d.title, d.daysLeft])).toEqual([
      ['report', 'Reporting', 'Final report', -12],
      ['deadline', 'Late', '', -7],
      ['report', 'Reporting', 'Interim report', 9],
      ['deadline', 'Soon', '', 19],
    ]);
    expect(due[1]?.funderName).toBe('Alder Trust');
    // Submitted: its deadline no longer shows; after the day it passed it stays (overdue) until then.
    await ok(backend, 'grants.save', { id: soon.id, grant: { funderOrganizationId: funder, funderName: '', title: 'Soon', currency: 'USD', requestedMinor: 100_000, awardedMinor: null, status: 'submitted', deadline: '2026-11-20', reports: [], notes: '' } });
    expect((await ok(backend, 'grants.due', { today: '2026-11-01' })).map((d) => d.grantTitle)).not.toContain('Soon');
  });

  it('keeps money when its contributor is deleted, moves it on a merge, and undoes both', async () => {
    const { backend, path } = await useBackend();
    const org = await addOrganization(backend, 'Harbor Clinic');
    const twin = await addOrganization(backend, 'Harbor Clinic Inc');
    const person = await addPerson(backend, 'Lena Fischer');
    const campaign = await ok(backend, 'fundraising.create', campaignInput({ leadOrganizationId: org, leadPersonId: null }));
    const given = await ok(backend, 'contributions.save', pledge(campaign.id, { contributorOrganizationId: twin, contributorName: '', contributorType: 'member' }));
    await ok(backend, 'contributions.save', pledge(campaign.id, { contributorPersonId: person, contributorName: '', contributorType: 'individual' }));
    await ok(backend, 'inKind.save', { inKind: { contributorOrganizationId: org, contributorPersonId: null, kind: 'meeting_space', description: '', hours: 3, quantity: null, valueMinor: null, currency: null, givenOn: '2026-03-01', supportedMeetingId: null, supportedCampaignId: null, supportedEventId: null, notes: '' } });
    const summary = await ok(backend, 'resources.organization', { organizationId: twin });
    expect(summary.contributions.map((c) => c.id)).toEqual([given.id]);
    expect(summary.pledged).toEqual([{ currency: 'USD', minor: 300_000 }]);

    await ok(backend, 'duplicates.merge', { entity: 'organization', survivorId: org, mergedId: twin, fields: {} });
    expect((await ok(backend, 'resources.organization', { organizationId: org })).contributions).toHaveLength(1);
    expect((await ok(backend, 'funders.list', {})).map((f) => [f.name, f.contributions, f.inKind])).toEqual([['Harbor Clinic', 1, 1]]);

    await ok(backend, 'organizations.delete', { id: org });
    await ok(backend, 'people.delete', { id: person });
    expect(foreignKeyProblems(path)).toEqual([]);
    const detail = await ok(backend, 'fundraising.get', { id: campaign.id });
    expect(detail.lead).toBeNull();
    expect(detail.contributionsList.map((c) => c.contributor).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { organizationId: null, personId: null, name: 'Harbor Clinic' },
      { organizationId: null, personId: null, name: 'Lena Fischer' },
    ]);
    expect((await ok(backend, 'inKind.list', {})).rows[0]?.contributor.organizationId).toBeNull();
    await ok(backend, 'history.undo', {});
    await ok(backend, 'history.undo', {});
    const restored = await ok(backend, 'fundraising.get', { id: campaign.id });
    expect(restored.lead?.name).toBe('Harbor Clinic');
    expect(restored.contributionsList.map((c) => c.contributor.organizationId ?? c.contributor.personId).every((v) => v !== null)).toBe(true);
    // Deleting the campaign removes its contributions and payments; undo brings them back.
    await ok(backend, 'fundraising.delete', { id: campaign.id });
    expect(countRows(path, 'contributions')).toBe(0);
    await ok(backend, 'history.undo', {});
    expect(countRows(path, 'contributions')).toBe(2);
  });
});
