import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ACTION_KIND_VALUES, type ActionKind, type GrassrootsAction, type GrassrootsFilter, type GrassrootsInput, type GrassrootsTotals } from '@shared/campaigns/contract';
import type { Database } from '../db/schema';
import { chunks } from '../meetings/common';
import type { CallContext } from '../rpc/handlers';
import { notFound, requireIds, type Db } from './common';

// Grassroots actions: counts of letters, calls, emails, petition signatures and visits reported
// by partners, by campaign, target official, district and day. Totals only: no constituent is
// ever recorded. grassrootsTotals is what briefing packets and metrics read.

function filtered(db: Kysely<Database>, filter: GrassrootsFilter) {
  let query = db.selectFrom('grassroots_actions as g');
  if (filter.campaignId) query = query.where('g.campaign_id', '=', filter.campaignId);
  if (filter.officialId) query = query.where('g.official_id', '=', filter.officialId);
  if (filter.district) query = query.where('g.district', '=', filter.district);
  if (filter.from) query = query.where('g.action_on', '>=', filter.from);
  if (filter.to) query = query.where('g.action_on', '<=', filter.to);
  return query;
}

/**
 * Totals by kind, campaign, official and district of the actions matching the filter (days
 * inclusive). The matching rows are read once, through the filter's index, and added up here;
 * the names are read for the campaigns and officials that appear.
 */
export async function grassrootsTotals(db: Kysely<Database>, filter: GrassrootsFilter): Promise<GrassrootsTotals> {
  const rows = await filtered(db, filter).select(['g.kind', 'g.count', 'g.campaign_id', 'g.official_id', 'g.district']).execute();
  const byKind = Object.fromEntries(ACTION_KIND_VALUES.map((k) => [k, 0])) as Record<ActionKind, number>;
  const campaigns = new Map<string, number>();
  const officials = new Map<string | null, number>();
  const districts = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    total += row.count;
    byKind[row.kind as ActionKind] += row.count;
    campaigns.set(row.campaign_id, (campaigns.get(row.campaign_id) ?? 0) + row.count);
    officials.set(row.official_id, (officials.get(row.official_id) ?? 0) + row.count);
    districts.set(row.district, (districts.get(row.district) ?? 0) + row.count);
  }
  const campaignNames = await namesOf(db, 'campaigns', [...campaigns.keys()]);
  const officialNames = await namesOf(db, 'officials', [...officials.keys()].filter((id): id is string => id !== null));
  const sorted = <T extends { name: string; total: number }>(items: T[]) => items.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return {
    total,
    byKind,
    byCampaign: sorted([...campaigns].map(([id, sum]) => ({ id, name: campaignNames.get(id) ?? '', total: sum }))),
    byOfficial: sorted([...officials].map(([id, sum]) => ({ id, name: id === null ? 'No target official' : (officialNames.get(id) ?? ''), total: sum }))),
    byDistrict: [...districts].map(([district, sum]) => ({ district, total: sum })).sort((a, b) => b.total - a.total || a.district.localeCompare(b.district)),
  };
}

async function namesOf(db: Kysely<Database>, table: 'campaigns' | 'officials', ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const batch of chunks(ids)) {
    for (const row of await db.selectFrom(table).select(['id', 'name']).where('id', 'in', batch).execute()) names.set(row.id, row.name);
  }
  return names;
}

function actionsQuery(db: Kysely<Database>, filter: GrassrootsFilter) {
  return filtered(db, filter)
    .innerJoin('campaigns as c', 'c.id', 'g.campaign_id')
    .leftJoin('officials as o', 'o.id', 'g.official_id')
    .leftJoin('organizations as r', 'r.id', 'g.reported_by_organization_id')
    .selectAll('g')
    .select(['c.name as campaign_name', 'o.name as official_name', 'r.name as reporter_name']);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionsQuery>['execute']>>[number];

function toAction(row: ActionRow): GrassrootsAction {
  return {
    id: row.id,
    campaign: { id: row.campaign_id, name: row.campaign_name },
    kind: row.kind as ActionKind,
    count: row.count,
    official: row.official_id ? { id: row.official_id, name: row.official_name ?? '' } : null,
    district: row.district,
    on: row.action_on,
    reportedBy: row.reported_by_organization_id ? { id: row.reported_by_organization_id, name: row.reporter_name ?? '' } : null,
    notes: row.notes,
  };
}

/** The most rows one list returns (the totals cover everything). */
const LIST_LIMIT = 1_000;

export async function listActions(ctx: Db, filter: GrassrootsFilter): Promise<GrassrootsAction[]> {
  const rows = await actionsQuery(ctx.db, filter).orderBy('g.action_on', 'desc').orderBy('g.created_at', 'desc').orderBy('g.id').limit(LIST_LIMIT).execute();
  return rows.map(toAction);
}

export async function saveAction(ctx: CallContext, input: GrassrootsInput): Promise<GrassrootsAction> {
  await requireIds(ctx, 'campaigns', [input.campaignId], 'campaignId');
  if (input.officialId) await requireIds(ctx, 'officials', [input.officialId], 'officialId');
  if (input.reportedByOrganizationId) await requireIds(ctx, 'organizations', [input.reportedByOrganizationId], 'reportedByOrganizationId');
  const fields = {
    campaign_id: input.campaignId,
    kind: input.kind,
    count: input.count,
    official_id: input.officialId,
    district: input.district,
    action_on: input.on,
    reported_by_organization_id: input.reportedByOrganizationId,
    notes: input.notes,
    updated_at: ctx.now,
  };
  const id = input.id ?? randomUUID();
  if (input.id) {
    if (!(await ctx.write.update('grassroots_actions', id, fields))) throw notFound('grassroots_actions', id);
  } else {
    await ctx.write.insert('grassroots_actions', { id, ...fields, created_at: ctx.now });
  }
  return toAction(await actionsQuery(ctx.db, {}).where('g.id', '=', id).executeTakeFirstOrThrow());
}

export async function deleteAction(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('grassroots_actions', id))) throw notFound('grassroots_actions', id);
  return { deleted: true };
}
