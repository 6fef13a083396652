import type { Input } from '@shared/contract';
import type { metricsContract } from '@shared/metrics/contract';
import { DERIVED_METRIC_ROWS } from '../../../electron/backend/db/migrations/014_metrics';
import { ok, type Caller } from '../backend';
import { real, type SeedIds } from './seedIds';

// Indicators, targets, dashboard and surveys: one valid input per method (see ../samples.ts), valid on a workspace prepared by
// `seedWorkspace`, and the records it seeds for them.

/** Placeholder ids (valid UUIDs, 00007xxx) for the records `seedMetrics` creates. */
export const METRIC_IDS = {
  metric: '00000000-0000-4000-8000-000070000001',
  survey: '00000000-0000-4000-8000-000070000002',
  rating: '00000000-0000-4000-8000-000070000003',
  choice: '00000000-0000-4000-8000-000070000004',
  comment: '00000000-0000-4000-8000-000070000005',
  round: '00000000-0000-4000-8000-000070000006',
  otherRound: '00000000-0000-4000-8000-000070000007',
  response: '00000000-0000-4000-8000-000070000008',
} as const;

/** The seeded organization (SEED_IDS.organization) and goal (SEED_IDS.goal) of ../samples.ts. */
const ORGANIZATION = '00000000-0000-4000-8000-00000000a001';
const GOAL = '00000000-0000-4000-8000-00000000d101';
/** A derived metric's fixed id (the same in every workspace). */
const MEETING_ATTENDANCE = DERIVED_METRIC_ROWS.find((m) => m.key === 'meeting_attendance')?.id ?? '';

/** A survey responses file: the seeded organization rating 5, choosing “Monthly”. */
export const SEED_SURVEY_CSV = 'Organization,How useful are the meetings?,How often should we meet?,Comments\r\nEastside Community Health Center,5,Monthly,More time for questions\r\n';
const CSV_BASE64 = Buffer.from(SEED_SURVEY_CSV).toString('base64');

type MetricMethod = keyof typeof metricsContract;

export const METRIC_INPUTS: { [M in MetricMethod]: Input<M> } = {
  'metrics.catalogue': {},
  'metrics.save': { metric: { name: 'Newsletter subscribers', unit: 'people', description: 'Subscribers at the end of the month.', aggregation: 'last', goalId: GOAL } },
  'metrics.delete': { id: METRIC_IDS.metric },
  'metrics.get': { id: METRIC_IDS.metric, from: '2026-01-01', to: '2026-12-31', grain: 'quarter' },
  'metrics.setValues': { metricId: METRIC_IDS.metric, values: [{ month: '2026-03', value: 1250, note: 'Spring campaign' }, { month: '2026-01', value: null }] },
  'metrics.setTargets': { metricId: METRIC_IDS.metric, targets: [{ period: '2026', value: 12_000 }, { period: '2026-Q1', value: null }] },
  'metrics.dashboard': { from: '2026-01-01', to: '2026-12-31' },
  'metrics.drill': { metricId: MEETING_ATTENDANCE, from: '2026-05-01', to: '2026-05-31', offset: 0, limit: 50 },
  'surveys.list': {},
  'surveys.get': { id: METRIC_IDS.survey },
  'surveys.save': {
    id: METRIC_IDS.survey,
    survey: {
      title: 'Member feedback',
      description: 'Twice a year.',
      questions: [
        { id: METRIC_IDS.rating, kind: 'rating', prompt: 'How useful are the meetings?' },
        { id: METRIC_IDS.choice, kind: 'choice', prompt: 'How often should we meet?', choices: ['Monthly', 'Quarterly', 'Twice a year'] },
        { id: METRIC_IDS.comment, kind: 'text', prompt: 'Comments' },
        { kind: 'text', prompt: 'What should the coalition do differently?' },
      ],
    },
  },
  'surveys.delete': { id: METRIC_IDS.survey },
  'surveys.saveRound': { surveyId: METRIC_IDS.survey, name: 'Autumn 2026', runOn: '2026-10-01' },
  'surveys.deleteRound': { id: METRIC_IDS.round },
  'surveys.responses': { roundId: METRIC_IDS.round },
  'surveys.saveResponse': { id: METRIC_IDS.response, roundId: METRIC_IDS.round, organizationId: ORGANIZATION, answers: { [METRIC_IDS.rating]: 4, [METRIC_IDS.choice]: 'Quarterly' } },
  'surveys.deleteResponse': { id: METRIC_IDS.response },
  'surveys.results': { roundId: METRIC_IDS.round },
  'surveys.compare': { first: METRIC_IDS.round, second: METRIC_IDS.otherRound },
  'surveys.previewImport': { roundId: METRIC_IDS.otherRound, fileName: 'responses.csv', contentBase64: CSV_BASE64 },
  'surveys.importResponses': {
    roundId: METRIC_IDS.otherRound,
    fileName: 'responses.csv',
    contentBase64: CSV_BASE64,
    mapping: { organizationColumn: 0, columns: { [METRIC_IDS.rating]: 1, [METRIC_IDS.choice]: 2, [METRIC_IDS.comment]: 3 } },
  },
};

/** Creates the records of METRIC_IDS and records their real ids. */
export async function seedMetrics(caller: Caller, seeded: SeedIds): Promise<void> {
  const metric = await ok(caller, 'metrics.save', { metric: { name: 'Website visits', unit: 'visits', description: '', aggregation: 'sum', goalId: null } });
  seeded.set(METRIC_IDS.metric, metric.id);
  await ok(caller, 'metrics.setValues', { metricId: metric.id, values: [{ month: '2026-01', value: 900 }, { month: '2026-02', value: 1100 }] });
  await ok(caller, 'metrics.setTargets', { metricId: metric.id, targets: [{ period: '2026-Q1', value: 3000 }] });
  const survey = await ok(caller, 'surveys.save', {
    survey: {
      title: 'Member feedback',
      description: '',
      questions: [
        { kind: 'rating', prompt: 'How useful are the meetings?' },
        { kind: 'choice', prompt: 'How often should we meet?', choices: ['Monthly', 'Quarterly'] },
        { kind: 'text', prompt: 'Comments' },
      ],
    },
  });
  seeded.set(METRIC_IDS.survey, survey.id);
  const [rating, choice, comment] = survey.questions;
  seeded.set(METRIC_IDS.rating, rating?.id ?? '');
  seeded.set(METRIC_IDS.choice, choice?.id ?? '');
  seeded.set(METRIC_IDS.comment, comment?.id ?? '');
  const round = await ok(caller, 'surveys.saveRound', { surveyId: survey.id, name: 'Spring 2026', runOn: '2026-04-01' });
  seeded.set(METRIC_IDS.round, round.id);
  const other = await ok(caller, 'surveys.saveRound', { surveyId: survey.id, name: 'Autumn 2026', runOn: '2026-10-01' });
  seeded.set(METRIC_IDS.otherRound, other.id);
  const response = await ok(caller, 'surveys.saveResponse', {
    roundId: round.id,
    organizationId: real(seeded, ORGANIZATION),
    answers: { [rating?.id ?? '']: 3, [choice?.id ?? '']: 'Monthly', [comment?.id ?? '']: 'Shorter agendas, please.' },
  });
  seeded.set(METRIC_IDS.response, response.id);
}
