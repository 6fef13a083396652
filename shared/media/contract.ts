import { z } from 'zod';
import { id, isoDate, longText, text, timestamp } from '../common';
import { email, phone, website } from '../directory/fields';

// Media outlets, journalists, outreach items (idea → drafting → review → approved → published, with
// a dated history of each status change) and earned coverage (issue 5).

export const OUTLET_KINDS = { newspaper: 'Newspaper', tv: 'TV', radio: 'Radio', online: 'Online', podcast: 'Podcast', wire: 'Wire service' } as const;
export type OutletKind = keyof typeof OUTLET_KINDS;
export const OUTLET_KIND_VALUES = Object.keys(OUTLET_KINDS) as [OutletKind, ...OutletKind[]];

export const STRENGTHS = { none: 'No relationship', weak: 'Weak', moderate: 'Moderate', strong: 'Strong' } as const;
export type Strength = keyof typeof STRENGTHS;
export const STRENGTH_VALUES = Object.keys(STRENGTHS) as [Strength, ...Strength[]];

export const OUTREACH_KINDS = {
  press_release: 'Press release',
  op_ed: 'Op-ed',
  social_post: 'Social-media post',
  psa: 'PSA',
  interview: 'Interview',
  guest_article: 'Guest article',
  podcast: 'Podcast',
  panel: 'Panel',
} as const;
export type OutreachKind = keyof typeof OUTREACH_KINDS;
export const OUTREACH_KIND_VALUES = Object.keys(OUTREACH_KINDS) as [OutreachKind, ...OutreachKind[]];

export const OUTREACH_STATUSES = { idea: 'Idea', drafting: 'Drafting', review: 'Review', approved: 'Approved', published: 'Published' } as const;
export type OutreachStatus = keyof typeof OUTREACH_STATUSES;
export const OUTREACH_STATUS_VALUES = Object.keys(OUTREACH_STATUSES) as [OutreachStatus, ...OutreachStatus[]];

export const TONES = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' } as const;
export type Tone = keyof typeof TONES;
export const TONE_VALUES = Object.keys(TONES) as [Tone, ...Tone[]];

const count = (label: string) =>
  z
    .number({ message: `${label} must be a number.` })
    .int({ message: `${label} must be a whole number.` })
    .min(0, { message: `${label} cannot be negative.` })
    .max(10_000_000_000, { message: `${label} is too large.` });

const link = z
  .string({ message: 'Link must be text.' })
  .trim()
  .max(1000, { message: 'Link must be at most 1000 characters.' })
  .refine((v) => v === '' || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v), { message: 'Enter a full web address starting with https:// (or leave the link empty).' });

export const outletInput = z.strictObject({
  name: text(200, 'Name', 1),
  kind: z.enum(OUTLET_KIND_VALUES, { message: 'Choose newspaper, TV, radio, online, podcast or wire service.' }),
  reach: count('Reach').nullable(),
  website,
  notes: longText(5000, 'Notes'),
});
export type OutletInput = z.infer<typeof outletInput>;
export const outlet = outletInput.extend({ id, journalists: z.number().int(), updatedAt: timestamp });
export type Outlet = z.infer<typeof outlet>;

export const journalistInput = z.strictObject({
  name: text(200, 'Name', 1),
  outletId: id.nullable(),
  beat: text(200, 'Beat'),
  email,
  phone,
  strength: z.enum(STRENGTH_VALUES, { message: 'Choose how strong the relationship is.' }),
  relationshipNote: text(1000, 'Relationship note'),
  /** The same person in the directory, when they are in it. */
  personId: id.nullable(),
});
export type JournalistInput = z.infer<typeof journalistInput>;
export const journalist = journalistInput.extend({ id, outletName: z.string().nullable(), personName: z.string().nullable(), updatedAt: timestamp });
export type Journalist = z.infer<typeof journalist>;

export const outreachInput = z
  .strictObject({
    kind: z.enum(OUTREACH_KIND_VALUES, { message: 'Choose the kind of outreach.' }),
    title: text(300, 'Title', 1),
    campaignId: id.nullable(),
    outletId: id.nullable(),
    journalistId: id.nullable(),
    ownerPersonId: id.nullable(),
    status: z.enum(OUTREACH_STATUS_VALUES, { message: 'Choose idea, drafting, review, approved or published.' }),
    /** The planned day, or the day it was published. */
    date: isoDate.nullable(),
    link,
    reach: count('Reach').nullable(),
    engagement: count('Engagement').nullable(),
    notes: longText(5000, 'Notes'),
  })
  .superRefine((item, ctx) => publishedChecks(item, ctx));
export type OutreachInput = z.infer<typeof outreachInput>;

/** What a published item needs: its day, and reach and engagement with engagement no larger than reach. */
function publishedChecks(
  item: { status: OutreachStatus; date: string | null; reach: number | null; engagement: number | null },
  ctx: z.core.$RefinementCtx<unknown>,
): void {
  if (item.status !== 'published') return;
  if (item.date === null) ctx.addIssue({ code: 'custom', path: ['date'], message: 'Enter the day it was published.' });
  if (item.reach === null) ctx.addIssue({ code: 'custom', path: ['reach'], message: 'Enter the reach (people who saw or heard it) of a published item.' });
  if (item.engagement === null) ctx.addIssue({ code: 'custom', path: ['engagement'], message: 'Enter the engagement (shares, replies, clicks…) of a published item; 0 if none.' });
  if (item.reach !== null && item.engagement !== null && item.engagement > item.reach) {
    ctx.addIssue({ code: 'custom', path: ['engagement'], message: 'Engagement cannot be more than the reach.' });
  }
}

export const statusChange = z.object({ id, fromStatus: z.enum(OUTREACH_STATUS_VALUES).nullable(), toStatus: z.enum(OUTREACH_STATUS_VALUES), on: isoDate, at: timestamp, actor: z.string() });
export type StatusChange = z.infer<typeof statusChange>;

export const outreachItem = z.object({
  id,
  kind: z.enum(OUTREACH_KIND_VALUES),
  title: z.string(),
  campaignId: id.nullable(),
  campaignName: z.string().nullable(),
  outletId: id.nullable(),
  outletName: z.string().nullable(),
  journalistId: id.nullable(),
  journalistName: z.string().nullable(),
  ownerPersonId: id.nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(OUTREACH_STATUS_VALUES),
  date: isoDate.nullable(),
  link: z.string(),
  reach: z.number().int().nullable(),
  engagement: z.number().int().nullable(),
  notes: z.string(),
  updatedAt: timestamp,
});
export type OutreachItem = z.infer<typeof outreachItem>;
export const outreachDetail = outreachItem.extend({ history: z.array(statusChange) });
export type OutreachDetail = z.infer<typeof outreachDetail>;

export const coverageInput = z
  .strictObject({
    campaignId: id.nullable(),
    outletId: id.nullable(),
    /** The outlet's name when it is not one of ours. */
    outletName: text(200, 'Outlet'),
    headline: text(300, 'Headline', 1),
    link,
    publishedOn: isoDate,
    reach: count('Reach').nullable(),
    tone: z.enum(TONE_VALUES, { message: 'Choose positive, neutral or negative.' }),
    notes: longText(5000, 'Notes'),
  })
  .refine((c) => c.outletId !== null || c.outletName !== '', { path: ['outletName'], message: 'Choose an outlet or type its name.' });
export type CoverageInput = z.infer<typeof coverageInput>;
export const coverageEntry = z.object({
  id,
  campaignId: id.nullable(),
  campaignName: z.string().nullable(),
  outletId: id.nullable(),
  outletName: z.string(),
  headline: z.string(),
  link: z.string(),
  publishedOn: isoDate,
  reach: z.number().int().nullable(),
  tone: z.enum(TONE_VALUES),
  notes: z.string(),
});
export type CoverageEntry = z.infer<typeof coverageEntry>;

const byId = z.strictObject({ id });
const deleted = z.object({ deleted: z.literal(true) });

export const mediaContract = {
  'media.outlets.list': { summary: 'Media outlets by name, with how many journalists each has.', input: z.strictObject({}), output: z.array(outlet) },
  'media.outlets.save': { summary: 'Add or change a media outlet.', input: z.strictObject({ id: id.optional(), outlet: outletInput }), output: outlet },
  'media.outlets.delete': {
    summary: 'Remove an outlet; its journalists, outreach items and coverage stay (coverage keeps its name).',
    input: byId,
    output: deleted,
  },
  'media.journalists.list': { summary: 'Journalists by name, optionally of one outlet.', input: z.strictObject({ outletId: id.optional() }), output: z.array(journalist) },
  'media.journalists.save': { summary: 'Add or change a journalist.', input: z.strictObject({ id: id.optional(), journalist: journalistInput }), output: journalist },
  'media.journalists.delete': { summary: 'Remove a journalist (their outreach items stay).', input: byId, output: deleted },
  'media.outreach.list': {
    summary: 'Outreach items (the board and the list), optionally of one campaign, status or kind; by date.',
    input: z.strictObject({
      campaignId: id.optional(),
      status: z.enum(OUTREACH_STATUS_VALUES).optional(),
      kind: z.enum(OUTREACH_KIND_VALUES).optional(),
    }),
    output: z.array(outreachItem),
  },
  'media.outreach.get': { summary: 'One outreach item with its dated status history.', input: byId, output: outreachDetail },
  'media.outreach.save': {
    summary: 'Add or change an outreach item; a status change is recorded in its history on the given day.',
    input: z.strictObject({ id: id.optional(), item: outreachInput, today: isoDate }),
    output: outreachDetail,
  },
  'media.outreach.move': {
    summary: 'Move an outreach item to another status (the board); publishing needs its day, reach and engagement.',
    input: z
      .strictObject({
        id,
        status: z.enum(OUTREACH_STATUS_VALUES),
        today: isoDate,
        date: isoDate.nullable().optional(),
        link: link.optional(),
        reach: count('Reach').nullable().optional(),
        engagement: count('Engagement').nullable().optional(),
      }),
    output: outreachDetail,
  },
  'media.outreach.delete': { summary: 'Remove an outreach item and its status history.', input: byId, output: deleted },
  'media.coverage.list': {
    summary: "A campaign's coverage log (or all): its published outreach items and earned coverage entries, newest first, with totals.",
    input: z.strictObject({ campaignId: id.optional() }),
    output: z.object({
      published: z.array(outreachItem),
      coverage: z.array(coverageEntry),
      totals: z.object({
        items: z.number().int(),
        reach: z.number().int(),
        engagement: z.number().int(),
        tone: z.object({ positive: z.number().int(), neutral: z.number().int(), negative: z.number().int() }),
      }),
    }),
  },
  'media.coverage.save': { summary: 'Log or change an earned coverage entry.', input: z.strictObject({ id: id.optional(), entry: coverageInput }), output: coverageEntry },
  'media.coverage.delete': { summary: 'Remove a coverage entry.', input: byId, output: deleted },
} as const;
