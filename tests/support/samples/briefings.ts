import type { Input } from '@shared/contract';
import type { briefingsContract } from '@shared/briefings/contract';
import type { Caller } from '../backend';
import type { SeedIds } from './seedIds';

// Legislator briefing packets: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00009xxx) for the records `seedBriefings` creates. */
export const BRIEFING_IDS = {} as const;

type BriefingMethod = keyof typeof briefingsContract;

export const BRIEFING_INPUTS: { [M in BriefingMethod]: Input<M> } = {};

/** Creates the records of BRIEFING_IDS and records their real ids. */
export async function seedBriefings(_caller: Caller, _seeded: SeedIds): Promise<void> {}
