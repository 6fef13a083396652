import { z } from 'zod';
import { id, isoDate, longText, text, timestamp } from '../common';
import { page } from '../directory/fields';
import { instant, MAX_MEETING_HOURS, MEETING_STATUS_VALUES, timeZone, videoUrl } from '../meetings/contract';

// Trainings and technical assistance (issue 6). A training is also a meeting of type 'training'
// in the planner's calendar: created, changed and deleted with it.

export const TRAINING_TOPICS = {
  advocacy_tactics: 'Advocacy tactics',
  public_speaking: 'Public speaking',
  media_relations: 'Media relations',
  engaging_policymakers: 'Engaging policymakers',
  digital_organizing: 'Digital organizing',
  other: 'Other',
} as const;
export type TrainingTopic = keyof typeof TRAINING_TOPICS;
export const TRAINING_TOPIC_VALUES = Object.keys(TRAINING_TOPICS) as [TrainingTopic, ...TrainingTopic[]];

export const TRAINING_FORMATS = { in_person: 'In person', online: 'Online', hybrid: 'Hybrid' } as const;
export type TrainingFormat = keyof typeof TRAINING_FORMATS;
export const TRAINING_FORMAT_VALUES = Object.keys(TRAINING_FORMATS) as [TrainingFormat, ...TrainingFormat[]];

export const TA_CATEGORIES = {
  fundraising: 'Fundraising',
  communications: 'Communications',
  policy_analysis: 'Policy analysis',
  legal: 'Legal',
  data_technology: 'Data and technology',
  organizational_development: 'Organizational development',
  other: 'Other',
} as const;
export type TaCategory = keyof typeof TA_CATEGORIES;
export const TA_CATEGORY_VALUES = Object.keys(TA_CATEGORIES) as [TaCategory, ...TaCategory[]];

export const URGENCIES = { low: 'Low', medium: 'Medium', high: 'High' } as const;
export type Urgency = keyof typeof URGENCIES;
export const URGENCY_VALUES = Object.keys(URGENCIES) as [Urgency, ...Urgency[]];

export const TA_STATUSES = { open: 'Open', assigned: 'Assigned', in_progress: 'In progress', resolved: 'Resolved', closed: 'Closed' } as const;
export type TaStatus = keyof typeof TA_STATUSES;
export const TA_STATUS_VALUES = Object.keys(TA_STATUSES) as [TaStatus, ...TaStatus[]];
/** Statuses of a request still being worked on (the "open by age" list). */
export const TA_OPEN_STATUSES: readonly TaStatus[] = ['open', 'assigned', 'in_progress'];
/** Where a request may go from each status (a closed or resolved one can be reopened). */
export const TA_NEXT: Readonly<Record<TaStatus, readonly TaStatus[]>> = {
  open: ['assigned', 'closed'],
  assigned: ['in_progress', 'open', 'resolved', 'closed'],
  in_progress: ['resolved', 'closed', 'assigned'],
  resolved: ['open'],
  closed: ['open'],
};

export const MAX_ATTENDEES = 2000;
export const MAX_MATERIALS = 30;

const byId = z.strictObject({ id });
const deleted = z.object({ deleted: z.literal(true) });
const ref = z.object({ id, name: z.string() });

export const material = z.strictObject({
  title: text(200, 'Material title', 1),
  /** A web address or a file path: kept as text, never opened by the app. */
  reference: text(1000, 'Link or path'),
});
export type Material = z.infer<typeof material>;

export const trainingInput = z
  .strictObject({
    title: text(200, 'Title', 1),
    topic: z.enum(TRAINING_TOPIC_VALUES, { message: 'Choose a topic.' }),
    format: z.enum(TRAINING_FORMAT_VALUES, { message: 'Choose in person, online or hybrid.' }),
    trainerPersonId: id.nullable(),
    trainerOrganizationId: id.nullable(),
    startsAt: instant,
    endsAt: instant,
    timeZone,
    location: text(300, 'Location'),
    videoUrl,
    description: longText(5000, 'Description'),
    materials: z.array(material).max(MAX_MATERIALS, { message: `A training lists at most ${MAX_MATERIALS} materials.` }),
    status: z.enum(MEETING_STATUS_VALUES).default('scheduled'),
  })
  .superRefine((t, ctx) => {
    const start = Date.parse(t.startsAt);
    const end = Date.parse(t.endsAt);
    if (end <= start) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The training must end after it starts.' });
    else if (end - start > MAX_MEETING_HOURS * 3_600_000) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `A training lasts at most ${MAX_MEETING_HOURS / 24} days; record longer programmes as several trainings.` });
    if (t.trainerPersonId !== null && t.trainerOrganizationId !== null) ctx.addIssue({ code: 'custom', path: ['trainerOrganizationId'], message: 'The trainer is a person or an organization, not both.' });
  });
export type TrainingInput = z.infer<typeof trainingInput>;

export const trainingRow = z.object({
  id,
  meetingId: id,
  title: z.string(),
  topic: z.enum(TRAINING_TOPIC_VALUES),
  format: z.enum(TRAINING_FORMAT_VALUES),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  status: z.enum(MEETING_STATUS_VALUES),
  trainer: ref.nullable(),
  attendees: z.number().int(),
  ratings: z.number().int(),
  /** Mean of the ratings given (null without feedback), to one decimal. */
  averageRating: z.number().nullable(),
});
export type TrainingRow = z.infer<typeof trainingRow>;

export const attendee = z.object({
  personId: id,
  name: z.string(),
  /** The organization they were with when they attended. */
  organization: ref.nullable(),
  rating: z.number().int().nullable(),
  comment: z.string(),
});
export type Attendee = z.infer<typeof attendee>;

export const trainingDetail = trainingRow.extend({
  trainerPersonId: id.nullable(),
  trainerOrganizationId: id.nullable(),
  location: z.string(),
  videoUrl: z.string(),
  description: z.string(),
  materials: z.array(material),
  attendeesList: z.array(attendee),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type TrainingDetail = z.infer<typeof trainingDetail>;

export const rating = z.number({ message: 'Rating must be a number from 1 to 5.' }).int({ message: 'Rating must be a whole number from 1 to 5.' }).min(1, { message: 'Rating must be from 1 to 5.' }).max(5, { message: 'Rating must be from 1 to 5.' });

export const feedbackInput = z.strictObject({ trainingId: id, personId: id, rating: rating.nullable(), comment: longText(2000, 'Comment') });

// ---------------------------------------------------------------------------------------------
// Technical assistance

export const taRequestInput = z
  .strictObject({
    organizationId: id,
    contactPersonId: id.nullable(),
    category: z.enum(TA_CATEGORY_VALUES, { message: 'Choose what kind of help is needed.' }),
    description: longText(5000, 'Description').refine((s) => s.trim() !== '', { message: 'Describe what help is needed.' }),
    urgency: z.enum(URGENCY_VALUES, { message: 'Choose low, medium or high urgency.' }),
    providerPersonId: id.nullable(),
    providerOrganizationId: id.nullable(),
    openedOn: isoDate,
    hoursSpent: z.number({ message: 'Hours must be a number.' }).finite().min(0, { message: 'Hours cannot be negative.' }).max(100_000, { message: 'Hours is too large.' }),
    outcome: longText(5000, 'Outcome'),
  })
  .superRefine((v, ctx) => {
    if (v.providerPersonId !== null && v.providerOrganizationId !== null) ctx.addIssue({ code: 'custom', path: ['providerOrganizationId'], message: 'The provider is a person or an organization, not both.' });
  });
export type TaRequestInput = z.infer<typeof taRequestInput>;

export const taRow = z.object({
  id,
  organization: ref,
  category: z.enum(TA_CATEGORY_VALUES),
  description: z.string(),
  urgency: z.enum(URGENCY_VALUES),
  provider: ref.nullable(),
  status: z.enum(TA_STATUS_VALUES),
  openedOn: isoDate,
  resolvedOn: isoDate.nullable(),
  /** Days from opening to today (still open) or to resolution. */
  daysOpen: z.number().int(),
  hoursSpent: z.number(),
});
export type TaRow = z.infer<typeof taRow>;

export const taStatusChange = z.object({ id, status: z.enum(TA_STATUS_VALUES), changedOn: isoDate, note: z.string() });
export const taDetail = taRow.extend({
  contactPersonId: id.nullable(),
  contactName: z.string().nullable(),
  providerPersonId: id.nullable(),
  providerOrganizationId: id.nullable(),
  outcome: z.string(),
  history: z.array(taStatusChange),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type TaDetail = z.infer<typeof taDetail>;

export const capacityContract = {
  'trainings.list': {
    summary: 'Trainings, newest first, with attendance and average rating: one page (offset, limit) and the total.',
    input: z.strictObject({ topic: z.enum(TRAINING_TOPIC_VALUES).optional(), ...page }),
    output: z.object({ total: z.number().int(), rows: z.array(trainingRow) }),
  },
  'trainings.get': { summary: 'One training with its attendees, feedback and materials.', input: byId, output: trainingDetail },
  'trainings.create': { summary: 'Schedule a training (also a meeting of type training in the calendar).', input: trainingInput, output: trainingDetail },
  'trainings.update': { summary: 'Change a training and its meeting.', input: z.strictObject({ id, training: trainingInput }), output: trainingDetail },
  'trainings.delete': { summary: 'Remove a training with its attendance, feedback and meeting.', input: byId, output: deleted },
  'trainings.setAttendees': {
    summary: 'Set who attended (each with their organization at the time); feedback of people kept stays.',
    input: z.strictObject({ trainingId: id, personIds: z.array(id).max(MAX_ATTENDEES, { message: `A training has at most ${MAX_ATTENDEES} attendees.` }) }),
    output: trainingDetail,
  },
  'trainings.saveFeedback': { summary: "Record an attendee's rating (1–5) and comment.", input: feedbackInput, output: trainingDetail },
  'assistance.list': {
    summary: 'Technical-assistance requests: the open ones by age (oldest first), or all (then the finished ones, newest first); days open counted to the renderer’s today. One page (offset, limit) and the total.',
    input: z.strictObject({ today: isoDate, openOnly: z.boolean().default(false), ...page }),
    output: z.object({ total: z.number().int(), rows: z.array(taRow) }),
  },
  'assistance.get': { summary: 'One request with its status history.', input: z.strictObject({ id, today: isoDate }), output: taDetail },
  'assistance.create': {
    summary: 'Record a request for technical assistance (open, or assigned when a provider is given).',
    input: z.strictObject({ request: taRequestInput, today: isoDate }),
    output: taDetail,
  },
  'assistance.update': { summary: 'Change a request’s details (not its status).', input: z.strictObject({ id, request: taRequestInput, today: isoDate }), output: taDetail },
  'assistance.setStatus': {
    summary: 'Move a request along: open → assigned → in progress → resolved or closed (dated in its history).',
    input: z.strictObject({ id, status: z.enum(TA_STATUS_VALUES, { message: 'Choose a status.' }), on: isoDate, note: text(500, 'Note'), today: isoDate }),
    output: taDetail,
  },
  'assistance.delete': { summary: 'Remove a request with its history.', input: byId, output: deleted },
} as const;
