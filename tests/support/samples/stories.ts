import type { Input } from '@shared/contract';
import type { storiesContract, StoryInput } from '@shared/stories/contract';
import { ok, type Caller } from '../backend';
import { CAMPAIGN_IDS } from './campaigns';
import { real, type SeedIds } from './seedIds';

// Stories and their consent: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00004xxx) for the records `seedStories` creates. */
export const STORY_IDS = {
  story: '00000000-0000-4000-8000-000040000001',
} as const;

/** SEED_IDS.person of ../samples.ts (not imported: that module imports this one). */
const SEEDED_PERSON = '00000000-0000-4000-8000-00000000b001';

type StoryMethod = keyof typeof storiesContract;

/** Overrides of a story input; `consent` overrides only the consent fields it names. */
export type StoryOverrides = Omit<Partial<StoryInput>, 'consent'> & { consent?: Partial<StoryInput['consent']> };

/** A story with consent for reports and policymakers (named), given on 2026-03-02, expiring 2027-03-01. */
export function storyInput(overrides: StoryOverrides = {}): StoryInput {
  const { consent, ...rest } = overrides;
  return {
    title: 'Three buses to the clinic',
    text: 'Maria takes three buses to reach the only clinic that accepts her coverage.',
    anonymizedText: 'A mother in the district takes three buses to reach the only clinic that accepts her coverage.',
    storytellerPersonId: SEEDED_PERSON,
    issueArea: 'Healthcare access',
    district: 'District 4',
    campaignId: null,
    consent: {
      given: true,
      uses: ['reports', 'policymakers'],
      givenOn: '2026-03-02',
      method: 'written',
      recordedBy: 'Ana Soto',
      expiresOn: '2027-03-01',
      withdrawnOn: null,
      withdrawalNote: '',
      anonymize: false,
      ...consent,
    },
    ...rest,
  };
}

export const STORY_INPUTS: { [M in StoryMethod]: Input<M> } = {
  'stories.list': { today: '2026-06-01', usableFor: 'policymakers', district: 'District 4' },
  'stories.get': { id: STORY_IDS.story, today: '2026-06-01' },
  'stories.create': { story: storyInput({ title: 'Waiting for the rent board', campaignId: CAMPAIGN_IDS.campaign }), today: '2026-06-01' },
  'stories.update': { id: STORY_IDS.story, story: storyInput({ title: 'Three buses, two transfers' }), today: '2026-06-01' },
  'stories.delete': { id: STORY_IDS.story },
  'stories.facets': {},
  'stories.expiring': { today: '2027-02-15', days: 30 },
};

/** Creates the records of STORY_IDS and records their real ids. */
export async function seedStories(caller: Caller, seeded: SeedIds): Promise<void> {
  const story = await ok(caller, 'stories.create', { story: storyInput({ storytellerPersonId: real(seeded, SEEDED_PERSON), campaignId: real(seeded, CAMPAIGN_IDS.campaign) }), today: '2026-06-01' });
  seeded.set(STORY_IDS.story, story.id);
}
