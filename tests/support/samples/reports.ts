import type { Input } from '@shared/contract';
import type { reportsContract, ReportInput } from '@shared/reports/contract';
import { ok, type Caller } from '../backend';
import type { SeedIds } from './seedIds';

// Impact reports and digests: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00008xxx) for the records `seedReports` creates. */
export const REPORT_IDS = {
  impact: '00000000-0000-4000-8000-000080000001',
  digest: '00000000-0000-4000-8000-000080000002',
} as const;

const QUARTER = { kind: 'quarter', from: '2026-10-01', to: '2026-12-31' } as const;

export function impactInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    kind: 'impact',
    title: 'Impact report, Q4 2026',
    period: QUARTER,
    audience: 'funders',
    sections: ['summary', 'activities', 'successes', 'challenges', 'nextSteps', 'members'],
    challengesMd: 'Turnout at evening meetings fell.\n\n- Childcare is the main barrier',
    nextStepsMd: '- Hold two daytime town halls\n- Translate the digest into Spanish',
    getInvolvedMd: '',
    ...overrides,
  };
}

export function digestInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    kind: 'digest',
    title: 'November update',
    period: { kind: 'month', from: '2026-11-01', to: '2026-11-30' },
    audience: 'members',
    sections: [],
    challengesMd: '',
    nextStepsMd: '',
    getInvolvedMd: 'Join the housing working group: write to housing@example.org.',
    ...overrides,
  };
}

type ReportMethod = keyof typeof reportsContract;

export const REPORT_INPUTS: { [M in ReportMethod]: Input<M> } = {
  'reports.list': {},
  'reports.get': { id: REPORT_IDS.impact },
  'reports.create': impactInput(),
  'reports.update': { id: REPORT_IDS.impact, report: impactInput({ audience: 'public' }) },
  'reports.delete': { id: REPORT_IDS.digest },
  'reports.createNext': { kind: 'impact', fromId: REPORT_IDS.impact },
  'reports.preview': { period: QUARTER, audience: 'members' },
  'reports.impactPdf': { id: REPORT_IDS.impact, pageSize: 'A4', today: '2026-11-26' },
  'reports.digest': { period: { kind: 'month', from: '2026-11-01', to: '2026-11-30' }, audience: 'members', getInvolvedMd: 'Come to the town hall.', title: '' },
  'reports.digestExport': { id: REPORT_IDS.digest, format: 'markdown', pageSize: 'A4' },
};

/** Creates the records of REPORT_IDS and records their real ids. */
export async function seedReports(caller: Caller, seeded: SeedIds): Promise<void> {
  seeded.set(REPORT_IDS.impact, (await ok(caller, 'reports.create', impactInput())).id);
  seeded.set(REPORT_IDS.digest, (await ok(caller, 'reports.create', digestInput())).id);
}
