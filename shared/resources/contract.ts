import { z } from 'zod';
import { id, isoDate, longText, text, timestamp } from '../common';
import { page } from '../directory/fields';
import { currency, minorAmount, moneyByCurrency } from './money';

// Fundraising campaigns, pledges and contributions, grants and in-kind support (issue 6). Money is
// integer minor units with its ISO 4217 code (see money.ts): amounts in different currencies are
// never added, and only a campaign's own currency counts toward its goal.

export const FUNDRAISING_PURPOSES = {
  advocacy_campaign: 'Advocacy campaign',
  media_outreach: 'Media outreach',
  lobbying: 'Lobbying',
  events: 'Events',
  operations: 'Operations',
} as const;
export type FundraisingPurpose = keyof typeof FUNDRAISING_PURPOSES;
export const FUNDRAISING_PURPOSE_VALUES = Object.keys(FUNDRAISING_PURPOSES) as [FundraisingPurpose, ...FundraisingPurpose[]];

export const CONTRIBUTOR_TYPES = {
  member: 'Member organization',
  foundation: 'Foundation',
  corporation: 'Corporation',
  individual: 'Individual',
  other: 'Other',
} as const;
export type ContributorType = keyof typeof CONTRIBUTOR_TYPES;
export const CONTRIBUTOR_TYPE_VALUES = Object.keys(CONTRIBUTOR_TYPES) as [ContributorType, ...ContributorType[]];

export const GRANT_STATUSES = { prospect: 'Prospect', drafting: 'Drafting', submitted: 'Submitted', awarded: 'Awarded', declined: 'Declined' } as const;
export type GrantStatus = keyof typeof GRANT_STATUSES;
export const GRANT_STATUS_VALUES = Object.keys(GRANT_STATUSES) as [GrantStatus, ...GrantStatus[]];
/** Statuses whose application deadline still matters (Home shows it until the grant is submitted). */
export const GRANT_OPEN_STATUSES: readonly GrantStatus[] = ['prospect', 'drafting'];

export const IN_KIND_KINDS = {
  meeting_space: 'Meeting space',
  volunteer_time: 'Volunteer time',
  technical_expertise: 'Technical expertise',
  media_connections: 'Media connections',
  materials: 'Materials',
  other: 'Other',
} as const;
export type InKindKind = keyof typeof IN_KIND_KINDS;
export const IN_KIND_KIND_VALUES = Object.keys(IN_KIND_KINDS) as [InKindKind, ...InKindKind[]];

/** Home lists grant deadlines and reports due within this many days (and the overdue ones). */
export const DUE_SOON_DAYS = 30;
export const MAX_GRANT_REPORTS = 24;

const byId = z.strictObject({ id });
const deleted = z.object({ deleted: z.literal(true) });
const ref = z.object({ id, name: z.string() });

function endNotBeforeStart(start: string | null, end: string | null, path: string, ctx: z.core.$RefinementCtx<unknown>): void {
  if (start && end && end < start) ctx.addIssue({ code: 'custom', path: [path], message: 'The end date is before the start date.' });
}

/** A directory organization, a directory person or (where allowed) a typed name: exactly one. */
function oneParty(v: { organizationId: string | null; personId: string | null; name?: string }, ctx: z.core.$RefinementCtx<unknown>, who: string, nameAllowed: boolean): void {
  const given = [v.organizationId !== null, v.personId !== null, nameAllowed && (v.name ?? '') !== ''].filter(Boolean).length;
  if (given === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['organizationId'],
      message: nameAllowed ? `Choose the ${who} from the directory (organization or person) or type a name.` : `Choose the ${who} from the directory (organization or person).`,
    });
  } else if (given > 1) {
    ctx.addIssue({ code: 'custom', path: ['personId'], message: `Give one ${who}: an organization, a person${nameAllowed ? ' or a name' : ''}, not several.` });
  }
}

/** Who gave, funded or led: a directory organization or person, or a name (empty when one of the others is set). */
export const party = z.object({ organizationId: id.nullable(), personId: id.nullable(), name: z.string() });
export type Party = z.infer<typeof party>;

// ---------------------------------------------------------------------------------------------
// Fundraising campaigns

export const fundraisingInput = z
  .strictObject({
    name: text(200, 'Name', 1),
    purpose: z.enum(FUNDRAISING_PURPOSE_VALUES, { message: 'Choose what the money is for.' }),
    /** The advocacy campaign it raises money for (optional). */
    campaignId: id.nullable(),
    goalMinor: minorAmount('Goal'),
    currency,
    startsOn: isoDate.nullable(),
    endsOn: isoDate.nullable(),
    leadOrganizationId: id.nullable(),
    leadPersonId: id.nullable(),
    notes: longText(5000, 'Notes'),
  })
  .superRefine((v, ctx) => {
    endNotBeforeStart(v.startsOn, v.endsOn, 'endsOn', ctx);
    if (v.leadOrganizationId !== null && v.leadPersonId !== null) ctx.addIssue({ code: 'custom', path: ['leadPersonId'], message: 'The lead is an organization or a person, not both.' });
  });
export type FundraisingInput = z.infer<typeof fundraisingInput>;

/** Progress toward the goal: only contributions in the goal's currency. */
export const progress = z.object({
  currency: z.string(),
  goalMinor: z.number().int(),
  pledgedMinor: z.number().int(),
  receivedMinor: z.number().int(),
  /** Pledged but not yet received. */
  outstandingMinor: z.number().int(),
  /** Of the received money, how much is restricted to a use. */
  restrictedReceivedMinor: z.number().int(),
});
export type Progress = z.infer<typeof progress>;

/** Contributions in another currency than the goal's: shown apart, never counted toward the goal. */
export const otherCurrencyTotals = z.array(
  z.object({ currency: z.string(), pledgedMinor: z.number().int(), receivedMinor: z.number().int(), outstandingMinor: z.number().int(), contributions: z.number().int() }),
);

export const fundraisingRow = z.object({
  id,
  name: z.string(),
  purpose: z.enum(FUNDRAISING_PURPOSE_VALUES),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  lead: party.nullable(),
  contributions: z.number().int(),
  progress,
  otherCurrencies: otherCurrencyTotals,
});
export type FundraisingRow = z.infer<typeof fundraisingRow>;

export const payment = z.object({ id, amountMinor: z.number().int(), receivedOn: isoDate, note: z.string() });
export type Payment = z.infer<typeof payment>;

export const contributionInput = z
  .strictObject({
    fundraisingCampaignId: id,
    contributorType: z.enum(CONTRIBUTOR_TYPE_VALUES, { message: 'Choose the kind of contributor.' }),
    contributorOrganizationId: id.nullable(),
    contributorPersonId: id.nullable(),
    /** The contributor's name when not in the directory. */
    contributorName: text(200, 'Contributor name'),
    pledgedMinor: minorAmount('Amount pledged', true),
    currency,
    pledgedOn: isoDate,
    restricted: z.boolean(),
    restrictionNote: text(500, 'Restriction'),
    notes: longText(5000, 'Notes'),
  })
  .superRefine((v, ctx) => {
    oneParty({ organizationId: v.contributorOrganizationId, personId: v.contributorPersonId, name: v.contributorName }, ctx, 'contributor', true);
    if (v.restricted && v.restrictionNote === '') ctx.addIssue({ code: 'custom', path: ['restrictionNote'], message: 'Say what restricted money may be used for.' });
  });
export type ContributionInput = z.infer<typeof contributionInput>;

export const contribution = z.object({
  id,
  fundraisingCampaignId: id,
  fundraisingCampaignName: z.string(),
  contributorType: z.enum(CONTRIBUTOR_TYPE_VALUES),
  contributor: party,
  pledgedMinor: z.number().int(),
  currency: z.string(),
  pledgedOn: isoDate,
  receivedMinor: z.number().int(),
  outstandingMinor: z.number().int(),
  /** The last payment's date (null before any payment). */
  lastReceivedOn: isoDate.nullable(),
  restricted: z.boolean(),
  restrictionNote: z.string(),
  notes: z.string(),
  /** False when in another currency than the campaign's goal (then not counted toward it). */
  countsTowardGoal: z.boolean(),
  payments: z.array(payment),
});
export type Contribution = z.infer<typeof contribution>;

export const fundraisingDetail = fundraisingRow.extend({
  campaignId: id.nullable(),
  campaignName: z.string().nullable(),
  goalMinor: z.number().int(),
  currency: z.string(),
  leadOrganizationId: id.nullable(),
  leadPersonId: id.nullable(),
  notes: z.string(),
  contributionsList: z.array(contribution),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type FundraisingDetail = z.infer<typeof fundraisingDetail>;

export const paymentInput = z.strictObject({
  contributionId: id,
  amountMinor: minorAmount('Amount received', true),
  receivedOn: isoDate,
  note: text(300, 'Note'),
});
export type PaymentInput = z.infer<typeof paymentInput>;

// ---------------------------------------------------------------------------------------------
// Grants

export const grantReportInput = z.strictObject({
  id: id.optional(),
  title: text(200, 'Report', 1),
  dueOn: isoDate,
  doneOn: isoDate.nullable(),
});
export type GrantReportInput = z.infer<typeof grantReportInput>;

export const grantInput = z
  .strictObject({
    funderOrganizationId: id.nullable(),
    funderName: text(200, 'Funder name'),
    title: text(300, 'Title', 1),
    currency,
    requestedMinor: minorAmount('Amount requested'),
    awardedMinor: minorAmount('Amount awarded').nullable(),
    status: z.enum(GRANT_STATUS_VALUES, { message: 'Choose prospect, drafting, submitted, awarded or declined.' }),
    deadline: isoDate.nullable(),
    reports: z.array(grantReportInput).max(MAX_GRANT_REPORTS, { message: `A grant has at most ${MAX_GRANT_REPORTS} reporting dates.` }),
    notes: longText(5000, 'Notes'),
  })
  .superRefine((v, ctx) => {
    oneParty({ organizationId: v.funderOrganizationId, personId: null, name: v.funderName }, ctx, 'funder', true);
    if (v.awardedMinor !== null && v.status !== 'awarded') ctx.addIssue({ code: 'custom', path: ['awardedMinor'], message: 'Only an awarded grant has an amount awarded.' });
  });
export type GrantInput = z.infer<typeof grantInput>;

export const grantReport = z.object({ id, title: z.string(), dueOn: isoDate, doneOn: isoDate.nullable() });
export const grant = z.object({
  id,
  funder: party,
  title: z.string(),
  currency: z.string(),
  requestedMinor: z.number().int(),
  awardedMinor: z.number().int().nullable(),
  status: z.enum(GRANT_STATUS_VALUES),
  deadline: isoDate.nullable(),
  reports: z.array(grantReport),
  notes: z.string(),
});
export type Grant = z.infer<typeof grant>;

/** A grant deadline or a reporting due on Home: within the next DUE_SOON_DAYS days, or passed and not done. */
export const grantDue = z.object({
  kind: z.enum(['deadline', 'report']),
  grantId: id,
  grantTitle: z.string(),
  funderName: z.string(),
  /** The report's title (empty for a deadline). */
  title: z.string(),
  dueOn: isoDate,
  /** Negative when overdue. */
  daysLeft: z.number().int(),
});
export type GrantDue = z.infer<typeof grantDue>;

// ---------------------------------------------------------------------------------------------
// In-kind support

const quantity = (label: string) =>
  z.number({ message: `${label} must be a number.` }).finite({ message: `${label} must be a number.` }).min(0, { message: `${label} cannot be negative.` }).max(1_000_000, { message: `${label} is too large.` });

export const inKindInput = z
  .strictObject({
    contributorOrganizationId: id.nullable(),
    contributorPersonId: id.nullable(),
    kind: z.enum(IN_KIND_KIND_VALUES, { message: 'Choose the kind of support.' }),
    description: text(500, 'Description'),
    hours: quantity('Hours').nullable(),
    quantity: quantity('Quantity').nullable(),
    valueMinor: minorAmount('Estimated value').nullable(),
    currency: currency.nullable(),
    givenOn: isoDate,
    supportedMeetingId: id.nullable(),
    supportedCampaignId: id.nullable(),
    supportedEventId: id.nullable(),
    notes: longText(5000, 'Notes'),
  })
  .superRefine((v, ctx) => {
    oneParty({ organizationId: v.contributorOrganizationId, personId: v.contributorPersonId }, ctx, 'contributor', false);
    if (v.valueMinor !== null && v.currency === null) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'Give the currency of the estimated value.' });
    if (v.valueMinor === null && v.currency !== null) ctx.addIssue({ code: 'custom', path: ['valueMinor'], message: 'Give the estimated value, or leave the currency empty.' });
  });
export type InKindInput = z.infer<typeof inKindInput>;

export const inKind = z.object({
  id,
  contributor: party,
  kind: z.enum(IN_KIND_KIND_VALUES),
  description: z.string(),
  hours: z.number().nullable(),
  quantity: z.number().nullable(),
  valueMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  givenOn: isoDate,
  supportedMeeting: ref.nullable(),
  supportedCampaign: ref.nullable(),
  /** The public event, with its meeting on the planner's calendar (null once deleted there). */
  supportedEvent: ref.extend({ meetingId: id.nullable() }).nullable(),
  notes: z.string(),
});
export type InKind = z.infer<typeof inKind>;

// ---------------------------------------------------------------------------------------------
// Funders and one organization's resources and capacity

export const funderRow = z.object({
  organizationId: id,
  name: z.string(),
  contributions: z.number().int(),
  pledged: moneyByCurrency,
  received: moneyByCurrency,
  grantsAwarded: moneyByCurrency,
  grants: z.number().int(),
  inKind: z.number().int(),
});
export type FunderRow = z.infer<typeof funderRow>;

const assistanceLine = z.object({
  id,
  category: z.string(),
  description: z.string(),
  status: z.string(),
  openedOn: isoDate,
  resolvedOn: isoDate.nullable(),
  /** The other side: the provider (received) or the requesting organization (given). */
  counterpart: z.string().nullable(),
});

export const organizationResources = z.object({
  contributions: z.array(contribution.omit({ payments: true })),
  pledged: moneyByCurrency,
  received: moneyByCurrency,
  grants: z.array(grant),
  inKind: z.array(inKind),
  trainings: z.array(z.object({ id, title: z.string(), startsAt: z.string(), people: z.array(ref) })),
  assistanceReceived: z.array(assistanceLine),
  assistanceGiven: z.array(assistanceLine),
});
export type OrganizationResources = z.infer<typeof organizationResources>;

export const resourcesContract = {
  'fundraising.list': {
    summary: 'Fundraising campaigns with their progress toward the goal (goal currency only) and other-currency totals.',
    input: z.strictObject({}),
    output: z.array(fundraisingRow),
  },
  'fundraising.get': { summary: 'One fundraising campaign with its contributions and payments.', input: byId, output: fundraisingDetail },
  'fundraising.create': { summary: 'Start a joint fundraising campaign.', input: fundraisingInput, output: fundraisingDetail },
  'fundraising.update': { summary: 'Change a fundraising campaign.', input: z.strictObject({ id, campaign: fundraisingInput }), output: fundraisingDetail },
  'fundraising.delete': { summary: 'Remove a fundraising campaign with its contributions and payments.', input: byId, output: deleted },
  'contributions.save': {
    summary: 'Record or change a pledge (a gift given at once: a pledge and its payment).',
    input: z.strictObject({ id: id.optional(), contribution: contributionInput }),
    output: contribution,
  },
  'contributions.delete': { summary: 'Remove a contribution with its payments.', input: byId, output: deleted },
  'contributions.addPayment': { summary: 'Record money received against a pledge (partial payments allowed, never more than pledged).', input: paymentInput, output: contribution },
  'contributions.deletePayment': { summary: 'Remove a recorded payment.', input: byId, output: contribution },
  'grants.list': {
    summary: 'Grants, optionally of some statuses, by deadline.',
    input: z.strictObject({ statuses: z.array(z.enum(GRANT_STATUS_VALUES)).max(GRANT_STATUS_VALUES.length).optional() }),
    output: z.array(grant),
  },
  'grants.get': { summary: 'One grant with its reporting dates.', input: byId, output: grant },
  'grants.save': { summary: 'Record or change a grant and its reporting dates.', input: z.strictObject({ id: id.optional(), grant: grantInput }), output: grant },
  'grants.delete': { summary: 'Remove a grant with its reporting dates.', input: byId, output: deleted },
  'grants.due': {
    summary: 'Grant deadlines and reports due in the next 30 days or passed and not done (Home), given the renderer’s today.',
    input: z.strictObject({ today: isoDate }),
    output: z.array(grantDue),
  },
  'inKind.list': {
    summary: 'In-kind support, newest first: one page (offset, limit) and the total.',
    input: z.strictObject({ ...page }),
    output: z.object({ total: z.number().int(), rows: z.array(inKind) }),
  },
  'inKind.save': { summary: 'Record or change in-kind support.', input: z.strictObject({ id: id.optional(), inKind: inKindInput }), output: inKind },
  'inKind.delete': { summary: 'Remove in-kind support.', input: byId, output: deleted },
  'funders.list': { summary: 'Organizations that pledged, gave, funded grants or gave in kind, with their totals per currency.', input: z.strictObject({}), output: z.array(funderRow) },
  'resources.organization': {
    summary: "One organization's contributions, grants, in-kind support, trainings attended (by its people) and assistance received and given.",
    input: z.strictObject({ organizationId: id }),
    output: organizationResources,
  },
} as const;
