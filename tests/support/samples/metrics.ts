import type { Input } from '@shared/contract';
import type { metricsContract } from '@shared/metrics/contract';
import type { Caller } from '../backend';
import type { SeedIds } from './seedIds';

// Indicators, targets, dashboard and surveys: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00007xxx) for the records `seedMetrics` creates. */
export const METRIC_IDS = {} as const;

type MetricMethod = keyof typeof metricsContract;

export const METRIC_INPUTS: { [M in MetricMethod]: Input<M> } = {};

/** Creates the records of METRIC_IDS and records their real ids. */
export async function seedMetrics(_caller: Caller, _seeded: SeedIds): Promise<void> {}
