import { z } from 'zod';
import { id, isoDate, longText, text, timestamp } from '../common';
import { page } from '../directory/fields';
import { CONSENT_METHOD_VALUES, CONSENT_USE_VALUES, type Consent } from './consent';

// Stories and testimonials with their consent (issue 5). The consent rule itself is
// shared/stories/consent.ts (consentVerdict); every verdict here comes from it.

const consentUse = z.enum(CONSENT_USE_VALUES, { message: 'Choose internal, reports, media or policymakers.' });

export const consentInput = z
  .strictObject({
    given: z.boolean({ message: 'Say whether consent was given.' }),
    uses: z
      .array(consentUse)
      .max(CONSENT_USE_VALUES.length)
      .transform((uses) => CONSENT_USE_VALUES.filter((use) => uses.includes(use))),
    givenOn: isoDate.nullable(),
    method: z.enum(CONSENT_METHOD_VALUES, { message: 'Choose written, verbal or recorded.' }).nullable(),
    recordedBy: text(120, 'Recorded by'),
    expiresOn: isoDate.nullable(),
    withdrawnOn: isoDate.nullable(),
    withdrawalNote: text(1000, 'Withdrawal note'),
    anonymize: z.boolean({ message: 'Say whether only the anonymized version may be used.' }),
  })
  .superRefine((c, ctx) => {
    if (c.given) {
      if (c.givenOn === null) ctx.addIssue({ code: 'custom', path: ['givenOn'], message: 'Enter the day consent was given.' });
      if (c.method === null) ctx.addIssue({ code: 'custom', path: ['method'], message: 'Choose how consent was given: written, verbal or recorded.' });
      if (c.uses.length === 0) ctx.addIssue({ code: 'custom', path: ['uses'], message: 'Choose at least one use the consent covers.' });
    } else if (c.withdrawnOn !== null) {
      ctx.addIssue({ code: 'custom', path: ['withdrawnOn'], message: 'Only consent that was given can be withdrawn.' });
    }
    if (c.givenOn !== null && c.expiresOn !== null && c.expiresOn < c.givenOn) {
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Consent cannot expire before the day it was given.' });
    }
    if (c.givenOn !== null && c.withdrawnOn !== null && c.withdrawnOn < c.givenOn) {
      ctx.addIssue({ code: 'custom', path: ['withdrawnOn'], message: 'Consent cannot be withdrawn before the day it was given.' });
    }
  });
export type ConsentInput = z.infer<typeof consentInput>;

export const consent = z.object({
  given: z.boolean(),
  uses: z.array(consentUse),
  givenOn: isoDate.nullable(),
  method: z.enum(CONSENT_METHOD_VALUES).nullable(),
  recordedBy: z.string(),
  expiresOn: isoDate.nullable(),
  withdrawnOn: isoDate.nullable(),
  withdrawalNote: z.string(),
  anonymize: z.boolean(),
}) satisfies z.ZodType<Consent>;

export const storyInput = z.strictObject({
  title: text(200, 'Title', 1),
  text: longText(20_000, 'Story').refine((s) => s.trim().length > 0, { message: 'Write down the story.' }),
  anonymizedText: longText(20_000, 'Anonymized version'),
  /** Null: anonymous storyteller. */
  storytellerPersonId: id.nullable(),
  issueArea: text(100, 'Issue area'),
  district: text(120, 'District'),
  campaignId: id.nullable(),
  consent: consentInput,
});
export type StoryInput = z.infer<typeof storyInput>;

export const verdict = z.discriminatedUnion('allowed', [
  z.object({ allowed: z.literal(true), anonymized: z.boolean() }),
  z.object({ allowed: z.literal(false), reason: z.string() }),
]);

export const verdicts = z.object({ internal: verdict, reports: verdict, media: verdict, policymakers: verdict });

export const storySummary = z.object({
  id,
  title: z.string(),
  storytellerPersonId: id.nullable(),
  storytellerName: z.string().nullable(),
  issueArea: z.string(),
  district: z.string(),
  campaignId: id.nullable(),
  campaignName: z.string().nullable(),
  consent,
  hasAnonymizedText: z.boolean(),
  /** The rule's verdict for each use on the day asked. */
  verdicts,
  updatedAt: timestamp,
});
export type StorySummary = z.infer<typeof storySummary>;

export const consentChange = z.object({ id, changedAt: timestamp, actor: z.string(), summary: z.string(), consent });
export type ConsentChange = z.infer<typeof consentChange>;

export const story = storySummary.extend({
  text: z.string(),
  anonymizedText: z.string(),
  createdAt: timestamp,
  /** Newest first. */
  consentHistory: z.array(consentChange),
});
export type Story = z.infer<typeof story>;

export const expiringConsent = z.object({
  id,
  title: z.string(),
  storytellerName: z.string().nullable(),
  expiresOn: isoDate,
  uses: z.array(consentUse),
});

const byId = z.strictObject({ id });
const deleted = z.object({ deleted: z.literal(true) });

export const storiesContract = {
  'stories.list': {
    summary: 'Stories with their consent verdicts on a day, filtered by campaign, district, issue area or the use they may serve.',
    input: z.strictObject({
      today: isoDate,
      campaignId: id.optional(),
      district: text(120, 'District').optional(),
      issueArea: text(100, 'Issue area').optional(),
      storytellerPersonId: id.optional(),
      /** Only stories the consent rule allows for this use today. */
      usableFor: consentUse.optional(),
      search: text(200, 'Search').optional(),
      ...page,
    }),
    output: z.object({ total: z.number().int(), rows: z.array(storySummary) }),
  },
  'stories.get': { summary: 'One story with its consent, the verdict for each use on a day and the consent history.', input: z.strictObject({ id, today: isoDate }), output: story },
  'stories.create': { summary: 'Record a story with its consent.', input: z.strictObject({ story: storyInput, today: isoDate }), output: story },
  'stories.update': { summary: 'Change a story or its consent (consent changes are kept as history).', input: z.strictObject({ id, story: storyInput, today: isoDate }), output: story },
  'stories.delete': { summary: 'Remove a story and its consent history.', input: byId, output: deleted },
  'stories.facets': {
    summary: 'The districts and issue areas stories use (the list filters).',
    input: z.strictObject({}),
    output: z.object({ districts: z.array(z.string()), issueAreas: z.array(z.string()) }),
  },
  'stories.expiring': {
    summary: 'Stories whose consent (given, not withdrawn) expires within the next days (the home screen).',
    input: z.strictObject({ today: isoDate, days: z.number().int().min(1).max(366).default(30) }),
    output: z.array(expiringConsent),
  },
} as const;
