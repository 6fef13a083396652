import ical from 'ical';
import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { MAX_ICS_EVENTS } from '@shared/meetings/documents';
import { decodeIcs, encodeIcs, type IcsEvent } from '../../../electron/backend/meetings/documents/ics';

// Calendar files: what we write reads back the same (time zones included), an independent
// parser (the `ical` package, not ical.js that wrote it) reads the same wall times, and what
// Outlook, Google and Apple export is read, with a problem per event that cannot be.

const NOW = '2026-11-26T10:00:00.000Z';

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: 'b0c1d2e3-0000-4000-8000-000000000001@coalitiondesk.org',
    title: 'Steering committee: budget, housing; and "next steps" \\ plan',
    startsAt: '2026-12-01T17:00:00.000Z',
    endsAt: '2026-12-01T19:00:00.000Z',
    timeZone: 'Europe/Berlin',
    location: 'Gemeindesaal, Straße 4; 2. Stock',
    videoUrl: 'https://meet.example.org/abc?x=1,2',
    description: 'Steering committee\nAgenda:\n1. Welcome, coffee; intros\n2. Budget \\ plan',
    categories: ['Steering committee', 'Housing, Land & Rights'],
    cancelled: false,
    organizer: { name: 'Zoë Đặng', email: 'zoe@example.org' },
    attendees: [
      { name: 'Ярослава Петренко', email: 'yaroslava@example.org', rsvp: 'yes' },
      { name: 'Αθηνά Παπαδοπούλου, Dr.', email: 'athina@example.org', rsvp: 'maybe' },
      { name: 'Nguyễn Thị Minh Khai', email: 'khai@example.org', rsvp: 'none' },
    ],
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  };
}

/** Meetings across zones and DST: winter and summer Berlin, half-hour and 45-minute offsets, UTC, no-DST São Paulo, New York on both sides of its change. */
const ACROSS_ZONES: IcsEvent[] = [
  event(),
  event({ uid: 'u2@coalitiondesk.org', title: 'Summer assembly', timeZone: 'Europe/Berlin', startsAt: '2026-07-14T16:30:00.000Z', endsAt: '2026-07-14T18:00:00.000Z' }),
  event({ uid: 'u3@coalitiondesk.org', title: 'Kolkata partners', timeZone: 'Asia/Kolkata', startsAt: '2026-03-02T04:30:00.000Z', endsAt: '2026-03-02T05:15:00.000Z', organizer: null, attendees: [] }),
  event({ uid: 'u4@coalitiondesk.org', title: 'Chatham check-in', timeZone: 'Pacific/Chatham', startsAt: '2026-05-05T20:15:00.000Z', endsAt: '2026-05-05T21:00:00.000Z', location: '', videoUrl: '' }),
  event({ uid: 'u5@coalitiondesk.org', title: 'Global call', timeZone: 'UTC', startsAt: '2026-01-10T12:00:00.000Z', endsAt: '2026-01-10T13:00:00.000Z', categories: [], description: '' }),
  event({ uid: 'u6@coalitiondesk.org', title: 'São Paulo town hall', timeZone: 'America/Sao_Paulo', startsAt: '2026-12-02T21:00:00.000Z', endsAt: '2026-12-02T23:00:00.000Z', cancelled: true }),
  event({ uid: 'u7@coalitiondesk.org', title: 'Before DST', timeZone: 'America/New_York', startsAt: '2026-03-07T15:00:00.000Z', endsAt: '2026-03-07T16:00:00.000Z' }),
  event({ uid: 'u8@coalitiondesk.org', title: 'After DST', timeZone: 'America/New_York', startsAt: '2026-03-09T14:00:00.000Z', endsAt: '2026-03-09T15:00:00.000Z' }),
  // An alias (the rules come from Europe/Kyiv; the TZID stays the meeting's).
  event({ uid: 'u9@coalitiondesk.org', title: 'Kyiv partners', timeZone: 'Europe/Kiev', startsAt: '2026-03-09T14:00:00.000Z', endsAt: '2026-03-09T15:00:00.000Z' }),
];

/** The wall time of an instant in a zone, as YYYY-MM-DDTHH:mm (from the runtime's full tz database). */
function wallTime(instant: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('writing a calendar file', () => {
  const text = encodeIcs(ACROSS_ZONES, { name: 'Alianza Ñandú meetings', now: NOW });

  it('ends every line with CRLF and folds lines at 75 octets without splitting a character', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' ')), 'long lines were folded').toBe(true);
    expect(text).not.toContain('\uFFFD');
  });

  it('gives each event a TZID start and end with a matching VTIMEZONE, a DTSTAMP and its stable UID', () => {
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    for (const zone of ['Europe/Berlin', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC', 'America/Sao_Paulo', 'America/New_York', 'Europe/Kiev']) {
      expect(unfolded).toContain(`BEGIN:VTIMEZONE\r\nTZID:${zone}\r\n`);
      expect(unfolded).toMatch(new RegExp(`DTSTART;TZID=${zone}:\\d{8}T\\d{6}\\r\\n`));
    }
    expect(unfolded.match(/BEGIN:VTIMEZONE/g)).toHaveLength(7);
    expect(unfolded.match(/^DTSTAMP:20261126T100000Z$/gm)).toHaveLength(ACROSS_ZONES.length);
    expect(unfolded).toContain('UID:b0c1d2e3-0000-4000-8000-000000000001@coalitiondesk.org\r\n');
    expect(encodeIcs(ACROSS_ZONES, { name: 'Alianza Ñandú meetings', now: NOW })).toBe(text);
    // RFC 5545 escaping of TEXT values.
    expect(unfolded).toContain('SUMMARY:Steering committee: budget\\, housing\\; and "next steps" \\\\ plan\r\n');
    expect(unfolded).toContain('DESCRIPTION:Steering committee\\nAgenda:\\n1. Welcome\\, coffee\\; intros\\n2. Budget \\\\ plan\r\n');
    expect(unfolded).toContain('STATUS:CANCELLED');
  });

  it('reads back as the same meetings, time zones included', () => {
    const { events, problems } = decodeIcs(text, { defaultTimeZone: 'Africa/Nairobi' });
    expect(problems).toEqual([]);
    expect(events).toHaveLength(ACROSS_ZONES.length);
    events.forEach((read, i) => {
      const sent = ACROSS_ZONES[i] as IcsEvent;
      expect(read).toMatchObject({
        position: i + 1,
        uid: sent.uid,
        title: sent.title,
        startsAt: sent.startsAt,
        endsAt: sent.endsAt,
        timeZone: sent.timeZone,
        location: sent.location,
        videoUrl: sent.videoUrl,
        description: sent.description,
        categories: sent.categories,
        cancelled: sent.cancelled,
        organizer: sent.organizer,
        attendees: sent.attendees.map(({ name, email }) => ({ name, email })),
        notes: [],
      });
    });
  });

  it('reads the same wall times, zones and text in an independent parser', () => {
    const parsed = ical.parseICS(text);
    for (const sent of ACROSS_ZONES) {
      const read = parsed[sent.uid] as ical.CalendarComponent & { start: Date & { tz?: string }; end: Date & { tz?: string }; status?: string };
      expect(read, sent.uid).toBeDefined();
      expect(read.type).toBe('VEVENT');
      expect(read.summary).toBe(sent.title);
      expect(read.description ?? '').toBe(sent.description);
      expect(read.location ?? '').toBe(sent.location);
      // `ical` keeps the TZID and reads the wall time as if it were UTC: compare wall times.
      expect(read.start.tz).toBe(sent.timeZone);
      expect(read.start.toISOString().slice(0, 16)).toBe(wallTime(sent.startsAt, sent.timeZone));
      expect(read.end.toISOString().slice(0, 16)).toBe(wallTime(sent.endsAt, sent.timeZone));
      expect(read.status).toBe(sent.cancelled ? 'CANCELLED' : 'CONFIRMED');
    }
    const first = parsed[ACROSS_ZONES[0]?.uid ?? ''] as unknown as { organizer: { params: { CN: string }; val: string }; attendee: { params: { CN: string; PARTSTAT: string }; val: string }[] };
    expect(first.organizer.val).toBe('mailto:zoe@example.org');
    expect(first.attendee.map((a) => [a.val, a.params.PARTSTAT])).toEqual([
      ['mailto:yaroslava@example.org', 'ACCEPTED'],
      ['mailto:athina@example.org', 'TENTATIVE'],
      ['mailto:khai@example.org', 'NEEDS-ACTION'],
    ]);
  });
});

// An Outlook export: Windows zone names with their VTIMEZONE, Microsoft properties, folded lines.
const OUTLOOK = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  'VERSION:2.0',
  'METHOD:PUBLISH',
  'X-MS-OLK-FORCEINSPECTOROPEN:TRUE',
  'BEGIN:VTIMEZONE',
  'TZID:W. Europe Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16011028T030000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010325T020000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'CLASS:PUBLIC',
  'CREATED:20261101T090000Z',
  'DESCRIPTION:Quarterly review with partners.\\nBring the budget.\\n',
  'DTEND;TZID="W. Europe Standard Time":20260615T113000',
  'DTSTAMP:20261101T090000Z',
  'DTSTART;TZID="W. Europe Standard Time":20260615T100000',
  'LOCATION:Rathaus\\, Saal 2',
  'ORGANIZER;CN="Müller, Jürgen":mailto:Juergen.Mueller@Example.org',
  'ATTENDEE;CN=Ana Soto;RSVP=TRUE:mailto:ana@example.org',
  'ATTENDEE;CN=Room 2;CUTYPE=RESOURCE:mailto:room2@example.org',
  'PRIORITY:5',
  'SEQUENCE:0',
  'SUMMARY;LANGUAGE=de-de:Quartalsbesprechung mit den Partnerorganisationen der Koalitio',
  ' n für Wohnen und Gesundheit',
  'TRANSP:OPAQUE',
  'UID:040000008200E00074C5B7101A82E00800000000D0A5D8A7E0B0DB01000000000000000',
  ' 010000000B1E3F5C4E0A8B34D9F1E3BCA4C6F7E3C',
  'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
  'X-MICROSOFT-CDO-IMPORTANCE:1',
  'BEGIN:VALARM',
  'TRIGGER:-PT15M',
  'ACTION:DISPLAY',
  'DESCRIPTION:Reminder',
  'END:VALARM',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

// A Google export: UTC times, the calendar's zone, a repeating event, an all-day one, LF line ends.
const GOOGLE = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'VERSION:2.0',
  'CALSCALE:GREGORIAN',
  'METHOD:PUBLISH',
  'X-WR-CALNAME:Coalition',
  'X-WR-TIMEZONE:America/Chicago',
  'BEGIN:VEVENT',
  'DTSTART:20261203T000000Z',
  'DTEND:20261203T013000Z',
  'RRULE:FREQ=WEEKLY;BYDAY=WE',
  'DTSTAMP:20261120T120000Z',
  'UID:7kukuqrfedlm2f9t0vn2le2bgm@google.com',
  'X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij',
  'SUMMARY:Housing working group (weekly)',
  'CATEGORIES:Working group',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20261210',
  'DTEND;VALUE=DATE:20261211',
  'DTSTAMP:20261120T120000Z',
  'UID:allday1@google.com',
  'SUMMARY:Lobby day',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;TZID=Europe/Lisbon:20261205T140000',
  'DURATION:PT45M',
  'DTSTAMP:20261120T120000Z',
  'UID:lisbon@google.com',
  'SUMMARY:Lisbon partners',
  'X-UNKNOWN-THING;FOO=bar:whatever',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\n');

describe('reading calendar files from other apps', () => {
  it('reads an Outlook export: a Windows zone name and its VTIMEZONE, folded lines, Microsoft properties ignored', () => {
    const { events, problems } = decodeIcs(OUTLOOK, { defaultTimeZone: 'UTC' });
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      uid: '040000008200E00074C5B7101A82E00800000000D0A5D8A7E0B0DB01000000000000000010000000B1E3F5C4E0A8B34D9F1E3BCA4C6F7E3C',
      title: 'Quartalsbesprechung mit den Partnerorganisationen der Koalition für Wohnen und Gesundheit',
      // 10:00 in Berlin summer time (UTC+2).
      startsAt: '2026-06-15T08:00:00.000Z',
      endsAt: '2026-06-15T09:30:00.000Z',
      timeZone: 'Europe/Berlin',
      location: 'Rathaus, Saal 2',
      description: 'Quarterly review with partners.\nBring the budget.',
      organizer: { name: 'Müller, Jürgen', email: 'juergen.mueller@example.org' },
      attendees: [
        { name: 'Ana Soto', email: 'ana@example.org' },
        { name: 'Room 2', email: 'room2@example.org' },
      ],
      notes: [],
    });
  });

  it('reads a Google export: UTC times shown in the calendar zone, the first occurrence of a repeating event, an all-day event, DURATION', () => {
    const { events, problems } = decodeIcs(GOOGLE, { defaultTimeZone: 'Europe/Paris' });
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.title, e.startsAt, e.endsAt, e.timeZone])).toEqual([
      ['Housing working group (weekly)', '2026-12-03T00:00:00.000Z', '2026-12-03T01:30:00.000Z', 'America/Chicago'],
      // All-day: midnight to midnight in the calendar's zone (Chicago is UTC-6 in December).
      ['Lobby day', '2026-12-10T06:00:00.000Z', '2026-12-11T06:00:00.000Z', 'America/Chicago'],
      // No VTIMEZONE for Europe/Lisbon in the file: the zone's own rules (UTC+0 in December).
      ['Lisbon partners', '2026-12-05T14:00:00.000Z', '2026-12-05T14:45:00.000Z', 'Europe/Lisbon'],
    ]);
    expect(events[0]?.videoUrl).toBe('https://meet.google.com/abc-defg-hij');
    expect(events[0]?.categories).toEqual(['Working group']);
    expect(events[0]?.notes).toEqual(['Repeating event: only its first occurrence was imported.', 'Times without a named time zone are shown in America/Chicago.']);
    expect(events[1]?.notes).toEqual(['All-day event: imported from midnight to midnight in America/Chicago.']);
  });

  it('places floating times and a missing end in the coordinator’s zone, and says so', () => {
    const floating = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:f1', 'SUMMARY:Floating', 'DTSTART:20260110T090000', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const { events } = decodeIcs(floating, { defaultTimeZone: 'Asia/Tokyo' });
    expect(events[0]).toMatchObject({ startsAt: '2026-01-10T00:00:00.000Z', endsAt: '2026-01-10T01:00:00.000Z', timeZone: 'Asia/Tokyo' });
    expect(events[0]?.notes).toEqual(['No end time: imported as one hour long.', 'Times without a named time zone are shown in Asia/Tokyo.']);
  });

  it('reports the events it cannot read by position and title and still reads the others', () => {
    const file = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:ok',
      'SUMMARY:Readable',
      'DTSTART:20260110T090000Z',
      'DTEND:20260110T100000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:nostart',
      'SUMMARY:No start',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:bad',
      'SUMMARY:Bad date',
      'DTSTART:2026-13-45',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:zone',
      'SUMMARY:Unknown zone',
      'DTSTART;TZID=Atlantis Standard Time:20260110T090000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:ok',
      'RECURRENCE-ID:20260117T090000Z',
      'SUMMARY:Moved occurrence',
      'DTSTART:20260118T090000Z',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const { events, problems } = decodeIcs(file, { defaultTimeZone: 'UTC' });
    expect(events.map((e) => e.title)).toEqual(['Readable']);
    expect(problems).toEqual([
      { position: 2, title: 'No start', message: 'It has no start time (DTSTART).' },
      { position: 3, title: 'Bad date', message: 'Its start time is not a valid date and time.' },
      { position: 4, title: 'Unknown zone', message: 'Its start time is in a time zone the file does not define and that is not known: "Atlantis Standard Time".' },
      { position: 5, title: 'Moved occurrence', message: 'It is a changed occurrence of a repeating event; only the first occurrence of each series is imported.' },
    ]);
  });
});

describe('refusing what is not a calendar file', () => {
  it('refuses 5 MB of garbage, a binary file and a cut-short calendar with a sentence each', () => {
    let garbage = '';
    const alphabet = 'lorem ipsum;dolor:sit=amet\r\n';
    while (garbage.length < 5 * 1024 * 1024) garbage += alphabet.repeat(1000);
    expect(refusal(() => decodeIcs(garbage, { defaultTimeZone: 'UTC' })).message).toBe('This file is not a calendar (.ics) file: it does not begin with BEGIN:VCALENDAR.');

    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)).toString('utf8');
    expect(refusal(() => decodeIcs(binary, { defaultTimeZone: 'UTC' })).message).toBe(
      'This file is not a calendar (.ics) file: it is not text. Choose the .ics file your calendar exported.',
    );
    const pdfLike = `BEGIN:VCALENDAR\r\n\u0000\u0001PK\u0003\u0004`;
    expect(refusal(() => decodeIcs(pdfLike, { defaultTimeZone: 'UTC' })).message).toMatch(/it is not text/);

    const cut = OUTLOOK.slice(0, OUTLOOK.indexOf('END:VEVENT'));
    const error = refusal(() => decodeIcs(cut, { defaultTimeZone: 'UTC' }));
    expect(error.code).toBe('validation');
    expect(error.message).toBe('The calendar file is cut short: it does not end with END:VCALENDAR. Export or download it again.');
    expect(error.details).toEqual({ issues: [{ path: 'content', message: error.message }] });
  });

  it('refuses a calendar whose inside is broken, one without events, and one with too many', () => {
    const broken = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nthis line has no colon\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    expect(refusal(() => decodeIcs(broken, { defaultTimeZone: 'UTC' })).message).toMatch(/^The calendar file could not be read: invalid line/);
    const unbalanced = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VCALENDAR\r\n';
    expect(refusal(() => decodeIcs(unbalanced, { defaultTimeZone: 'UTC' })).message).toMatch(/^The calendar file could not be read:/);
    expect(refusal(() => decodeIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', { defaultTimeZone: 'UTC' })).message).toBe('The calendar file holds no events.');
    const many = encodeIcs(
      Array.from({ length: MAX_ICS_EVENTS + 1 }, (_, i) => event({ uid: `m${i}`, organizer: null, attendees: [], description: '' })),
      { name: 'Many', now: NOW },
    );
    expect(refusal(() => decodeIcs(many, { defaultTimeZone: 'UTC' })).message).toBe('The calendar file holds 2,001 events; import at most 2,000 at once.');
  });
});
