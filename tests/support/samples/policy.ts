import type { Input } from '@shared/contract';
import type { policyContract } from '@shared/policy/contract';
import type { Caller } from '../backend';
import type { SeedIds } from './seedIds';

// Officials, agencies, stances, bills and engagements: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00002xxx) for the records `seedPolicy` creates. */
export const POLICY_IDS = {} as const;

type PolicyMethod = keyof typeof policyContract;

export const POLICY_INPUTS: { [M in PolicyMethod]: Input<M> } = {};

/** Creates the records of POLICY_IDS and records their real ids. */
export async function seedPolicy(_caller: Caller, _seeded: SeedIds): Promise<void> {}
