import { AppError } from '@shared/errors';
import { MEETING_TYPES, type MeetingType } from '@shared/meetings/contract';
import type { IcsExportInput } from '@shared/meetings/documents';
import { coalitionIdentity } from '../../pdf/identity';
import type { CallContext } from '../../rpc/handlers';
import { chunks, localDate, requireMeetingRow, type Db } from '../common';
import { meetingsInRange } from '../service';
import { fileSlug } from './fileNames';
import { encodeIcs, type IcsEvent, type IcsRsvp } from './ics';

/** The domain of the UIDs we write: `<meeting id>@coalitiondesk.org`, the same at every export. */
export const UID_DOMAIN = 'coalitiondesk.org';

/** One meeting or the calendar's filtered range as an .ics file, ready for file.saveAs. */
export async function exportIcs(ctx: CallContext, input: IcsExportInput) {
  const ids = await meetingIdsFor(ctx, input);
  const events = await icsEvents(ctx, ids);
  const coalition = await coalitionIdentity(ctx);
  const content = encodeIcs(events, { name: `${coalition.name} meetings`, now: ctx.now });
  const first = events[0] as IcsEvent;
  const fileName =
    'meetingId' in input
      ? `${fileSlug(first.title, 'meeting')}-${localDate(first.startsAt, first.timeZone)}.ics`
      : `meetings-${input.from.slice(0, 10)}-to-${input.to.slice(0, 10)}.ics`;
  return { fileName, mimeType: 'text/calendar', encoding: 'utf8' as const, content, meetings: events.length };
}

async function meetingIdsFor(ctx: Db, input: IcsExportInput): Promise<string[]> {
  if ('meetingId' in input) {
    await requireMeetingRow(ctx, input.meetingId, 'meetingId');
    return [input.meetingId];
  }
  const { meetings, truncated } = await meetingsInRange(ctx, input);
  if (truncated) {
    throw new AppError('validation', 'This range holds too many meetings for one calendar file; export a shorter range.', { issues: [{ path: 'to', message: 'Choose a shorter range.' }] });
  }
  if (meetings.length === 0) {
    throw new AppError('validation', 'There are no meetings in this range (with these filters) to export.', { issues: [{ path: 'from', message: 'No meetings in this range.' }] });
  }
  return meetings.map((m) => m.id);
}

/** The meetings with their agenda titles and invitees, read a chunk of meetings at a time. */
async function icsEvents(ctx: Db, ids: readonly string[]): Promise<IcsEvent[]> {
  const events: IcsEvent[] = [];
  for (const batch of chunks(ids)) {
    const rows = await ctx.db
      .selectFrom('meetings as m')
      .leftJoin('people as o', 'o.id', 'm.organizer_person_id')
      .leftJoin('working_groups as wg', 'wg.id', 'm.working_group_id')
      .select(['m.id', 'm.type', 'm.title', 'm.starts_at', 'm.ends_at', 'm.time_zone', 'm.location', 'm.video_url', 'm.status', 'm.updated_at', 'o.name as organizer_name', 'o.email as organizer_email', 'wg.name as group_name'])
      .where('m.id', 'in', batch)
      .orderBy('m.starts_at')
      .orderBy('m.id')
      .execute();
    const agenda = await ctx.db
      .selectFrom('agenda_items as a')
      .leftJoin('people as p', 'p.id', 'a.presenter_person_id')
      .select(['a.meeting_id', 'a.title', 'a.minutes_allotted', 'p.name as presenter'])
      .where('a.meeting_id', 'in', batch)
      .orderBy('a.meeting_id')
      .orderBy('a.position')
      .execute();
    const invitees = await ctx.db
      .selectFrom('meeting_invitees as i')
      .innerJoin('people as p', 'p.id', 'i.person_id')
      .select(['i.meeting_id', 'p.name', 'p.email', 'i.rsvp'])
      .where('i.meeting_id', 'in', batch)
      .where('p.email', '!=', '')
      .orderBy('p.name')
      .execute();
    const agendaOf = groupBy(agenda, (a) => a.meeting_id);
    const inviteesOf = groupBy(invitees, (i) => i.meeting_id);
    for (const row of rows) {
      const type = MEETING_TYPES[row.type as MeetingType];
      const lines = [[type, row.group_name].filter(Boolean).join(' · ')];
      if (row.video_url) lines.push(`Video link: ${row.video_url}`);
      if (row.organizer_name) lines.push(`Organizer: ${row.organizer_name}`);
      const items = agendaOf.get(row.id) ?? [];
      if (items.length > 0) {
        lines.push('', 'Agenda');
        items.forEach((item, i) => {
          const details = [item.presenter, item.minutes_allotted > 0 ? `${item.minutes_allotted} min` : ''].filter(Boolean).join(', ');
          lines.push(`${i + 1}. ${item.title}${details ? ` (${details})` : ''}`);
        });
      }
      events.push({
        uid: `${row.id}@${UID_DOMAIN}`,
        title: row.title,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        timeZone: row.time_zone,
        location: row.location,
        videoUrl: row.video_url,
        description: lines.join('\n'),
        categories: [type, ...(row.group_name ? [row.group_name] : [])],
        cancelled: row.status === 'cancelled',
        organizer: row.organizer_name && row.organizer_email ? { name: row.organizer_name, email: row.organizer_email } : null,
        attendees: (inviteesOf.get(row.id) ?? []).map((i) => ({ name: i.name, email: i.email, rsvp: i.rsvp as IcsRsvp })),
        updatedAt: row.updated_at,
      });
    }
  }
  return events.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.uid.localeCompare(b.uid));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
