import type { Kysely } from 'kysely';
import type { Dashboard, DerivedKey, DrillRow, Grain } from '@shared/metrics/contract';
import type { Database } from '../db/schema';
import { fromMinor } from '@shared/resources/money';
import { DERIVED } from './derived';
import { buckets, exactPeriod, grainFor, periodLabel } from './periods';
import { enteredSeriesMany, metricSeries, requireMetric } from './service';

// The dashboard's numbers for a period. `dashboardData` is THE function for the headline figures:
// the dashboard screen (metrics.dashboard) and the impact report both call it, so a report and
// the dashboard for the same period print the same numbers.

export interface Period {
  /** First and last day, both included (YYYY-MM-DD). */
  from: string;
  to: string;
  /** The series' grain; by default months up to two years, quarters up to six, then years. */
  grain?: Grain | undefined;
}

export async function dashboardData(db: Kysely<Database>, period: Period): Promise<Dashboard> {
  const { from, to } = period;
  const grain = period.grain ?? grainFor(from, to);
  const periods = buckets(from, to, grain);
  const exact = exactPeriod(from, to);
  const GRAIN_ORDER: readonly Grain[] = ['month', 'quarter', 'year'];
  const rows = await db.selectFrom('metrics').selectAll().orderBy('kind').orderBy('position').orderBy('name').execute();
  // Targets of whole periods inside the range, by metric: each metric's chart takes the finest
  // grain, from the dashboard's up, at which it has one (yearly targets on a year's dashboard are
  // compared year by year, quarterly ones quarter by quarter).
  const targetRows = await db
    .selectFrom('metric_targets')
    .select(['metric_id', 'period', 'value'])
    .where('period', '>=', from.slice(0, 4))
    .where('period', '<=', `${to.slice(0, 4)}-Z`) // after '2026', '2026-12' and '2026-Q4'
    .execute();
  const exactTargets = new Map(targetRows.filter((t) => t.period === exact).map((t) => [t.metric_id, t.value]));
  const targetGrains = new Map<string, Grain>();
  for (const g of GRAIN_ORDER.slice(GRAIN_ORDER.indexOf(grain))) {
    const whole = new Set(buckets(from, to, g).filter((b) => b.whole).map((b) => b.period));
    for (const t of targetRows) if (whole.has(t.period) && !targetGrains.has(t.metric_id)) targetGrains.set(t.metric_id, g);
  }

  const headlines: Dashboard['headlines'] = [];
  const series: Dashboard['series'] = {};
  const targets: Dashboard['targets'] = [];
  for (const row of rows) {
    const key = row.key as DerivedKey | null;
    if (key) {
      const module = DERIVED[key];
      const points = await metricSeries(db, row, periods);
      series[key] = points;
      // A stock (members) is its last counted period's count (the members on the period's last
      // day, or today while it runs); a flow, the whole period's records.
      const last = points.findLast((p) => p.value !== null);
      const figure =
        key === 'members' ? { value: last?.value ?? null, parts: last?.parts ?? [] } : key === 'campaigns' ? await module.figure(db, from, to) : sumPoints(points, module.additive);
      headlines.push({ metricId: row.id, key, name: row.name, unit: row.unit, available: module.available, target: exactTargets.get(row.id) ?? null, ...figure });
    }
    const targetGrain = targetGrains.get(row.id);
    if (targetGrain && key) {
      const points = targetGrain === grain ? (series[key] ?? []) : await metricSeries(db, row, buckets(from, to, targetGrain));
      targets.push({ metricId: row.id, key, name: row.name, unit: row.unit, grain: targetGrain, points });
    }
  }
  // The entered metrics with targets: each grain's read once for all of them.
  const entered = rows.filter((r) => r.key === null && targetGrains.has(r.id));
  for (const g of GRAIN_ORDER) {
    const atGrain = entered.filter((r) => targetGrains.get(r.id) === g);
    const points = await enteredSeriesMany(db, atGrain, buckets(from, to, g));
    for (const r of atGrain) targets.push({ metricId: r.id, key: null, name: r.name, unit: r.unit, grain: g, points: points.get(r.id) ?? [] });
  }
  const money = headlines.find((h) => h.key === 'money_raised');
  const fundraising = await fundraisingAgainstGoals(db, from, to, money?.parts ?? []);
  return { from, to, grain, headlines, series, targets, fundraising };
}

/** A flow's figure over the period from its series (every record lies in exactly one period). */
function sumPoints(points: readonly Dashboard['series'][string][number][], additive: boolean): { value: number | null; parts: { key: string; label: string; value: number }[] } {
  const parts = new Map<string, { key: string; label: string; value: number }>();
  let total: number | null = null;
  for (const p of points) {
    if (p.value !== null) total = (total ?? 0) + p.value;
    for (const part of p.parts) {
      const seen = parts.get(part.key);
      if (seen) seen.value = Math.round((seen.value + part.value) * 100) / 100;
      else parts.set(part.key, { ...part });
    }
  }
  const list = [...parts.values()].sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  if (!additive && list.length > 0) return { value: list.length === 1 ? (list[0]?.value ?? null) : null, parts: list };
  return { value: total === null ? null : Math.round(total * 100) / 100, parts: list };
}

/** The records behind a metric's figure for a period (one part of it when given). */
export async function drillDown(db: Kysely<Database>, input: { metricId: string; from: string; to: string; part?: string | undefined }): Promise<DrillRow[]> {
  const row = await requireMetric(db, input.metricId, 'metricId');
  if (row.key) return DERIVED[row.key as DerivedKey].drill(db, input.from, input.to, input.part);
  const values = await db
    .selectFrom('metric_values')
    .select(['id', 'month', 'value', 'note'])
    .where('metric_id', '=', row.id)
    .where('month', '>=', input.from.slice(0, 7))
    .where('month', '<=', input.to.slice(0, 7))
    .orderBy('month', 'desc')
    .execute();
  return values.map((v) => ({ id: v.id, label: `${row.name}, ${periodLabel(v.month)}`, date: `${v.month}-01`, route: `/metrics/catalogue/${row.id}`, value: v.value, part: null, detail: v.note }));
}

/**
 * Money raised in the period per currency against the goals of the fundraising campaigns running
 * in it (started by its last day, or undated, and not ended before its first), in the same currency.
 */
async function fundraisingAgainstGoals(db: Kysely<Database>, from: string, to: string, raised: readonly { key: string; value: number }[]): Promise<Dashboard['fundraising']> {
  const goals = await db
    .selectFrom('fundraising_campaigns')
    .select(['currency', (eb) => eb.fn.sum<number>('goal_minor').as('goal')])
    .where((eb) => eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', to)]))
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', from)]))
    .groupBy('currency')
    .execute();
  const byCurrency = new Map<string, Dashboard['fundraising'][number]>();
  for (const r of raised) byCurrency.set(r.key, { currency: r.key, raised: r.value, goal: null });
  for (const g of goals) {
    const goal = fromMinor(Number(g.goal ?? 0), g.currency);
    const seen = byCurrency.get(g.currency);
    if (seen) seen.goal = goal;
    else byCurrency.set(g.currency, { currency: g.currency, raised: 0, goal });
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
