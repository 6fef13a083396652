import { z } from 'zod';
import { emptyInput, id, isoDate, longText, text, timestamp } from '../common';
import { instant, MAX_MEETING_HOURS, timeZone } from '../meetings/contract';
import { GOAL_CATEGORY_VALUES } from '../taxonomy';

// Advocacy campaigns, key messages, grassroots actions, petitions and public events (issue 5).

export const CAMPAIGN_STATUSES = { planning: 'Planning', active: 'Active', won: 'Won', lost: 'Lost', paused: 'Paused' } as const;
export type CampaignStatus = keyof typeof CAMPAIGN_STATUSES;
export const CAMPAIGN_STATUS_VALUES = Object.keys(CAMPAIGN_STATUSES) as [CampaignStatus, ...CampaignStatus[]];

export const PARTICIPANT_ROLES = { lead: 'Lead', co_sponsor: 'Co-sponsor', supporter: 'Supporter' } as const;
export type ParticipantRole = keyof typeof PARTICIPANT_ROLES;
export const PARTICIPANT_ROLE_VALUES = Object.keys(PARTICIPANT_ROLES) as [ParticipantRole, ...ParticipantRole[]];

export const AUDIENCES = { policymakers: 'Policymakers', media: 'Media', public: 'Public', members: 'Members' } as const;
export type Audience = keyof typeof AUDIENCES;
export const AUDIENCE_VALUES = Object.keys(AUDIENCES) as [Audience, ...Audience[]];

export const MESSAGE_STATUSES = { draft: 'Draft', approved: 'Approved' } as const;
export type MessageStatus = keyof typeof MESSAGE_STATUSES;

export const EVENT_KINDS = {
  rally: 'Rally',
  town_hall: 'Town hall',
  community_forum: 'Community forum',
  press_conference: 'Press conference',
  lobby_day: 'Lobby day',
} as const;
export type EventKind = keyof typeof EVENT_KINDS;
export const EVENT_KIND_VALUES = Object.keys(EVENT_KINDS) as [EventKind, ...EventKind[]];

export const ACTION_KINDS = { letter: 'Letters', call: 'Calls', email: 'Emails', petition_signature: 'Petition signatures', visit: 'Visits' } as const;
export type ActionKind = keyof typeof ACTION_KINDS;
export const ACTION_KIND_VALUES = Object.keys(ACTION_KINDS) as [ActionKind, ...ActionKind[]];

export const MAX_TALKING_POINTS = 30;
export const MAX_FACTS = 30;
export const MAX_PARTNERS = 500;
/** One grassroots entry counts at most this many actions (a whole state's call-in day). */
export const MAX_ACTION_COUNT = 10_000_000;

const byId = z.strictObject({ id });
const deleted = z.object({ deleted: z.literal(true) });
const ref = z.object({ id, name: z.string() });

function wholeNumber(label: string, min: number, max: number) {
  return z
    .number({ message: `${label} must be a number.` })
    .int({ message: `${label} must be a whole number.` })
    .min(min, { message: min === 0 ? `${label} cannot be negative.` : `${label} must be at least ${min.toLocaleString('en')}.` })
    .max(max, { message: `${label} must be at most ${max.toLocaleString('en')}.` });
}

/** Issue on `end` when an end date is before the start date. */
function endNotBeforeStart<T extends Record<string, unknown>>(start: keyof T & string, end: keyof T & string, message: string) {
  return (value: T, ctx: z.core.$RefinementCtx<T>): void => {
    const from = value[start];
    const to = value[end];
    if (typeof from === 'string' && typeof to === 'string' && to < from) ctx.addIssue({ code: 'custom', path: [end], message });
  };
}

// ---------------------------------------------------------------------------------------------
// Campaigns and their partners

export const campaignInput = z
  .strictObject({
    id: id.optional(),
    name: text(200, 'Campaign name', 1),
    /** The policy ask: what decision makers should do. */
    ask: longText(2_000, 'Policy ask'),
    /** One of the charter's shared goals (its category is the campaign's goal category). */
    goalId: id.nullable(),
    status: z.enum(CAMPAIGN_STATUS_VALUES, { message: 'Choose planning, active, won, lost or paused.' }),
    startsOn: isoDate.nullable(),
    endsOn: isoDate.nullable(),
    leadWorkingGroupId: id.nullable(),
    notes: longText(10_000, 'Notes'),
  })
  .superRefine(endNotBeforeStart('startsOn', 'endsOn', 'The campaign cannot end before it starts.'));
export type CampaignInput = z.infer<typeof campaignInput>;

export const goalRef = z.object({ id, title: z.string(), category: z.enum(GOAL_CATEGORY_VALUES) });
export type GoalRef = z.infer<typeof goalRef>;

export const campaignRow = z.object({
  id,
  name: z.string(),
  ask: z.string(),
  status: z.enum(CAMPAIGN_STATUS_VALUES),
  goal: goalRef.nullable(),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  leadWorkingGroup: ref.nullable(),
  partnerCount: z.number().int(),
  approvedMessageCount: z.number().int(),
  messageCount: z.number().int(),
  eventCount: z.number().int(),
  petitionCount: z.number().int(),
  /** Sum of the grassroots action counts. */
  grassrootsTotal: z.number().int(),
});
export type CampaignRow = z.infer<typeof campaignRow>;

export const participantInput = z.strictObject({
  campaignId: id,
  organizationId: id,
  role: z.enum(PARTICIPANT_ROLE_VALUES, { message: 'Choose lead, co-sponsor or supporter.' }),
});
export type ParticipantInput = z.infer<typeof participantInput>;

export const participant = z.object({ id, organization: ref, role: z.enum(PARTICIPANT_ROLE_VALUES) });
export type Participant = z.infer<typeof participant>;

// ---------------------------------------------------------------------------------------------
// Key messages

export const factInput = z.strictObject({
  text: text(1_000, 'Fact', 1),
  source: text(500, 'Source'),
  on: isoDate.nullable(),
});
export type Fact = z.infer<typeof factInput>;

export const messageInput = z.strictObject({
  id: id.optional(),
  campaignId: id,
  audience: z.enum(AUDIENCE_VALUES, { message: 'Choose policymakers, media, public or members.' }),
  title: text(200, 'Headline', 1),
  message: longText(5_000, 'Message'),
  /** In the order they are said. */
  talkingPoints: z.array(text(1_000, 'Talking point', 1)).max(MAX_TALKING_POINTS, { message: `At most ${MAX_TALKING_POINTS} talking points.` }),
  facts: z.array(factInput).max(MAX_FACTS, { message: `At most ${MAX_FACTS} supporting facts.` }),
});
export type MessageInput = z.infer<typeof messageInput>;

export const keyMessage = z.object({
  id,
  campaignId: id,
  audience: z.enum(AUDIENCE_VALUES),
  title: z.string(),
  message: z.string(),
  talkingPoints: z.array(z.string()),
  facts: z.array(z.object({ text: z.string(), source: z.string(), on: isoDate.nullable() })),
  status: z.enum(['draft', 'approved']),
  approvedBy: z.string().nullable(),
  approvedAt: timestamp.nullable(),
  updatedAt: timestamp,
});
export type KeyMessage = z.infer<typeof keyMessage>;

// ---------------------------------------------------------------------------------------------
// Public events

export const eventInput = z
  .strictObject({
    id: id.optional(),
    campaignId: id.nullable(),
    kind: z.enum(EVENT_KIND_VALUES, { message: 'Choose rally, town hall, community forum, press conference or lobby day.' }),
    title: text(200, 'Title', 1),
    startsAt: instant,
    endsAt: instant,
    timeZone,
    location: text(300, 'Place'),
    description: longText(5_000, 'Description'),
    rsvps: wholeNumber('RSVPs', 0, 1_000_000),
    attendance: wholeNumber('Attendance', 0, 1_000_000).nullable(),
    peopleReached: wholeNumber('People reached', 0, 1_000_000_000).nullable(),
    /** Partner organizations co-hosting the event. */
    cohostIds: z
      .array(id)
      .max(100, { message: 'At most 100 co-hosts.' })
      .transform((v) => [...new Set(v)]),
  })
  .superRefine((e, ctx) => {
    const start = Date.parse(e.startsAt);
    const end = Date.parse(e.endsAt);
    if (end <= start) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The event must end after it starts.' });
    else if (end - start > MAX_MEETING_HOURS * 3_600_000) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `An event lasts at most ${MAX_MEETING_HOURS / 24} days.` });
  });
export type EventInput = z.infer<typeof eventInput>;

export const publicEvent = z.object({
  id,
  campaign: ref.nullable(),
  kind: z.enum(EVENT_KIND_VALUES),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  location: z.string(),
  description: z.string(),
  rsvps: z.number().int(),
  attendance: z.number().int().nullable(),
  peopleReached: z.number().int().nullable(),
  cohosts: z.array(ref),
  /** The meeting on the planner's calendar this event keeps in step (null once it was deleted there). */
  meetingId: id.nullable(),
});
export type PublicEvent = z.infer<typeof publicEvent>;

// ---------------------------------------------------------------------------------------------
// Grassroots actions

export const grassrootsInput = z.strictObject({
  id: id.optional(),
  campaignId: id,
  kind: z.enum(ACTION_KIND_VALUES, { message: 'Choose letters, calls, emails, petition signatures or visits.' }),
  count: wholeNumber('Count', 1, MAX_ACTION_COUNT),
  officialId: id.nullable(),
  district: text(100, 'District'),
  on: isoDate,
  reportedByOrganizationId: id.nullable(),
  notes: longText(2_000, 'Notes'),
});
export type GrassrootsInput = z.infer<typeof grassrootsInput>;

export const grassrootsAction = z.object({
  id,
  campaign: ref,
  kind: z.enum(ACTION_KIND_VALUES),
  count: z.number().int(),
  official: ref.nullable(),
  district: z.string(),
  on: isoDate,
  reportedBy: ref.nullable(),
  notes: z.string(),
});
export type GrassrootsAction = z.infer<typeof grassrootsAction>;

export const grassrootsFilter = z
  .strictObject({
    campaignId: id.optional(),
    officialId: id.optional(),
    district: text(100, 'District').optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .superRefine(endNotBeforeStart('from', 'to', 'The period cannot end before it starts.'));
export type GrassrootsFilter = z.infer<typeof grassrootsFilter>;

const byKind = z.object(Object.fromEntries(ACTION_KIND_VALUES.map((k) => [k, z.number().int()])) as Record<ActionKind, z.ZodNumber>);

export const grassrootsTotals = z.object({
  total: z.number().int(),
  byKind,
  byCampaign: z.array(ref.extend({ total: z.number().int() })),
  /** Null id: actions with no target official. */
  byOfficial: z.array(z.object({ id: id.nullable(), name: z.string(), total: z.number().int() })),
  /** '' : actions with no district. */
  byDistrict: z.array(z.object({ district: z.string(), total: z.number().int() })),
});
export type GrassrootsTotals = z.infer<typeof grassrootsTotals>;

// ---------------------------------------------------------------------------------------------
// Petitions

export const petitionInput = z
  .strictObject({
    id: id.optional(),
    campaignId: id,
    title: text(200, 'Title', 1),
    targetOfficialId: id.nullable(),
    targetText: text(200, 'Target'),
    goal: wholeNumber('Signature goal', 1, 100_000_000),
    launchedOn: isoDate.nullable(),
    deliveredOn: isoDate.nullable(),
    description: longText(5_000, 'Description'),
  })
  .superRefine(endNotBeforeStart('launchedOn', 'deliveredOn', 'A petition cannot be delivered before it is launched.'))
  .superRefine((p, ctx) => {
    if (p.targetOfficialId === null && p.targetText === '') ctx.addIssue({ code: 'custom', path: ['targetText'], message: 'Name the target: an official, or who the petition is addressed to.' });
  });
export type PetitionInput = z.infer<typeof petitionInput>;

export const petitionCount = z.object({ id, on: isoDate, signatures: z.number().int() });
export type PetitionCount = z.infer<typeof petitionCount>;

export const petitionSummary = z.object({
  id,
  campaign: ref,
  title: z.string(),
  targetOfficial: ref.nullable(),
  targetText: z.string(),
  goal: z.number().int(),
  launchedOn: isoDate.nullable(),
  deliveredOn: isoDate.nullable(),
  /** The latest count (0 before the first). */
  signatures: z.number().int(),
  /** signatures / goal, 0–1 and beyond when the goal is passed. */
  progress: z.number(),
});
export type PetitionSummary = z.infer<typeof petitionSummary>;

export const petition = petitionSummary.extend({ description: z.string(), counts: z.array(petitionCount) });
export type Petition = z.infer<typeof petition>;

export const countInput = z.strictObject({
  petitionId: id,
  on: isoDate,
  signatures: wholeNumber('Signatures', 0, 100_000_000),
});

// ---------------------------------------------------------------------------------------------
// The campaign page and its timeline

export const timelineEntry = z.object({ on: isoDate, kind: z.string(), title: z.string(), link: z.string() });

export const campaignDetail = campaignRow.extend({
  notes: z.string(),
  participants: z.array(participant),
  messages: z.array(keyMessage),
  events: z.array(publicEvent),
  petitions: z.array(petitionSummary),
  grassroots: grassrootsTotals,
  statusHistory: z.array(z.object({ status: z.enum(CAMPAIGN_STATUS_VALUES), on: isoDate })),
  updatedAt: timestamp,
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

export const campaignChoices = z.object({
  campaigns: z.array(ref.extend({ status: z.enum(CAMPAIGN_STATUS_VALUES) })),
  goals: z.array(goalRef),
  officials: z.array(ref),
});
export type CampaignChoices = z.infer<typeof campaignChoices>;

export const campaignsContract = {
  'campaigns.list': {
    summary: 'Campaigns (optionally of some statuses), active first, with their goal, lead group and counts.',
    input: z.strictObject({ statuses: z.array(z.enum(CAMPAIGN_STATUS_VALUES)).max(CAMPAIGN_STATUS_VALUES.length).default([]) }),
    output: z.array(campaignRow),
  },
  'campaigns.get': {
    summary: 'One campaign with its partners, key messages, events, petitions, grassroots totals and status history.',
    input: byId,
    output: campaignDetail,
  },
  'campaigns.save': { summary: 'Start a campaign (no id) or change one; a status change is kept in its history.', input: campaignInput, output: campaignDetail },
  'campaigns.delete': {
    summary: 'Remove a campaign with its partners and key messages; refused while events, petitions, grassroots actions or other records refer to it.',
    input: byId,
    output: deleted,
  },
  'campaigns.choices': { summary: 'What the campaign forms pick from: campaigns, the charter draft’s goals and the officials.', input: emptyInput, output: campaignChoices },
  'campaigns.timeline': {
    summary: 'Everything linked to a campaign, newest first: status changes, approved messages, events, petitions, grassroots actions and other domains’ records.',
    input: z.strictObject({ campaignId: id }),
    output: z.array(timelineEntry),
  },
  'campaigns.participants.save': { summary: 'Add a partner organization to a campaign with its role, or change its role.', input: participantInput, output: participant },
  'campaigns.participants.remove': { summary: 'Remove a partner organization from a campaign.', input: byId, output: deleted },
  'campaigns.messages.save': {
    summary: 'Add a key message (no id) or change one; changing an approved message’s content returns it to draft.',
    input: messageInput,
    output: keyMessage,
  },
  'campaigns.messages.approve': {
    summary: 'Approve a key message (by the coordinator making the call, or the name given) so it flows into documents.',
    input: z.strictObject({ id, approvedBy: text(120, 'Approved by') }),
    output: keyMessage,
  },
  'campaigns.messages.reopen': { summary: 'Return an approved key message to draft.', input: byId, output: keyMessage },
  'campaigns.messages.delete': { summary: 'Remove a key message.', input: byId, output: deleted },
  'campaigns.events.list': {
    summary: 'Public events, soonest first: those of one campaign, or in a date range.',
    input: z.strictObject({ campaignId: id.optional(), from: instant.optional(), to: instant.optional() }),
    output: z.array(publicEvent),
  },
  'campaigns.events.save': {
    summary: 'Add a public event (no id; it is put on the meeting calendar) or change one (its meeting follows).',
    input: eventInput,
    output: publicEvent,
  },
  'campaigns.events.delete': { summary: 'Remove a public event with its meeting on the calendar.', input: byId, output: deleted },
  'campaigns.grassroots.list': {
    summary: 'Grassroots action counts, newest first, filtered by campaign, official, district and period.',
    input: grassrootsFilter,
    output: z.array(grassrootsAction),
  },
  'campaigns.grassroots.totals': {
    summary: 'Grassroots totals by kind, campaign, official and district for a filter.',
    input: grassrootsFilter,
    output: grassrootsTotals,
  },
  'campaigns.grassroots.save': { summary: 'Record a count of grassroots actions reported by a partner (no id) or correct one.', input: grassrootsInput, output: grassrootsAction },
  'campaigns.grassroots.delete': { summary: 'Remove a grassroots count.', input: byId, output: deleted },
  'campaigns.petitions.list': {
    summary: 'Petitions with their latest signature count and progress toward the goal.',
    input: z.strictObject({ campaignId: id.optional() }),
    output: z.array(petitionSummary),
  },
  'campaigns.petitions.get': { summary: 'One petition with its signature counts over time.', input: byId, output: petition },
  'campaigns.petitions.save': { summary: 'Start a petition (no id) or change one.', input: petitionInput, output: petition },
  'campaigns.petitions.delete': { summary: 'Remove a petition with its signature counts.', input: byId, output: deleted },
  'campaigns.petitions.recordCount': {
    summary: 'Record the signature total on a day (replaces that day’s count).',
    input: countInput,
    output: petition,
  },
  'campaigns.petitions.removeCount': { summary: 'Remove one dated signature count.', input: byId, output: petition },
} as const;
