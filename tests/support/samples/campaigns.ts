import type { Input } from '@shared/contract';
import type { campaignsContract } from '@shared/campaigns/contract';
import { ok, type Caller } from '../backend';
import { real, type SeedIds } from './seedIds';

// Campaigns, key messages, grassroots actions, petitions and public events: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** The placeholders of ../samples.ts's SEED_IDS used here (not imported: that module imports this one). */
const SEED_IDS = {
  organization: '00000000-0000-4000-8000-00000000a001',
  goal: '00000000-0000-4000-8000-00000000d101',
  otherOrganization: '00000000-0000-4000-8000-00000000d102',
  workingGroup: '00000000-0000-4000-8000-00000000d105',
} as const;

/** Placeholder ids (valid UUIDs, 00001xxx) for the records `seedCampaigns` creates. */
export const CAMPAIGN_IDS = {
  /** An active campaign with a partner, an approved message, an event, a petition and grassroots counts. */
  campaign: '00000000-0000-4000-8000-000010000001',
  /** A campaign nothing refers to (campaigns.delete's). */
  emptyCampaign: '00000000-0000-4000-8000-000010000002',
  participant: '00000000-0000-4000-8000-000010000003',
  message: '00000000-0000-4000-8000-000010000004',
  event: '00000000-0000-4000-8000-000010000005',
  grassroots: '00000000-0000-4000-8000-000010000006',
  petition: '00000000-0000-4000-8000-000010000007',
  petitionCount: '00000000-0000-4000-8000-000010000008',
} as const;

type CampaignMethod = keyof typeof campaignsContract;

const campaign: Input<'campaigns.save'> = {
  name: 'Fund the Tenant Right to Counsel',
  ask: 'Council funds free legal counsel for every tenant facing eviction in the FY2027 budget.',
  goalId: SEED_IDS.goal,
  status: 'active',
  startsOn: '2026-01-15',
  endsOn: '2026-12-31',
  leadWorkingGroupId: SEED_IDS.workingGroup,
  notes: 'Budget hearings in May.',
};

const message: Input<'campaigns.messages.save'> = {
  campaignId: CAMPAIGN_IDS.campaign,
  audience: 'policymakers',
  title: 'Counsel keeps families housed',
  message: 'Tenants with a lawyer stay in their homes.',
  talkingPoints: ['Nine in ten represented tenants avoid eviction.', 'Shelter costs more than counsel.'],
  facts: [{ text: '86% of represented tenants stayed housed in 2025.', source: 'Legal Aid annual report', on: '2026-01-10' }],
};

const event: Input<'campaigns.events.save'> = {
  campaignId: CAMPAIGN_IDS.campaign,
  kind: 'town_hall',
  title: 'Right to Counsel town hall',
  startsAt: '2026-05-12T23:00:00.000Z',
  endsAt: '2026-05-13T01:00:00.000Z',
  timeZone: 'America/Chicago',
  location: 'Eastside Library',
  description: 'Tenants tell the council members what counsel changed.',
  rsvps: 140,
  attendance: 118,
  peopleReached: 2400,
  cohostIds: [SEED_IDS.organization],
};

const grassroots: Input<'campaigns.grassroots.save'> = {
  campaignId: CAMPAIGN_IDS.campaign,
  kind: 'letter',
  count: 120,
  officialId: null,
  district: 'Ward 4',
  on: '2026-04-20',
  reportedByOrganizationId: SEED_IDS.otherOrganization,
  notes: 'Letters collected at the clinic.',
};

const petition: Input<'campaigns.petitions.save'> = {
  campaignId: CAMPAIGN_IDS.campaign,
  title: 'Counsel for every tenant',
  targetOfficialId: null,
  targetText: 'City Council',
  goal: 5000,
  launchedOn: '2026-02-01',
  deliveredOn: null,
  description: 'Asks the council to fund counsel in the budget.',
};

export const CAMPAIGN_INPUTS: { [M in CampaignMethod]: Input<M> } = {
  'campaigns.list': { statuses: ['active', 'planning'] },
  'campaigns.get': { id: CAMPAIGN_IDS.campaign },
  'campaigns.save': { ...campaign, id: CAMPAIGN_IDS.campaign, status: 'won' },
  'campaigns.delete': { id: CAMPAIGN_IDS.emptyCampaign },
  'campaigns.choices': {},
  'campaigns.timeline': { campaignId: CAMPAIGN_IDS.campaign },
  'campaigns.participants.save': { campaignId: CAMPAIGN_IDS.campaign, organizationId: SEED_IDS.otherOrganization, role: 'supporter' },
  'campaigns.participants.remove': { id: CAMPAIGN_IDS.participant },
  'campaigns.messages.save': { ...message, id: CAMPAIGN_IDS.message, talkingPoints: ['Shelter costs more than counsel.'] },
  'campaigns.messages.approve': { id: CAMPAIGN_IDS.message, approvedBy: 'Steering committee' },
  'campaigns.messages.reopen': { id: CAMPAIGN_IDS.message },
  'campaigns.messages.delete': { id: CAMPAIGN_IDS.message },
  'campaigns.events.list': { campaignId: CAMPAIGN_IDS.campaign, from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' },
  'campaigns.events.save': { ...event, id: CAMPAIGN_IDS.event, attendance: 125 },
  'campaigns.events.delete': { id: CAMPAIGN_IDS.event },
  'campaigns.grassroots.list': { campaignId: CAMPAIGN_IDS.campaign, district: 'Ward 4', from: '2026-01-01', to: '2026-12-31' },
  'campaigns.grassroots.totals': { campaignId: CAMPAIGN_IDS.campaign, from: '2026-01-01', to: '2026-12-31' },
  'campaigns.grassroots.save': { ...grassroots, id: CAMPAIGN_IDS.grassroots, count: 135 },
  'campaigns.grassroots.delete': { id: CAMPAIGN_IDS.grassroots },
  'campaigns.petitions.list': { campaignId: CAMPAIGN_IDS.campaign },
  'campaigns.petitions.get': { id: CAMPAIGN_IDS.petition },
  'campaigns.petitions.save': { ...petition, id: CAMPAIGN_IDS.petition, deliveredOn: '2026-05-12' },
  'campaigns.petitions.delete': { id: CAMPAIGN_IDS.petition },
  'campaigns.petitions.recordCount': { petitionId: CAMPAIGN_IDS.petition, on: '2026-04-01', signatures: 3100 },
  'campaigns.petitions.removeCount': { id: CAMPAIGN_IDS.petitionCount },
};

/** Creates the records of CAMPAIGN_IDS and records their real ids. */
export async function seedCampaigns(caller: Caller, seeded: SeedIds): Promise<void> {
  const ids = (input: Record<string, unknown>) =>
    JSON.parse(JSON.stringify(input), (_key, value: unknown) => (typeof value === 'string' ? (seeded.get(value) ?? value) : value)) as never;
  const created = await ok(caller, 'campaigns.save', ids(campaign));
  seeded.set(CAMPAIGN_IDS.campaign, created.id);
  const empty = await ok(caller, 'campaigns.save', { ...campaign, name: 'Transit passes for students', goalId: null, leadWorkingGroupId: null, status: 'planning' });
  seeded.set(CAMPAIGN_IDS.emptyCampaign, empty.id);
  const participant = await ok(caller, 'campaigns.participants.save', { campaignId: created.id, organizationId: real(seeded, SEED_IDS.organization), role: 'lead' });
  seeded.set(CAMPAIGN_IDS.participant, participant.id);
  const saved = await ok(caller, 'campaigns.messages.save', ids(message));
  seeded.set(CAMPAIGN_IDS.message, saved.id);
  await ok(caller, 'campaigns.messages.approve', { id: saved.id, approvedBy: '' });
  seeded.set(CAMPAIGN_IDS.event, (await ok(caller, 'campaigns.events.save', ids(event))).id);
  seeded.set(CAMPAIGN_IDS.grassroots, (await ok(caller, 'campaigns.grassroots.save', ids(grassroots))).id);
  const started = await ok(caller, 'campaigns.petitions.save', ids(petition));
  seeded.set(CAMPAIGN_IDS.petition, started.id);
  const counted = await ok(caller, 'campaigns.petitions.recordCount', { petitionId: started.id, on: '2026-03-01', signatures: 1800 });
  seeded.set(CAMPAIGN_IDS.petitionCount, counted.counts[0]?.id ?? '');
}
