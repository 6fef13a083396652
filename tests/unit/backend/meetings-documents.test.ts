import ical from 'ical';
import { describe, expect, it } from 'vitest';
import type { Input, Output } from '@shared/contract';
import { MAX_ICS_CHARS } from '@shared/meetings/documents';
import type { Backend } from '../../../electron/backend/backend';
import { expectNoStack, fails, issuesOf, ok, snapshot, useBackend } from '../../support/backend';
import { addSteering, addWorkingGroup, meetingInput } from '../../support/meetings';
import { addOrganization, addPerson } from '../../support/people';
import { readPdf, squash } from '../../support/pdf';

// The meeting documents through the backend: .ics export of one meeting or a filtered range,
// import with a preview and then creation as one undo step, and the summary PDF.

const PEOPLE = {
  zoe: ['Zoë Đặng', 'zoe@example.org'],
  yaroslava: ['Ярослава Петренко', 'yaroslava@example.org'],
  athina: ['Αθηνά Παπαδοπούλου', 'athina@example.org'],
  khai: ['Nguyễn Thị Minh Khai', 'khai@example.org'],
} as const;
type Who = keyof typeof PEOPLE;

/** The same people (by email) and working group in a workspace: the directory an import matches against. */
async function directory(backend: Backend): Promise<Record<Who, string> & { group: string }> {
  const ids = {} as Record<Who, string>;
  for (const [who, [name, email]] of Object.entries(PEOPLE) as [Who, readonly [string, string]][]) ids[who] = await addPerson(backend, name, { email });
  const group = await addWorkingGroup(backend, 'Housing & Land Rights');
  return { ...ids, group };
}

const MEETINGS = (d: { zoe: string; group: string }): Input<'meetings.create'>[] => [
  meetingInput({ type: 'steering', title: 'Steering committee, December', startsAt: '2026-12-01T21:00:00.000Z', endsAt: '2026-12-01T23:00:00.000Z', timeZone: 'America/Sao_Paulo', location: 'Casa do Povo; sala 2', videoUrl: 'https://meet.example.org/steering', organizerPersonId: d.zoe }),
  meetingInput({ type: 'working_group', title: 'Housing WG', startsAt: '2026-12-03T09:30:00.000Z', endsAt: '2026-12-03T11:00:00.000Z', timeZone: 'Europe/Berlin', location: '', workingGroupId: d.group }),
  meetingInput({ type: 'town_hall', title: 'Town hall — Kolkata', startsAt: '2026-12-05T12:30:00.000Z', endsAt: '2026-12-05T14:00:00.000Z', timeZone: 'Asia/Kolkata', location: 'Community hall' }),
  meetingInput({ type: 'other', title: 'Global check-in', startsAt: '2026-12-07T15:00:00.000Z', endsAt: '2026-12-07T15:45:00.000Z', timeZone: 'UTC', location: '', status: 'cancelled' }),
];

/** The fields a calendar file carries, as meetings.get shows them. */
function carried(m: Output<'meetings.get'>) {
  return {
    type: m.type,
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    timeZone: m.timeZone,
    location: m.location,
    videoUrl: m.videoUrl,
    status: m.status,
    workingGroupName: m.workingGroupName,
    organizerName: m.organizerName,
    invitees: m.invitees.map((i) => i.name).sort(),
  };
}

async function schedule(backend: Backend, d: Record<Who, string> & { group: string }): Promise<string[]> {
  const ids: string[] = [];
  for (const input of MEETINGS(d)) ids.push((await ok(backend, 'meetings.create', input)).id);
  await ok(backend, 'meetings.invite', { meetingId: ids[0] as string, personIds: [d.yaroslava, d.athina, d.khai] });
  await ok(backend, 'meetings.respond', { meetingId: ids[0] as string, personIds: [d.yaroslava], rsvp: 'yes' });
  await ok(backend, 'meetings.saveAgenda', {
    meetingId: ids[0] as string,
    items: [
      { title: 'Welcome', presenterPersonId: d.zoe, minutesAllotted: 10, notes: '', documents: [] },
      { title: 'Budget 2027', presenterPersonId: null, minutesAllotted: 45, notes: '', documents: [] },
    ],
  });
  return ids;
}

describe('meetings.exportIcs', () => {
  it('exports one meeting with its times in its zone, organizer, invitees with email, agenda and categories', async () => {
    const { backend } = await useBackend();
    await ok(backend, 'profile.save', { name: 'Alianza Ñandú', shortName: '', region: '', foundedOn: null });
    const d = await directory(backend);
    const [steering] = await schedule(backend, d);
    const file = await ok(backend, 'meetings.exportIcs', { meetingId: steering as string });
    expect(file).toMatchObject({ fileName: 'steering-committee-december-2026-12-01.ics', mimeType: 'text/calendar', encoding: 'utf8', meetings: 1 });
    expect(file.content).toContain('X-WR-CALNAME:Alianza Ñandú meetings\r\n');

    const events = Object.values(ical.parseICS(file.content)).filter((c) => c.type === 'VEVENT');
    expect(events).toHaveLength(1);
    const event = events[0] as ical.CalendarComponent & { start: Date & { tz: string }; categories: string[]; attendee: { val: string; params: { CN: string; PARTSTAT: string } }[] };
    expect(event.uid).toBe(`${steering}@coalitiondesk.org`);
    expect(event.summary).toBe('Steering committee, December');
    // 21:00 UTC is 18:00 in São Paulo; `ical` reads the wall time and keeps the TZID.
    expect(event.start.tz).toBe('America/Sao_Paulo');
    expect(event.start.toISOString()).toBe('2026-12-01T18:00:00.000Z');
    expect(event.location).toBe('Casa do Povo; sala 2');
    expect(event.url).toBe('https://meet.example.org/steering');
    expect(event.categories).toEqual(['Steering committee']);
    expect(event.description).toBe(
      'Steering committee\nVideo link: https://meet.example.org/steering\nOrganizer: Zoë Đặng\n\nAgenda\n1. Welcome (Zoë Đặng, 10 min)\n2. Budget 2027 (45 min)',
    );
    expect(event.attendee.map((a) => [a.val, a.params.PARTSTAT, a.params.CN])).toEqual([
      ['mailto:khai@example.org', 'NEEDS-ACTION', 'Nguyễn Thị Minh Khai'],
      ['mailto:athina@example.org', 'NEEDS-ACTION', 'Αθηνά Παπαδοπούλου'],
      ['mailto:yaroslava@example.org', 'ACCEPTED', 'Ярослава Петренко'],
    ]);
    // The same UID on every export: calendars update the event instead of adding a copy.
    expect((await ok(backend, 'meetings.exportIcs', { meetingId: steering as string })).content).toContain(`UID:${steering}@coalitiondesk.org\r\n`);
  });

  it('exports the calendar’s filtered range, and says so when the range is empty or the meeting is gone', async () => {
    const { backend } = await useBackend();
    const d = await directory(backend);
    await schedule(backend, d);
    const range = { from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
    const all = await ok(backend, 'meetings.exportIcs', range);
    expect(all).toMatchObject({ meetings: 4, fileName: 'meetings-2026-12-01-to-2027-01-01.ics' });
    expect((await ok(backend, 'meetings.exportIcs', { ...range, types: ['town_hall', 'working_group'] })).meetings).toBe(2);
    const group = await ok(backend, 'meetings.exportIcs', { ...range, workingGroupId: d.group });
    expect(group.meetings).toBe(1);
    expect(group.content).toContain('CATEGORIES:Working group,Housing & Land Rights\r\n');

    const empty = await fails(backend, 'meetings.exportIcs', { from: '2030-01-01T00:00:00Z', to: '2030-02-01T00:00:00Z' });
    expect(empty).toMatchObject({ code: 'validation', message: 'There are no meetings in this range (with these filters) to export.' });
    const gone = await fails(backend, 'meetings.exportIcs', { meetingId: '00000000-0000-4000-8000-000000000999' });
    expect(gone.code).toBe('not_found');
    expect(issuesOf(gone)).toEqual([{ path: 'meetingId', message: 'This meeting does not exist.' }]);
    expect((await fails(backend, 'meetings.exportIcs', { from: range.to, to: range.from })).code).toBe('validation');
  });
});

describe('meetings.importIcs', () => {
  it('round-trips: meetings exported from one workspace import into another as the same meetings, time zones included, as one undo step', async () => {
    const source = (await useBackend()).backend;
    const sourceDirectory = await directory(source);
    const ids = await schedule(source, sourceDirectory);
    const originals = await Promise.all(ids.map((id) => ok(source, 'meetings.get', { id })));
    const file = await ok(source, 'meetings.exportIcs', { from: '2026-11-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });

    const { backend: target, path } = await useBackend();
    await directory(target);
    const before = snapshot(path);
    const preview = await ok(target, 'meetings.importIcs', { content: file.content, defaultTimeZone: 'Africa/Nairobi' });
    expect(preview.problems).toEqual([]);
    expect(preview.created).toEqual([]);
    expect(snapshot(path)).toEqual(before);
    expect(preview.events.map((e) => [e.title, e.type, e.timeZone, e.workingGroupName, e.organizerName, e.attendees, e.matchedPeople, e.duplicateOf, e.notes])).toEqual([
      ['Steering committee, December', 'steering', 'America/Sao_Paulo', null, 'Zoë Đặng', 3, 3, null, []],
      ['Housing WG', 'working_group', 'Europe/Berlin', 'Housing & Land Rights', null, 0, 0, null, []],
      ['Town hall — Kolkata', 'town_hall', 'Asia/Kolkata', null, null, 0, 0, null, []],
      ['Global check-in', 'other', 'UTC', null, null, 0, 0, null, []],
    ]);

    const done = await ok(target, 'meetings.importIcs', { content: file.content, defaultTimeZone: 'Africa/Nairobi', create: true });
    expect(done.created).toHaveLength(4);
    const imported = await Promise.all(done.created.map((id) => ok(target, 'meetings.get', { id })));
    expect(imported.map(carried)).toEqual(originals.map(carried));

    // Importing the same file again finds them all already there.
    const again = await ok(target, 'meetings.importIcs', { content: file.content, defaultTimeZone: 'Africa/Nairobi', create: true });
    expect(again.created).toEqual([]);
    expect(again.events.map((e) => e.duplicateOf)).toEqual(done.created);

    // One call, one batch: one undo takes every created meeting and invitation back.
    await ok(target, 'history.undo', {});
    expect((await ok(target, 'meetings.range', { from: '2026-11-01T00:00:00Z', to: '2027-01-01T00:00:00Z' })).meetings).toEqual([]);
  });

  it('finds its own meetings by UID in the workspace that exported them and creates nothing', async () => {
    const { backend } = await useBackend();
    const ids = await schedule(backend, await directory(backend));
    const file = await ok(backend, 'meetings.exportIcs', { meetingId: ids[1] as string });
    const read = await ok(backend, 'meetings.importIcs', { content: file.content.replace('SUMMARY:Housing WG', 'SUMMARY:Renamed elsewhere'), defaultTimeZone: 'UTC', create: true });
    expect(read.created).toEqual([]);
    expect(read.events[0]).toMatchObject({ duplicateOf: ids[1], notes: ['Already in this workspace: it will not be created again.'] });
  });

  it('imports the events it can and lists a problem for each one it cannot', async () => {
    const { backend } = await useBackend();
    const long = 'A'.repeat(260);
    const file = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:conference',
      'SUMMARY:Ten-day conference',
      'DTSTART;VALUE=DATE:20261201',
      'DTEND;VALUE=DATE:20261211',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:backwards',
      'SUMMARY:Ends before it starts',
      'DTSTART:20261201T100000Z',
      'DTEND:20261201T090000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:fine',
      `SUMMARY:${long}`,
      'CATEGORIES:Working group',
      'URL:javascript:alert(1)',
      'DTSTART:20261202T100000Z',
      'DTEND:20261202T110000Z',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = await ok(backend, 'meetings.importIcs', { content: file, defaultTimeZone: 'Europe/Madrid', create: true });
    expect(result.problems).toEqual([
      { position: 1, title: 'Ten-day conference', message: 'A meeting lasts at most 7 days; schedule longer events as several meetings.' },
      { position: 2, title: 'Ends before it starts', message: 'The meeting must end after it starts.' },
    ]);
    expect(result.created).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      position: 3,
      title: `${'A'.repeat(199)}…`,
      type: 'other',
      videoUrl: '',
      timeZone: 'Europe/Madrid',
      notes: [
        'Times without a named time zone are shown in Europe/Madrid.',
        'No working group of this workspace is named in the event: imported as type Other.',
        'The title was shortened to 200 characters.',
      ],
    });
  });

  it('refuses what is not a calendar file with a clear message and writes nothing', async () => {
    const { backend, path } = await useBackend();
    const before = snapshot(path);
    const cases: [unknown, RegExp][] = [
      [{ content: 'PK\u0003\u0004\u0000\u0000binary', defaultTimeZone: 'UTC' }, /it is not text/],
      [{ content: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n', defaultTimeZone: 'UTC', create: true }, /cut short/],
      [{ content: 'x'.repeat(MAX_ICS_CHARS + 1), defaultTimeZone: 'UTC' }, /larger than 4 MB/],
      [{ content: '', defaultTimeZone: 'UTC' }, /The calendar file is empty/],
      [{ content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR', defaultTimeZone: 'Mars/Olympus' }, /Choose a time zone from the list/],
    ];
    for (const [input, message] of cases) {
      const error = await fails(backend, 'meetings.importIcs', input);
      expect(error.code).toBe('validation');
      expect(error.message).toMatch(message);
      expectNoStack(error);
    }
    expect(snapshot(path)).toEqual(before);
  });
});

describe('meetings.summaryPdf', () => {
  async function recordedMeeting(backend: Backend) {
    await ok(backend, 'profile.save', { name: 'Alianza Ñandú por la Salud', shortName: '', region: '', foundedOn: null });
    const d = await directory(backend);
    const org = await addOrganization(backend, 'Casa Ñandú Cooperativa');
    await ok(backend, 'affiliations.create', { personId: d.yaroslava, organizationId: org, role: 'Member', primary: true, startOn: null, endOn: null });
    const [id] = await schedule(backend, d);
    const meetingId = id as string;
    await addSteering(backend, 4, [{ personId: d.zoe }, { personId: d.yaroslava }, { personId: d.athina }]);
    await ok(backend, 'meetings.invite', { meetingId, personIds: [d.zoe] });
    await ok(backend, 'meetings.respond', { meetingId, personIds: [d.zoe, d.yaroslava, d.athina], attendance: 'present' });
    await ok(backend, 'meetings.respond', { meetingId, personIds: [d.khai], attendance: 'excused' });
    await ok(backend, 'decisions.save', { meetingId, text: 'Adopt the 2027 budget.', motion: 'That the budget be adopted as circulated.', kind: 'ordinary', votesFor: 2, votesAgainst: 1, votesAbstain: 0 });
    await ok(backend, 'decisions.save', { meetingId, text: 'Amend the charter’s mission.', motion: '', kind: 'charter', votesFor: 1, votesAgainst: 2, votesAbstain: 0 });
    await ok(backend, 'actionItems.save', { meetingId, description: 'Send the minutes to members', ownerPersonId: d.khai, dueOn: '2026-12-08', status: 'open' });
    await ok(backend, 'actionItems.save', { meetingId, description: 'Book the hall for January', ownerPersonId: d.athina, dueOn: null, status: 'done' });
    return meetingId;
  }

  it('puts the meeting, agenda, attendance, decisions and action items on one page, every name in its own script', async () => {
    const { backend } = await useBackend();
    const meetingId = await recordedMeeting(backend);
    const file = await ok(backend, 'meetings.summaryPdf', { meetingId });
    expect(file).toMatchObject({ fileName: 'steering-committee-december-2026-12-01-summary.pdf', mimeType: 'application/pdf', encoding: 'base64', pages: 1 });
    const pdf = readPdf(Buffer.from(file.content, 'base64'));
    if (process.env.SHOW_PDF) console.log(pdf.text, pdf.path);
    expect(pdf.pages).toBe(1);
    expect(pdf.info['Page size']).toMatch(/\(A4\)/);
    expect(pdf.fonts.every((f) => f.embedded && /NotoSans/.test(f.name))).toBe(true);
    const text = squash(pdf.text);
    for (const expected of [
      'Alianza Ñandú por la Salud',
      'Steering committee, December',
      'Meeting summary · Steering committee',
      'When Tuesday, 1 December 2026, 18:00–20:00 (America/Sao_Paulo)',
      'Where Casa do Povo; sala 2',
      'Video link https://meet.example.org/steering',
      'Organizer Zoë Đặng',
      '1 Welcome Zoë Đặng 10',
      '2 Budget 2027 45',
      '55 of 120 minutes planned.',
      '3 present, 0 absent, 1 excused (of 4 invited).',
      'Quorum met: 3 present of 4 steering committee seats',
      'Present Zoë Đặng, Αθηνά Παπαδοπούλου, Ярослава Петренко',
      'Excused Nguyễn Thị Minh Khai',
      'Casa Ñandú Cooperativa',
      'Decision For Against Abstain Quorum Result',
      'Adopt the 2027 budget. 2 1 0 Met Passed',
      'Motion: That the budget be adopted',
      'Amend the charter’s mission. 1 2 0 Met Failed',
      'Charter decision',
      'Send the minutes to members Nguyễn Thị Minh Khai 2026-12-08 Open',
      'Book the hall for January Αθηνά Παπαδοπούλου Done',
      'Page 1 of 1',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('says so plainly for a meeting with nothing recorded, prints on Letter when asked, and refuses an unknown meeting', async () => {
    const { backend } = await useBackend();
    const { id } = await ok(backend, 'meetings.create', meetingInput({ title: 'Empty planning call' }));
    const file = await ok(backend, 'meetings.summaryPdf', { meetingId: id, pageSize: 'LETTER' });
    const pdf = readPdf(Buffer.from(file.content, 'base64'));
    expect(pdf.info['Page size']).toMatch(/\(letter\)/);
    const text = squash(pdf.text);
    for (const sentence of ['Our coalition', 'No agenda was set for this meeting.', 'Nobody was invited to this meeting.', 'No decisions were recorded at this meeting.', 'No action items came out of this meeting.']) {
      expect(text).toContain(sentence);
    }
    const gone = await fails(backend, 'meetings.summaryPdf', { meetingId: '00000000-0000-4000-8000-000000000999' });
    expect(gone.code).toBe('not_found');
    expect(issuesOf(gone)).toEqual([{ path: 'meetingId', message: 'This meeting does not exist.' }]);
  });
});
