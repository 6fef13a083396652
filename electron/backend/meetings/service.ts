import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import {
  MAX_MEETING_HOURS,
  MAX_RANGE_MEETINGS,
  type MeetingDetail,
  type MeetingInput,
  type MeetingSummary,
  type MeetingType,
} from '@shared/meetings/contract';
import { unlinkEventMeeting } from '../campaigns/links';
import { detachMeetingFromEngagements } from '../policy/links';
import { detachResourcesFromRecord } from '../resources/links';
import type { CallContext } from '../rpc/handlers';
import { actionItemsOf, detachActionItems, listActionItems } from './actionItems';
import { agendaOf } from './agenda';
import { meetingNotFound, normalInstant, requireMeetingRow, requirePeople, type Db } from './common';
import { decisionsOf, quorumOf } from './decisions';
import { conflictsFor, inviteesOf, organizationsRepresented } from './invitees';

const LONGEST_MS = MAX_MEETING_HOURS * 3_600_000;

/** The columns of a calendar entry: the meeting, its group's name and how many are invited. */
function summaries(ctx: Db) {
  return ctx.db
    .selectFrom('meetings as m')
    .leftJoin('working_groups as wg', 'wg.id', 'm.working_group_id')
    .select([
      'm.id',
      'm.type',
      'm.title',
      'm.starts_at',
      'm.ends_at',
      'm.time_zone',
      'm.location',
      'm.status',
      'm.working_group_id',
      'wg.name as working_group_name',
      (eb) => eb.selectFrom('meeting_invitees as i').select((e) => e.fn.countAll<number>().as('n')).whereRef('i.meeting_id', '=', 'm.id').as('invited'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

function toSummary(row: SummaryRow): MeetingSummary {
  return {
    id: row.id,
    type: row.type as MeetingType,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    location: row.location,
    status: row.status as MeetingSummary['status'],
    workingGroupId: row.working_group_id,
    workingGroupName: row.working_group_name,
    invited: Number(row.invited ?? 0),
  };
}

/**
 * Meetings overlapping [from, to). A meeting lasts at most MAX_MEETING_HOURS, so only those
 * starting from that long before `from` can overlap: the starts_at index bounds the read.
 */
export async function meetingsInRange(
  ctx: Db,
  input: { from: string; to: string; types?: readonly MeetingType[] | undefined; workingGroupId?: string | undefined; status?: 'scheduled' },
): Promise<{ meetings: MeetingSummary[]; truncated: boolean }> {
  const from = normalInstant(input.from);
  const to = normalInstant(input.to);
  let query = summaries(ctx)
    .where('m.starts_at', '>=', new Date(Date.parse(from) - LONGEST_MS).toISOString())
    .where('m.starts_at', '<', to)
    .where('m.ends_at', '>', from);
  if (input.types && input.types.length > 0) query = query.where('m.type', 'in', input.types);
  if (input.workingGroupId) query = query.where('m.working_group_id', '=', input.workingGroupId);
  if (input.status) query = query.where('m.status', '=', input.status);
  const rows = await query.orderBy('m.starts_at').orderBy('m.id').limit(MAX_RANGE_MEETINGS + 1).execute();
  return { meetings: rows.slice(0, MAX_RANGE_MEETINGS).map(toSummary), truncated: rows.length > MAX_RANGE_MEETINGS };
}

export async function listMeetings(ctx: Db, input: { workingGroupId?: string | undefined; offset: number; limit: number }) {
  let count = ctx.db.selectFrom('meetings').select((eb) => eb.fn.countAll<number>().as('n'));
  let rows = summaries(ctx);
  if (input.workingGroupId) {
    count = count.where('working_group_id', '=', input.workingGroupId);
    rows = rows.where('m.working_group_id', '=', input.workingGroupId);
  }
  const total = Number((await count.executeTakeFirstOrThrow()).n);
  const page = await rows.orderBy('m.starts_at', 'desc').orderBy('m.id').offset(input.offset).limit(input.limit).execute();
  return { total, rows: page.map(toSummary) };
}

export async function getMeeting(ctx: Db, id: string): Promise<MeetingDetail> {
  const row = await summaries(ctx)
    .leftJoin('people as o', 'o.id', 'm.organizer_person_id')
    .select(['m.video_url', 'm.organizer_person_id', 'o.name as organizer_name', 'm.minutes_md', 'm.created_at', 'm.updated_at'])
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!row) throw meetingNotFound(id);
  const invitees = await inviteesOf(ctx, row);
  return {
    ...toSummary(row),
    videoUrl: row.video_url,
    organizerPersonId: row.organizer_person_id,
    organizerName: row.organizer_name,
    minutesMd: row.minutes_md,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    agenda: await agendaOf(ctx, id),
    invitees,
    organizations: organizationsRepresented(invitees),
    decisions: await decisionsOf(ctx, id),
    actionItems: await actionItemsOf(ctx, { meetingId: id }),
    quorum: await quorumOf(ctx, row, invitees),
    conflicts: await conflictsFor(ctx, { startsAt: row.starts_at, endsAt: row.ends_at, meetingId: id, personIds: invitees.map((i) => i.personId) }),
  };
}

async function checkReferences(ctx: Db, input: MeetingInput): Promise<void> {
  if (input.organizerPersonId) await requirePeople(ctx, [input.organizerPersonId], 'organizerPersonId');
  if (input.workingGroupId) {
    const group = await ctx.db.selectFrom('working_groups').select('id').where('id', '=', input.workingGroupId).executeTakeFirst();
    if (!group) {
      throw new AppError('not_found', `Working group ${input.workingGroupId} does not exist (it may have been deleted).`, {
        issues: [{ path: 'workingGroupId', message: 'This working group does not exist.' }],
      });
    }
  }
}

function toColumns(input: MeetingInput) {
  return {
    type: input.type,
    title: input.title,
    starts_at: normalInstant(input.startsAt),
    ends_at: normalInstant(input.endsAt),
    time_zone: input.timeZone,
    location: input.location,
    video_url: input.videoUrl,
    organizer_person_id: input.organizerPersonId,
    working_group_id: input.workingGroupId,
    status: input.status,
  };
}

export async function createMeeting(ctx: CallContext, input: MeetingInput): Promise<MeetingDetail> {
  await checkReferences(ctx, input);
  const id = randomUUID();
  await ctx.write.insert('meetings', { id, ...toColumns(input), minutes_md: '', created_at: ctx.now, updated_at: ctx.now });
  return getMeeting(ctx, id);
}

export async function updateMeeting(ctx: CallContext, id: string, input: MeetingInput): Promise<MeetingDetail> {
  await requireMeetingRow(ctx, id);
  await checkReferences(ctx, input);
  await ctx.write.update('meetings', id, { ...toColumns(input), updated_at: ctx.now });
  return getMeeting(ctx, id);
}

export async function saveMinutes(ctx: CallContext, id: string, minutesMd: string): Promise<MeetingDetail> {
  await requireMeetingRow(ctx, id);
  await ctx.write.update('meetings', id, { minutes_md: minutesMd, updated_at: ctx.now });
  return getMeeting(ctx, id);
}

/** Removes a meeting with its agenda, invitations and decisions; its action items stay, standalone. */
export async function deleteMeeting(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await requireMeetingRow(ctx, id);
  await ctx.write.removeMany('agenda_items', await ctx.db.selectFrom('agenda_items').selectAll().where('meeting_id', '=', id).execute());
  await ctx.write.removeMany('meeting_invitees', await ctx.db.selectFrom('meeting_invitees').selectAll().where('meeting_id', '=', id).execute());
  await ctx.write.removeMany('decisions', await ctx.db.selectFrom('decisions').selectAll().where('meeting_id', '=', id).execute());
  await detachActionItems(ctx, id);
  await detachResourcesFromRecord(ctx, { meetingId: id });
  await unlinkEventMeeting(ctx, id);
  await detachMeetingFromEngagements(ctx, id);
  await ctx.write.remove('meetings', id);
  return { deleted: true };
}

const DAY_MS = 86_400_000;

export async function homeReminders(ctx: Db, input: { now: string; today: string; personId: string | null }) {
  const now = normalInstant(input.now);
  const soon = new Date(Date.parse(now) + DAY_MS).toISOString();
  // Meetings under way or starting in the next 24 hours.
  const { meetings } = await meetingsInRange(ctx, { from: now, to: soon, status: 'scheduled' });
  const first = { offset: 0, limit: 10 };
  return {
    upcoming: meetings,
    overdue: await listActionItems(ctx, { overdueOn: input.today, openOnly: true, ...first }),
    mine: input.personId ? await listActionItems(ctx, { ownerPersonId: input.personId, openOnly: true, ...first }) : { total: 0, rows: [] },
  };
}

/**
 * What a directory delete would touch: a person's meetings (invited, organizing or presenting)
 * and owned action items; an organization's meetings where one of its people was present.
 */
export async function references(ctx: Db, input: { personId?: string | undefined; organizationId?: string | undefined }) {
  if (input.personId) {
    const personId = input.personId;
    const meetings = await sql<{ n: number }>`
      select count(*) as n from (
        select meeting_id from meeting_invitees where person_id = ${personId}
        union select id from meetings where organizer_person_id = ${personId}
        union select meeting_id from agenda_items where presenter_person_id = ${personId})`.execute(ctx.db);
    const items = await ctx.db.selectFrom('action_items').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_person_id', '=', personId).executeTakeFirstOrThrow();
    return { meetings: Number(meetings.rows[0]?.n ?? 0), actionItems: Number(items.n) };
  }
  const represented = await sql<{ n: number }>`
    select count(distinct i.meeting_id) as n
      from affiliations a join meeting_invitees i on i.person_id = a.person_id
     where a.organization_id = ${input.organizationId ?? ''} and i.attendance = 'present'`.execute(ctx.db);
  return { meetings: Number(represented.rows[0]?.n ?? 0), actionItems: 0 };
}
