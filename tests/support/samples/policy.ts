import type { Input } from '@shared/contract';
import type { policyContract } from '@shared/policy/contract';
import { ok, type Caller } from '../backend';
import { real, type SeedIds } from './seedIds';

// Officials, agencies, stances, bills and engagements: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00002xxx) for the records `seedPolicy` creates. */
export const POLICY_IDS = {
  body: '00000000-0000-4000-8000-000020000001',
  otherBody: '00000000-0000-4000-8000-000020000002',
  committee: '00000000-0000-4000-8000-000020000003',
  otherCommittee: '00000000-0000-4000-8000-000020000004',
  official: '00000000-0000-4000-8000-000020000005',
  otherOfficial: '00000000-0000-4000-8000-000020000006',
  staffer: '00000000-0000-4000-8000-000020000007',
  bill: '00000000-0000-4000-8000-000020000008',
  otherBill: '00000000-0000-4000-8000-000020000009',
  statusChange: '00000000-0000-4000-8000-00002000000a',
  stance: '00000000-0000-4000-8000-00002000000b',
  action: '00000000-0000-4000-8000-00002000000c',
  engagement: '00000000-0000-4000-8000-00002000000d',
  campaign: '00000000-0000-4000-8000-00002000000e',
} as const;

// The directory's seeded records (SEED_IDS in ../samples.ts; repeated here, since that module imports this one).
const PERSON = '00000000-0000-4000-8000-00000000b001';
const ORGANIZATION = '00000000-0000-4000-8000-00000000a001';

const P = POLICY_IDS;

type PolicyMethod = keyof typeof policyContract;

const BODY: Input<'policy.bodies.create'> = {
  name: 'State Assembly',
  kind: 'legislature_chamber',
  level: 'state',
  jurisdiction: 'State of Columbia',
  responsibilities: 'Passes state law and the budget.',
  website: 'assembly.example.gov',
  email: '',
  phone: '',
  notes: '',
};

const OFFICIAL: Input<'policy.officials.create'> = {
  name: 'Ana Lúcia Ferreira',
  title: 'Assembly Member',
  level: 'state',
  bodyId: P.body,
  district: 'District 4',
  jurisdiction: 'State of Columbia',
  party: 'Progressive',
  email: 'ana.ferreira@assembly.example.gov',
  phone: '+1 555 0100',
  officeAddress: '1 Capitol Mall, Room 210',
  website: 'assembly.example.gov/ferreira',
  termStart: '2025-01-01',
  termEnd: '2026-12-31',
  notes: 'Former public-health nurse.',
  committees: [{ committeeId: P.committee, role: 'chair' }],
  staffers: [{ name: 'Tomás Ruiz', role: 'Legislative director', email: 'tomas.ruiz@assembly.example.gov', phone: '' }],
};

const BILL: Input<'policy.bills.create'>['bill'] = {
  identifier: 'AB 123',
  title: 'Community Mental Health Access Act',
  kind: 'bill',
  jurisdiction: 'State of Columbia',
  level: 'state',
  summary: 'Funds mobile crisis teams in every county.',
  committeeId: P.committee,
  position: 'support',
  positionNote: '',
  url: '',
  sponsors: [{ officialId: P.official, role: 'primary' }],
  hearings: [{ heldOn: '2026-03-10', committeeId: P.committee, note: 'Health committee hearing' }],
  allocations: [{ amount: 2_500_000, currency: 'USD', program: 'Mobile crisis teams', fiscalYear: '2026-27', note: '' }],
  campaignIds: [P.campaign],
};

const ENGAGEMENT: Input<'policy.engagements.create'> = {
  kind: 'meeting',
  title: 'Crisis-team briefing',
  occurredOn: '2026-04-14',
  startsAt: '2026-04-14T15:00:00Z',
  endsAt: '2026-04-14T16:00:00Z',
  timeZone: 'America/New_York',
  location: 'Capitol, Room 210',
  officials: [{ officialId: P.official, stafferId: null }],
  attendeePersonIds: [PERSON],
  campaignId: P.campaign,
  billId: P.bill,
  presented: ['data', 'stories'],
  presentedNote: 'County wait times; two families’ stories.',
  outcome: 'Agreed to co-sponsor the amendment.',
  followUp: 'Send the county data sheet',
  followUpOwnerPersonId: PERSON,
  followUpDueOn: '2026-04-21',
  followUpDone: false,
};

export const POLICY_INPUTS: { [M in PolicyMethod]: Input<M> } = {
  'policy.bodies.list': {},
  'policy.bodies.create': { ...BODY, name: 'Department of Health Services', kind: 'agency' },
  'policy.bodies.update': { id: P.body, body: { ...BODY, notes: 'Meets January to June.' } },
  // The other body has no officials or committees.
  'policy.bodies.delete': { id: P.otherBody },
  'policy.committees.list': { bodyId: P.body },
  'policy.committees.create': { name: 'Appropriations', bodyId: P.body, description: '' },
  'policy.committees.update': { id: P.committee, committee: { name: 'Health Committee', bodyId: P.body, description: 'Health and human services.' } },
  'policy.committees.delete': { id: P.otherCommittee },
  'policy.officials.list': { filters: { search: 'ferr', level: 'state', bodyId: P.body, party: 'Progressive', committeeId: P.committee }, offset: 0, limit: 50 },
  'policy.officials.parties': {},
  'policy.officials.get': { id: P.official },
  'policy.officials.create': { ...OFFICIAL, name: 'Nguyễn Thị Hoa', district: 'District 7', committees: [], staffers: [] },
  'policy.officials.update': { id: P.official, official: { ...OFFICIAL, staffers: [{ id: P.staffer, name: 'Tomás Ruiz', role: 'Chief of staff', email: '', phone: '' }] } },
  'policy.officials.delete': { id: P.otherOfficial },
  'policy.officials.setHolders': {
    officialId: P.official,
    holders: [
      { personId: PERSON, organizationId: null, isPrimary: true, note: 'Former colleague' },
      { personId: null, organizationId: ORGANIZATION, isPrimary: false, note: 'Clinic in the district' },
    ],
  },
  'policy.officials.districtMatch': { id: P.official, limit: 10 },
  'policy.stances.record': { officialId: P.official, campaignId: null, billId: P.bill, stance: 'champion', statedOn: '2026-04-15', evidence: 'Said so at the briefing.', recordedBy: 'Ana Soto' },
  'policy.stances.delete': { id: P.stance },
  'policy.actions.record': { officialId: P.official, billId: P.bill, action: 'voted_yes', actedOn: '2026-05-02', note: 'Floor vote' },
  'policy.actions.delete': { id: P.action },
  'policy.scorecard': { officialId: P.official },
  'policy.scorecard.export': { officialId: null, format: 'xlsx' },
  'policy.bills.list': { filters: { search: 'AB', status: 'in_committee', position: 'support', level: 'state' }, offset: 0, limit: 50 },
  'policy.bills.get': { id: P.bill },
  'policy.bills.create': { bill: { ...BILL, identifier: 'SB 9', sponsors: [], campaignIds: [] }, status: 'drafted', changedOn: '2026-01-05', note: '' },
  'policy.bills.update': { id: P.bill, bill: { ...BILL, positionNote: 'Support with the county-match amendment.' } },
  'policy.bills.setStatus': { id: P.bill, status: 'passed_committee', changedOn: '2026-03-20', note: '7–2 vote' },
  'policy.bills.deleteStatus': { id: P.statusChange },
  'policy.bills.delete': { id: P.otherBill },
  'policy.engagements.list': { officialId: P.official, billId: null, campaignId: null, openFollowUps: true, offset: 0, limit: 20 },
  'policy.engagements.get': { id: P.engagement },
  'policy.engagements.create': { ...ENGAGEMENT, title: 'Testimony on AB 123', kind: 'testimony', startsAt: null, endsAt: null, timeZone: null },
  'policy.engagements.update': { id: P.engagement, engagement: { ...ENGAGEMENT, followUpDone: true } },
  'policy.engagements.delete': { id: P.engagement },
  'policy.campaignTargets.get': { campaignId: P.campaign },
  'policy.campaignTargets.set': { campaignId: P.campaign, bills: [{ billId: P.bill, note: 'The priority bill' }], officials: [{ officialId: P.official, note: 'Swing vote' }] },
};

/** Creates the records of POLICY_IDS and records their real ids. */
export async function seedPolicy(caller: Caller, seeded: SeedIds): Promise<void> {
  const campaign = await ok(caller, 'campaigns.save', {
    name: 'Crisis care for every county',
    ask: 'Fund mobile crisis teams statewide.',
    goalId: null,
    status: 'active',
    startsOn: '2026-01-01',
    endsOn: null,
    leadWorkingGroupId: null,
    notes: '',
  });
  seeded.set(P.campaign, campaign.id);
  const body = await ok(caller, 'policy.bodies.create', BODY);
  seeded.set(P.body, body.id);
  seeded.set(P.otherBody, (await ok(caller, 'policy.bodies.create', { ...BODY, name: 'Riverside City Council', kind: 'city_council', level: 'local' })).id);
  const committee = await ok(caller, 'policy.committees.create', { name: 'Health', bodyId: body.id, description: '' });
  seeded.set(P.committee, committee.id);
  seeded.set(P.otherCommittee, (await ok(caller, 'policy.committees.create', { name: 'Rules', bodyId: null, description: '' })).id);
  const official = await ok(caller, 'policy.officials.create', { ...OFFICIAL, bodyId: body.id, committees: [{ committeeId: committee.id, role: 'chair' }] });
  seeded.set(P.official, official.id);
  seeded.set(P.staffer, official.staffers[0]?.id ?? '');
  seeded.set(P.otherOfficial, (await ok(caller, 'policy.officials.create', { ...OFFICIAL, name: 'Георгий Петров', bodyId: null, committees: [], staffers: [] })).id);
  const bill = await ok(caller, 'policy.bills.create', {
    bill: { ...BILL, committeeId: committee.id, sponsors: [{ officialId: official.id, role: 'primary' }], hearings: [{ heldOn: '2026-03-10', committeeId: committee.id, note: 'Health committee hearing' }], campaignIds: [campaign.id] },
    status: 'introduced',
    changedOn: '2026-02-01',
    note: '',
  });
  seeded.set(P.bill, bill.id);
  const inCommittee = await ok(caller, 'policy.bills.setStatus', { id: bill.id, status: 'in_committee', changedOn: '2026-02-15', note: '' });
  seeded.set(P.statusChange, inCommittee.statusHistory[0]?.id ?? '');
  seeded.set(P.otherBill, (await ok(caller, 'policy.bills.create', { bill: { ...BILL, identifier: 'AB 7', sponsors: [], campaignIds: [], hearings: [], committeeId: null }, status: 'drafted', changedOn: '2026-01-02', note: '' })).id);
  const stance = await ok(caller, 'policy.stances.record', { officialId: official.id, campaignId: campaign.id, billId: null, stance: 'leaning_yes', statedOn: '2026-03-01', evidence: '', recordedBy: '' });
  seeded.set(P.stance, stance.id);
  seeded.set(P.action, (await ok(caller, 'policy.actions.record', { officialId: official.id, billId: bill.id, action: 'sponsored', actedOn: '2026-02-01', note: '' })).id);
  const person = real(seeded, PERSON);
  const engagement = await ok(caller, 'policy.engagements.create', {
    ...ENGAGEMENT,
    officials: [{ officialId: official.id, stafferId: null }],
    attendeePersonIds: [person],
    followUpOwnerPersonId: person,
    campaignId: campaign.id,
    billId: bill.id,
  });
  seeded.set(P.engagement, engagement.id);
}
