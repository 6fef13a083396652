import { sql } from 'kysely';
import { MAX_INVITEES, MEETING_TYPE_VALUES, MEETING_TYPES, meetingInput, type MeetingInput, type MeetingType } from '@shared/meetings/contract';
import type { IcsImportEvent, IcsImportInput } from '@shared/meetings/documents';
import type { CallContext } from '../../rpc/handlers';
import { chunks, normalInstant, type Db } from '../common';
import { invite } from '../invitees';
import { createMeeting } from '../service';
import { decodeIcs, type IcsReadEvent } from './ics';
import { UID_DOMAIN } from './icsExport';

const MAX_TITLE = 200;
const MAX_LOCATION = 300;
const OWN_UID = new RegExp(`^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@${UID_DOMAIN.replace(/\./g, '\\.')}$`, 'i');

interface Planned {
  preview: IcsImportEvent;
  meeting: MeetingInput;
  invite: string[];
}

/**
 * Reads an .ics file into meetings. The preview lists each readable event as it would be created
 * (type and working group from its categories, organizer and invitees matched to people by
 * email address, notes on what was assumed) and a problem for each event that cannot be; with
 * `create`, the events that are not already in the workspace become meetings in this one call,
 * so one undo step takes them all back.
 */
export async function importIcs(ctx: CallContext, input: IcsImportInput) {
  const { events, problems } = decodeIcs(input.content, { defaultTimeZone: input.defaultTimeZone });
  const directory = await Directory.load(ctx, events);
  const planned: Planned[] = [];
  for (const event of events) {
    const plan = planEvent(event, directory);
    if ('problem' in plan) problems.push({ position: event.position, title: event.title, message: plan.problem });
    else planned.push(plan);
  }
  problems.sort((a, b) => a.position - b.position);

  const created: string[] = [];
  if (input.create) {
    for (const plan of planned) {
      if (plan.preview.duplicateOf) continue;
      const meeting = await createMeeting(ctx, plan.meeting);
      if (plan.invite.length > 0) await invite(ctx, { meetingId: meeting.id, personIds: plan.invite, groups: [] });
      created.push(meeting.id);
    }
  }
  return { events: planned.map((p) => p.preview), problems, created };
}

function planEvent(event: IcsReadEvent, directory: Directory): Planned | { problem: string } {
  const notes = [...event.notes];
  const categories = event.categories.map(folded);
  let type: MeetingType = MEETING_TYPE_VALUES.find((t) => categories.includes(folded(MEETING_TYPES[t]))) ?? 'other';
  const group = event.categories.map((c) => directory.groups.get(folded(c))).find((g) => g !== undefined) ?? null;
  if (type === 'working_group' && !group) {
    type = 'other';
    notes.push('No working group of this workspace is named in the event: imported as type Other.');
  } else if (type === 'other' && group) {
    type = 'working_group';
  }

  let title = singleLine(event.title);
  if (!title) {
    title = 'Untitled meeting';
    notes.push('The event has no title: imported as “Untitled meeting”.');
  } else if (title.length > MAX_TITLE) {
    title = `${title.slice(0, MAX_TITLE - 1)}…`;
    notes.push(`The title was shortened to ${MAX_TITLE} characters.`);
  }
  let location = singleLine(event.location);
  if (location.length > MAX_LOCATION) {
    location = `${location.slice(0, MAX_LOCATION - 1)}…`;
    notes.push(`The location was shortened to ${MAX_LOCATION} characters.`);
  }
  const organizer = event.organizer ? (directory.people.get(event.organizer.email) ?? null) : null;
  const candidate = {
    type,
    title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    location,
    videoUrl: event.videoUrl,
    organizerPersonId: organizer?.id ?? null,
    workingGroupId: group?.id ?? null,
    status: event.cancelled ? ('cancelled' as const) : ('scheduled' as const),
  };
  let parsed = meetingInput.safeParse(candidate);
  if (!parsed.success && parsed.error.issues.some((i) => i.path[0] === 'videoUrl')) {
    notes.push('The video link was left out: it is not a web address.');
    parsed = meetingInput.safeParse({ ...candidate, videoUrl: '' });
  }
  if (!parsed.success) return { problem: parsed.error.issues.map((i) => i.message).join(' ') };

  const matched = [...new Set(event.attendees.map((a) => directory.people.get(a.email)?.id).filter((id): id is string => id !== undefined))].slice(0, MAX_INVITEES);
  const duplicateOf = directory.existing(event.uid, parsed.data);
  if (duplicateOf) notes.push('Already in this workspace: it will not be created again.');
  return {
    meeting: parsed.data,
    invite: matched,
    preview: {
      position: event.position,
      title: parsed.data.title,
      type: parsed.data.type,
      startsAt: parsed.data.startsAt,
      endsAt: parsed.data.endsAt,
      timeZone: parsed.data.timeZone,
      location: parsed.data.location,
      videoUrl: parsed.data.videoUrl,
      cancelled: event.cancelled,
      workingGroupName: group?.name ?? null,
      organizerName: organizer?.name ?? null,
      attendees: event.attendees.length,
      matchedPeople: matched.length,
      duplicateOf,
      notes,
    },
  };
}

/** Case- and accent-insensitive text, for matching categories to type labels and group names. */
function folded(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();
}

/** Calendar text may hold line breaks and control characters a meeting's single-line fields do not take. */
function singleLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the file's events are matched against: people by email, working groups by name, meetings already here. */
class Directory {
  private constructor(
    readonly people: ReadonlyMap<string, { id: string; name: string }>,
    readonly groups: ReadonlyMap<string, { id: string; name: string }>,
    private readonly ownIds: ReadonlySet<string>,
    private readonly byStart: ReadonlyMap<string, { id: string; title: string }[]>,
  ) {}

  static async load(ctx: Db, events: readonly IcsReadEvent[]): Promise<Directory> {
    const emails = [...new Set(events.flatMap((e) => [...e.attendees, ...(e.organizer ? [e.organizer] : [])].map((p) => p.email)))];
    const people = new Map<string, { id: string; name: string }>();
    for (const batch of chunks(emails)) {
      const rows = await ctx.db
        .selectFrom('people')
        .select(['id', 'name', 'email'])
        .where(sql<string>`lower(email)`, 'in', batch)
        .orderBy('created_at')
        .execute();
      // Two people with one address: the older record is the one matched.
      for (const row of rows) if (!people.has(row.email.toLowerCase())) people.set(row.email.toLowerCase(), { id: row.id, name: row.name });
    }
    const groups = new Map((await ctx.db.selectFrom('working_groups').select(['id', 'name']).execute()).map((g) => [folded(g.name), g]));

    const ownIds = events.flatMap((e) => OWN_UID.exec(e.uid)?.[1]?.toLowerCase() ?? []);
    const found = new Set<string>();
    for (const batch of chunks(ownIds)) for (const row of await ctx.db.selectFrom('meetings').select('id').where('id', 'in', batch).execute()) found.add(row.id);
    const starts = [...new Set(events.map((e) => normalInstant(e.startsAt)))];
    const byStart = new Map<string, { id: string; title: string }[]>();
    for (const batch of chunks(starts)) {
      for (const row of await ctx.db.selectFrom('meetings').select(['id', 'title', 'starts_at']).where('starts_at', 'in', batch).execute()) {
        byStart.set(row.starts_at, [...(byStart.get(row.starts_at) ?? []), { id: row.id, title: row.title }]);
      }
    }
    return new Directory(people, groups, found, byStart);
  }

  /** The meeting this event already is: ours by its UID, or one with the same title at the same time. */
  existing(uid: string, meeting: MeetingInput): string | null {
    const own = OWN_UID.exec(uid)?.[1]?.toLowerCase();
    if (own && this.ownIds.has(own)) return own;
    const same = this.byStart.get(normalInstant(meeting.startsAt))?.find((m) => folded(m.title) === folded(meeting.title));
    return same?.id ?? null;
  }
}
