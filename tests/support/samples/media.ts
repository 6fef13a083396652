import type { Input } from '@shared/contract';
import type { CoverageInput, JournalistInput, mediaContract, OutletInput, OutreachInput } from '@shared/media/contract';
import { ok, type Caller } from '../backend';
import { CAMPAIGN_IDS } from './campaigns';
import { real, type SeedIds } from './seedIds';

// Media outlets, journalists, outreach and coverage: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00003xxx) for the records `seedMedia` creates. */
export const MEDIA_IDS = {
  outlet: '00000000-0000-4000-8000-000030000001',
  journalist: '00000000-0000-4000-8000-000030000002',
  outreach: '00000000-0000-4000-8000-000030000003',
  coverage: '00000000-0000-4000-8000-000030000004',
} as const;

/** SEED_IDS.person of ../samples.ts (not imported: that module imports this one). */
const SEEDED_PERSON = '00000000-0000-4000-8000-00000000b001';

type MediaMethod = keyof typeof mediaContract;

export function outletInput(overrides: Partial<OutletInput> = {}): OutletInput {
  return { name: 'The Eastside Ledger', kind: 'newspaper', reach: 42_000, website: 'ledger.example.org', notes: 'Weekly, Thursdays.', ...overrides };
}

export function journalistInput(overrides: Partial<JournalistInput> = {}): JournalistInput {
  return {
    name: 'Dana Okafor',
    outletId: MEDIA_IDS.outlet,
    beat: 'Health and city hall',
    email: 'dana@ledger.example.org',
    phone: '+1 555 010 4400',
    strength: 'moderate',
    relationshipNote: 'Covered our clinic report in May.',
    personId: null,
    ...overrides,
  };
}

export function outreachInput(overrides: Partial<OutreachInput> = {}): OutreachInput {
  return {
    kind: 'op_ed',
    title: 'Why the clinic hours matter',
    campaignId: CAMPAIGN_IDS.campaign,
    outletId: MEDIA_IDS.outlet,
    journalistId: MEDIA_IDS.journalist,
    ownerPersonId: SEEDED_PERSON,
    status: 'drafting',
    date: '2026-06-15',
    link: '',
    reach: null,
    engagement: null,
    notes: '',
    ...overrides,
  };
}

export function coverageInput(overrides: Partial<CoverageInput> = {}): CoverageInput {
  return {
    campaignId: CAMPAIGN_IDS.campaign,
    outletId: MEDIA_IDS.outlet,
    outletName: '',
    headline: 'Coalition asks council to keep clinics open late',
    link: 'https://ledger.example.org/clinics',
    publishedOn: '2026-06-20',
    reach: 12_000,
    tone: 'positive',
    notes: '',
    ...overrides,
  };
}

export const MEDIA_INPUTS: { [M in MediaMethod]: Input<M> } = {
  'media.outlets.list': {},
  'media.outlets.save': { outlet: outletInput({ name: 'Radio Ciudad', kind: 'radio' }) },
  'media.outlets.delete': { id: MEDIA_IDS.outlet },
  'media.journalists.list': { outletId: MEDIA_IDS.outlet },
  'media.journalists.save': { journalist: journalistInput({ name: 'Lê Thị Hoa' }) },
  'media.journalists.delete': { id: MEDIA_IDS.journalist },
  'media.outreach.list': { campaignId: CAMPAIGN_IDS.campaign },
  'media.outreach.get': { id: MEDIA_IDS.outreach },
  'media.outreach.save': { id: MEDIA_IDS.outreach, item: outreachInput({ status: 'review' }), today: '2026-06-10' },
  'media.outreach.move': { id: MEDIA_IDS.outreach, status: 'published', today: '2026-06-16', date: '2026-06-16', reach: 9000, engagement: 340 },
  'media.outreach.delete': { id: MEDIA_IDS.outreach },
  'media.coverage.list': { campaignId: CAMPAIGN_IDS.campaign },
  'media.coverage.save': { id: MEDIA_IDS.coverage, entry: coverageInput({ tone: 'neutral' }) },
  'media.coverage.delete': { id: MEDIA_IDS.coverage },
};

/** Creates the records of MEDIA_IDS and records their real ids. */
export async function seedMedia(caller: Caller, seeded: SeedIds): Promise<void> {
  const outlet = await ok(caller, 'media.outlets.save', { outlet: outletInput() });
  seeded.set(MEDIA_IDS.outlet, outlet.id);
  const journalist = await ok(caller, 'media.journalists.save', { journalist: journalistInput({ outletId: outlet.id, personId: real(seeded, SEEDED_PERSON) }) });
  seeded.set(MEDIA_IDS.journalist, journalist.id);
  const campaignId = real(seeded, CAMPAIGN_IDS.campaign);
  const item = await ok(caller, 'media.outreach.save', {
    item: outreachInput({ campaignId, outletId: outlet.id, journalistId: journalist.id, ownerPersonId: real(seeded, SEEDED_PERSON) }),
    today: '2026-06-01',
  });
  seeded.set(MEDIA_IDS.outreach, item.id);
  const entry = await ok(caller, 'media.coverage.save', { entry: coverageInput({ campaignId, outletId: outlet.id }) });
  seeded.set(MEDIA_IDS.coverage, entry.id);
}
