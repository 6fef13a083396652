import { randomUUID } from 'node:crypto';
import { AppError, type ErrorCode } from '@shared/errors';
import type { Aggregation, DerivedKey, Figure, Grain, Metric, MetricInput, SeriesPoint } from '@shared/metrics/contract';
import type { CallContext } from '../rpc/handlers';
import type { MetricsTable } from './tables';
import { DERIVED } from './derived';
import { round, type Db } from './derived/types';
import { buckets, monthsOf, type Bucket } from './periods';

// The indicator catalogue: derived metrics (seeded by migration 014, fixed keys) and the
// coordinator's entered ones, their monthly values and their targets per period.

export function fieldError(code: ErrorCode, path: string, message: string): AppError {
  return new AppError(code, message, { issues: [{ path, message }] });
}

export async function requireMetric(db: Db, id: string, path = 'id'): Promise<MetricsTable> {
  const row = await db.selectFrom('metrics').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw fieldError('not_found', path, `Metric ${id} does not exist (it may have been deleted).`);
  return row;
}

async function requireGoal(db: Db, goalId: string | null): Promise<void> {
  if (goalId === null) return;
  const goal = await db.selectFrom('charter_goal').select('id').where('id', '=', goalId).executeTakeFirst();
  if (!goal) throw fieldError('not_found', 'metric.goalId', 'This goal is no longer in the charter draft. Reload and choose again.');
}

/** Catalogue order: the derived metrics as seeded, then the entered ones by name. */
async function metricRows(db: Db, ids?: readonly string[]) {
  let query = db
    .selectFrom('metrics as m')
    .leftJoin('charter_goal as g', 'g.id', 'm.goal_id')
    .selectAll('m')
    .select([
      'g.title as goal_title',
      (eb) => eb.selectFrom('metric_values as v').select((e) => e.fn.countAll<number>().as('n')).whereRef('v.metric_id', '=', 'm.id').as('value_count'),
      (eb) => eb.selectFrom('metric_targets as t').select((e) => e.fn.countAll<number>().as('n')).whereRef('t.metric_id', '=', 'm.id').as('target_count'),
    ]);
  if (ids) query = query.where('m.id', 'in', ids);
  return query.orderBy('m.kind').orderBy('m.position').orderBy('m.name').execute();
}

type MetricRow = Awaited<ReturnType<typeof metricRows>>[number];

function toMetric(row: MetricRow): Metric {
  const key = row.key as DerivedKey | null;
  const module = key ? DERIVED[key] : null;
  return {
    id: row.id,
    key,
    kind: row.kind as Metric['kind'],
    name: row.name,
    unit: row.unit,
    description: row.description,
    aggregation: row.aggregation as Aggregation,
    goalId: row.goal_id,
    goalTitle: row.goal_title,
    available: module ? module.available : true,
    additive: module ? module.additive : true,
    values: Number(row.value_count ?? 0),
    targets: Number(row.target_count ?? 0),
  };
}

export async function catalogue(db: Db): Promise<Metric[]> {
  return (await metricRows(db)).map(toMetric);
}

export async function metricById(db: Db, id: string): Promise<Metric> {
  const [row] = await metricRows(db, [id]);
  if (!row) throw fieldError('not_found', 'id', `Metric ${id} does not exist (it may have been deleted).`);
  return toMetric(row);
}

export async function saveMetric(ctx: CallContext, input: { id?: string | undefined; metric: MetricInput }): Promise<Metric> {
  const { metric } = input;
  await requireGoal(ctx.db, metric.goalId);
  const clash = await ctx.db
    .selectFrom('metrics')
    .select('id')
    .where((eb) => eb.fn('lower', ['name']), '=', metric.name.toLowerCase())
    .$if(input.id !== undefined, (q) => q.where('id', '<>', input.id ?? ''))
    .executeTakeFirst();
  if (clash) throw fieldError('conflict', 'metric.name', `A metric called “${metric.name}” already exists; choose another name.`);
  if (input.id === undefined) {
    const id = randomUUID();
    await ctx.write.insert('metrics', {
      id,
      key: null,
      kind: 'entered',
      name: metric.name,
      unit: metric.unit,
      description: metric.description,
      aggregation: metric.aggregation,
      goal_id: metric.goalId,
      position: 0,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    return metricById(ctx.db, id);
  }
  const before = await requireMetric(ctx.db, input.id);
  if (before.kind === 'derived') {
    // A derived metric's unit and way of adding up come from its records.
    await ctx.write.update('metrics', before.id, { name: metric.name, description: metric.description, goal_id: metric.goalId, updated_at: ctx.now });
  } else {
    await ctx.write.update('metrics', before.id, {
      name: metric.name,
      unit: metric.unit,
      description: metric.description,
      aggregation: metric.aggregation,
      goal_id: metric.goalId,
      updated_at: ctx.now,
    });
  }
  return metricById(ctx.db, before.id);
}

export async function deleteMetric(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  const row = await requireMetric(ctx.db, id);
  if (row.kind === 'derived') throw fieldError('conflict', 'id', `“${row.name}” is derived from the coalition's records and cannot be removed.`);
  await ctx.write.removeMany('metric_values', await ctx.db.selectFrom('metric_values').selectAll().where('metric_id', '=', id).execute());
  await ctx.write.removeMany('metric_targets', await ctx.db.selectFrom('metric_targets').selectAll().where('metric_id', '=', id).execute());
  await ctx.write.remove('metrics', id);
  return { deleted: true };
}

export async function setValues(ctx: CallContext, input: { metricId: string; values: { month: string; value: number | null; note: string }[] }): Promise<{ changed: number }> {
  const metric = await requireMetric(ctx.db, input.metricId, 'metricId');
  if (metric.kind === 'derived') throw fieldError('validation', 'metricId', `“${metric.name}” is derived from the coalition's records; its values cannot be entered.`);
  const seen = new Set<string>();
  for (const [index, v] of input.values.entries()) {
    if (seen.has(v.month)) throw fieldError('validation', `values.${index}.month`, `${v.month} appears twice.`);
    seen.add(v.month);
  }
  const existing = new Map(
    (await ctx.db.selectFrom('metric_values').selectAll().where('metric_id', '=', metric.id).where('month', 'in', [...seen]).execute()).map((r) => [r.month, r]),
  );
  let changed = 0;
  const inserts = [];
  for (const v of input.values) {
    const row = existing.get(v.month);
    if (v.value === null) {
      if (row) changed += await ctx.write.removeMany('metric_values', [row]);
    } else if (row) {
      changed += await ctx.write.updateMany('metric_values', [{ before: row, patch: { value: v.value, note: v.note, updated_at: ctx.now } }]);
    } else {
      inserts.push({ id: randomUUID(), metric_id: metric.id, month: v.month, value: v.value, note: v.note, updated_at: ctx.now });
    }
  }
  await ctx.write.insertMany('metric_values', inserts);
  return { changed: changed + inserts.length };
}

export async function setTargets(ctx: CallContext, input: { metricId: string; targets: { period: string; value: number | null }[] }): Promise<{ changed: number }> {
  const metric = await requireMetric(ctx.db, input.metricId, 'metricId');
  const seen = new Set<string>();
  for (const [index, t] of input.targets.entries()) {
    if (seen.has(t.period)) throw fieldError('validation', `targets.${index}.period`, `${t.period} appears twice.`);
    seen.add(t.period);
  }
  const existing = new Map(
    (await ctx.db.selectFrom('metric_targets').selectAll().where('metric_id', '=', metric.id).where('period', 'in', [...seen]).execute()).map((r) => [r.period, r]),
  );
  let changed = 0;
  const inserts = [];
  for (const t of input.targets) {
    const row = existing.get(t.period);
    if (t.value === null) {
      if (row) changed += await ctx.write.removeMany('metric_targets', [row]);
    } else if (row) {
      changed += await ctx.write.updateMany('metric_targets', [{ before: row, patch: { value: t.value, updated_at: ctx.now } }]);
    } else {
      inserts.push({ id: randomUUID(), metric_id: metric.id, period: t.period, value: t.value, updated_at: ctx.now });
    }
  }
  await ctx.write.insertMany('metric_targets', inserts);
  return { changed: changed + inserts.length };
}

/** An entered metric's months added up per its aggregation (null when no month has a value). */
function aggregate(values: readonly { month: string; value: number }[], aggregation: string): number | null {
  if (values.length === 0) return null;
  if (aggregation === 'last') return [...values].sort((a, b) => a.month.localeCompare(b.month)).at(-1)?.value ?? null;
  const sum = values.reduce((s, v) => s + v.value, 0);
  return round(aggregation === 'average' ? sum / values.length : sum);
}

async function enteredValues(db: Db, metricId: string, from: string, to: string) {
  return db
    .selectFrom('metric_values')
    .select(['month', 'value'])
    .where('metric_id', '=', metricId)
    .where('month', '>=', from.slice(0, 7))
    .where('month', '<=', to.slice(0, 7))
    .execute();
}

/** An entered metric's figure for [from, to]: the months that meet the range, added up. */
export async function enteredFigure(db: Db, metric: Pick<MetricsTable, 'id' | 'aggregation'>, from: string, to: string): Promise<Figure> {
  const values = await enteredValues(db, metric.id, from, to);
  const months = new Set(monthsOf(from, to));
  return { value: aggregate(values.filter((v) => months.has(v.month)), metric.aggregation), parts: [] };
}

/** A metric's figure for a period, derived or entered. */
export async function metricFigure(db: Db, metric: Pick<MetricsTable, 'id' | 'key' | 'aggregation'>, from: string, to: string): Promise<Figure> {
  if (metric.key) return DERIVED[metric.key as DerivedKey].figure(db, from, to);
  return enteredFigure(db, metric, from, to);
}

/** A metric over the periods of a grain, with the target of each whole period. */
export async function metricSeries(db: Db, metric: Pick<MetricsTable, 'id' | 'key' | 'aggregation'>, periods: readonly Bucket[]): Promise<SeriesPoint[]> {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) return [];
  let figures: Figure[];
  if (metric.key) figures = await DERIVED[metric.key as DerivedKey].series(db, periods);
  else {
    const values = await enteredValues(db, metric.id, first.from, last.to);
    figures = periods.map((p) => {
      const months = new Set(monthsOf(p.from, p.to));
      return { value: aggregate(values.filter((v) => months.has(v.month)), metric.aggregation), parts: [] };
    });
  }
  const targets = await targetsOf(db, metric.id, periods.map((p) => p.period));
  return periods.map((p, i) => ({
    period: p.period,
    label: p.label,
    from: p.from,
    to: p.to,
    value: figures[i]?.value ?? null,
    parts: figures[i]?.parts ?? [],
    target: p.whole ? (targets.get(p.period) ?? null) : null,
  }));
}

/**
 * Entered metrics over the same periods, many at once (the dashboard's targets): their values and
 * targets read in one query each rather than two per metric.
 */
export async function enteredSeriesMany(db: Db, metrics: readonly Pick<MetricsTable, 'id' | 'aggregation'>[], periods: readonly Bucket[]): Promise<Map<string, SeriesPoint[]>> {
  const out = new Map<string, SeriesPoint[]>();
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last || metrics.length === 0) return out;
  const values = new Map<string, { month: string; value: number }[]>();
  const targets = new Map<string, Map<string, number>>();
  for (let i = 0; i < metrics.length; i += 500) {
    const ids = metrics.slice(i, i + 500).map((m) => m.id);
    const rows = await db
      .selectFrom('metric_values')
      .select(['metric_id', 'month', 'value'])
      .where('metric_id', 'in', ids)
      .where('month', '>=', first.from.slice(0, 7))
      .where('month', '<=', last.to.slice(0, 7))
      .execute();
    for (const r of rows) values.set(r.metric_id, [...(values.get(r.metric_id) ?? []), { month: r.month, value: r.value }]);
    const wanted = periods.map((p) => p.period);
    for (const t of await db.selectFrom('metric_targets').select(['metric_id', 'period', 'value']).where('metric_id', 'in', ids).where('period', 'in', wanted).execute()) {
      const map = targets.get(t.metric_id) ?? new Map<string, number>();
      map.set(t.period, t.value);
      targets.set(t.metric_id, map);
    }
  }
  const months = periods.map((p) => new Set(monthsOf(p.from, p.to)));
  for (const m of metrics) {
    const own = values.get(m.id) ?? [];
    out.set(
      m.id,
      periods.map((p, i) => ({
        period: p.period,
        label: p.label,
        from: p.from,
        to: p.to,
        value: aggregate(own.filter((v) => months[i]?.has(v.month)), m.aggregation),
        parts: [],
        target: p.whole ? (targets.get(m.id)?.get(p.period) ?? null) : null,
      })),
    );
  }
  return out;
}

export async function targetsOf(db: Db, metricId: string, periods: readonly string[]): Promise<Map<string, number>> {
  if (periods.length === 0) return new Map();
  const rows = await db.selectFrom('metric_targets').select(['period', 'value']).where('metric_id', '=', metricId).where('period', 'in', periods).execute();
  return new Map(rows.map((r) => [r.period, r.value]));
}

export async function getMetric(ctx: Pick<CallContext, 'db'>, input: { id: string; from: string; to: string; grain: Grain }) {
  const row = await requireMetric(ctx.db, input.id);
  const metric = await metricById(ctx.db, input.id);
  const values =
    row.kind === 'entered'
      ? await ctx.db.selectFrom('metric_values').select(['month', 'value', 'note']).where('metric_id', '=', row.id).orderBy('month', 'desc').execute()
      : [];
  const targets = await ctx.db.selectFrom('metric_targets').select(['period', 'value']).where('metric_id', '=', row.id).orderBy('period', 'desc').execute();
  return {
    metric,
    total: await metricFigure(ctx.db, row, input.from, input.to),
    series: await metricSeries(ctx.db, row, buckets(input.from, input.to, input.grain)),
    values,
    targets,
  };
}
