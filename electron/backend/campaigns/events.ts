import { randomUUID } from 'node:crypto';
import type { EventInput, EventKind, PublicEvent } from '@shared/campaigns/contract';
import type { MeetingInput } from '@shared/meetings/contract';
import { normalInstant } from '../meetings/common';
import { createMeeting, deleteMeeting, updateMeeting } from '../meetings/service';
import { detachResourcesFromRecord } from '../resources/links';
import type { CallContext } from '../rpc/handlers';
import { groupBy } from '../structure/common';
import { notFound, requireIds, type Db } from './common';

// Public events (rallies, town halls, forums, press conferences, lobby days). Each keeps a meeting
// on the planner's calendar in step, written through the meetings service in the same transaction
// (one undo step): created with the event, changed with it, deleted with it. A meeting deleted
// from the calendar only unlinks its event (links.ts); the next save of the event puts it back.

function eventsQuery(ctx: Db) {
  return ctx.db
    .selectFrom('public_events as e')
    .leftJoin('campaigns as c', 'c.id', 'e.campaign_id')
    .selectAll('e')
    .select('c.name as campaign_name');
}

type EventRow = Awaited<ReturnType<ReturnType<typeof eventsQuery>['execute']>>[number];

async function toEvents(ctx: Db, rows: EventRow[]): Promise<PublicEvent[]> {
  const ids = rows.map((row) => row.id);
  const cohosts =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('public_event_cohosts as h')
          .innerJoin('organizations as o', 'o.id', 'h.organization_id')
          .select(['h.event_id', 'o.id', 'o.name'])
          .where('h.event_id', 'in', ids)
          .orderBy('o.name')
          .execute();
  const byEvent = groupBy(cohosts, (h) => h.event_id);
  return rows.map((row) => ({
    id: row.id,
    campaign: row.campaign_id && row.campaign_name !== null ? { id: row.campaign_id, name: row.campaign_name } : null,
    kind: row.kind as EventKind,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    location: row.location,
    description: row.description,
    rsvps: row.rsvps,
    attendance: row.attendance,
    peopleReached: row.people_reached,
    cohosts: (byEvent.get(row.id) ?? []).map((h) => ({ id: h.id, name: h.name })),
    meetingId: row.meeting_id,
  }));
}

export async function listEvents(ctx: Db, input: { campaignId?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<PublicEvent[]> {
  let query = eventsQuery(ctx);
  if (input.campaignId) query = query.where('e.campaign_id', '=', input.campaignId);
  if (input.from) query = query.where('e.ends_at', '>', normalInstant(input.from));
  if (input.to) query = query.where('e.starts_at', '<', normalInstant(input.to));
  return toEvents(ctx, await query.orderBy('e.starts_at').orderBy('e.id').execute());
}

async function getEvent(ctx: Db, id: string): Promise<PublicEvent> {
  const [event] = await toEvents(ctx, await eventsQuery(ctx).where('e.id', '=', id).execute());
  if (!event) throw notFound('public_events', id);
  return event;
}

/** Town halls and forums are town-hall meetings on the calendar; the rest are "other". */
function meetingType(kind: EventKind): MeetingInput['type'] {
  return kind === 'town_hall' || kind === 'community_forum' ? 'town_hall' : 'other';
}

async function syncMeeting(ctx: CallContext, meetingId: string | null, input: EventInput): Promise<string> {
  const fields = { type: meetingType(input.kind), title: input.title, startsAt: input.startsAt, endsAt: input.endsAt, timeZone: input.timeZone, location: input.location };
  const current = meetingId ? await ctx.db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst() : undefined;
  if (!current) {
    const created = await createMeeting(ctx, { ...fields, videoUrl: '', organizerPersonId: null, workingGroupId: null, status: 'scheduled' });
    return created.id;
  }
  // What the planner added to the meeting (organizer, video link, status) stays.
  await updateMeeting(ctx, current.id, {
    ...fields,
    videoUrl: current.video_url,
    organizerPersonId: current.organizer_person_id,
    workingGroupId: current.working_group_id,
    status: current.status === 'cancelled' ? 'cancelled' : 'scheduled',
  });
  return current.id;
}

async function saveCohosts(ctx: CallContext, eventId: string, organizationIds: readonly string[]): Promise<void> {
  const existing = await ctx.db.selectFrom('public_event_cohosts').selectAll().where('event_id', '=', eventId).execute();
  const wanted = new Set(organizationIds);
  await ctx.write.removeMany('public_event_cohosts', existing.filter((h) => !wanted.has(h.organization_id)));
  const have = new Set(existing.map((h) => h.organization_id));
  await ctx.write.insertMany(
    'public_event_cohosts',
    organizationIds.filter((id) => !have.has(id)).map((organizationId) => ({ id: randomUUID(), event_id: eventId, organization_id: organizationId })),
  );
}

export async function saveEvent(ctx: CallContext, input: EventInput): Promise<PublicEvent> {
  if (input.campaignId) await requireIds(ctx, 'campaigns', [input.campaignId], 'campaignId');
  await requireIds(ctx, 'organizations', input.cohostIds, 'cohostIds');
  const fields = {
    campaign_id: input.campaignId,
    kind: input.kind,
    title: input.title,
    starts_at: normalInstant(input.startsAt),
    ends_at: normalInstant(input.endsAt),
    time_zone: input.timeZone,
    location: input.location,
    description: input.description,
    rsvps: input.rsvps,
    attendance: input.attendance,
    people_reached: input.peopleReached,
  };
  let id = input.id;
  if (id) {
    const before = await ctx.db.selectFrom('public_events').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('public_events', id);
    const meetingId = await syncMeeting(ctx, before.meeting_id, input);
    await ctx.write.update('public_events', id, { ...fields, meeting_id: meetingId, updated_at: ctx.now });
  } else {
    id = randomUUID();
    const meetingId = await syncMeeting(ctx, null, input);
    await ctx.write.insert('public_events', { id, ...fields, meeting_id: meetingId, created_at: ctx.now, updated_at: ctx.now });
  }
  await saveCohosts(ctx, id, input.cohostIds);
  return getEvent(ctx, id);
}

export async function deleteEvent(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  const row = await ctx.db.selectFrom('public_events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('public_events', id);
  await detachResourcesFromRecord(ctx, { eventId: id });
  await ctx.write.removeMany('public_event_cohosts', await ctx.db.selectFrom('public_event_cohosts').selectAll().where('event_id', '=', id).execute());
  await ctx.write.remove('public_events', id);
  if (row.meeting_id && (await ctx.db.selectFrom('meetings').select('id').where('id', '=', row.meeting_id).executeTakeFirst())) {
    await deleteMeeting(ctx, row.meeting_id);
  }
  return { deleted: true };
}
