import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { Stage } from '@shared/directory/enums';
import {
  DIMENSION_VALUES,
  EVERY_REGION,
  type DimensionRow,
  type RepresentationDimension,
  type RepresentationSummary,
  type Target,
  type TargetInput,
  type TargetKind,
  type TargetStatus,
} from '@shared/directory/representation';
import { ORGANIZATION_TYPES, SECTORS, type OrganizationType, type Sector } from '@shared/taxonomy';
import type { RepresentationTargetsTable } from '../../db/schema';
import type { CallContext } from '../../rpc/handlers';

type Db = Pick<CallContext, 'db'>;
type Counts = Map<string, number>;

// ---------------------------------------------------------------------------------------------
// Labels

function valueLabel(dimension: RepresentationDimension, value: string): string {
  if (dimension === 'sector') return value === 'other' ? 'Other sector' : (SECTORS[value as Sector] ?? value);
  if (dimension === 'type') return value === 'other' ? 'Other type' : (ORGANIZATION_TYPES[value as OrganizationType]?.label ?? value);
  if (dimension === 'region' && value === EVERY_REGION) return 'Every region';
  return value;
}

function toTarget(row: RepresentationTargetsTable): Target {
  const dimension = row.dimension as RepresentationDimension;
  return {
    id: row.id,
    dimension,
    value: row.value,
    label: valueLabel(dimension, row.value),
    kind: row.kind as TargetKind,
    amount: row.amount,
    note: row.note,
    updatedAt: row.updated_at,
  };
}

// ---------------------------------------------------------------------------------------------
// Counting: SQL aggregates over one covering index (migration 003), so the dashboard reads the
// same at 60 or 100,000 organizations (tests/bench/directory.bench.ts).

interface Counted {
  members: number;
  sector: Counts;
  type: Counts;
  unlisted: { region: number; population: number };
}

function bump(counts: Counts, key: string, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/** Members by sector and type, and those listing no region / population: one grouped read of the covering index. */
async function countByColumns({ db }: Db, stages: readonly Stage[]): Promise<Counted> {
  const rows = await sql<{ sector: string; type: string; no_region: number; no_population: number; n: number }>`
    select sector, type, regions_json = '[]' as no_region, populations_json = '[]' as no_population, count(*) as n
    from organizations indexed by organizations_representation
    where stage in (${sql.join(stages)})
    group by 1, 2, 3, 4`.execute(db);
  const out: Counted = { members: 0, sector: new Map(), type: new Map(), unlisted: { region: 0, population: 0 } };
  for (const r of rows.rows) {
    const n = Number(r.n);
    out.members += n;
    bump(out.sector, r.sector, n);
    bump(out.type, r.type, n);
    if (r.no_region) out.unlisted.region += n;
    if (r.no_population) out.unlisted.population += n;
  }
  return out;
}

/**
 * Members per region or population. The list column is unpacked from the covering index (the
 * same values the label index holds, which the triggers derive from these columns); a list never
 * repeats an item, so each row is one member.
 */
async function countByList({ db }: Db, column: 'regions_json' | 'populations_json', stages: readonly Stage[]): Promise<Counts> {
  const rows = await sql<{ value: string; n: number }>`
    select j.value as value, count(*) as n
    from organizations o indexed by organizations_representation, json_each(o.${sql.ref(column)}) j
    where o.stage in (${sql.join(stages)}) and j.type = 'text'
    group by j.value`.execute(db);
  return new Map(rows.rows.map((r) => [r.value, Number(r.n)]));
}

/** Every region any organization of the workspace lists (at any stage): what "every region" means. */
async function listedRegions({ db }: Db): Promise<string[]> {
  const rows = await sql<{ value: string }>`select distinct value from organization_labels where field = 'region' order by value collate nocase`.execute(db);
  return rows.rows.map((r) => r.value);
}

async function populationTerms({ db }: Db): Promise<string[]> {
  const rows = await db.selectFrom('vocabulary').select('value').where('kind', '=', 'population').orderBy('position').orderBy('value').execute();
  return rows.map((r) => r.value);
}

function share(count: number, members: number): number {
  return members === 0 ? 0 : Math.round((count / members) * 100 * 100) / 100;
}

/** One row per value: the known values first (in their order, zero counts kept), then the rest by count. */
function rows(dimension: RepresentationDimension, known: readonly string[], counts: Counts, members: number): DimensionRow[] {
  const values = [...known];
  const extra = [...counts.keys()].filter((v) => !known.includes(v)).sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
  values.push(...extra);
  return values.map((value) => {
    const count = counts.get(value) ?? 0;
    return { value, label: valueLabel(dimension, value), count, share: share(count, members) };
  });
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

// ---------------------------------------------------------------------------------------------
// Targets

const DIMENSION_ORDER = new Map(DIMENSION_VALUES.map((d, i) => [d, i]));

async function readTargets({ db }: Db): Promise<Target[]> {
  const all = await db.selectFrom('representation_targets').selectAll().execute();
  return all
    .map(toTarget)
    .sort(
      (a, b) =>
        (DIMENSION_ORDER.get(a.dimension) ?? 0) - (DIMENSION_ORDER.get(b.dimension) ?? 0) ||
        (a.value === EVERY_REGION ? -1 : 0) - (b.value === EVERY_REGION ? -1 : 0) ||
        a.label.localeCompare(b.label) ||
        a.kind.localeCompare(b.kind),
    );
}

/** How one value stands against a target: met when count / members reaches the share, or count reaches the number. */
function measure(kind: TargetKind, amount: number, count: number, members: number): { actual: number; met: boolean; gap: number } {
  if (kind === 'min_count') {
    return { actual: count, met: count >= amount, gap: Math.max(0, amount - count) };
  }
  // Compared in whole numbers (count × 100 ≥ amount × members) so a rounded share never decides.
  const met = count * 100 >= amount * members;
  const actual = share(count, members);
  return { actual, met, gap: met ? 0 : Math.max(0.01, Math.round((amount - (members === 0 ? 0 : (count / members) * 100)) * 100) / 100) };
}

function status(target: Target, counts: Record<RepresentationDimension, Counts>, members: number, regions: readonly string[]): TargetStatus {
  const byValue = counts[target.dimension];
  if (target.dimension === 'region' && target.value === EVERY_REGION) {
    const each = regions.map((value) => ({ value, ...measure(target.kind, target.amount, byValue.get(value) ?? 0, members) }));
    const short = each.filter((r) => !r.met).sort((a, b) => b.gap - a.gap || a.value.localeCompare(b.value));
    const worst = [...each].sort((a, b) => a.actual - b.actual)[0];
    return {
      ...target,
      // With no region listed anywhere there is nothing to cover: trivially met.
      actual: worst?.actual ?? 0,
      met: short.length === 0,
      gap: short[0]?.gap ?? 0,
      shortfalls: short.map(({ value, actual, gap }) => ({ value, actual, gap })),
    };
  }
  return { ...target, ...measure(target.kind, target.amount, byValue.get(target.value) ?? 0, members), shortfalls: [] };
}

// ---------------------------------------------------------------------------------------------
// Public

export async function representationSummary(ctx: Db, stages: readonly Stage[]): Promise<RepresentationSummary> {
  const counted = await countByColumns(ctx, stages);
  const { members } = counted;
  const counts: Record<RepresentationDimension, Counts> = {
    sector: counted.sector,
    type: counted.type,
    region: await countByList(ctx, 'regions_json', stages),
    population: await countByList(ctx, 'populations_json', stages),
  };
  const regions = await listedRegions(ctx);
  const targets = await readTargets(ctx);
  const targetValues = (dimension: RepresentationDimension) => targets.filter((t) => t.dimension === dimension && t.value !== EVERY_REGION).map((t) => t.value);

  return {
    stages: [...stages],
    members,
    dimensions: {
      sector: rows('sector', Object.keys(SECTORS), counts.sector, members),
      type: rows('type', Object.keys(ORGANIZATION_TYPES), counts.type, members),
      region: rows('region', unique([...regions, ...targetValues('region')]), counts.region, members),
      population: rows('population', unique([...(await populationTerms(ctx)), ...targetValues('population')]), counts.population, members),
    },
    unlisted: counted.unlisted,
    targets: targets.map((t) => status(t, counts, members, regions)),
  };
}

/** Creates a target (no id) or replaces one. One target per dimension, value and kind. */
export async function saveTarget(ctx: CallContext, input: TargetInput): Promise<Target> {
  const clash = await ctx.db
    .selectFrom('representation_targets')
    .select('id')
    .where('dimension', '=', input.dimension)
    .where('value', '=', input.value)
    .where('kind', '=', input.kind)
    .$if(input.id !== undefined, (q) => q.where('id', '<>', input.id ?? ''))
    .executeTakeFirst();
  if (clash) {
    throw new AppError('conflict', `There is already a target of this kind for ${valueLabel(input.dimension, input.value)}. Edit that one instead.`, {
      issues: [{ path: 'value', message: 'This value already has a target of this kind.' }],
    });
  }
  const row = { dimension: input.dimension, value: input.value, kind: input.kind, amount: input.amount, note: input.note, updated_at: ctx.now };
  const id = input.id ?? randomUUID();
  if (input.id !== undefined) {
    if (!(await ctx.write.update('representation_targets', id, row))) {
      throw new AppError('not_found', 'This target no longer exists. It may have been deleted.', { id });
    }
  } else {
    await ctx.write.insert('representation_targets', { id, ...row });
  }
  return toTarget(await ctx.db.selectFrom('representation_targets').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

export async function deleteTarget(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('representation_targets', id))) {
    throw new AppError('not_found', 'This target no longer exists. It may have been deleted.', { id });
  }
  return { deleted: true };
}
