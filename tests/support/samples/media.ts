import type { Input } from '@shared/contract';
import type { mediaContract } from '@shared/media/contract';
import type { Caller } from '../backend';
import type { SeedIds } from './seedIds';

// Media outlets, journalists, outreach and coverage: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00003xxx) for the records `seedMedia` creates. */
export const MEDIA_IDS = {} as const;

type MediaMethod = keyof typeof mediaContract;

export const MEDIA_INPUTS: { [M in MediaMethod]: Input<M> } = {};

/** Creates the records of MEDIA_IDS and records their real ids. */
export async function seedMedia(_caller: Caller, _seeded: SeedIds): Promise<void> {}
