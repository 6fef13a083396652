import type { Input } from '@shared/contract';
import type { briefingsContract } from '@shared/briefings/contract';
import { ok, type Caller } from '../backend';
import { POLICY_IDS } from './policy';
import { real, type SeedIds } from './seedIds';

// Legislator briefing packets: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00009xxx) for the records `seedBriefings` creates. */
export const BRIEFING_IDS = {
  /** A finished batch (the seeded official's packet), for batchStatus / batchResult / cancelBatch. */
  job: '00000000-0000-4000-8000-000090000001',
} as const;

type BriefingMethod = keyof typeof briefingsContract;

const DAY = '2026-06-01';

export const BRIEFING_INPUTS: { [M in BriefingMethod]: Input<M> } = {
  'briefings.packet': { officialId: POLICY_IDS.official, day: DAY, pageSize: 'A4' },
  'briefings.scope': { scope: { kind: 'committee', committeeId: POLICY_IDS.committee } },
  'briefings.startBatch': { scope: { kind: 'officials', officialIds: [POLICY_IDS.official] }, day: DAY },
  'briefings.batchStatus': { jobId: BRIEFING_IDS.job },
  'briefings.batchResult': { jobId: BRIEFING_IDS.job },
  // A finished batch stays as it is (and ready to save).
  'briefings.cancelBatch': { jobId: BRIEFING_IDS.job },
};

/**
 * A finished batch of the policy seed's official. Batches live in the backend process, not in the
 * workspace, so one made for an earlier test of the same process is reused while it is kept.
 */
let finishedJob: string | null = null;

/** Creates the records of BRIEFING_IDS and records their real ids. */
export async function seedBriefings(caller: Caller, seeded: SeedIds): Promise<void> {
  if (finishedJob !== null) {
    const status = await caller.call('briefings.batchStatus', { jobId: finishedJob });
    if (!status.ok || (status.value as { state: string }).state !== 'done') finishedJob = null;
  }
  if (finishedJob === null) {
    const { jobId } = await ok(caller, 'briefings.startBatch', { scope: { kind: 'officials', officialIds: [real(seeded, POLICY_IDS.official)] }, day: DAY });
    for (let waited = 0; ; waited += 50) {
      const status = await ok(caller, 'briefings.batchStatus', { jobId });
      if (status.state === 'done') break;
      if (status.state !== 'rendering' || waited > 60_000) throw new Error(`The seeded batch did not finish: ${status.state} ${status.error}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    finishedJob = jobId;
  }
  seeded.set(BRIEFING_IDS.job, finishedJob);
}

/** What `seedPacketWorld` made: ids, and the texts a packet must and must not print. */
export interface PacketWorld {
  officialId: string;
  emptyOfficialId: string;
  committeeId: string;
  campaignId: string;
  day: string;
  /** In the packet. */
  shown: { officialName: string; approved: string; talkingPoint: string; namedStory: string; anonymizedStory: string; stance: string; followUp: string; staffer: string };
  /** Never in the packet. */
  hidden: { draft: string; mediaMessage: string; anonymizedOriginal: string; expired: string; withdrawn: string; reportsOnly: string; otherDistrict: string; notYetGiven: string };
}

const storyConsent = (overrides: Record<string, unknown> = {}) => ({
  given: true,
  uses: ['policymakers' as const],
  givenOn: '2026-03-02',
  method: 'written' as const,
  recordedBy: 'Ana Soto',
  expiresOn: null,
  withdrawnOn: null,
  withdrawalNote: '',
  anonymize: false,
  ...overrides,
});

/**
 * A small legislature around one official in District 4 (a Cyrillic name): a committee they chair,
 * a staffer, a campaign targeting them with an approved and a draft message for policymakers (and
 * an approved one for the media), a bill with funding, a stance, an engagement with an open
 * follow-up, a relationship holder, grassroots letters, and stories whose consent reaches the
 * packet's day or does not (expired, withdrawn, reports only, another district, not yet given,
 * anonymized). A second official has nothing at all. Made through the public methods.
 */
export async function seedPacketWorld(caller: Caller): Promise<PacketWorld> {
  const day = '2026-11-26';
  await ok(caller, 'profile.save', { name: 'Alianza Ñandú for Health', shortName: 'ANH', region: 'Eastside', foundedOn: null });
  const person = await ok(caller, 'people.create', {
    name: 'Ana Soto',
    pronouns: '',
    title: 'Organizer',
    languages: [],
    email: 'ana@example.org',
    phone: '',
    city: 'Eastside',
    district: 'District 4',
    communityLeader: false,
    tags: [],
    notes: '',
    consent: { mayContact: true, channels: ['email'], recordedOn: '2025-02-01', recordedBy: 'Dana' },
  });
  const committee = await ok(caller, 'policy.committees.create', { name: 'Health and Human Services', bodyId: null, description: '' });
  const officialName = 'Олена Коваленко';
  const official = await ok(caller, 'policy.officials.create', {
    name: officialName,
    title: 'State Senator',
    level: 'state',
    bodyId: null,
    district: 'District 4',
    jurisdiction: 'Eastside County',
    party: 'Independent',
    email: 'kovalenko@senate.example.org',
    phone: '+1 555 0100',
    officeAddress: '100 Capitol Way, Room 210',
    website: 'https://senate.example.org/kovalenko',
    termStart: '2025-01-01',
    termEnd: '2028-12-31',
    notes: '',
    committees: [{ committeeId: committee.id, role: 'chair' }],
    staffers: [{ name: 'Tomás Reyes', role: 'Chief of staff', email: 'tomas@senate.example.org', phone: '+1 555 0101' }],
  });
  const empty = await ok(caller, 'policy.officials.create', {
    name: 'Νίκος Παπαδόπουλος',
    title: 'Council member',
    level: 'local',
    bodyId: null,
    district: '',
    jurisdiction: '',
    party: '',
    email: '',
    phone: '',
    officeAddress: '',
    website: '',
    termStart: null,
    termEnd: null,
    notes: '',
    committees: [],
    staffers: [],
  });
  const campaign = await ok(caller, 'campaigns.save', {
    name: 'Clinics for every district',
    ask: 'Vote yes on SB 12 and fund the community clinics.',
    goalId: null,
    status: 'active',
    startsOn: '2026-01-01',
    endsOn: null,
    leadWorkingGroupId: null,
    notes: '',
  });
  const message = (audience: 'policymakers' | 'media', title: string, text: string, talkingPoints: string[]) =>
    ok(caller, 'campaigns.messages.save', { campaignId: campaign.id, audience, title, message: text, talkingPoints, facts: [] });
  const approved = await message('policymakers', 'Clinics save money', 'Every dollar in a community clinic saves three in emergency care.', ['Ask for a yes vote on SB 12.']);
  await ok(caller, 'campaigns.messages.approve', { id: approved.id, approvedBy: 'Steering committee' });
  await message('policymakers', 'Draft headline never printed', 'A draft line that is not approved yet.', ['Draft talking point']);
  const media = await message('media', 'Media headline for reporters', 'For the press only.', []);
  await ok(caller, 'campaigns.messages.approve', { id: media.id, approvedBy: 'Steering committee' });

  const bill = await ok(caller, 'policy.bills.create', {
    bill: {
      identifier: 'SB 12',
      title: 'Community Clinics Funding Act',
      kind: 'budget',
      jurisdiction: 'State',
      level: 'state',
      summary: '',
      committeeId: committee.id,
      position: 'support',
      positionNote: '',
      url: '',
      sponsors: [],
      hearings: [],
      allocations: [{ amount: 1250000, currency: 'USD', program: 'Community clinic grants', fiscalYear: '2027', note: '' }],
      campaignIds: [],
    },
    status: 'in_committee',
    changedOn: '2026-10-01',
    note: '',
  });
  await ok(caller, 'policy.campaignTargets.set', {
    campaignId: campaign.id,
    bills: [{ billId: bill.id, note: '' }],
    officials: [{ officialId: official.id, note: 'Chairs the committee that hears SB 12.' }],
  });
  await ok(caller, 'policy.stances.record', {
    officialId: official.id,
    campaignId: null,
    billId: bill.id,
    stance: 'leaning_yes',
    statedOn: '2026-10-15',
    evidence: 'Said at the town hall she would look at the numbers.',
    recordedBy: 'Ana Soto',
  });
  await ok(caller, 'policy.engagements.create', {
    kind: 'call',
    title: 'Call about the clinic numbers',
    occurredOn: '2026-10-20',
    startsAt: null,
    endsAt: null,
    timeZone: null,
    location: '',
    officials: [{ officialId: official.id, stafferId: null }],
    attendeePersonIds: [person.id],
    campaignId: campaign.id,
    billId: bill.id,
    presented: ['data'],
    presentedNote: '',
    outcome: 'Asked for the cost study.',
    followUp: 'Send the cost study to the chief of staff',
    followUpOwnerPersonId: person.id,
    followUpDueOn: '2026-12-01',
    followUpDone: false,
  });
  await ok(caller, 'policy.officials.setHolders', { officialId: official.id, holders: [{ personId: person.id, organizationId: null, isPrimary: true, note: 'Went to school together.' }] });
  await ok(caller, 'campaigns.grassroots.save', {
    campaignId: campaign.id,
    kind: 'letter',
    count: 120,
    officialId: official.id,
    district: 'District 4',
    on: '2026-09-01',
    reportedByOrganizationId: null,
    notes: '',
  });

  const story = (title: string, text: string, consent: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ok(caller, 'stories.create', {
      story: { title, text, anonymizedText: '', storytellerPersonId: person.id, issueArea: '', district: 'District 4', campaignId: null, consent: storyConsent(consent), ...extra },
      today: day,
    });
  await story('Three buses to the clinic', 'Maria takes three buses to reach the clinic.', {});
  await story('A nurse in the night shift', 'Full text naming Joana Pereira of Elm Street.', { anonymize: true }, { anonymizedText: 'A nurse tells how the night clinic keeps families out of the ER.' });
  await story('Expired consent story', 'This story expired.', { expiresOn: '2026-11-25' });
  await story('Withdrawn consent story', 'This story was withdrawn.', { withdrawnOn: '2026-11-26', withdrawalNote: 'Asked to stop.' });
  await story('Reports only story', 'Only for reports.', { uses: ['reports'] });
  await story('Other district story', 'From District 9.', {}, { district: 'District 9' });
  await story('Future consent story', 'Consent only given later.', { givenOn: '2026-11-27' });

  return {
    officialId: official.id,
    emptyOfficialId: empty.id,
    committeeId: committee.id,
    campaignId: campaign.id,
    day,
    shown: {
      officialName,
      approved: 'Every dollar in a community clinic saves three in emergency care.',
      talkingPoint: 'Ask for a yes vote on SB 12.',
      namedStory: 'Maria takes three buses to reach the clinic.',
      anonymizedStory: 'A nurse tells how the night clinic keeps families out of the ER.',
      stance: 'Leaning yes',
      followUp: 'Send the cost study to the chief of staff',
      staffer: 'Tomás Reyes',
    },
    hidden: {
      draft: 'Draft headline never printed',
      mediaMessage: 'Media headline for reporters',
      anonymizedOriginal: 'Joana Pereira',
      expired: 'Expired consent story',
      withdrawn: 'Withdrawn consent story',
      reportsOnly: 'Reports only story',
      otherDistrict: 'Other district story',
      notYetGiven: 'Future consent story',
    },
  };
}
