import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/errors';
import { MAX_INVITEES, MAX_MEETING_HOURS, type Conflict, type InviteGroup, type Invitee } from '@shared/meetings/contract';
import type { MeetingInviteesTable, MeetingsTable } from '../db/schema';
import type { CallContext } from '../rpc/handlers';
import { chunks, localDate, normalInstant, requireMeetingRow, requirePeople, type Db } from './common';


/** The people's current organizations on a day (primary affiliation first, then by name). */
export async function organizationsOn(ctx: Db, personIds: readonly string[], day: string): Promise<Map<string, { id: string; name: string }[]>> {
  const byPerson = new Map<string, { id: string; name: string }[]>();
  for (const batch of chunks(personIds)) {
    const rows = await ctx.db
      .selectFrom('affiliations as a')
      .innerJoin('organizations as o', 'o.id', 'a.organization_id')
      .select(['a.person_id', 'o.id', 'o.name'])
      .where('a.person_id', 'in', batch)
      .where((eb) => eb.or([eb('a.start_on', 'is', null), eb('a.start_on', '<=', day)]))
      .where((eb) => eb.or([eb('a.end_on', 'is', null), eb('a.end_on', '>=', day)]))
      .orderBy('a.is_primary', 'desc')
      .orderBy('o.name')
      .execute();
    for (const row of rows) {
      const list = byPerson.get(row.person_id) ?? [];
      if (!list.some((o) => o.id === row.id)) list.push({ id: row.id, name: row.name });
      byPerson.set(row.person_id, list);
    }
  }
  return byPerson;
}

/** A meeting's invitees by name, each with their organizations as of the meeting's day. */
export async function inviteesOf(ctx: Db, meeting: Pick<MeetingsTable, 'id' | 'starts_at' | 'time_zone'>): Promise<Invitee[]> {
  const rows = await ctx.db
    .selectFrom('meeting_invitees as i')
    .innerJoin('people as p', 'p.id', 'i.person_id')
    .select(['i.person_id', 'p.name', 'i.rsvp', 'i.attendance'])
    .where('i.meeting_id', '=', meeting.id)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  const organizations = await organizationsOn(ctx, rows.map((r) => r.person_id), localDate(meeting.starts_at, meeting.time_zone));
  return rows.map((r) => ({
    personId: r.person_id,
    name: r.name,
    organizations: organizations.get(r.person_id) ?? [],
    rsvp: r.rsvp as Invitee['rsvp'],
    attendance: r.attendance as Invitee['attendance'],
  }));
}

/** The organizations represented at a meeting: those of the people marked present, most present first. */
export function organizationsRepresented(invitees: readonly Invitee[]): { id: string; name: string; present: number }[] {
  const counted = new Map<string, { id: string; name: string; present: number }>();
  for (const invitee of invitees) {
    if (invitee.attendance !== 'present') continue;
    for (const o of invitee.organizations) {
      const entry = counted.get(o.id) ?? { ...o, present: 0 };
      entry.present += 1;
      counted.set(o.id, entry);
    }
  }
  return [...counted.values()].sort((a, b) => b.present - a.present || a.name.localeCompare(b.name));
}

/** meetings.conflicts: the people given and, for a meeting being edited, its invitees, at the times given. */
export async function conflictsAt(ctx: Db, input: { startsAt: string; endsAt: string; meetingId?: string | undefined; personIds: readonly string[] }): Promise<Conflict[]> {
  const people = new Set(input.personIds);
  if (input.meetingId) {
    for (const row of await ctx.db.selectFrom('meeting_invitees').select('person_id').where('meeting_id', '=', input.meetingId).execute()) people.add(row.person_id);
  }
  return conflictsFor(ctx, { ...input, personIds: [...people] });
}

/**
 * Double-booking: which of these people are invited to another (not cancelled) meeting that
 * overlaps [startsAt, endsAt), leaving out `meetingId` (the meeting itself).
 */
export async function conflictsFor(ctx: Db, input: { startsAt: string; endsAt: string; meetingId?: string | undefined; personIds: readonly string[] }): Promise<Conflict[]> {
  const startsAt = normalInstant(input.startsAt);
  const endsAt = normalInstant(input.endsAt);
  const people = new Set(input.personIds);
  const earliest = new Date(Date.parse(startsAt) - MAX_MEETING_HOURS * 3_600_000).toISOString();
  const byPerson = new Map<string, Conflict>();
  for (const batch of chunks([...people])) {
    let query = ctx.db
      .selectFrom('meeting_invitees as i')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .innerJoin('people as p', 'p.id', 'i.person_id')
      .select(['i.person_id', 'p.name', 'm.id', 'm.title', 'm.starts_at', 'm.ends_at'])
      .where('i.person_id', 'in', batch)
      .where('m.status', '!=', 'cancelled')
      .where('m.starts_at', '>=', earliest)
      .where('m.starts_at', '<', endsAt)
      .where('m.ends_at', '>', startsAt);
    if (input.meetingId) query = query.where('m.id', '!=', input.meetingId);
    for (const row of await query.orderBy('m.starts_at').execute()) {
      const entry = byPerson.get(row.person_id) ?? { personId: row.person_id, name: row.name, meetings: [] };
      entry.meetings.push({ id: row.id, title: row.title, startsAt: row.starts_at, endsAt: row.ends_at });
      byPerson.set(row.person_id, entry);
    }
  }
  return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The people of a group as of a day: current working-group members, steering term holders, or people affiliated with a member organization. */
async function groupPeople(ctx: Db, group: InviteGroup, day: string): Promise<string[]> {
  if (group.kind === 'working_group') {
    const found = await ctx.db.selectFrom('working_groups').select('id').where('id', '=', group.workingGroupId).executeTakeFirst();
    if (!found) {
      throw new AppError('not_found', `Working group ${group.workingGroupId} does not exist (it may have been deleted).`, {
        issues: [{ path: 'groups', message: 'This working group does not exist.' }],
      });
    }
    const rows = await ctx.db
      .selectFrom('working_group_members')
      .select('person_id')
      .distinct()
      .where('working_group_id', '=', group.workingGroupId)
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', day)]))
      .execute();
    return rows.map((r) => r.person_id);
  }
  if (group.kind === 'steering') {
    const rows = await ctx.db
      .selectFrom('steering_terms')
      .select('person_id')
      .distinct()
      .where('person_id', 'is not', null)
      .where('start_date', '<=', day)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', day)]))
      .execute();
    return rows.flatMap((r) => (r.person_id ? [r.person_id] : []));
  }
  const rows = await ctx.db
    .selectFrom('affiliations as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select('a.person_id')
    .distinct()
    .where('o.stage', '=', 'member')
    .where((eb) => eb.or([eb('a.start_on', 'is', null), eb('a.start_on', '<=', day)]))
    .where((eb) => eb.or([eb('a.end_on', 'is', null), eb('a.end_on', '>=', day)]))
    .execute();
  return rows.map((r) => r.person_id);
}

export async function invite(ctx: CallContext, input: { meetingId: string; personIds: string[]; groups: InviteGroup[] }) {
  const meeting = await requireMeetingRow(ctx, input.meetingId, 'meetingId');
  await requirePeople(ctx, input.personIds, 'personIds');
  const day = localDate(meeting.starts_at, meeting.time_zone);
  const wanted = new Set(input.personIds);
  for (const group of input.groups) for (const personId of await groupPeople(ctx, group, day)) wanted.add(personId);
  const invited = new Set((await ctx.db.selectFrom('meeting_invitees').select('person_id').where('meeting_id', '=', meeting.id).execute()).map((r) => r.person_id));
  const added = [...wanted].filter((personId) => !invited.has(personId));
  if (invited.size + added.length > MAX_INVITEES) {
    throw new AppError('validation', `A meeting takes at most ${MAX_INVITEES.toLocaleString('en')} invitees; this would make ${(invited.size + added.length).toLocaleString('en')}.`, {
      issues: [{ path: 'personIds', message: `At most ${MAX_INVITEES.toLocaleString('en')} invitees per meeting.` }],
    });
  }
  await ctx.write.insertMany(
    'meeting_invitees',
    added.map((personId) => ({ id: randomUUID(), meeting_id: meeting.id, person_id: personId, rsvp: 'none', attendance: null })),
  );
  return {
    added: added.length,
    alreadyInvited: wanted.size - added.length,
    conflicts: await conflictsFor(ctx, { startsAt: meeting.starts_at, endsAt: meeting.ends_at, meetingId: meeting.id, personIds: added }),
  };
}

function notInvited(personId: string): AppError {
  return new AppError('not_found', `Person ${personId} is not invited to this meeting.`, { issues: [{ path: 'personIds', message: 'This person is not invited.' }] });
}

export async function uninvite(ctx: CallContext, input: { meetingId: string; personId: string }): Promise<{ deleted: true }> {
  await requireMeetingRow(ctx, input.meetingId, 'meetingId');
  const row = await ctx.db.selectFrom('meeting_invitees').select('id').where('meeting_id', '=', input.meetingId).where('person_id', '=', input.personId).executeTakeFirst();
  if (!row) throw notInvited(input.personId);
  await ctx.write.remove('meeting_invitees', row.id);
  return { deleted: true };
}

/** Records the RSVP and/or attendance of some invitees (one undo step). */
export async function respond(
  ctx: CallContext,
  input: { meetingId: string; personIds: string[]; rsvp?: Invitee['rsvp'] | undefined; attendance?: Invitee['attendance'] | undefined },
): Promise<{ updated: number }> {
  await requireMeetingRow(ctx, input.meetingId, 'meetingId');
  const wanted = [...new Set(input.personIds)];
  const rows: MeetingInviteesTable[] = [];
  for (const batch of chunks(wanted)) {
    rows.push(...(await ctx.db.selectFrom('meeting_invitees').selectAll().where('meeting_id', '=', input.meetingId).where('person_id', 'in', batch).execute()));
  }
  const missing = wanted.find((personId) => !rows.some((r) => r.person_id === personId));
  if (missing) throw notInvited(missing);
  const patch = { ...(input.rsvp === undefined ? {} : { rsvp: input.rsvp }), ...(input.attendance === undefined ? {} : { attendance: input.attendance }) };
  return { updated: await ctx.write.updateMany('meeting_invitees', rows.map((before) => ({ before, patch }))) };
}
