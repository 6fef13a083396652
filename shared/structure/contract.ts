import { z } from 'zod';
import { emptyInput, id, isoDate, longText, text, timestamp } from '../common';
import { CONTRIBUTION_VALUES } from '../directory/enums';
import { labelList } from '../directory/fields';
import { SECTORS } from '../taxonomy';

// Coalition structure (issue 4): the steering committee, working groups, coalition roles,
// membership applications, charter endorsements and the decision rules meetings apply.

export const TERM_ROLES = { chair: 'Chair', 'vice-chair': 'Vice-chair', treasurer: 'Treasurer', secretary: 'Secretary', member: 'Member' } as const;
export type TermRole = keyof typeof TERM_ROLES;
export const TERM_ROLE_VALUES = Object.keys(TERM_ROLES) as [TermRole, ...TermRole[]];

export const REQUIREMENT_KINDS = { sector: 'Sector', population: 'Population served' } as const;
export type RequirementKind = keyof typeof REQUIREMENT_KINDS;
export const REQUIREMENT_KIND_VALUES = Object.keys(REQUIREMENT_KINDS) as [RequirementKind, ...RequirementKind[]];

export const GROUP_STATUSES = { forming: 'Forming', active: 'Active', paused: 'Paused', closed: 'Closed' } as const;
export type GroupStatus = keyof typeof GROUP_STATUSES;
export const GROUP_STATUS_VALUES = Object.keys(GROUP_STATUSES) as [GroupStatus, ...GroupStatus[]];

export const MEMBER_ROLES = { lead: 'Lead', member: 'Member' } as const;
export type MemberRole = keyof typeof MEMBER_ROLES;
export const MEMBER_ROLE_VALUES = Object.keys(MEMBER_ROLES) as [MemberRole, ...MemberRole[]];

export const COALITION_ROLES = { coordinator: 'Coordinator', secretary: 'Secretary', spokesperson: 'Spokesperson', treasurer: 'Treasurer', other: 'Other' } as const;
export type CoalitionRoleKind = keyof typeof COALITION_ROLES;
export const COALITION_ROLE_VALUES = Object.keys(COALITION_ROLES) as [CoalitionRoleKind, ...CoalitionRoleKind[]];

export const APPLICATION_STATUSES = { received: 'Received', under_review: 'Under review', approved: 'Approved', declined: 'Declined' } as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUSES;
export const APPLICATION_STATUS_VALUES = Object.keys(APPLICATION_STATUSES) as [ApplicationStatus, ...ApplicationStatus[]];

/** The overview lists terms that end within this many days of today. */
export const ENDING_SOON_DAYS = 90;
/** The most people one "Add to working group" call takes (a whole filtered selection). */
export const MAX_BULK_MEMBERS = 10_000;

const byId = z.strictObject({ id });
const deleted = z.object({ deleted: z.literal(true) });
/** The renderer's today: relative dates (vacancies, terms ending soon, days waiting) move with it. */
const today = isoDate;
const ref = z.object({ id, name: z.string() });

/** Issue on `path` when an end date is before the start date. */
function endNotBeforeStart<T extends Record<string, unknown>>(start: keyof T & string, end: keyof T & string, message: string) {
  return (value: T, ctx: z.core.$RefinementCtx<T>): void => {
    const from = value[start];
    const to = value[end];
    if (typeof from === 'string' && typeof to === 'string' && to < from) ctx.addIssue({ code: 'custom', path: [end], message });
  };
}

// ---------------------------------------------------------------------------------------------
// Decision rules

const share = (label: string) =>
  z
    .number({ message: `${label} must be a number.` })
    .finite({ message: `${label} must be a number.` })
    .gt(0, { message: `${label} must be more than 0%.` })
    .max(1, { message: `${label} cannot be more than 100%.` });

export const decisionRulesInput = z.strictObject({
  /** Share of the steering seats that must be present for a quorum. */
  quorumShare: share('Quorum'),
  /** A motion passes with at least this share of the votes cast (and more for than against; abstentions are not cast). */
  ordinaryMajority: share('Ordinary majority'),
  /** The same, for changes to the charter. */
  charterMajority: share('Charter majority'),
});
export type DecisionRulesInput = z.infer<typeof decisionRulesInput>;
export const decisionRules = decisionRulesInput.extend({ updatedAt: timestamp });
export type DecisionRules = z.infer<typeof decisionRules>;

// ---------------------------------------------------------------------------------------------
// Steering committee

const requirement = z
  .strictObject({
    kind: z.enum(REQUIREMENT_KIND_VALUES, { message: 'Choose a sector or a population requirement.' }),
    value: text(100, 'Requirement', 1),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'sector' && !Object.hasOwn(SECTORS, r.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'Choose a sector of the taxonomy.' });
  });

export const seatInput = z.strictObject({
  id: id.optional(),
  name: text(120, 'Seat name', 1),
  /** Who may hold the seat: an organization of a sector, or one serving a population; null for an open seat. */
  requirement: requirement.nullable(),
  termMonths: z
    .number({ message: 'Term length must be a number of months.' })
    .int({ message: 'Term length is a whole number of months.' })
    .min(1, { message: 'Term length is at least 1 month.' })
    .max(120, { message: 'Term length is at most 120 months.' })
    .nullable(),
});
export type SeatInput = z.infer<typeof seatInput>;

export const seat = z.object({
  id,
  name: z.string(),
  requirement: z.object({ kind: z.enum(REQUIREMENT_KIND_VALUES), value: z.string(), label: z.string() }).nullable(),
  termMonths: z.number().int().nullable(),
  position: z.number().int(),
});
export type Seat = z.infer<typeof seat>;

export const termInput = z
  .strictObject({
    id: id.optional(),
    seatId: id,
    personId: id,
    /** The organization the holder sits for (null: in a personal capacity). */
    organizationId: id.nullable(),
    role: z.enum(TERM_ROLE_VALUES, { message: 'Choose chair, vice-chair, treasurer, secretary or member.' }),
    startDate: isoDate,
    endDate: isoDate.nullable(),
  })
  .superRefine(endNotBeforeStart('startDate', 'endDate', 'The term cannot end before it starts.'));
export type TermInput = z.infer<typeof termInput>;

export const term = z.object({
  id,
  seatId: id,
  person: ref.nullable(),
  organization: ref.nullable(),
  role: z.enum(TERM_ROLE_VALUES),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  /** Whether the holder's organization meets the seat's requirement (true when the seat has none). */
  meetsRequirement: z.boolean(),
});
export type Term = z.infer<typeof term>;

export const seatStatus = seat.extend({
  /** The term current on the given day, or null: the seat is vacant. */
  current: term.nullable(),
  /** The next term that starts after today, if one is already decided. */
  next: term.nullable(),
});
export type SeatStatus = z.infer<typeof seatStatus>;

export const committeeOverview = z.object({
  today: isoDate,
  seats: z.array(seatStatus),
  vacancies: z.array(seatStatus),
  /** Current terms ending within ENDING_SOON_DAYS of today, soonest first. */
  endingSoon: z.array(seatStatus),
  rules: decisionRules,
});
export type CommitteeOverview = z.infer<typeof committeeOverview>;

export const seatDetail = seat.extend({ terms: z.array(term) });
export type SeatDetail = z.infer<typeof seatDetail>;

// ---------------------------------------------------------------------------------------------
// Working groups

export const workingGroupInput = z.strictObject({
  id: id.optional(),
  name: text(120, 'Group name', 1),
  focusIssueArea: text(100, 'Focus issue area', 1).nullable(),
  description: longText(5_000, 'Description'),
  objectives: longText(5_000, 'Objectives'),
  status: z.enum(GROUP_STATUS_VALUES, { message: 'Choose forming, active, paused or closed.' }),
  /** The charter's shared goals this group works toward (draft goal ids). */
  goalIds: z
    .array(id)
    .max(50, { message: 'At most 50 goals.' })
    .transform((v) => [...new Set(v)]),
});
export type WorkingGroupInput = z.infer<typeof workingGroupInput>;

export const workingGroupRow = z.object({
  id,
  name: z.string(),
  focusIssueArea: z.string().nullable(),
  status: z.enum(GROUP_STATUS_VALUES),
  leads: z.array(ref),
  memberCount: z.number().int(),
});
export type WorkingGroupRow = z.infer<typeof workingGroupRow>;

export const groupMember = z.object({
  id,
  person: ref,
  /** The person's current affiliations (primary first). */
  organizations: z.array(ref),
  role: z.enum(MEMBER_ROLE_VALUES),
  joinedOn: isoDate,
  leftOn: isoDate.nullable(),
});
export type GroupMember = z.infer<typeof groupMember>;

export const workingGroup = z.object({
  id,
  name: z.string(),
  focusIssueArea: z.string().nullable(),
  description: z.string(),
  objectives: z.string(),
  status: z.enum(GROUP_STATUS_VALUES),
  goals: z.array(z.object({ id, title: z.string() })),
  /** Current members (leads first), then former ones. */
  members: z.array(groupMember),
  updatedAt: timestamp,
});
export type WorkingGroup = z.infer<typeof workingGroup>;

export const addMembersInput = z.strictObject({
  workingGroupId: id,
  personIds: z
    .array(id)
    .min(1, { message: 'Choose at least one person.' })
    .max(MAX_BULK_MEMBERS, { message: `At most ${MAX_BULK_MEMBERS.toLocaleString('en')} people at once.` }),
  role: z.enum(MEMBER_ROLE_VALUES, { message: 'Choose lead or member.' }),
  joinedOn: isoDate,
});

export const memberInput = z
  .strictObject({
    role: z.enum(MEMBER_ROLE_VALUES, { message: 'Choose lead or member.' }),
    joinedOn: isoDate,
    leftOn: isoDate.nullable(),
  })
  .superRefine(endNotBeforeStart('joinedOn', 'leftOn', 'A member cannot leave before joining.'));

// ---------------------------------------------------------------------------------------------
// Coalition roles

export const roleInput = z
  .strictObject({
    id: id.optional(),
    role: z.enum(COALITION_ROLE_VALUES, { message: 'Choose coordinator, secretary, spokesperson, treasurer or other.' }),
    /** The role's name as the coalition says it ("Media lead"); required for "other". */
    title: text(120, 'Title'),
    personId: id,
    startDate: isoDate,
    endDate: isoDate.nullable(),
  })
  .superRefine(endNotBeforeStart('startDate', 'endDate', 'The role cannot end before it starts.'))
  .superRefine((r, ctx) => {
    if (r.role === 'other' && r.title === '') ctx.addIssue({ code: 'custom', path: ['title'], message: 'Name the role.' });
  });
export type RoleInput = z.infer<typeof roleInput>;

export const coalitionRole = z.object({
  id,
  role: z.enum(COALITION_ROLE_VALUES),
  title: z.string(),
  person: ref,
  startDate: isoDate,
  endDate: isoDate.nullable(),
  current: z.boolean(),
});
export type CoalitionRole = z.infer<typeof coalitionRole>;

// ---------------------------------------------------------------------------------------------
// Membership applications and charter endorsements

export const applicationInput = z.strictObject({
  id: id.optional(),
  organizationId: id,
  contactPersonId: id.nullable(),
  receivedOn: isoDate,
  motivation: longText(5_000, 'Why they want to join'),
  issueAreas: labelList('Issue area'),
  populations: labelList('Population'),
  contributions: z
    .array(z.enum(CONTRIBUTION_VALUES, { message: 'Unknown contribution.' }))
    .max(20)
    .transform((v) => [...new Set(v)]),
  /** The charter version they endorse (its number), or null when none is adopted yet. */
  charterVersion: z.number().int().positive().nullable(),
});
export type ApplicationInput = z.infer<typeof applicationInput>;

export const reviewInput = z
  .strictObject({
    id,
    status: z.enum(['under_review', 'approved', 'declined'], { message: 'Choose under review, approved or declined.' }),
    reviewer: text(120, 'Reviewer'),
    /** The day of the decision (approved or declined). */
    decidedOn: isoDate.nullable(),
    reason: longText(2_000, 'Reason'),
  })
  .superRefine((r, ctx) => {
    if (r.status === 'under_review') return;
    if (r.reviewer === '') ctx.addIssue({ code: 'custom', path: ['reviewer'], message: 'Name who reviewed the application.' });
    if (r.decidedOn === null) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'Give the date of the decision.' });
    if (r.status === 'declined' && r.reason.trim() === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Give the reason for declining.' });
  });
export type ReviewInput = z.infer<typeof reviewInput>;

export const application = z.object({
  id,
  organization: ref.extend({ stage: z.string() }),
  contactPerson: ref.nullable(),
  receivedOn: isoDate,
  motivation: z.string(),
  issueAreas: z.array(z.string()),
  populations: z.array(z.string()),
  contributions: z.array(z.enum(CONTRIBUTION_VALUES)),
  charterVersion: z.number().int().nullable(),
  status: z.enum(APPLICATION_STATUS_VALUES),
  reviewer: z.string(),
  decidedOn: isoDate.nullable(),
  reason: z.string(),
  /** Days from receipt to the decision, or to today while it waits. */
  daysWaiting: z.number().int(),
});
export type Application = z.infer<typeof application>;

export const endorsementInput = z.strictObject({
  organizationId: id,
  charterVersion: z.number().int().positive(),
  endorsedOn: isoDate,
  signedBy: text(120, 'Signed by'),
  personId: id.nullable(),
});
export type EndorsementInput = z.infer<typeof endorsementInput>;

export const endorsement = z.object({
  id,
  organization: ref,
  charterVersion: z.number().int(),
  endorsedOn: isoDate,
  signedBy: z.string(),
  person: ref.nullable(),
});
export type Endorsement = z.infer<typeof endorsement>;

export const notEndorsed = z.object({
  /** The latest adopted version (null when none is adopted: then nobody is listed). */
  version: z.number().int().nullable(),
  organizations: z.array(ref.extend({ lastEndorsed: z.number().int().nullable() })),
});
export type NotEndorsed = z.infer<typeof notEndorsed>;

export const structureContract = {
  'structure.rules.get': { summary: 'The decision rules: quorum share and the majorities for ordinary and charter decisions.', input: emptyInput, output: decisionRules },
  'structure.rules.save': { summary: 'Change the decision rules.', input: decisionRulesInput, output: decisionRules },
  'structure.overview': {
    summary: 'The steering committee on a day: every seat with its holder, vacancies and terms ending in the next 90 days.',
    input: z.strictObject({ today }),
    output: committeeOverview,
  },
  'structure.seats.get': { summary: 'One seat with every term, newest first.', input: byId, output: seatDetail },
  'structure.seats.save': { summary: 'Add a seat (no id) or change one.', input: seatInput, output: seat },
  'structure.seats.delete': { summary: 'Remove a seat and its terms.', input: byId, output: deleted },
  'structure.terms.save': { summary: 'Add a holder’s term on a seat (no id) or change one; terms on a seat may not overlap.', input: termInput, output: term },
  'structure.terms.delete': { summary: 'Remove a term.', input: byId, output: deleted },
  'structure.workingGroups.list': { summary: 'Every working group with its leads and member count.', input: emptyInput, output: z.array(workingGroupRow) },
  'structure.workingGroups.get': { summary: 'One working group with its members and charter goals.', input: byId, output: workingGroup },
  'structure.workingGroups.save': { summary: 'Add a working group (no id) or change one.', input: workingGroupInput, output: workingGroup },
  'structure.workingGroups.delete': { summary: 'Remove a working group with its memberships.', input: byId, output: deleted },
  'structure.workingGroups.addMembers': {
    summary: 'Add people to a working group (people already in it are left as they are).',
    input: addMembersInput,
    output: z.object({ added: z.number().int(), alreadyMembers: z.number().int() }),
  },
  'structure.workingGroups.updateMember': { summary: 'Change a membership: role, joined and left dates.', input: z.strictObject({ id, member: memberInput }), output: groupMember },
  'structure.workingGroups.removeMember': { summary: 'Remove a membership (to record that someone left, set the left date instead).', input: byId, output: deleted },
  'structure.roles.list': { summary: 'Coalition roles (coordinator, secretary…), current ones first.', input: z.strictObject({ today }), output: z.array(coalitionRole) },
  'structure.roles.save': { summary: 'Assign a coalition role (no id) or change an assignment.', input: roleInput, output: coalitionRole },
  'structure.roles.delete': { summary: 'Remove a role assignment.', input: byId, output: deleted },
  'structure.applications.list': {
    summary: 'Membership applications, waiting ones first (oldest first), with the days each has waited.',
    input: z.strictObject({ today, status: z.enum(APPLICATION_STATUS_VALUES).nullable().default(null) }),
    output: z.array(application),
  },
  'structure.applications.get': { summary: 'One membership application.', input: z.strictObject({ id, today }), output: application },
  'structure.applications.save': { summary: 'Record an application (no id) or change its intake.', input: applicationInput, output: z.object({ id }) },
  'structure.applications.review': {
    summary: 'Move an application under review, or approve (the organization becomes a member and endorses the charter version) or decline it.',
    input: reviewInput,
    output: z.object({ id }),
  },
  'structure.applications.delete': { summary: 'Remove an application.', input: byId, output: deleted },
  'structure.endorsements.list': {
    summary: 'The organizations that endorsed one charter version.',
    input: z.strictObject({ charterVersion: z.number().int().positive() }),
    output: z.array(endorsement),
  },
  'structure.endorsements.notEndorsed': {
    summary: 'Member organizations that have not endorsed the latest adopted charter version.',
    input: emptyInput,
    output: notEndorsed,
  },
  'structure.endorsements.save': { summary: 'Record an organization’s endorsement of a charter version.', input: endorsementInput, output: endorsement },
  'structure.endorsements.delete': { summary: 'Remove an endorsement.', input: byId, output: deleted },
} as const;
