import type { Input } from '@shared/contract';
import type { resourcesContract } from '@shared/resources/contract';
import { ok, type Caller } from '../backend';
import { real, type SeedIds } from './seedIds';

// Fundraising, grants and in-kind support: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00005xxx) for the records `seedResources` creates. */
/** The placeholders of ../samples.ts's SEED_IDS used here (not imported: that module imports this one). */
const SEED_IDS = {
  organization: '00000000-0000-4000-8000-00000000a001',
  person: '00000000-0000-4000-8000-00000000b001',
  otherPerson: '00000000-0000-4000-8000-00000000b002',
  otherOrganization: '00000000-0000-4000-8000-00000000d102',
  meeting: '00000000-0000-4000-8000-00000000f001',
} as const;

export const RESOURCE_IDS = {
  fundraising: '00000000-0000-4000-8000-000050000001',
  contribution: '00000000-0000-4000-8000-000050000002',
  payment: '00000000-0000-4000-8000-000050000003',
  grant: '00000000-0000-4000-8000-000050000004',
  grantReport: '00000000-0000-4000-8000-000050000005',
  inKind: '00000000-0000-4000-8000-000050000006',
} as const;

type ResourceMethod = keyof typeof resourcesContract;

const fundraising: Input<'fundraising.create'> = {
  name: 'Coverage for All 2026',
  purpose: 'advocacy_campaign',
  campaignId: null,
  goalMinor: 5_000_000,
  currency: 'USD',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  leadOrganizationId: SEED_IDS.organization,
  leadPersonId: null,
  notes: 'Pays for the spring lobby days.',
};

const contribution: Input<'contributions.save'>['contribution'] = {
  fundraisingCampaignId: RESOURCE_IDS.fundraising,
  contributorType: 'member',
  contributorOrganizationId: SEED_IDS.organization,
  contributorPersonId: null,
  contributorName: '',
  pledgedMinor: 1_000_000,
  currency: 'USD',
  pledgedOn: '2026-02-01',
  restricted: true,
  restrictionNote: 'Lobby days only.',
  notes: '',
};

const grant: Input<'grants.save'>['grant'] = {
  funderOrganizationId: SEED_IDS.otherOrganization,
  funderName: '',
  title: 'Health equity organizing grant',
  currency: 'USD',
  requestedMinor: 7_500_000,
  awardedMinor: null,
  status: 'drafting',
  deadline: '2026-06-30',
  reports: [{ title: 'Interim report', dueOn: '2026-12-15', doneOn: null }],
  notes: '',
};

const inKind: Input<'inKind.save'>['inKind'] = {
  contributorOrganizationId: SEED_IDS.organization,
  contributorPersonId: null,
  kind: 'meeting_space',
  description: 'Community room for the assembly',
  hours: 4,
  quantity: null,
  valueMinor: 40_000,
  currency: 'USD',
  givenOn: '2026-03-10',
  supportedMeetingId: SEED_IDS.meeting,
  supportedCampaignId: null,
  supportedEventId: null,
  notes: '',
};

export const RESOURCE_INPUTS: { [M in ResourceMethod]: Input<M> } = {
  'fundraising.list': {},
  'fundraising.get': { id: RESOURCE_IDS.fundraising },
  'fundraising.create': fundraising,
  'fundraising.update': { id: RESOURCE_IDS.fundraising, campaign: { ...fundraising, goalMinor: 6_000_000 } },
  'fundraising.delete': { id: RESOURCE_IDS.fundraising },
  'contributions.save': { id: RESOURCE_IDS.contribution, contribution: { ...contribution, pledgedMinor: 1_200_000 } },
  'contributions.delete': { id: RESOURCE_IDS.contribution },
  'contributions.addPayment': { contributionId: RESOURCE_IDS.contribution, amountMinor: 100_000, receivedOn: '2026-04-01', note: 'Second instalment' },
  'contributions.deletePayment': { id: RESOURCE_IDS.payment },
  'grants.list': { statuses: ['drafting', 'submitted'] },
  'grants.get': { id: RESOURCE_IDS.grant },
  'grants.save': { id: RESOURCE_IDS.grant, grant: { ...grant, reports: [{ id: RESOURCE_IDS.grantReport, title: 'Interim report', dueOn: '2026-12-15', doneOn: '2026-12-10' }] } },
  'grants.delete': { id: RESOURCE_IDS.grant },
  'grants.due': { today: '2026-06-10' },
  'inKind.list': {},
  'inKind.save': { id: RESOURCE_IDS.inKind, inKind: { ...inKind, hours: 5 } },
  'inKind.delete': { id: RESOURCE_IDS.inKind },
  'funders.list': {},
  'resources.organization': { organizationId: SEED_IDS.organization },
};

/** Creates the records of RESOURCE_IDS and records their real ids. */
export async function seedResources(caller: Caller, seeded: SeedIds): Promise<void> {
  const organization = real(seeded, SEED_IDS.organization);
  const campaign = await ok(caller, 'fundraising.create', { ...fundraising, leadOrganizationId: organization });
  seeded.set(RESOURCE_IDS.fundraising, campaign.id);
  const pledge = await ok(caller, 'contributions.save', { contribution: { ...contribution, fundraisingCampaignId: campaign.id, contributorOrganizationId: organization } });
  seeded.set(RESOURCE_IDS.contribution, pledge.id);
  const paid = await ok(caller, 'contributions.addPayment', { contributionId: pledge.id, amountMinor: 400_000, receivedOn: '2026-03-01', note: 'First instalment' });
  seeded.set(RESOURCE_IDS.payment, paid.payments[0]?.id ?? '');
  const saved = await ok(caller, 'grants.save', { grant: { ...grant, funderOrganizationId: real(seeded, SEED_IDS.otherOrganization) } });
  seeded.set(RESOURCE_IDS.grant, saved.id);
  seeded.set(RESOURCE_IDS.grantReport, saved.reports[0]?.id ?? '');
  const given = await ok(caller, 'inKind.save', { inKind: { ...inKind, contributorOrganizationId: organization, supportedMeetingId: real(seeded, SEED_IDS.meeting) } });
  seeded.set(RESOURCE_IDS.inKind, given.id);
}
