import type { Input } from '@shared/contract';
import type { capacityContract } from '@shared/capacity/contract';
import type { Caller } from '../backend';
import type { SeedIds } from './seedIds';

// Trainings and technical assistance: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00006xxx) for the records `seedCapacity` creates. */
export const CAPACITY_IDS = {} as const;

type CapacityMethod = keyof typeof capacityContract;

export const CAPACITY_INPUTS: { [M in CapacityMethod]: Input<M> } = {};

/** Creates the records of CAPACITY_IDS and records their real ids. */
export async function seedCapacity(_caller: Caller, _seeded: SeedIds): Promise<void> {}
