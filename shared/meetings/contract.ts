import { z } from 'zod';
import { id, isoDate, longText, singleLineClean, text, timestamp } from '../common';
import { page } from '../directory/fields';

// Meetings (issue 4): the calendar, agendas, invitations and attendance, minutes, decisions and
// action items. Instants are UTC ISO strings ('…Z'); each meeting also keeps the IANA time zone
// its times were set in, so forms and calendar files show the wall time the organizer chose.

export const MEETING_TYPES = {
  steering: 'Steering committee',
  working_group: 'Working group',
  assembly: 'Coalition-wide assembly',
  town_hall: 'Town hall',
  training: 'Training',
  policymaker: 'Policymaker meeting',
  one_to_one: 'Partner one-to-one',
  other: 'Other',
} as const;
export type MeetingType = keyof typeof MEETING_TYPES;
export const MEETING_TYPE_VALUES = Object.keys(MEETING_TYPES) as [MeetingType, ...MeetingType[]];

export const MEETING_STATUSES = { scheduled: 'Scheduled', cancelled: 'Cancelled' } as const;
export const MEETING_STATUS_VALUES = Object.keys(MEETING_STATUSES) as [keyof typeof MEETING_STATUSES, ...(keyof typeof MEETING_STATUSES)[]];

export const RSVP = { yes: 'Yes', no: 'No', maybe: 'Maybe', none: 'No reply' } as const;
export const RSVP_VALUES = Object.keys(RSVP) as [keyof typeof RSVP, ...(keyof typeof RSVP)[]];
export const ATTENDANCE = { present: 'Present', absent: 'Absent', excused: 'Excused' } as const;
export const ATTENDANCE_VALUES = Object.keys(ATTENDANCE) as [keyof typeof ATTENDANCE, ...(keyof typeof ATTENDANCE)[]];

export const DECISION_KINDS = { ordinary: 'Ordinary decision', charter: 'Charter decision' } as const;
export const DECISION_KIND_VALUES = Object.keys(DECISION_KINDS) as [keyof typeof DECISION_KINDS, ...(keyof typeof DECISION_KINDS)[]];

export const ACTION_STATUSES = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' } as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;
export const ACTION_STATUS_VALUES = Object.keys(ACTION_STATUSES) as [ActionStatus, ...ActionStatus[]];
/** Statuses of an item still to do (the overdue and "my items" views). */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in_progress'];

/** A meeting lasts at most this long; the calendar's range query relies on it. */
export const MAX_MEETING_HOURS = 7 * 24;
/** The widest date range one calendar read covers, and the most meetings it returns. */
export const MAX_RANGE_DAYS = 400;
export const MAX_RANGE_MEETINGS = 2000;
/** The most people invited to one meeting (an all-members assembly of a large coalition). */
export const MAX_INVITEES = 5000;
export const MAX_AGENDA_ITEMS = 100;

/** Whether `zone` is an IANA time zone this runtime knows (aliases such as Europe/Kiev included; offsets refused). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zones a picker offers: the runtime's list plus UTC (which the list leaves out). */
export function timeZoneNames(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

export const timeZone = z
  .string({ message: 'Time zone is missing.' })
  .max(64, { message: 'Time zone must be at most 64 characters.' })
  .refine(isTimeZone, { message: 'Choose a time zone from the list (an IANA name such as Europe/Berlin).' });

/** A UTC instant as an ISO string ending in Z. */
export const instant = z.iso.datetime({ message: 'Use a date and time in the form 2026-05-04T17:00:00Z (UTC).' });

const webAddress = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });

export const videoUrl = z
  .string({ message: 'Video link must be text.' })
  .trim()
  .max(1000, { message: 'Video link must be at most 1000 characters.' })
  .refine((v) => v === '' || webAddress.safeParse(v).success, {
    message: 'Enter a full web address starting with https:// (or leave the video link empty).',
  })
  .superRefine(singleLineClean('Video link'));

/** A person's id where one is required; a missing owner gets its own sentence rather than zod's type error. */
function requiredPerson(missing: string) {
  return z.uuid({ error: (issue) => (issue.input === undefined || issue.input === null || issue.input === '' ? missing : 'Must be a record id (UUID).') });
}

export const meetingInput = z
  .strictObject({
    type: z.enum(MEETING_TYPE_VALUES, { message: 'Choose a meeting type.' }),
    title: text(200, 'Title', 1),
    startsAt: instant,
    endsAt: instant,
    timeZone,
    location: text(300, 'Location'),
    videoUrl,
    organizerPersonId: id.nullable(),
    workingGroupId: id.nullable(),
    status: z.enum(MEETING_STATUS_VALUES).default('scheduled'),
  })
  .superRefine((m, ctx) => {
    const start = Date.parse(m.startsAt);
    const end = Date.parse(m.endsAt);
    if (end <= start) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The meeting must end after it starts.' });
    else if (end - start > MAX_MEETING_HOURS * 3_600_000) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `A meeting lasts at most ${MAX_MEETING_HOURS / 24} days; schedule longer events as several meetings.` });
    }
    if (m.type === 'working_group' && m.workingGroupId === null) {
      ctx.addIssue({ code: 'custom', path: ['workingGroupId'], message: 'Choose the working group this meeting belongs to.' });
    }
  });
export type MeetingInput = z.infer<typeof meetingInput>;

export const meetingSummary = z.object({
  id,
  type: z.enum(MEETING_TYPE_VALUES),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  location: z.string(),
  status: z.enum(MEETING_STATUS_VALUES),
  workingGroupId: id.nullable(),
  workingGroupName: z.string().nullable(),
  invited: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const meeting = meetingSummary.extend({
  videoUrl: z.string(),
  organizerPersonId: id.nullable(),
  organizerName: z.string().nullable(),
  minutesMd: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Meeting = z.infer<typeof meeting>;

export const agendaItemInput = z.strictObject({
  /** Absent for a new item. */
  id: id.optional(),
  title: text(300, 'Agenda item title', 1),
  presenterPersonId: id.nullable(),
  minutesAllotted: z.number({ message: 'Minutes must be a number.' }).int({ message: 'Minutes must be a whole number.' }).min(0, { message: 'Minutes cannot be negative.' }).max(24 * 60, { message: 'An agenda item takes at most 1440 minutes.' }),
  notes: longText(5000, 'Notes'),
  /** Paths of linked documents: plain references, never opened by the app. */
  documents: z.array(text(1000, 'Document path', 1)).max(20, { message: 'At most 20 linked documents per agenda item.' }),
});
export type AgendaItemInput = z.infer<typeof agendaItemInput>;
export const agendaItem = agendaItemInput.extend({ id, presenterName: z.string().nullable() });
export type AgendaItem = z.infer<typeof agendaItem>;

export const invitee = z.object({
  personId: id,
  name: z.string(),
  /** The person's current organizations (primary first). */
  organizations: z.array(z.object({ id, name: z.string() })),
  rsvp: z.enum(RSVP_VALUES),
  attendance: z.enum(ATTENDANCE_VALUES).nullable(),
});
export type Invitee = z.infer<typeof invitee>;

/** A person invited to another meeting that overlaps the one being scheduled. */
export const conflict = z.object({
  personId: id,
  name: z.string(),
  meetings: z.array(z.object({ id, title: z.string(), startsAt: z.string(), endsAt: z.string() })),
});
export type Conflict = z.infer<typeof conflict>;

export const quorum = z.object({
  /** steering: present steering members against seats; invited: present against invited. */
  basis: z.enum(['steering', 'invited']),
  present: z.number().int(),
  /** Seats (steering) or invitees (other meetings). */
  of: z.number().int(),
  /** The smallest number present that makes quorum (0 when there is nobody to count). */
  needed: z.number().int(),
  met: z.boolean(),
});
export type Quorum = z.infer<typeof quorum>;

export const voteCount = z.number({ message: 'Votes must be a number.' }).int({ message: 'Votes must be a whole number.' }).min(0, { message: 'Votes cannot be negative.' }).max(100_000);

export const decisionInput = z.strictObject({
  id: id.optional(),
  meetingId: id,
  text: longText(5000, 'Decision').refine((s) => s.trim().length > 0, { message: 'Write down what was decided.' }),
  motion: longText(5000, 'Motion'),
  kind: z.enum(DECISION_KIND_VALUES, { message: 'Choose an ordinary or a charter decision.' }),
  votesFor: voteCount,
  votesAgainst: voteCount,
  votesAbstain: voteCount,
});
export type DecisionInput = z.infer<typeof decisionInput>;
export const decision = decisionInput.extend({ id, quorumMet: z.boolean(), passed: z.boolean() });
export type Decision = z.infer<typeof decision>;

export const actionItemInput = z.strictObject({
  id: id.optional(),
  meetingId: id.nullable(),
  description: text(1000, 'Description', 1),
  ownerPersonId: requiredPerson('Choose who owns this action item: every action item needs an owner.'),
  dueOn: isoDate.nullable(),
  status: z.enum(ACTION_STATUS_VALUES, { message: 'Choose open, in progress, done or cancelled.' }),
});
export type ActionItemInput = z.infer<typeof actionItemInput>;

export const actionItem = z.object({
  id,
  meetingId: id.nullable(),
  meetingTitle: z.string().nullable(),
  meetingStartsAt: z.string().nullable(),
  description: z.string(),
  /** Null once the owner's record was deleted: the item stays, waiting for a new owner. */
  ownerPersonId: id.nullable(),
  ownerName: z.string().nullable(),
  dueOn: isoDate.nullable(),
  status: z.enum(ACTION_STATUS_VALUES),
  doneOn: isoDate.nullable(),
});
export type ActionItem = z.infer<typeof actionItem>;

export const meetingDetail = meeting.extend({
  agenda: z.array(agendaItem),
  invitees: z.array(invitee),
  /** Organizations represented: the current organizations of the people marked present. */
  organizations: z.array(z.object({ id, name: z.string(), present: z.number().int() })),
  decisions: z.array(decision),
  actionItems: z.array(actionItem),
  quorum,
  /** Invitees also invited to an overlapping meeting. */
  conflicts: z.array(conflict),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

/** Whole groups that can be invited at once (their people as of the meeting's date). */
export const inviteGroup = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('working_group'), workingGroupId: id }),
    z.strictObject({ kind: z.literal('steering') }),
    z.strictObject({ kind: z.literal('members') }),
  ],
  { message: 'Invite a working group, the steering committee or all members.' },
);
export type InviteGroup = z.infer<typeof inviteGroup>;

const byId = z.strictObject({ id });
const deleted = z.object({ deleted: z.literal(true) });

const actionItemFilters = z
  .strictObject({
    ownerPersonId: id.optional(),
    meetingId: id.optional(),
    workingGroupId: id.optional(),
    /** Only items not done or cancelled. */
    openOnly: z.boolean().default(false),
    /** Only open items due before this date (the renderer's today, so tests can move the clock). */
    overdueOn: isoDate.optional(),
    ...page,
  });

export const meetingsContract = {
  'meetings.range': {
    summary: 'The meetings overlapping a date range (the calendar), optionally of some types or one working group.',
    input: z
      .strictObject({
        from: instant,
        to: instant,
        types: z.array(z.enum(MEETING_TYPE_VALUES)).max(MEETING_TYPE_VALUES.length).optional(),
        workingGroupId: id.optional(),
      })
      .refine((r) => Date.parse(r.to) > Date.parse(r.from), { path: ['to'], message: 'The range must end after it starts.' })
      .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= MAX_RANGE_DAYS * 86_400_000, { path: ['to'], message: `A calendar range covers at most ${MAX_RANGE_DAYS} days.` }),
    output: z.object({ meetings: z.array(meetingSummary), truncated: z.boolean() }),
  },
  'meetings.list': {
    summary: "A working group's meetings (or all), newest first.",
    input: z.strictObject({ workingGroupId: id.optional(), ...page }),
    output: z.object({ total: z.number().int(), rows: z.array(meetingSummary) }),
  },
  'meetings.get': { summary: 'One meeting with its agenda, invitees, decisions, action items, quorum and conflicts.', input: byId, output: meetingDetail },
  'meetings.create': { summary: 'Schedule a meeting.', input: meetingInput, output: meetingDetail },
  'meetings.update': { summary: 'Change a meeting.', input: z.strictObject({ id, meeting: meetingInput }), output: meetingDetail },
  'meetings.delete': { summary: 'Remove a meeting with its agenda, invitations and decisions (its action items stay, standalone).', input: byId, output: deleted },
  'meetings.saveMinutes': {
    summary: "Save a meeting's minutes (markdown).",
    input: z.strictObject({ id, minutesMd: longText(100_000, 'Minutes') }),
    output: meetingDetail,
  },
  'meetings.conflicts': {
    summary: 'People among those given who are invited to another meeting overlapping the times (double-booking).',
    input: z.strictObject({
      startsAt: instant,
      endsAt: instant,
      /** The meeting being edited: it does not conflict with itself, and its invitees are checked too. */
      meetingId: id.optional(),
      personIds: z.array(id).max(MAX_INVITEES).default([]),
    }),
    output: z.array(conflict),
  },
  'meetings.invite': {
    summary: 'Invite people and whole groups (working group, steering committee, all members) to a meeting.',
    input: z
      .strictObject({ meetingId: id, personIds: z.array(id).max(MAX_INVITEES).default([]), groups: z.array(inviteGroup).max(10).default([]) })
      .refine((i) => i.personIds.length + i.groups.length > 0, { path: ['personIds'], message: 'Choose people or a group to invite.' }),
    output: z.object({ added: z.number().int(), alreadyInvited: z.number().int(), conflicts: z.array(conflict) }),
  },
  'meetings.uninvite': { summary: 'Remove a person from a meeting.', input: z.strictObject({ meetingId: id, personId: id }), output: deleted },
  'meetings.respond': {
    summary: "Record an invitee's RSVP and/or attendance.",
    input: z
      .strictObject({ meetingId: id, personIds: z.array(id).min(1).max(MAX_INVITEES), rsvp: z.enum(RSVP_VALUES).optional(), attendance: z.enum(ATTENDANCE_VALUES).nullable().optional() })
      .refine((r) => r.rsvp !== undefined || r.attendance !== undefined, { message: 'Give an RSVP or an attendance to record.' }),
    output: z.object({ updated: z.number().int() }),
  },
  'meetings.saveAgenda': {
    summary: "Replace a meeting's agenda with these items in this order (new items without an id; missing ones are removed).",
    input: z.strictObject({ meetingId: id, items: z.array(agendaItemInput).max(MAX_AGENDA_ITEMS, { message: `An agenda holds at most ${MAX_AGENDA_ITEMS} items.` }) }),
    output: z.array(agendaItem),
  },
  'meetings.references': {
    summary: 'How many meetings and action items refer to a person or an organization (for the delete confirmation).',
    input: z
      .strictObject({ personId: id.optional(), organizationId: id.optional() })
      .refine((r) => (r.personId === undefined) !== (r.organizationId === undefined), { message: 'Give a personId or an organizationId.' }),
    output: z.object({ meetings: z.number().int(), actionItems: z.number().int() }),
  },
  'meetings.home': {
    summary: 'Reminders for the home screen: meetings in the next 24 hours, overdue action items, and one person’s open items.',
    input: z.strictObject({ now: instant, today: isoDate, personId: id.nullable() }),
    output: z.object({
      upcoming: z.array(meetingSummary),
      overdue: z.object({ total: z.number().int(), rows: z.array(actionItem) }),
      mine: z.object({ total: z.number().int(), rows: z.array(actionItem) }),
    }),
  },
  'decisions.save': { summary: 'Record or change a decision; quorum and the result are computed from the decision rules.', input: decisionInput, output: decision },
  'decisions.delete': { summary: 'Remove a decision.', input: byId, output: deleted },
  'actionItems.list': {
    summary: 'Action items across meetings: one owner’s, the overdue ones, a meeting’s or a working group’s.',
    input: actionItemFilters,
    output: z.object({ total: z.number().int(), rows: z.array(actionItem) }),
  },
  'actionItems.save': { summary: 'Add or change an action item (from a meeting or standalone).', input: actionItemInput, output: actionItem },
  'actionItems.setStatus': {
    summary: 'Change an action item’s status (close it from anywhere).',
    input: z.strictObject({ id, status: z.enum(ACTION_STATUS_VALUES) }),
    output: actionItem,
  },
  'actionItems.delete': { summary: 'Remove an action item.', input: byId, output: deleted },
} as const;
