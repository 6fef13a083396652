import type { Input } from '@shared/contract';
import type { resourcesContract } from '@shared/resources/contract';
import type { Caller } from '../backend';
import type { SeedIds } from './seedIds';

// Fundraising, grants and in-kind support: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00005xxx) for the records `seedResources` creates. */
export const RESOURCE_IDS = {} as const;

type ResourceMethod = keyof typeof resourcesContract;

export const RESOURCE_INPUTS: { [M in ResourceMethod]: Input<M> } = {};

/** Creates the records of RESOURCE_IDS and records their real ids. */
export async function seedResources(_caller: Caller, _seeded: SeedIds): Promise<void> {}
