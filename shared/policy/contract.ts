import { z } from 'zod';
import { id, isoDate, longText, text } from '../common';
import { email, page, phone, website } from '../directory/fields';
import { EXPORT_FORMAT_VALUES, exportOutput } from '../directory/exports';
import { instant, timeZone } from '../meetings/contract';

// Policymakers and policy (issue 5): bodies and agencies, officials (contacts, staffers,
// committees, relationship holders), stances as a dated history, bills with their status
// history, sponsors, hearings and funding allocations, officials' recorded actions (the
// scorecard), engagements with officials (a meeting one appears in the meeting planner),
// district matching against the directory, and campaign targets.

export const LEVELS = { local: 'Local', state: 'State / provincial', national: 'National' } as const;
export type Level = keyof typeof LEVELS;
export const LEVEL_VALUES = Object.keys(LEVELS) as [Level, ...Level[]];

export const BODY_KINDS = {
  city_council: 'City council',
  county_board: 'County board',
  legislature_chamber: 'Legislature chamber',
  parliament: 'Parliament',
  agency: 'Agency',
  regulatory: 'Regulatory agency',
  administrative: 'Administrative body',
  council: 'Council',
  other: 'Other',
} as const;
export type BodyKind = keyof typeof BODY_KINDS;
export const BODY_KIND_VALUES = Object.keys(BODY_KINDS) as [BodyKind, ...BodyKind[]];

export const COMMITTEE_ROLES = { chair: 'Chair', vice_chair: 'Vice-chair', ranking_member: 'Ranking member', member: 'Member' } as const;
export type CommitteeRole = keyof typeof COMMITTEE_ROLES;
export const COMMITTEE_ROLE_VALUES = Object.keys(COMMITTEE_ROLES) as [CommitteeRole, ...CommitteeRole[]];

export const STANCES = {
  champion: 'Champion',
  supporter: 'Supporter',
  leaning_yes: 'Leaning yes',
  undecided: 'Undecided',
  leaning_no: 'Leaning no',
  opposed: 'Opposed',
  unknown: 'Unknown',
} as const;
export type Stance = keyof typeof STANCES;
export const STANCE_VALUES = Object.keys(STANCES) as [Stance, ...Stance[]];

export const BILL_KINDS = { bill: 'Bill', policy: 'Policy', budget: 'Budget item', regulation: 'Regulation' } as const;
export type BillKind = keyof typeof BILL_KINDS;
export const BILL_KIND_VALUES = Object.keys(BILL_KINDS) as [BillKind, ...BillKind[]];

/** The status pipeline, in order (vetoed and dead end it early). */
export const BILL_STATUSES = {
  drafted: 'Drafted',
  introduced: 'Introduced',
  in_committee: 'In committee',
  passed_committee: 'Passed committee',
  passed_chamber: 'Passed chamber',
  passed_both: 'Passed both chambers',
  enacted: 'Signed / enacted',
  vetoed: 'Vetoed',
  dead: 'Dead',
} as const;
export type BillStatus = keyof typeof BILL_STATUSES;
export const BILL_STATUS_VALUES = Object.keys(BILL_STATUSES) as [BillStatus, ...BillStatus[]];

export const POSITIONS = { support: 'Support', oppose: 'Oppose', support_if_amended: 'Support if amended', monitor: 'Monitor', none: 'No position yet' } as const;
export type Position = keyof typeof POSITIONS;
export const POSITION_VALUES = Object.keys(POSITIONS) as [Position, ...Position[]];

export const SPONSOR_ROLES = { primary: 'Primary sponsor', co: 'Co-sponsor' } as const;
export const SPONSOR_ROLE_VALUES = Object.keys(SPONSOR_ROLES) as [keyof typeof SPONSOR_ROLES, ...(keyof typeof SPONSOR_ROLES)[]];

export const OFFICIAL_ACTIONS = { sponsored: 'Sponsored', co_sponsored: 'Co-sponsored', voted_yes: 'Voted yes', voted_no: 'Voted no', absent: 'Absent' } as const;
export type OfficialAction = keyof typeof OFFICIAL_ACTIONS;
export const OFFICIAL_ACTION_VALUES = Object.keys(OFFICIAL_ACTIONS) as [OfficialAction, ...OfficialAction[]];

export const ENGAGEMENT_KINDS = {
  meeting: 'Meeting',
  testimony: 'Testimony at a hearing',
  briefing: 'Briefing',
  letter: 'Letter',
  site_visit: 'Site visit',
  call: 'Call',
  other: 'Other',
} as const;
export type EngagementKind = keyof typeof ENGAGEMENT_KINDS;
export const ENGAGEMENT_KIND_VALUES = Object.keys(ENGAGEMENT_KINDS) as [EngagementKind, ...EngagementKind[]];

export const PRESENTED_KINDS = { data: 'Data', research: 'Research', stories: 'Stories', testimony: 'Testimony', proposal: 'Policy proposal', other: 'Other' } as const;
export type PresentedKind = keyof typeof PRESENTED_KINDS;
export const PRESENTED_KIND_VALUES = Object.keys(PRESENTED_KINDS) as [PresentedKind, ...PresentedKind[]];

/** How many names districtMatch lists (the counts are always whole). */
export const DISTRICT_MATCH_NAMES = 10;

const currency = z
  .string({ message: 'Currency must be text.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { message: 'Use a three-letter currency code such as USD or EUR.' });
const amount = z
  .number({ message: 'Amount must be a number.' })
  .finite({ message: 'Amount must be a number.' })
  .min(0, { message: 'Amount cannot be negative.' })
  .max(1e13, { message: 'Amount is too large.' });

// ---------------------------------------------------------------------------------------------
// Bodies, committees

export const bodyInput = z.strictObject({
  name: text(200, 'Name', 1),
  kind: z.enum(BODY_KIND_VALUES, { message: 'Choose what kind of body this is.' }),
  level: z.enum(LEVEL_VALUES, { message: 'Choose local, state / provincial or national.' }),
  jurisdiction: text(200, 'Jurisdiction'),
  responsibilities: longText(5000, 'Responsibilities'),
  website,
  email,
  phone,
  notes: longText(5000, 'Notes'),
});
export type BodyInput = z.infer<typeof bodyInput>;
export const body = bodyInput.extend({ id, officials: z.number().int(), committees: z.number().int() });
export type Body = z.infer<typeof body>;

export const committeeInput = z.strictObject({
  name: text(200, 'Committee name', 1),
  bodyId: id.nullable(),
  description: longText(5000, 'Description'),
});
export type CommitteeInput = z.infer<typeof committeeInput>;
export const committee = committeeInput.extend({ id, bodyName: z.string().nullable(), members: z.number().int() });
export type Committee = z.infer<typeof committee>;

// ---------------------------------------------------------------------------------------------
// Officials

export const stafferInput = z.strictObject({
  /** Absent for a new staffer. */
  id: id.optional(),
  name: text(200, 'Staffer name', 1),
  role: text(200, 'Staffer role'),
  email,
  phone,
});
export type StafferInput = z.infer<typeof stafferInput>;

export const officialInput = z
  .strictObject({
    name: text(200, 'Name', 1),
    title: text(200, 'Title'),
    level: z.enum(LEVEL_VALUES, { message: 'Choose local, state / provincial or national.' }),
    bodyId: id.nullable(),
    district: text(200, 'District'),
    jurisdiction: text(200, 'Jurisdiction'),
    party: text(100, 'Party'),
    email,
    phone,
    officeAddress: text(500, 'Office address'),
    website,
    termStart: isoDate.nullable(),
    termEnd: isoDate.nullable(),
    notes: longText(10_000, 'Notes'),
    committees: z
      .array(z.strictObject({ committeeId: id, role: z.enum(COMMITTEE_ROLE_VALUES, { message: 'Choose chair, vice-chair, ranking member or member.' }) }))
      .max(50, { message: 'At most 50 committees.' })
      .default([]),
    staffers: z.array(stafferInput).max(50, { message: 'At most 50 staffers.' }).default([]),
  })
  .superRefine((o, ctx) => {
    if (o.termStart && o.termEnd && o.termEnd < o.termStart) ctx.addIssue({ code: 'custom', path: ['termEnd'], message: 'The term must end after it starts.' });
    const seen = new Set<string>();
    o.committees.forEach((c, i) => {
      if (seen.has(c.committeeId)) ctx.addIssue({ code: 'custom', path: ['committees', i, 'committeeId'], message: 'This committee is listed twice.' });
      seen.add(c.committeeId);
    });
  });
export type OfficialInput = z.output<typeof officialInput>;

export const officialSummary = z.object({
  id,
  name: z.string(),
  title: z.string(),
  level: z.enum(LEVEL_VALUES),
  bodyId: id.nullable(),
  bodyName: z.string().nullable(),
  district: z.string(),
  jurisdiction: z.string(),
  party: z.string(),
});
export type OfficialSummary = z.infer<typeof officialSummary>;

export const stance = z.object({
  id,
  officialId: id,
  officialName: z.string(),
  campaignId: id.nullable(),
  campaignName: z.string().nullable(),
  billId: id.nullable(),
  billLabel: z.string().nullable(),
  stance: z.enum(STANCE_VALUES),
  statedOn: z.string(),
  evidence: z.string(),
  recordedBy: z.string(),
});
export type StanceRow = z.infer<typeof stance>;

export const holderInput = z
  .strictObject({
    personId: id.nullable(),
    organizationId: id.nullable(),
    isPrimary: z.boolean(),
    note: text(500, 'Note'),
  })
  .refine((h) => (h.personId === null) !== (h.organizationId === null), { message: 'Choose a person or a member organization (one of them).', path: ['personId'] });
export const holder = z.object({ id, personId: id.nullable(), organizationId: id.nullable(), name: z.string(), isPrimary: z.boolean(), note: z.string() });
export type Holder = z.infer<typeof holder>;

export const scorecardRow = z.object({
  officialId: id,
  officialName: z.string(),
  billId: id,
  identifier: z.string(),
  billTitle: z.string(),
  billStatus: z.enum(BILL_STATUS_VALUES),
  position: z.enum(POSITION_VALUES),
  /** The official's latest stance on the bill, if any. */
  stance: z.enum(STANCE_VALUES).nullable(),
  stanceOn: z.string().nullable(),
  /** Sponsorship from the bill's sponsors (primary / co), if any. */
  sponsor: z.enum(SPONSOR_ROLE_VALUES).nullable(),
  actions: z.array(z.object({ id, action: z.enum(OFFICIAL_ACTION_VALUES), actedOn: z.string(), note: z.string() })),
  /** Whether the official acted as the coalition asked: yes / no / null when there is nothing to judge. */
  aligned: z.boolean().nullable(),
});
export type ScorecardRow = z.infer<typeof scorecardRow>;

export const engagementSummary = z.object({
  id,
  kind: z.enum(ENGAGEMENT_KIND_VALUES),
  title: z.string(),
  occurredOn: z.string(),
  officials: z.array(z.object({ id, name: z.string() })),
  campaignId: id.nullable(),
  billId: id.nullable(),
  billLabel: z.string().nullable(),
  outcome: z.string(),
  followUp: z.string(),
  followUpDueOn: z.string().nullable(),
  followUpDone: z.boolean(),
  followUpOwnerName: z.string().nullable(),
  meetingId: id.nullable(),
});
export type EngagementSummary = z.infer<typeof engagementSummary>;

export const official = officialSummary.extend({
  email: z.string(),
  phone: z.string(),
  officeAddress: z.string(),
  website: z.string(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  committees: z.array(z.object({ committeeId: id, name: z.string(), role: z.enum(COMMITTEE_ROLE_VALUES) })),
  staffers: z.array(stafferInput.extend({ id })),
});
export type Official = z.infer<typeof official>;

/** An official's page: the record and everything the page shows about them. */
export const officialDetail = official.extend({
  /** Current stance per campaign or bill (latest by date). */
  currentStances: z.array(stance),
  /** Every stance recorded, newest first. */
  stanceHistory: z.array(stance),
  holders: z.array(holder),
  engagements: z.array(engagementSummary),
  scorecard: z.array(scorecardRow),
});
export type OfficialDetail = z.infer<typeof officialDetail>;

export const officialFilters = z.strictObject({
  search: z.string().max(200).default(''),
  level: z.enum(LEVEL_VALUES).nullable().default(null),
  bodyId: id.nullable().default(null),
  party: z.string().max(100).nullable().default(null),
  committeeId: id.nullable().default(null),
});

export const districtMatch = z.object({
  district: z.string(),
  jurisdiction: z.string(),
  /** How the match was made: by district, by city (no district), or none (the official has neither). */
  basis: z.enum(['district', 'city', 'district_and_city', 'none']),
  memberOrganizations: z.number().int(),
  people: z.number().int(),
  organizationNames: z.array(z.object({ id, name: z.string() })),
  personNames: z.array(z.object({ id, name: z.string() })),
});
export type DistrictMatch = z.infer<typeof districtMatch>;

// ---------------------------------------------------------------------------------------------
// Bills

export const hearingInput = z.strictObject({ id: id.optional(), heldOn: isoDate, committeeId: id.nullable(), note: text(500, 'Hearing note') });
export const allocationInput = z.strictObject({
  id: id.optional(),
  amount,
  currency,
  program: text(200, 'Program'),
  fiscalYear: text(20, 'Fiscal year'),
  note: text(500, 'Allocation note'),
});
export const sponsorInput = z.strictObject({ officialId: id, role: z.enum(SPONSOR_ROLE_VALUES, { message: 'Choose primary or co-sponsor.' }) });

export const billInput = z
  .strictObject({
    identifier: text(60, 'Identifier', 1),
    title: text(300, 'Title', 1),
    kind: z.enum(BILL_KIND_VALUES, { message: 'Choose bill, policy, budget item or regulation.' }),
    jurisdiction: text(200, 'Jurisdiction'),
    level: z.enum(LEVEL_VALUES, { message: 'Choose local, state / provincial or national.' }),
    summary: longText(20_000, 'Summary'),
    committeeId: id.nullable(),
    position: z.enum(POSITION_VALUES, { message: 'Choose support, oppose, support if amended, monitor or no position.' }),
    positionNote: longText(5000, 'Position note'),
    url: website,
    sponsors: z.array(sponsorInput).max(200, { message: 'At most 200 sponsors.' }).default([]),
    hearings: z.array(hearingInput).max(100, { message: 'At most 100 hearings.' }).default([]),
    allocations: z.array(allocationInput).max(100, { message: 'At most 100 funding allocations.' }).default([]),
    /** The campaigns this bill is a target of. */
    campaignIds: z.array(id).max(100).default([]),
  })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    let primaries = 0;
    b.sponsors.forEach((s, i) => {
      if (seen.has(s.officialId)) ctx.addIssue({ code: 'custom', path: ['sponsors', i, 'officialId'], message: 'This official is listed twice as a sponsor.' });
      seen.add(s.officialId);
      if (s.role === 'primary') primaries += 1;
    });
    if (primaries > 1) ctx.addIssue({ code: 'custom', path: ['sponsors'], message: 'A bill has at most one primary sponsor.' });
  });
export type BillInput = z.output<typeof billInput>;

const statusChange = {
  status: z.enum(BILL_STATUS_VALUES, { message: `Choose a status: ${Object.values(BILL_STATUSES).join(', ')}.` }),
  changedOn: isoDate,
  note: text(500, 'Note'),
};

export const billSummary = z.object({
  id,
  identifier: z.string(),
  title: z.string(),
  kind: z.enum(BILL_KIND_VALUES),
  level: z.enum(LEVEL_VALUES),
  jurisdiction: z.string(),
  status: z.enum(BILL_STATUS_VALUES),
  statusOn: z.string(),
  position: z.enum(POSITION_VALUES),
});
export type BillSummary = z.infer<typeof billSummary>;

export const bill = billSummary.extend({
  summary: z.string(),
  committeeId: id.nullable(),
  committeeName: z.string().nullable(),
  positionNote: z.string(),
  url: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sponsors: z.array(z.object({ officialId: id, name: z.string(), role: z.enum(SPONSOR_ROLE_VALUES) })),
  hearings: z.array(hearingInput.extend({ id, committeeName: z.string().nullable() })),
  allocations: z.array(allocationInput.extend({ id })),
  campaigns: z.array(z.object({ id, name: z.string() })),
  statusHistory: z.array(z.object({ id, status: z.enum(BILL_STATUS_VALUES), changedOn: z.string(), note: z.string(), recordedBy: z.string() })),
  stances: z.array(stance),
  actions: z.array(z.object({ id, officialId: id, officialName: z.string(), action: z.enum(OFFICIAL_ACTION_VALUES), actedOn: z.string(), note: z.string() })),
  engagements: z.array(engagementSummary),
});
export type Bill = z.infer<typeof bill>;

export const billFilters = z.strictObject({
  search: z.string().max(200).default(''),
  status: z.enum(BILL_STATUS_VALUES).nullable().default(null),
  position: z.enum(POSITION_VALUES).nullable().default(null),
  level: z.enum(LEVEL_VALUES).nullable().default(null),
});

// ---------------------------------------------------------------------------------------------
// Engagements

export const engagementInput = z
  .strictObject({
    kind: z.enum(ENGAGEMENT_KIND_VALUES, { message: 'Choose what kind of engagement this was.' }),
    title: text(200, 'Title', 1),
    occurredOn: isoDate,
    /** A meeting's time (required for kind meeting: it goes into the meeting planner). */
    startsAt: instant.nullable(),
    endsAt: instant.nullable(),
    timeZone: timeZone.nullable(),
    location: text(300, 'Location'),
    officials: z
      .array(z.strictObject({ officialId: id, stafferId: id.nullable() }))
      .min(1, { message: 'Choose at least one official (or their staff) the coalition engaged.' })
      .max(100, { message: 'At most 100 officials.' }),
    attendeePersonIds: z.array(id).max(200, { message: 'At most 200 coalition attendees.' }),
    campaignId: id.nullable(),
    billId: id.nullable(),
    presented: z.array(z.enum(PRESENTED_KIND_VALUES)).max(PRESENTED_KIND_VALUES.length).transform((v) => [...new Set(v)]),
    presentedNote: longText(5000, 'What was presented'),
    outcome: longText(5000, 'Outcome'),
    followUp: longText(2000, 'Follow-up'),
    followUpOwnerPersonId: id.nullable(),
    followUpDueOn: isoDate.nullable(),
    followUpDone: z.boolean(),
  })
  .superRefine((e, ctx) => {
    const timed = e.startsAt !== null || e.endsAt !== null;
    if (e.kind === 'meeting' && (e.startsAt === null || e.endsAt === null || e.timeZone === null)) {
      ctx.addIssue({ code: 'custom', path: [e.startsAt === null ? 'startsAt' : e.endsAt === null ? 'endsAt' : 'timeZone'], message: 'A meeting needs its start, end and time zone: it goes into the meeting planner.' });
    } else if (timed && (e.startsAt === null || e.endsAt === null || e.timeZone === null)) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Give both the start and the end, with a time zone (or neither).' });
    }
    if (e.startsAt && e.endsAt && Date.parse(e.endsAt) <= Date.parse(e.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The meeting must end after it starts.' });
    if (e.startsAt && e.endsAt && Date.parse(e.endsAt) - Date.parse(e.startsAt) > 24 * 3_600_000) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'An engagement lasts at most a day.' });
    }
    if (e.followUp.trim() === '' && (e.followUpOwnerPersonId !== null || e.followUpDueOn !== null)) {
      ctx.addIssue({ code: 'custom', path: ['followUp'], message: 'Say what the follow-up is (or clear its owner and due date).' });
    }
    const seen = new Set<string>();
    e.officials.forEach((o, i) => {
      if (seen.has(o.officialId)) ctx.addIssue({ code: 'custom', path: ['officials', i, 'officialId'], message: 'This official is listed twice.' });
      seen.add(o.officialId);
    });
  });
export type EngagementInput = z.output<typeof engagementInput>;

export const engagement = engagementSummary.extend({
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  timeZone: z.string().nullable(),
  location: z.string(),
  officials: z.array(z.object({ id, name: z.string(), stafferId: id.nullable(), stafferName: z.string().nullable() })),
  attendees: z.array(z.object({ id, name: z.string() })),
  campaignName: z.string().nullable(),
  presented: z.array(z.enum(PRESENTED_KIND_VALUES)),
  presentedNote: z.string(),
  followUpOwnerPersonId: id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Engagement = z.infer<typeof engagement>;

// ---------------------------------------------------------------------------------------------
// Campaign targets

export const campaignTargets = z.object({
  campaignId: id,
  bills: z.array(billSummary.extend({ note: z.string() })),
  officials: z.array(officialSummary.extend({ note: z.string(), stance: z.enum(STANCE_VALUES).nullable(), stanceOn: z.string().nullable() })),
});
export type CampaignTargets = z.infer<typeof campaignTargets>;

const list = <T extends z.ZodType>(row: T) => z.object({ total: z.number().int(), rows: z.array(row) });
const deleted = z.object({ deleted: z.literal(true) });

export const policyContract = {
  'policy.bodies.list': { summary: 'Every body and agency, by name, with how many officials and committees it has.', input: z.strictObject({}), output: z.array(body) },
  'policy.bodies.create': { summary: 'Add a body or agency.', input: bodyInput, output: body },
  'policy.bodies.update': { summary: 'Edit a body or agency.', input: z.strictObject({ id, body: bodyInput }), output: body },
  'policy.bodies.delete': {
    summary: 'Delete a body or agency (refused while officials or committees belong to it).',
    input: z.strictObject({ id }),
    output: deleted,
  },
  'policy.committees.list': { summary: 'Committees (of one body, or all), by name.', input: z.strictObject({ bodyId: id.nullable().default(null) }), output: z.array(committee) },
  'policy.committees.create': { summary: 'Add a committee.', input: committeeInput, output: committee },
  'policy.committees.update': { summary: 'Edit a committee.', input: z.strictObject({ id, committee: committeeInput }), output: committee },
  'policy.committees.delete': {
    summary: 'Delete a committee: its memberships go, bills and hearings in it keep no committee.',
    input: z.strictObject({ id }),
    output: deleted,
  },
  'policy.officials.list': {
    summary: 'Officials matching the filters (level, body, party, committee, a search on name, district or jurisdiction), by name, a page at a time.',
    input: z.strictObject({ filters: officialFilters.default({ search: '', level: null, bodyId: null, party: null, committeeId: null }), ...page }),
    output: list(officialSummary),
  },
  'policy.officials.parties': { summary: 'The parties officials belong to (for the filter).', input: z.strictObject({}), output: z.array(z.string()) },
  'policy.officials.get': { summary: "An official's page: contacts, staffers, committees, stances and their history, relationship holders, engagements, scorecard.", input: z.strictObject({ id }), output: officialDetail },
  'policy.officials.create': { summary: 'Add an official with their committees and staffers.', input: officialInput, output: official },
  'policy.officials.update': { summary: 'Edit an official (committees and staffers are replaced by the lists given).', input: z.strictObject({ id, official: officialInput }), output: official },
  'policy.officials.delete': {
    summary: 'Delete an official with their staffers, memberships, stances, actions, relationship holders and targets; engagements keep their other officials (one left with none goes).',
    input: z.strictObject({ id }),
    output: deleted,
  },
  'policy.officials.setHolders': {
    summary: 'Who in the coalition holds the relationship with an official: people or member organizations, one primary.',
    input: z.strictObject({
      officialId: id,
      holders: z
        .array(holderInput)
        .max(20, { message: 'At most 20 relationship holders.' })
        .refine((hs) => hs.filter((h) => h.isPrimary).length <= 1, { message: 'Only one relationship holder can be primary.' }),
    }),
    output: z.array(holder),
  },
  'policy.officials.districtMatch': {
    summary: "Member organizations and people in an official's district (normalized comparison): counts and the first names.",
    input: z.strictObject({ id, limit: z.number().int().min(0).max(100).default(DISTRICT_MATCH_NAMES) }),
    output: districtMatch,
  },
  'policy.stances.record': {
    summary: "Record an official's stance on a campaign or a bill (a new row: the history keeps every earlier one).",
    input: z
      .strictObject({
        officialId: id,
        campaignId: id.nullable(),
        billId: id.nullable(),
        stance: z.enum(STANCE_VALUES, { message: `Choose a stance: ${Object.values(STANCES).join(', ')}.` }),
        statedOn: isoDate,
        evidence: longText(5000, 'Evidence'),
        recordedBy: text(200, 'Recorded by'),
      })
      .refine((s) => (s.campaignId === null) !== (s.billId === null), { message: 'A stance is on a campaign or on a bill: choose one.', path: ['billId'] }),
    output: stance,
  },
  'policy.stances.delete': { summary: 'Delete a stance recorded by mistake.', input: z.strictObject({ id }), output: deleted },
  'policy.actions.record': {
    summary: "Record what an official did on a bill (sponsored, co-sponsored, voted yes / no, absent) on a date: the scorecard's rows.",
    input: z.strictObject({
      officialId: id,
      billId: id,
      action: z.enum(OFFICIAL_ACTION_VALUES, { message: `Choose an action: ${Object.values(OFFICIAL_ACTIONS).join(', ')}.` }),
      actedOn: isoDate,
      note: text(500, 'Note'),
    }),
    output: z.object({ id }),
  },
  'policy.actions.delete': { summary: 'Delete a recorded action.', input: z.strictObject({ id }), output: deleted },
  'policy.scorecard': {
    summary: "Scorecard rows: per official and bill the official has a stance, sponsorship or action on, with the coalition's position.",
    input: z.strictObject({ officialId: id.nullable().default(null) }),
    output: z.array(scorecardRow),
  },
  'policy.scorecard.export': {
    summary: 'The scorecard (one official or all) as a CSV or Excel file, ready for file.saveAs.',
    input: z.strictObject({ officialId: id.nullable().default(null), format: z.enum(EXPORT_FORMAT_VALUES, { message: 'Choose csv or xlsx.' }) }),
    output: exportOutput,
  },
  'policy.bills.list': {
    summary: 'Bills and policies matching the filters (status, position, level, a search on identifier or title), newest status first.',
    input: z.strictObject({ filters: billFilters.default({ search: '', status: null, position: null, level: null }), ...page }),
    output: list(billSummary),
  },
  'policy.bills.get': { summary: "A bill's page: status history, sponsors, hearings, position, funding allocations, campaigns, stances and actions.", input: z.strictObject({ id }), output: bill },
  'policy.bills.create': {
    summary: 'Add a bill or policy with its first status (dated).',
    input: z.strictObject({ bill: billInput, ...statusChange }),
    output: bill,
  },
  'policy.bills.update': { summary: "Edit a bill (sponsors, hearings, allocations and campaigns are replaced by the lists given; its status changes only through setStatus).", input: z.strictObject({ id, bill: billInput }), output: bill },
  'policy.bills.setStatus': {
    summary: "Record a bill's status change (dated); the bill's status is the latest by date.",
    input: z.strictObject({ id, ...statusChange }),
    output: bill,
  },
  'policy.bills.deleteStatus': { summary: 'Delete a status change recorded by mistake (a bill keeps at least one).', input: z.strictObject({ id }), output: bill },
  'policy.bills.delete': { summary: 'Delete a bill with its history, sponsors, hearings, allocations, stances, actions and targets; its engagements keep no bill.', input: z.strictObject({ id }), output: deleted },
  'policy.engagements.list': {
    summary: 'Engagements (of an official, a bill or a campaign, or with open follow-ups), newest first.',
    input: z.strictObject({
      officialId: id.nullable().default(null),
      billId: id.nullable().default(null),
      campaignId: id.nullable().default(null),
      openFollowUps: z.boolean().default(false),
      ...page,
    }),
    output: list(engagementSummary),
  },
  'policy.engagements.get': { summary: 'One engagement.', input: z.strictObject({ id }), output: engagement },
  'policy.engagements.create': {
    summary: 'Record an engagement; a meeting (or any engagement with a time) also creates a policymaker meeting in the planner, in the same step.',
    input: engagementInput,
    output: engagement,
  },
  'policy.engagements.update': { summary: 'Edit an engagement (its planner meeting follows).', input: z.strictObject({ id, engagement: engagementInput }), output: engagement },
  'policy.engagements.delete': { summary: 'Delete an engagement and its planner meeting.', input: z.strictObject({ id }), output: deleted },
  'policy.campaignTargets.get': { summary: "A campaign's target bills and officials (with each official's latest stance on the campaign).", input: z.strictObject({ campaignId: id }), output: campaignTargets },
  'policy.campaignTargets.set': {
    summary: "Set a campaign's target bills and officials (the lists replace the current ones).",
    input: z.strictObject({
      campaignId: id,
      bills: z.array(z.strictObject({ billId: id, note: text(500, 'Note') })).max(200, { message: 'At most 200 target bills.' }),
      officials: z.array(z.strictObject({ officialId: id, note: text(500, 'Note') })).max(1000, { message: 'At most 1,000 target officials.' }),
    }),
    output: campaignTargets,
  },
} as const;
