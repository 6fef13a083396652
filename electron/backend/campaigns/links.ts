import type { CallContext } from '../rpc/handlers';

// How campaigns' rows follow records of other domains, through the Writer (so undo brings them
// back): the directory's delete and merge of an organization, a goal leaving the charter draft, a
// working group or an official deleted, a meeting deleted from the calendar.

/** Before an organization is deleted: its campaign participations and co-hostings go; counts it reported stay, unattributed. */
export async function detachCampaignsFrom(ctx: CallContext, organizationId: string): Promise<void> {
  const { db, write } = ctx;
  await write.removeMany('campaign_participants', await db.selectFrom('campaign_participants').selectAll().where('organization_id', '=', organizationId).execute());
  await write.removeMany('public_event_cohosts', await db.selectFrom('public_event_cohosts').selectAll().where('organization_id', '=', organizationId).execute());
  const reported = await db.selectFrom('grassroots_actions').selectAll().where('reported_by_organization_id', '=', organizationId).execute();
  await write.updateMany('grassroots_actions', reported.map((before) => ({ before, patch: { reported_by_organization_id: null, updated_at: ctx.now } })));
}

const ROLE_RANK: Record<string, number> = { lead: 0, co_sponsor: 1, supporter: 2 };

/**
 * A merge of organizations: participations, co-hostings and reported counts move to the survivor.
 * Where both took part in a campaign the survivor's row stays with the stronger of the two roles;
 * where both co-host an event the survivor's row stays.
 */
export async function moveCampaignRows(ctx: CallContext, mergedId: string, survivorId: string): Promise<void> {
  const { db, write } = ctx;
  const survivorParts = new Map(
    (await db.selectFrom('campaign_participants').selectAll().where('organization_id', '=', survivorId).execute()).map((p) => [p.campaign_id, p]),
  );
  const mergedParts = await db.selectFrom('campaign_participants').selectAll().where('organization_id', '=', mergedId).execute();
  const repeated = mergedParts.filter((p) => survivorParts.has(p.campaign_id));
  await write.removeMany('campaign_participants', repeated);
  await write.updateMany('campaign_participants', [
    ...mergedParts.filter((p) => !survivorParts.has(p.campaign_id)).map((before) => ({ before, patch: { organization_id: survivorId } })),
    ...repeated.flatMap((p) => {
      const kept = survivorParts.get(p.campaign_id);
      return kept && (ROLE_RANK[p.role] ?? 9) < (ROLE_RANK[kept.role] ?? 9) ? [{ before: kept, patch: { role: p.role } }] : [];
    }),
  ]);
  const survivorEvents = new Set(
    (await db.selectFrom('public_event_cohosts').select('event_id').where('organization_id', '=', survivorId).execute()).map((h) => h.event_id),
  );
  const cohosts = await db.selectFrom('public_event_cohosts').selectAll().where('organization_id', '=', mergedId).execute();
  await write.removeMany('public_event_cohosts', cohosts.filter((h) => survivorEvents.has(h.event_id)));
  await write.updateMany(
    'public_event_cohosts',
    cohosts.filter((h) => !survivorEvents.has(h.event_id)).map((before) => ({ before, patch: { organization_id: survivorId } })),
  );
  const reported = await db.selectFrom('grassroots_actions').selectAll().where('reported_by_organization_id', '=', mergedId).execute();
  await write.updateMany('grassroots_actions', reported.map((before) => ({ before, patch: { reported_by_organization_id: survivorId, updated_at: ctx.now } })));
}

/** Before a goal leaves the charter draft: campaigns aimed at it keep going with no goal. */
export async function unlinkCampaignGoal(ctx: CallContext, goalId: string): Promise<void> {
  const campaigns = await ctx.db.selectFrom('campaigns').selectAll().where('goal_id', '=', goalId).execute();
  await ctx.write.updateMany('campaigns', campaigns.map((before) => ({ before, patch: { goal_id: null, updated_at: ctx.now } })));
}

/** Before a working group is deleted: campaigns it led have no lead group. */
export async function clearCampaignLead(ctx: CallContext, workingGroupId: string): Promise<void> {
  const campaigns = await ctx.db.selectFrom('campaigns').selectAll().where('lead_working_group_id', '=', workingGroupId).execute();
  await ctx.write.updateMany('campaigns', campaigns.map((before) => ({ before, patch: { lead_working_group_id: null, updated_at: ctx.now } })));
}

/** Before an official is deleted: counts and petitions aimed at them stay, with no target official. */
export async function detachCampaignsFromOfficial(ctx: CallContext, officialId: string): Promise<void> {
  const actions = await ctx.db.selectFrom('grassroots_actions').selectAll().where('official_id', '=', officialId).execute();
  await ctx.write.updateMany('grassroots_actions', actions.map((before) => ({ before, patch: { official_id: null, updated_at: ctx.now } })));
  const petitions = await ctx.db.selectFrom('petitions').selectAll().where('target_official_id', '=', officialId).execute();
  await ctx.write.updateMany('petitions', petitions.map((before) => ({ before, patch: { target_official_id: null, updated_at: ctx.now } })));
}

/** A merge of officials (policy): counts and petitions move to the survivor. */
export async function moveOfficialRows(ctx: CallContext, mergedId: string, survivorId: string): Promise<void> {
  const actions = await ctx.db.selectFrom('grassroots_actions').selectAll().where('official_id', '=', mergedId).execute();
  await ctx.write.updateMany('grassroots_actions', actions.map((before) => ({ before, patch: { official_id: survivorId, updated_at: ctx.now } })));
  const petitions = await ctx.db.selectFrom('petitions').selectAll().where('target_official_id', '=', mergedId).execute();
  await ctx.write.updateMany('petitions', petitions.map((before) => ({ before, patch: { target_official_id: survivorId, updated_at: ctx.now } })));
}

/** Before a meeting is deleted from the calendar: its public event stays, unlinked. */
export async function unlinkEventMeeting(ctx: CallContext, meetingId: string): Promise<void> {
  const events = await ctx.db.selectFrom('public_events').selectAll().where('meeting_id', '=', meetingId).execute();
  await ctx.write.updateMany('public_events', events.map((before) => ({ before, patch: { meeting_id: null } })));
}
