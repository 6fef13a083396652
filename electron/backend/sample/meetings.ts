import type SqliteDatabase from 'better-sqlite3';
import { MEETING_TYPE_VALUES, type MeetingType } from '@shared/meetings/contract';
import { uuidFactory } from './directory';
import { seededRandom } from './random';

// Meetings at any scale, bulk-inserted with prepared statements after the directory (and the
// structure, when there is one): meetings spread over a period, invitees drawn from the people
// (attendance recorded for meetings already held), decisions and action items (some overdue).
// The same seed gives the same data; dates are fixed, not read from the clock.

export interface MeetingCounts {
  meetings: number;
  /** Invitation rows in all (about this many; each meeting gets its share). */
  invitees: number;
  actionItems: number;
}

export const SAMPLE_MEETINGS: MeetingCounts = { meetings: 60, invitees: 600, actionItems: 80 };
export const SCALE_MEETINGS: MeetingCounts = { meetings: 5_000, invitees: 100_000, actionItems: 20_000 };

export interface MeetingOptions extends MeetingCounts {
  seed: number;
  /** Meetings start on days in [from, to) (YYYY-MM-DD); meetings before `today` have been held. */
  from: string;
  to: string;
  today: string;
}

const TITLES: Record<MeetingType, readonly string[]> = {
  steering: ['Steering committee', 'Steering committee: budget', 'Steering committee: strategy'],
  working_group: ['Working group meeting', 'Working group planning'],
  assembly: ['Quarterly assembly', 'Annual general assembly'],
  town_hall: ['Town hall on housing', 'Town hall on health access', 'Community listening session'],
  training: ['Training: talking to the press', 'Training: testimony 101', 'Training: digital organizing'],
  policymaker: ['Meeting with the council member', 'Briefing for the health committee', 'Visit to the state representative'],
  one_to_one: ['One-to-one with a partner', 'Check-in with a member'],
  other: ['Volunteer orientation', 'Fundraising call'],
};
const PLACES = ['Eastside Library, room 2', 'Community Center hall', 'City Hall, room 301', 'Online', 'Harbor Union office'];
const ZONES = ['America/New_York', 'America/Chicago', 'America/Los_Angeles'];
const ACTIONS = ['Send the minutes to members', 'Book the hall', 'Draft the letter to the council', 'Call the partners who missed it', 'Share the budget draft', 'Collect testimonies'];

const DAY_MS = 86_400_000;

export function generateMeetings(sqlite: SqliteDatabase.Database, options: MeetingOptions): { meetings: number; invitees: number; decisions: number; actionItems: number } {
  const random = seededRandom(options.seed);
  const uuid = uuidFactory(random);
  const people = sqlite.prepare('select id from people order by rowid').pluck().all() as string[];
  if (people.length === 0) return { meetings: 0, invitees: 0, decisions: 0, actionItems: 0 };
  const groups = sqlite.prepare('select id from working_groups order by name').pluck().all() as string[];
  const fromMs = Date.parse(`${options.from}T00:00:00Z`);
  const days = Math.max(1, Math.round((Date.parse(`${options.to}T00:00:00Z`) - fromMs) / DAY_MS));
  const todayMs = Date.parse(`${options.today}T00:00:00Z`);
  const stamp = `${options.from}T00:00:00.000Z`;
  const perMeeting = Math.max(1, Math.round(options.invitees / options.meetings));

  const insert = {
    meeting: sqlite.prepare(`insert into meetings (id, type, title, starts_at, ends_at, time_zone, location, video_url, organizer_person_id, working_group_id, minutes_md, status, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    invitee: sqlite.prepare('insert into meeting_invitees (id, meeting_id, person_id, rsvp, attendance) values (?, ?, ?, ?, ?)'),
    agenda: sqlite.prepare('insert into agenda_items (id, meeting_id, position, title, presenter_person_id, minutes_allotted, notes, documents_json) values (?, ?, ?, ?, ?, ?, ?, ?)'),
    decision: sqlite.prepare(`insert into decisions (id, meeting_id, text, motion, kind, votes_for, votes_against, votes_abstain, quorum_met, passed, created_at, updated_at)
      values (?, ?, ?, '', 'ordinary', ?, ?, 0, 1, ?, ?, ?)`),
    action: sqlite.prepare('insert into action_items (id, meeting_id, description, owner_person_id, due_on, status, done_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
  };
  const held: { id: string; startMs: number; present: string[] }[] = [];
  let invitees = 0;
  let decisions = 0;
  for (let m = 0; m < options.meetings; m++) {
    // A working group's meeting needs a group; without any, it is some other meeting.
    const picked = random.pick(MEETING_TYPE_VALUES);
    const type: MeetingType = picked === 'working_group' && groups.length === 0 ? 'other' : picked;
    const groupId = type === 'working_group' ? random.pick(groups) : null;
    // Evenings and mornings on weekdays, 1 to 3 hours.
    const startMs = fromMs + random.int(0, days - 1) * DAY_MS + random.pick([14, 16, 18, 22, 23]) * 3_600_000 + random.pick([0, 30]) * 60_000;
    const endMs = startMs + random.int(2, 6) * 30 * 60_000;
    const id = uuid();
    const isHeld = startMs < todayMs;
    insert.meeting.run(
      id,
      type,
      random.pick(TITLES[type]),
      new Date(startMs).toISOString(),
      new Date(endMs).toISOString(),
      random.pick(ZONES),
      random.pick(PLACES),
      random.next() < 0.4 ? 'https://meet.example.org/coalition' : '',
      random.pick(people),
      groupId,
      isHeld && random.next() < 0.5 ? '## Notes\n\n- Reports from the working groups\n- Next steps agreed' : '',
      random.next() < 0.03 ? 'cancelled' : 'scheduled',
      stamp,
      stamp,
    );
    const chosen = new Set<string>();
    const size = Math.max(1, Math.min(people.length, random.int(Math.ceil(perMeeting / 2), Math.floor(perMeeting * 1.5))));
    for (let tries = 0; chosen.size < size && tries < size * 4; tries++) chosen.add(random.pick(people));
    const present: string[] = [];
    for (const personId of chosen) {
      const rsvp = random.pick(['yes', 'yes', 'yes', 'maybe', 'no', 'none']);
      const attendance = isHeld ? (rsvp === 'no' ? 'absent' : random.next() < 0.85 ? 'present' : random.pick(['absent', 'excused'])) : null;
      if (attendance === 'present') present.push(personId);
      insert.invitee.run(uuid(), id, personId, rsvp, attendance);
      invitees++;
    }
    ['Welcome and introductions', 'Reports', 'Decisions', 'Next steps'].forEach((title, position) =>
      insert.agenda.run(uuid(), id, position, title, position === 1 ? random.pick(people) : null, position === 1 ? 30 : 10, '', '[]'),
    );
    if (isHeld) held.push({ id, startMs, present });
    if (isHeld && present.length >= 2 && random.next() < 0.4) {
      const against = random.int(0, Math.floor(present.length / 3));
      const votesFor = present.length - against;
      insert.decision.run(uuid(), id, 'Adopt the plan presented.', votesFor, against, votesFor > against ? 1 : 0, stamp, stamp);
      decisions++;
    }
  }
  for (let a = 0; a < options.actionItems; a++) {
    const from = held.length > 0 && random.next() < 0.85 ? random.pick(held) : null;
    const baseMs = from ? from.startMs : todayMs - random.int(0, 60) * DAY_MS;
    const dueMs = baseMs + random.int(3, 45) * DAY_MS;
    const due = new Date(dueMs).toISOString().slice(0, 10);
    // Most items due before today are done; the rest are overdue.
    const status = dueMs < todayMs ? (random.next() < 0.75 ? 'done' : random.pick(['open', 'in_progress'])) : random.pick(['open', 'open', 'in_progress', 'done']);
    const owner = from && from.present.length > 0 ? random.pick(from.present) : random.pick(people);
    insert.action.run(uuid(), from?.id ?? null, random.pick(ACTIONS), owner, due, status, status === 'done' ? due : null, stamp, stamp);
  }
  return { meetings: options.meetings, invitees, decisions, actionItems: options.actionItems };
}
