import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  type CampaignChoices,
  type CampaignDetail,
  type CampaignInput,
  type CampaignRow,
  type CampaignStatus,
  type GoalRef,
  type Participant,
  type ParticipantInput,
  type ParticipantRole,
} from '@shared/campaigns/contract';
import { AppError } from '@shared/errors';
import { noun } from '../history/describe';
import { detachResourcesFromRecord } from '../resources/links';
import type { CallContext } from '../rpc/handlers';
import { callDate } from '../structure/common';
import { notFound, requireIds, type Db } from './common';
import { listEvents } from './events';
import { grassrootsTotals } from './grassroots';
import { messagesOf } from './messages';
import { listPetitions } from './petitions';

// Campaigns: name, policy ask, a charter goal, status (with its history), dates, the lead
// working group and the partner organizations taking part with their role.

/** The records that are parts of a campaign and go with it when it is deleted. */
const PARTS = ['campaign_participants', 'key_messages', 'campaign_status_changes'] as const;
/** Other domains' rows that outlive the campaign without it (resources/links.ts clears them). */
const DETACHED: readonly string[] = ['in_kind_contributions', 'fundraising_campaigns'];

function rowsQuery(ctx: Db) {
  const count = (table: string, where = '') =>
    sql<number>`(select count(*) from ${sql.table(table)} x where x.campaign_id = c.id ${sql.raw(where)})`;
  return ctx.db
    .selectFrom('campaigns as c')
    .leftJoin('charter_goal as g', 'g.id', 'c.goal_id')
    .leftJoin('working_groups as w', 'w.id', 'c.lead_working_group_id')
    .selectAll('c')
    .select([
      'g.title as goal_title',
      'g.category as goal_category',
      'w.name as group_name',
      count('campaign_participants').as('partner_count'),
      count('key_messages').as('message_count'),
      count('key_messages', "and x.status = 'approved'").as('approved_count'),
      count('public_events').as('event_count'),
      count('petitions').as('petition_count'),
      // Kept per campaign by triggers (017_read_indexes): summing every count here was most of the list's time.
      sql<number>`coalesce((select x.total from campaign_grassroots_totals x where x.id = c.id), 0)`.as('grassroots_total'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof rowsQuery>['execute']>>[number];

function toRow(row: Row): CampaignRow {
  return {
    id: row.id,
    name: row.name,
    ask: row.ask,
    status: row.status as CampaignStatus,
    goal: row.goal_id && row.goal_title !== null ? { id: row.goal_id, title: row.goal_title, category: row.goal_category as GoalRef['category'] } : null,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    leadWorkingGroup: row.lead_working_group_id && row.group_name !== null ? { id: row.lead_working_group_id, name: row.group_name } : null,
    partnerCount: Number(row.partner_count),
    messageCount: Number(row.message_count),
    approvedMessageCount: Number(row.approved_count),
    eventCount: Number(row.event_count),
    petitionCount: Number(row.petition_count),
    grassrootsTotal: Number(row.grassroots_total),
  };
}

/** Active first, then planning, paused, won, lost; by name within a status. */
const STATUS_ORDER = sql`case c.status when 'active' then 0 when 'planning' then 1 when 'paused' then 2 when 'won' then 3 else 4 end`;

export async function listCampaigns(ctx: Db, statuses: readonly CampaignStatus[]): Promise<CampaignRow[]> {
  let query = rowsQuery(ctx);
  if (statuses.length > 0) query = query.where('c.status', 'in', statuses);
  return (await query.orderBy(STATUS_ORDER).orderBy('c.name').orderBy('c.id').execute()).map(toRow);
}

async function participantsOf(ctx: Db, campaignId: string): Promise<Participant[]> {
  const rows = await ctx.db
    .selectFrom('campaign_participants as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'p.role', 'o.id as organization_id', 'o.name'])
    .where('p.campaign_id', '=', campaignId)
    .orderBy(sql`case p.role when 'lead' then 0 when 'co_sponsor' then 1 else 2 end`)
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ id: r.id, organization: { id: r.organization_id, name: r.name }, role: r.role as ParticipantRole }));
}

export async function getCampaign(ctx: Db, id: string): Promise<CampaignDetail> {
  const row = await rowsQuery(ctx).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('campaigns', id);
  const history = await ctx.db.selectFrom('campaign_status_changes').select(['status', 'changed_on']).where('campaign_id', '=', id).orderBy('changed_on').orderBy(sql`rowid`).execute();
  return {
    ...toRow(row),
    notes: row.notes,
    participants: await participantsOf(ctx, id),
    messages: await messagesOf(ctx, id),
    events: await listEvents(ctx, { campaignId: id }),
    petitions: await listPetitions(ctx, { campaignId: id }),
    grassroots: await grassrootsTotals(ctx.db, { campaignId: id }),
    statusHistory: history.map((h) => ({ status: h.status as CampaignStatus, on: h.changed_on })),
    updatedAt: row.updated_at,
  };
}

export async function saveCampaign(ctx: CallContext, input: CampaignInput): Promise<CampaignDetail> {
  if (input.goalId) await requireIds(ctx, 'charter_goal', [input.goalId], 'goalId');
  if (input.leadWorkingGroupId) await requireIds(ctx, 'working_groups', [input.leadWorkingGroupId], 'leadWorkingGroupId');
  const fields = {
    name: input.name,
    ask: input.ask,
    goal_id: input.goalId,
    status: input.status,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    lead_working_group_id: input.leadWorkingGroupId,
    notes: input.notes,
    updated_at: ctx.now,
  };
  const id = input.id ?? randomUUID();
  let statusChanged = true;
  if (input.id) {
    const before = await ctx.db.selectFrom('campaigns').select('status').where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('campaigns', id);
    statusChanged = before.status !== input.status;
    await ctx.write.update('campaigns', id, fields);
  } else {
    await ctx.write.insert('campaigns', { id, ...fields, created_at: ctx.now });
  }
  if (statusChanged) await ctx.write.insert('campaign_status_changes', { id: randomUUID(), campaign_id: id, status: input.status, changed_on: callDate(ctx) });
  return getCampaign(ctx, id);
}

/** Tables with a foreign key to campaigns (any domain's), read from the schema itself. */
async function referringColumns(ctx: Db): Promise<{ table: string; column: string }[]> {
  const { rows } = await sql<{ table: string; column: string }>`
    select m.name as "table", f."from" as "column"
      from sqlite_master m, pragma_foreign_key_list(m.name) f
     where m.type = 'table' and f."table" = 'campaigns'`.execute(ctx.db);
  return rows;
}

function listing(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * Deletes a campaign with its parts (partners, key messages, status history). Records with a life
 * of their own (events, petitions, grassroots counts, other domains' targets, stances, media
 * items…) are never deleted behind the coordinator's back: while any refers to the campaign the
 * delete is refused, naming them. In-kind support and fundraising for it stay, without the link.
 */
export async function deleteCampaign(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  const campaign = await ctx.db.selectFrom('campaigns').select('name').where('id', '=', id).executeTakeFirst();
  if (!campaign) throw notFound('campaigns', id);
  const referring: string[] = [];
  for (const { table, column } of await referringColumns(ctx)) {
    if ((PARTS as readonly string[]).includes(table) || DETACHED.includes(table)) continue;
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${id}`.execute(ctx.db);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) referring.push(`${n.toLocaleString('en-US')} ${noun(table, n)}`);
  }
  if (referring.length > 0) {
    throw new AppError(
      'conflict',
      `The campaign “${campaign.name}” still has ${listing(referring)}. Delete or move them first, or mark the campaign won, lost or paused instead.`,
      { referring },
    );
  }
  await detachResourcesFromRecord(ctx, { campaignId: id });
  for (const table of PARTS) {
    await ctx.write.removeMany(table, await ctx.db.selectFrom(table).selectAll().where('campaign_id', '=', id).execute());
  }
  await ctx.write.remove('campaigns', id);
  return { deleted: true };
}

export async function saveParticipant(ctx: CallContext, input: ParticipantInput): Promise<Participant> {
  await requireIds(ctx, 'campaigns', [input.campaignId], 'campaignId');
  await requireIds(ctx, 'organizations', [input.organizationId], 'organizationId');
  const existing = await ctx.db
    .selectFrom('campaign_participants')
    .select('id')
    .where('campaign_id', '=', input.campaignId)
    .where('organization_id', '=', input.organizationId)
    .executeTakeFirst();
  const id = existing?.id ?? randomUUID();
  if (existing) await ctx.write.update('campaign_participants', id, { role: input.role });
  else await ctx.write.insert('campaign_participants', { id, campaign_id: input.campaignId, organization_id: input.organizationId, role: input.role, created_at: ctx.now });
  const participant = (await participantsOf(ctx, input.campaignId)).find((p) => p.id === id);
  if (!participant) throw notFound('campaign_participants', id);
  return participant;
}

export async function removeParticipant(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('campaign_participants', id))) throw notFound('campaign_participants', id);
  return { deleted: true };
}

export async function campaignChoices(ctx: Db): Promise<CampaignChoices> {
  const campaigns = await ctx.db.selectFrom('campaigns as c').select(['c.id', 'c.name', 'c.status']).orderBy(STATUS_ORDER).orderBy('c.name').execute();
  const goals = await ctx.db.selectFrom('charter_goal').select(['id', 'title', 'category']).orderBy('position').execute();
  const officials = await ctx.db.selectFrom('officials').select(['id', 'name']).orderBy('name').execute();
  return {
    campaigns: campaigns.map((c) => ({ id: c.id, name: c.name, status: c.status as CampaignStatus })),
    goals: goals.map((g) => ({ id: g.id, title: g.title, category: g.category as GoalRef['category'] })),
    officials,
  };
}
