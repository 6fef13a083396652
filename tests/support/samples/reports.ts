import type { Input } from '@shared/contract';
import type { reportsContract } from '@shared/reports/contract';
import type { Caller } from '../backend';
import type { SeedIds } from './seedIds';

// Impact reports and digests: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00008xxx) for the records `seedReports` creates. */
export const REPORT_IDS = {} as const;

type ReportMethod = keyof typeof reportsContract;

export const REPORT_INPUTS: { [M in ReportMethod]: Input<M> } = {};

/** Creates the records of REPORT_IDS and records their real ids. */
export async function seedReports(_caller: Caller, _seeded: SeedIds): Promise<void> {}
