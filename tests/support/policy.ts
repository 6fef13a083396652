import type { Input } from '@shared/contract';
import { ok, type Caller } from './backend';

// Small builders for policy tests: a complete official, bill and engagement input with overrides.

export function officialInput(overrides: Partial<Input<'policy.officials.create'>> = {}): Input<'policy.officials.create'> {
  return {
    name: 'Ana Lúcia Ferreira',
    title: 'Council Member',
    level: 'local',
    bodyId: null,
    district: 'District 4',
    jurisdiction: '',
    party: 'Progressive',
    email: '',
    phone: '',
    officeAddress: '',
    website: '',
    termStart: null,
    termEnd: null,
    notes: '',
    committees: [],
    staffers: [],
    ...overrides,
  };
}

export function billInput(overrides: Partial<Input<'policy.bills.create'>['bill']> = {}): Input<'policy.bills.create'>['bill'] {
  return {
    identifier: 'AB 123',
    title: 'Community Mental Health Access Act',
    kind: 'bill',
    jurisdiction: 'State',
    level: 'state',
    summary: '',
    committeeId: null,
    position: 'support',
    positionNote: '',
    url: '',
    sponsors: [],
    hearings: [],
    allocations: [],
    campaignIds: [],
    ...overrides,
  };
}

export function engagementInput(officialIds: string[], overrides: Partial<Input<'policy.engagements.create'>> = {}): Input<'policy.engagements.create'> {
  return {
    kind: 'letter',
    title: 'Letter on crisis teams',
    occurredOn: '2026-04-14',
    startsAt: null,
    endsAt: null,
    timeZone: null,
    location: '',
    officials: officialIds.map((officialId) => ({ officialId, stafferId: null })),
    attendeePersonIds: [],
    campaignId: null,
    billId: null,
    presented: [],
    presentedNote: '',
    outcome: '',
    followUp: '',
    followUpOwnerPersonId: null,
    followUpDueOn: null,
    followUpDone: false,
    ...overrides,
  };
}

export async function addOfficial(caller: Caller, overrides: Partial<Input<'policy.officials.create'>> = {}): Promise<string> {
  return (await ok(caller, 'policy.officials.create', officialInput(overrides))).id;
}

export async function addBill(caller: Caller, overrides: Partial<Input<'policy.bills.create'>['bill']> = {}, status: Input<'policy.bills.create'>['status'] = 'introduced', changedOn = '2026-02-01'): Promise<string> {
  return (await ok(caller, 'policy.bills.create', { bill: billInput(overrides), status, changedOn, note: '' })).id;
}

export async function addCampaign(caller: Caller, name = 'Crisis care for every county'): Promise<string> {
  return (await ok(caller, 'campaigns.save', { name, ask: '', goalId: null, status: 'active', startsOn: null, endsOn: null, leadWorkingGroupId: null, notes: '' })).id;
}
