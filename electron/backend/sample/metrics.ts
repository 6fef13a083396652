import { randomUUID } from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';
import type { Input, Method, Output } from '@shared/contract';
import { DERIVED_METRIC_ROWS } from '../db/migrations/014_metrics';
import { seededRandom } from './random';

// Metrics for the sample coalition, through the public methods: two entered metrics (social-media
// engagement, website visits) with monthly values for the two years before the sample's "today"
// (2026-11-01), targets per year and quarter (on derived metrics too), a goal link, and one
// feedback survey run twice with responses from member organizations. And the benchmark's volume:
// `generateMetrics` bulk-loads many entered metrics with years of monthly values and targets.

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

const MONTHS_BACK = 24;
const FIRST_MONTH = { year: 2024, month: 11 };

function monthsFrom(start: { year: number; month: number }, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const index = start.year * 12 + start.month - 1 + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

const derivedId = (key: string) => DERIVED_METRIC_ROWS.find((m) => m.key === key)?.id ?? '';

export async function writeMetrics(call: Call, seed: number): Promise<void> {
  const random = seededRandom(seed);
  const goals = (await call('charter.getDraft', {})).goals;
  const awareness = goals.find((g) => g.category === 'public_awareness')?.id ?? null;
  const policy = goals.find((g) => g.category === 'policy_change')?.id ?? null;

  const months = monthsFrom(FIRST_MONTH, MONTHS_BACK);
  const engagement = await call('metrics.save', {
    metric: { name: 'Social-media engagement', unit: 'interactions', description: 'Likes, shares and comments on the coalition’s accounts, from the platforms’ monthly reports.', aggregation: 'sum', goalId: awareness },
  });
  const visits = await call('metrics.save', {
    metric: { name: 'Website visits', unit: 'visits', description: 'Monthly visits to the coalition’s website (analytics export).', aggregation: 'sum', goalId: awareness },
  });
  // Growth with a campaign bump each spring and autumn.
  const values = (base: number, growth: number) =>
    months.map((month, i) => {
      const bump = ['03', '04', '10'].includes(month.slice(5)) ? 1.35 : 1;
      return { month, value: Math.round(base * (1 + growth * i) * bump * (0.9 + random.next() * 0.2)) };
    });
  await call('metrics.setValues', { metricId: engagement.id, values: values(2400, 0.04) });
  await call('metrics.setValues', { metricId: visits.id, values: values(1800, 0.03) });
  await call('metrics.setTargets', {
    metricId: engagement.id,
    targets: [{ period: '2025', value: 42_000 }, { period: '2026', value: 60_000 }, ...['Q1', 'Q2', 'Q3', 'Q4'].map((q) => ({ period: `2026-${q}`, value: 15_000 }))],
  });
  await call('metrics.setTargets', { metricId: visits.id, targets: [{ period: '2025', value: 25_000 }, { period: '2026', value: 36_000 }] });
  await call('metrics.setTargets', { metricId: derivedId('meeting_attendance'), targets: [{ period: '2026', value: 600 }] });
  await call('metrics.setTargets', { metricId: derivedId('members'), targets: [{ period: '2026', value: 20 }] });
  await call('metrics.setTargets', { metricId: derivedId('policy_wins'), targets: [{ period: '2026', value: 2 }] });
  const wins = DERIVED_METRIC_ROWS.find((m) => m.key === 'policy_wins');
  if (wins && policy) await call('metrics.save', { id: wins.id, metric: { name: wins.name, unit: wins.unit, description: wins.description, goalId: policy } });

  await writeSurvey(call, random);
}

async function writeSurvey(call: Call, random: ReturnType<typeof seededRandom>): Promise<void> {
  const survey = await call('surveys.save', {
    survey: {
      title: 'Member organization feedback',
      description: 'Sent to every member organization twice a year; answers entered by the coordinator.',
      questions: [
        { kind: 'rating', prompt: 'How useful are coalition meetings to your organization?' },
        { kind: 'rating', prompt: 'How well does the coalition represent your community?' },
        { kind: 'choice', prompt: 'Which support would help you most?', choices: ['Advocacy training', 'Media connections', 'Policy analysis', 'Fundraising help'] },
        { kind: 'text', prompt: 'What should the coalition do differently?' },
      ],
    },
  });
  const [useful, represented, support, differently] = survey.questions.map((q) => q.id);
  if (!useful || !represented || !support || !differently) return;
  const members = (await call('organizations.list', { filters: { stage: ['member'] }, sort: { field: 'name', direction: 'asc' }, limit: 16 })).rows;
  const comments = [
    'Shorter meetings with the decisions sent beforehand.',
    'More meetings in the evening so volunteers can come.',
    'Translate the updates into Spanish and Tagalog — наши члены тоже читают по-русски.',
    'Keep the town halls; they brought new families to us.',
    'Share the legislative calendar earlier.',
    'Nhiều hơn các buổi tập huấn cho nhân viên mới.',
  ];
  const rounds = [
    { name: 'Spring 2026', runOn: '2026-04-15', share: 0.8, lift: 0 },
    { name: 'Autumn 2026', runOn: '2026-10-15', share: 0.9, lift: 1 },
  ];
  for (const r of rounds) {
    const round = await call('surveys.saveRound', { surveyId: survey.id, name: r.name, runOn: r.runOn });
    for (const [i, org] of members.entries()) {
      if (random.next() > r.share) continue;
      const rating = (low: number) => Math.min(5, Math.max(1, random.int(low, 5) + (random.next() < 0.5 ? r.lift : 0)));
      const answers: Record<string, number | string> = {
        [useful]: rating(2),
        [represented]: rating(1),
        [support]: random.pick(['Advocacy training', 'Media connections', 'Policy analysis', 'Fundraising help']),
      };
      if (i % 3 === 0) answers[differently] = comments[(i / 3 + (r.lift ? 2 : 0)) % comments.length] ?? '';
      await call('surveys.saveResponse', { roundId: round.id, organizationId: org.id, answers });
    }
  }
}

export interface MetricCounts {
  metrics: number;
  /** Years of monthly values per metric, ending with `lastYear`. */
  years: number;
  lastYear: number;
  seed: number;
}

export const BENCH_METRICS: MetricCounts = { metrics: 200, years: 5, lastYear: 2026, seed: 14 };

/** Bulk-loads entered metrics with monthly values and yearly and quarterly targets (the benchmark's volume; no change log). */
export function generateMetrics(sqlite: SqliteDatabase.Database, counts: MetricCounts): { metrics: number; values: number; targets: number } {
  const random = seededRandom(counts.seed);
  const stamp = '2026-01-01T00:00:00.000Z';
  const metric = sqlite.prepare('insert into metrics (id, key, kind, name, unit, description, aggregation, goal_id, position, created_at, updated_at) values (?, null, ?, ?, ?, ?, ?, null, 0, ?, ?)');
  const value = sqlite.prepare('insert into metric_values (id, metric_id, month, value, note, updated_at) values (?, ?, ?, ?, ?, ?)');
  const target = sqlite.prepare('insert into metric_targets (id, metric_id, period, value, updated_at) values (?, ?, ?, ?, ?)');
  const months = monthsFrom({ year: counts.lastYear - counts.years + 1, month: 1 }, counts.years * 12);
  const aggregations = ['sum', 'sum', 'average', 'last'];
  let values = 0;
  let targets = 0;
  for (let m = 0; m < counts.metrics; m++) {
    const id = randomUUID();
    metric.run(id, 'entered', `Indicator ${String(m + 1).padStart(3, '0')}`, random.pick(['people', 'visits', 'posts', '%', 'events']), '', random.pick(aggregations), stamp, stamp);
    const base = random.int(10, 5000);
    for (const [i, month] of months.entries()) {
      value.run(randomUUID(), id, month, Math.round(base * (1 + i * 0.01) * (0.8 + random.next() * 0.4)), '', stamp);
      values += 1;
    }
    for (let year = counts.lastYear - counts.years + 1; year <= counts.lastYear; year++) {
      target.run(randomUUID(), id, String(year), base * 12, stamp);
      targets += 1;
      for (const q of [1, 2, 3, 4]) {
        target.run(randomUUID(), id, `${year}-Q${q}`, base * 3, stamp);
        targets += 1;
      }
    }
  }
  return { metrics: counts.metrics, values, targets };
}
