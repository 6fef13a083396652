import type { Input } from '@shared/contract';
import type { storiesContract } from '@shared/stories/contract';
import type { Caller } from '../backend';
import type { SeedIds } from './seedIds';

// Stories and their consent: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00004xxx) for the records `seedStories` creates. */
export const STORY_IDS = {} as const;

type StoryMethod = keyof typeof storiesContract;

export const STORY_INPUTS: { [M in StoryMethod]: Input<M> } = {};

/** Creates the records of STORY_IDS and records their real ids. */
export async function seedStories(_caller: Caller, _seeded: SeedIds): Promise<void> {}
