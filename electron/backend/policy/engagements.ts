import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { Engagement, EngagementInput, EngagementKind, EngagementSummary, PresentedKind } from '@shared/policy/contract';
import type { MeetingInput } from '@shared/meetings/contract';
import type { EngagementsTable } from './tables';
import { invite, uninvite } from '../meetings/invitees';
import { createMeeting, deleteMeeting, updateMeeting } from '../meetings/service';
import type { CallContext } from '../rpc/handlers';
import { chunks, notFound, requireIds, type Db } from './common';

// Engagements with officials or their staff: meetings, testimony, briefings, letters, site visits.
// An engagement with a time (always for a meeting) has a policymaker meeting in the meeting
// planner, created, updated and deleted with it through the meetings service in the same call
// (one undo step); its coalition attendees are the meeting's invitees. `engagements_officials`
// copies the engagement's date so an official's engagements read in order from one index.

export interface EngagementQuery {
  officialId: string | null;
  billId: string | null;
  campaignId: string | null;
  openFollowUps: boolean;
  offset: number;
  limit: number;
}

async function summariesOf(ctx: Db, rows: readonly EngagementsTable[]): Promise<EngagementSummary[]> {
  const ids = rows.map((r) => r.id);
  const officials = new Map<string, { id: string; name: string }[]>();
  for (const batch of chunks(ids)) {
    const found = await ctx.db
      .selectFrom('engagement_officials as e')
      .innerJoin('officials as o', 'o.id', 'e.official_id')
      .select(['e.engagement_id', 'o.id', 'o.name'])
      .where('e.engagement_id', 'in', batch)
      .orderBy(sql`o.name collate nocase`)
      .execute();
    for (const f of found) officials.set(f.engagement_id, [...(officials.get(f.engagement_id) ?? []), { id: f.id, name: f.name }]);
  }
  const billIds = [...new Set(rows.flatMap((r) => (r.bill_id ? [r.bill_id] : [])))];
  const bills = new Map<string, string>();
  for (const batch of chunks(billIds)) {
    for (const b of await ctx.db.selectFrom('bills').select(['id', 'identifier', 'title']).where('id', 'in', batch).execute()) bills.set(b.id, `${b.identifier} ${b.title}`);
  }
  const ownerIds = [...new Set(rows.flatMap((r) => (r.follow_up_owner_person_id ? [r.follow_up_owner_person_id] : [])))];
  const owners = new Map<string, string>();
  for (const batch of chunks(ownerIds)) {
    for (const p of await ctx.db.selectFrom('people').select(['id', 'name']).where('id', 'in', batch).execute()) owners.set(p.id, p.name);
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as EngagementKind,
    title: r.title,
    occurredOn: r.occurred_on,
    officials: officials.get(r.id) ?? [],
    campaignId: r.campaign_id,
    billId: r.bill_id,
    billLabel: r.bill_id ? (bills.get(r.bill_id) ?? null) : null,
    outcome: r.outcome,
    followUp: r.follow_up,
    followUpDueOn: r.follow_up_due_on,
    followUpDone: r.follow_up_done === 1,
    followUpOwnerName: r.follow_up_owner_person_id ? (owners.get(r.follow_up_owner_person_id) ?? null) : null,
    meetingId: r.meeting_id,
  }));
}

/** Engagements of an official, a bill or a campaign (or with open follow-ups), newest first. */
export async function engagementsOf(ctx: Db, q: EngagementQuery): Promise<{ total: number; rows: EngagementSummary[] }> {
  if (q.officialId) return engagementsOfOfficial(ctx, { ...q, officialId: q.officialId });
  let query = ctx.db.selectFrom('engagements as g');
  if (q.billId) query = query.where('g.bill_id', '=', q.billId);
  if (q.campaignId) query = query.where('g.campaign_id', '=', q.campaignId);
  if (q.openFollowUps) query = query.where('g.follow_up_done', '=', 0).where('g.follow_up', '<>', '');
  const total = await query.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await query.selectAll('g').orderBy('g.occurred_on', 'desc').orderBy('g.created_at', 'desc').offset(q.offset).limit(q.limit).execute();
  return { total: Number(total?.n ?? 0), rows: await summariesOf(ctx, rows) };
}

/** One official's engagements, read in date order from the (official, date) index of engagement_officials. */
async function engagementsOfOfficial(ctx: Db, q: EngagementQuery & { officialId: string }): Promise<{ total: number; rows: EngagementSummary[] }> {
  let query = ctx.db.selectFrom('engagement_officials as eo').innerJoin('engagements as g', 'g.id', 'eo.engagement_id').where('eo.official_id', '=', q.officialId);
  if (q.billId) query = query.where('g.bill_id', '=', q.billId);
  if (q.campaignId) query = query.where('g.campaign_id', '=', q.campaignId);
  if (q.openFollowUps) query = query.where('g.follow_up_done', '=', 0).where('g.follow_up', '<>', '');
  const total = await query.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await query.selectAll('g').orderBy('eo.occurred_on', 'desc').orderBy('g.created_at', 'desc').offset(q.offset).limit(q.limit).execute();
  return { total: Number(total?.n ?? 0), rows: await summariesOf(ctx, rows) };
}

export async function getEngagement(ctx: Db, id: string): Promise<Engagement> {
  const row = await ctx.db.selectFrom('engagements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('engagements', id, 'id');
  const [summary] = await summariesOf(ctx, [row]);
  const officials = await ctx.db
    .selectFrom('engagement_officials as e')
    .innerJoin('officials as o', 'o.id', 'e.official_id')
    .leftJoin('official_staffers as s', 's.id', 'e.staffer_id')
    .select(['o.id', 'o.name', 'e.staffer_id', 's.name as staffer_name'])
    .where('e.engagement_id', '=', id)
    .orderBy(sql`o.name collate nocase`)
    .execute();
  const attendees = await ctx.db
    .selectFrom('engagement_attendees as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['p.id', 'p.name'])
    .where('a.engagement_id', '=', id)
    .orderBy(sql`p.name collate nocase`)
    .execute();
  const campaign = row.campaign_id ? await ctx.db.selectFrom('campaigns').select('name').where('id', '=', row.campaign_id).executeTakeFirst() : undefined;
  return {
    ...(summary as EngagementSummary),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    location: row.location,
    officials: officials.map((o) => ({ id: o.id, name: o.name, stafferId: o.staffer_id, stafferName: o.staffer_name })),
    attendees,
    campaignName: campaign?.name ?? null,
    presented: JSON.parse(row.presented_json) as PresentedKind[],
    presentedNote: row.presented_note,
    followUpOwnerPersonId: row.follow_up_owner_person_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function checkReferences(ctx: Db, input: EngagementInput, prefix: string): Promise<void> {
  await requireIds(ctx, 'officials', input.officials.map((o) => o.officialId), (i) => `${prefix}officials.${i}.officialId`);
  for (const [i, o] of input.officials.entries()) {
    if (o.stafferId === null) continue;
    const staffer = await ctx.db.selectFrom('official_staffers').select('official_id').where('id', '=', o.stafferId).executeTakeFirst();
    if (!staffer) throw notFound('official_staffers', o.stafferId, `${prefix}officials.${i}.stafferId`);
    if (staffer.official_id !== o.officialId) {
      throw new AppError('validation', 'This staffer works for another official.', { issues: [{ path: `${prefix}officials.${i}.stafferId`, message: 'This staffer works for another official.' }] });
    }
  }
  await requireIds(ctx, 'people', input.attendeePersonIds, (i) => `${prefix}attendeePersonIds.${i}`);
  await requireIds(ctx, 'people', [input.followUpOwnerPersonId], `${prefix}followUpOwnerPersonId`);
  await requireIds(ctx, 'campaigns', [input.campaignId], `${prefix}campaignId`);
  await requireIds(ctx, 'bills', [input.billId], `${prefix}billId`);
}

function columns(input: EngagementInput) {
  return {
    kind: input.kind,
    title: input.title,
    occurred_on: input.occurredOn,
    starts_at: input.startsAt ? new Date(input.startsAt).toISOString() : null,
    ends_at: input.endsAt ? new Date(input.endsAt).toISOString() : null,
    time_zone: input.timeZone,
    location: input.location,
    campaign_id: input.campaignId,
    bill_id: input.billId,
    presented_json: JSON.stringify(input.presented),
    presented_note: input.presentedNote,
    outcome: input.outcome,
    follow_up: input.followUp,
    follow_up_owner_person_id: input.followUpOwnerPersonId,
    follow_up_due_on: input.followUpDueOn,
    follow_up_done: input.followUpDone ? 1 : 0,
  };
}

/** The planner meeting of an engagement with a time: a policymaker meeting titled after it and the officials met. */
async function meetingInput(ctx: Db, input: EngagementInput): Promise<MeetingInput | null> {
  if (input.startsAt === null || input.endsAt === null || input.timeZone === null) return null;
  const names = (await ctx.db.selectFrom('officials').select('name').where('id', 'in', input.officials.map((o) => o.officialId)).orderBy('name').execute()).map((o) => o.name);
  const who = names.length > 2 ? `${names.slice(0, 2).join(', ')} +${names.length - 2}` : names.join(', ');
  const title = who ? `${input.title} — ${who}` : input.title;
  return {
    type: 'policymaker',
    title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
    location: input.location,
    videoUrl: '',
    organizerPersonId: input.followUpOwnerPersonId ?? null,
    workingGroupId: null,
    status: 'scheduled',
  };
}

/** Officials met and coalition attendees: replaced by the input's lists. */
async function saveLinks(ctx: CallContext, id: string, input: EngagementInput): Promise<{ addedPeople: string[]; removedPeople: string[] }> {
  const officials = await ctx.db.selectFrom('engagement_officials').selectAll().where('engagement_id', '=', id).execute();
  const wanted = new Map(input.officials.map((o) => [o.officialId, o.stafferId]));
  await ctx.write.removeMany('engagement_officials', officials.filter((o) => !wanted.has(o.official_id)));
  await ctx.write.updateMany(
    'engagement_officials',
    officials.filter((o) => wanted.has(o.official_id)).map((before) => ({ before, patch: { staffer_id: wanted.get(before.official_id) ?? null, occurred_on: input.occurredOn } })),
  );
  const had = new Set(officials.map((o) => o.official_id));
  await ctx.write.insertMany(
    'engagement_officials',
    input.officials.filter((o) => !had.has(o.officialId)).map((o) => ({ id: randomUUID(), engagement_id: id, official_id: o.officialId, staffer_id: o.stafferId, occurred_on: input.occurredOn })),
  );
  const attendees = await ctx.db.selectFrom('engagement_attendees').selectAll().where('engagement_id', '=', id).execute();
  const people = new Set(input.attendeePersonIds);
  const removed = attendees.filter((a) => !people.has(a.person_id));
  await ctx.write.removeMany('engagement_attendees', removed);
  const present = new Set(attendees.map((a) => a.person_id));
  const added = [...people].filter((p) => !present.has(p));
  await ctx.write.insertMany('engagement_attendees', added.map((p) => ({ id: randomUUID(), engagement_id: id, person_id: p })));
  return { addedPeople: added, removedPeople: removed.map((r) => r.person_id) };
}

export async function createEngagement(ctx: CallContext, input: EngagementInput): Promise<Engagement> {
  await checkReferences(ctx, input, '');
  const planned = await meetingInput(ctx, input);
  const meetingId = planned ? (await createMeeting(ctx, planned)).id : null;
  const id = randomUUID();
  await ctx.write.insert('engagements', { id, ...columns(input), meeting_id: meetingId, created_at: ctx.now, updated_at: ctx.now });
  await saveLinks(ctx, id, input);
  if (meetingId && input.attendeePersonIds.length > 0) await invite(ctx, { meetingId, personIds: input.attendeePersonIds, groups: [] });
  return getEngagement(ctx, id);
}

export async function updateEngagement(ctx: CallContext, id: string, input: EngagementInput): Promise<Engagement> {
  const before = await ctx.db.selectFrom('engagements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('engagements', id, 'id');
  await checkReferences(ctx, input, 'engagement.');
  const planned = await meetingInput(ctx, input);
  let meetingId = before.meeting_id;
  if (planned && meetingId) await updateMeeting(ctx, meetingId, planned);
  else if (planned) meetingId = (await createMeeting(ctx, planned)).id;
  await ctx.write.update('engagements', id, { ...columns(input), meeting_id: planned ? meetingId : null, updated_at: ctx.now });
  if (!planned && meetingId) await deleteMeeting(ctx, meetingId);
  const { addedPeople, removedPeople } = await saveLinks(ctx, id, input);
  if (planned && meetingId) {
    const fresh = meetingId !== before.meeting_id;
    const toInvite = fresh ? input.attendeePersonIds : addedPeople;
    if (toInvite.length > 0) await invite(ctx, { meetingId, personIds: toInvite, groups: [] });
    if (!fresh) {
      for (const personId of removedPeople) {
        const invited = await ctx.db.selectFrom('meeting_invitees').select('id').where('meeting_id', '=', meetingId).where('person_id', '=', personId).executeTakeFirst();
        if (invited) await uninvite(ctx, { meetingId, personId });
      }
    }
  }
  return getEngagement(ctx, id);
}

export async function deleteEngagement(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  const row = await ctx.db.selectFrom('engagements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('engagements', id, 'id');
  await ctx.write.removeMany('engagement_officials', await ctx.db.selectFrom('engagement_officials').selectAll().where('engagement_id', '=', id).execute());
  await ctx.write.removeMany('engagement_attendees', await ctx.db.selectFrom('engagement_attendees').selectAll().where('engagement_id', '=', id).execute());
  await ctx.write.remove('engagements', id);
  if (row.meeting_id) await deleteMeeting(ctx, row.meeting_id);
  return { deleted: true };
}

/** An official is deleted: removed from their engagements; an engagement left with no official is deleted. */
export async function removeOfficialFromEngagements(ctx: CallContext, officialId: string): Promise<void> {
  const links = await ctx.db.selectFrom('engagement_officials').selectAll().where('official_id', '=', officialId).execute();
  await ctx.write.removeMany('engagement_officials', links);
  for (const link of links) {
    const left = await ctx.db.selectFrom('engagement_officials').select('id').where('engagement_id', '=', link.engagement_id).limit(1).executeTakeFirst();
    if (!left) await deleteEngagement(ctx, link.engagement_id);
  }
}

/** A bill is deleted: its engagements stay, about no bill. */
export async function clearBillFromEngagements(ctx: CallContext, billId: string): Promise<void> {
  const rows = await ctx.db.selectFrom('engagements').selectAll().where('bill_id', '=', billId).execute();
  await ctx.write.updateMany('engagements', rows.map((before) => ({ before, patch: { bill_id: null, updated_at: ctx.now } })));
}
