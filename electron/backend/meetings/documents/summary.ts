import { ACTION_STATUSES, ATTENDANCE_VALUES, DECISION_KINDS, MEETING_TYPES, type MeetingDetail } from '@shared/meetings/contract';
import type { PageSize } from '@shared/pdf';
import { PdfBuilder } from '../../pdf/document';
import { coalitionIdentity } from '../../pdf/identity';
import type { CallContext } from '../../rpc/handlers';
import { localDate, requireMeetingRow } from '../common';
import { getMeeting } from '../service';
import { fileSlug } from './fileNames';

/**
 * A meeting's summary for members: when and where, the agenda, who attended (and which
 * organizations), the decisions with their votes and quorum, and the action items. One page for
 * an ordinary meeting; the tables continue on more pages when a meeting needs them.
 */
export async function meetingSummaryPdf(ctx: CallContext, input: { meetingId: string; pageSize: PageSize }) {
  await requireMeetingRow(ctx, input.meetingId, 'meetingId');
  const meeting = await getMeeting(ctx, input.meetingId);
  const coalition = await coalitionIdentity(ctx);
  const pdf = new PdfBuilder({
    title: meeting.title,
    coalitionName: coalition.name,
    logo: coalition.logo,
    pageSize: input.pageSize,
    createdAt: new Date(ctx.now),
    ...(ctx.actor ? { author: ctx.actor } : {}),
  });
  pdf.title(`Meeting summary · ${MEETING_TYPES[meeting.type]}${meeting.status === 'cancelled' ? ' · Cancelled' : ''}`);
  pdf.labelValues(
    [
      ['When', meetingTime(meeting.startsAt, meeting.endsAt, meeting.timeZone)],
      ['Where', meeting.location],
      ['Video link', meeting.videoUrl],
      ['Working group', meeting.workingGroupName ?? ''],
      ['Organizer', meeting.organizerName ?? ''],
    ].filter((row): row is [string, string] => row[1] !== ''),
  );
  agenda(pdf, meeting);
  attendance(pdf, meeting);
  decisions(pdf, meeting);
  actionItems(pdf, meeting);
  const bytes = await pdf.finish();
  return {
    fileName: `${fileSlug(meeting.title, 'meeting')}-${localDate(meeting.startsAt, meeting.timeZone)}-summary.pdf`,
    mimeType: 'application/pdf',
    encoding: 'base64' as const,
    content: bytes.toString('base64'),
    pages: pdf.pageCount,
  };
}

function agenda(pdf: PdfBuilder, meeting: MeetingDetail): void {
  pdf.heading('Agenda');
  pdf.table({
    columns: [
      { header: '#', width: 0.35, align: 'right' },
      { header: 'Item', width: 3.4 },
      { header: 'Presenter', width: 1.7 },
      { header: 'Minutes', width: 0.8, align: 'right' },
    ],
    rows: meeting.agenda.map((item, i) => [String(i + 1), item.title, item.presenterName ?? '', item.minutesAllotted > 0 ? String(item.minutesAllotted) : '']),
    empty: 'No agenda was set for this meeting.',
  });
  if (meeting.agenda.length > 0) {
    const planned = meeting.agenda.reduce((sum, item) => sum + item.minutesAllotted, 0);
    const length = Math.round((Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt)) / 60_000);
    pdf.paragraph(`${planned} of ${length} minutes planned.`, { tone: 'muted' });
  }
}

function attendance(pdf: PdfBuilder, meeting: MeetingDetail): void {
  pdf.heading('Attendance');
  if (meeting.invitees.length === 0) {
    pdf.paragraph('Nobody was invited to this meeting.', { tone: 'muted', italic: true });
    return;
  }
  const names = (status: string | null) => meeting.invitees.filter((i) => i.attendance === status).map((i) => i.name);
  const counts = ATTENDANCE_VALUES.map((status) => `${names(status).length} ${status}`);
  const unrecorded = names(null).length;
  pdf.paragraph(`${[...counts, ...(unrecorded > 0 ? [`${unrecorded} not recorded`] : [])].join(', ')} (of ${meeting.invitees.length} invited). ${quorumSentence(meeting.quorum)}`);
  pdf.labelValues(
    [
      ['Present', names('present').join(', ')],
      ['Absent', names('absent').join(', ')],
      ['Excused', names('excused').join(', ')],
      ['Organizations represented', meeting.organizations.map((o) => (o.present > 1 ? `${o.name} (${o.present})` : o.name)).join(', ')],
    ].filter((row): row is [string, string] => row[1] !== ''),
  );
}

function quorumSentence(quorum: MeetingDetail['quorum']): string {
  const counted = quorum.basis === 'steering' ? 'steering committee seats' : 'invited';
  if (quorum.of === 0) return quorum.basis === 'steering' ? 'Quorum cannot be counted: no steering committee seats are set up.' : 'Quorum cannot be counted: nobody was invited.';
  return `Quorum ${quorum.met ? 'met' : 'not met'}: ${quorum.present} present of ${quorum.of} ${counted}, ${quorum.needed} needed.`;
}

function decisions(pdf: PdfBuilder, meeting: MeetingDetail): void {
  pdf.heading('Decisions');
  pdf.table({
    columns: [
      { header: 'Decision', width: 3.6 },
      { header: 'For', width: 0.5, align: 'right' },
      { header: 'Against', width: 0.7, align: 'right' },
      { header: 'Abstain', width: 0.7, align: 'right' },
      { header: 'Quorum', width: 0.8 },
      { header: 'Result', width: 0.7 },
    ],
    rows: meeting.decisions.map((d) => [
      // A charter decision says so (it needs the larger majority); the motion follows when there was one.
      [d.text, d.kind === 'charter' ? DECISION_KINDS.charter : '', d.motion.trim() ? `Motion: ${d.motion}` : ''].filter(Boolean).join('\n'),
      String(d.votesFor),
      String(d.votesAgainst),
      String(d.votesAbstain),
      d.quorumMet ? 'Met' : 'Not met',
      d.passed ? 'Passed' : 'Failed',
    ]),
    empty: 'No decisions were recorded at this meeting.',
  });
}

function actionItems(pdf: PdfBuilder, meeting: MeetingDetail): void {
  pdf.heading('Action items');
  pdf.table({
    columns: [
      { header: 'Action', width: 3.4 },
      { header: 'Owner', width: 1.6 },
      { header: 'Due', width: 0.95 },
      { header: 'Status', width: 0.95 },
    ],
    rows: meeting.actionItems.map((a) => [a.description, a.ownerName ?? 'No owner (their record was deleted)', a.dueOn ?? '', ACTION_STATUSES[a.status]]),
    empty: 'No action items came out of this meeting.',
  });
}

/** "Tuesday 1 December 2026, 18:00–20:00 (America/Sao_Paulo)", in the meeting's own zone. */
function meetingTime(startsAt: string, endsAt: string, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = localDate(startsAt, timeZone) === localDate(endsAt, timeZone);
  const range = sameDay ? `${day.format(start)}, ${time.format(start)}–${time.format(end)}` : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
  return `${range} (${timeZone})`;
}
