import { z } from 'zod';
import { id } from '../common';
import { organization } from './organizations';
import { person } from './people';

// Duplicates: likely duplicate organizations or people, found by normalized name, email,
// website domain and phone, and merged field by field into one survivor.

export const DUPLICATE_REASONS = ['name', 'email', 'website', 'phone'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** Which record's value a merged field keeps. */
export const mergeSide = z.enum(['survivor', 'merged'], { message: 'Choose survivor or merged.' });
export type MergeSide = z.infer<typeof mergeSide>;

/**
 * The single-valued fields a merge chooses between (list fields are always unioned). Grouped
 * fields move together: `classification` is sector + type, `stage` is stage + tier + since
 * when, `alignment` is score + note, `consent` is the whole consent record.
 */
export const ORGANIZATION_MERGE_FIELDS = [
  'name',
  'classification',
  'stage',
  'alignment',
  'website',
  'email',
  'phone',
  'address',
  'city',
  'district',
  'registrationNumber',
  'staffSize',
  'budgetBand',
  'notes',
] as const;
export const PERSON_MERGE_FIELDS = ['name', 'pronouns', 'title', 'email', 'phone', 'city', 'district', 'communityLeader', 'consent', 'notes'] as const;
export type OrganizationMergeField = (typeof ORGANIZATION_MERGE_FIELDS)[number];
export type PersonMergeField = (typeof PERSON_MERGE_FIELDS)[number];

/** The list fields a merge unions (other names also gain the name that is not kept). */
export const ORGANIZATION_UNION_FIELDS = ['otherNames', 'issueAreas', 'regions', 'populations', 'contributions', 'tags'] as const;
export const PERSON_UNION_FIELDS = ['languages', 'tags'] as const;

function choices<const F extends readonly string[]>(fields: F) {
  return z.strictObject(Object.fromEntries(fields.map((f) => [f, mergeSide.optional()])) as { [K in F[number]]: z.ZodOptional<typeof mergeSide> });
}

const entity = z.enum(['organization', 'person'], { message: 'Choose organization or person.' });

export const duplicateSide = z.object({ id, name: z.string(), detail: z.string() });

export const duplicatePair = z.object({
  a: duplicateSide,
  b: duplicateSide,
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
  /** 0–100: how likely the two are the same partner (more and stronger reasons score higher). */
  score: z.number().int(),
});
export type DuplicatePair = z.infer<typeof duplicatePair>;

const distinctIds = (m: { survivorId: string; mergedId: string }) => m.survivorId !== m.mergedId;
const distinctMessage = { path: ['mergedId'], message: 'Choose two different records to merge.' };

export const mergeInput = z
  .discriminatedUnion(
    'entity',
    [
      z.strictObject({
        entity: z.literal('organization'),
        survivorId: id,
        mergedId: id,
        /** Per field, whose value to keep; a field left out keeps the survivor's value unless it is empty. */
        fields: choices(ORGANIZATION_MERGE_FIELDS).default({}),
        /** Per custom field id, whose value to keep; by default the survivor's, or the merged record's where the survivor has none. */
        custom: z.record(id, mergeSide).optional(),
      }),
      z.strictObject({
        entity: z.literal('person'),
        survivorId: id,
        mergedId: id,
        fields: choices(PERSON_MERGE_FIELDS).default({}),
        custom: z.record(id, mergeSide).optional(),
      }),
    ],
    { message: 'Merge two organizations or two people.' },
  )
  .refine(distinctIds, distinctMessage);
export type MergeInput = z.infer<typeof mergeInput>;

/** What a merge moved to the survivor, and what it dropped as an exact duplicate of the survivor's. */
export const mergeCounts = z.object({
  affiliations: z.object({ moved: z.number().int(), dropped: z.number().int() }),
  relationships: z.object({ moved: z.number().int(), dropped: z.number().int() }),
  interactions: z.object({ moved: z.number().int(), dropped: z.number().int() }),
  stageChanges: z.number().int(),
});
export type MergeCounts = z.infer<typeof mergeCounts>;

export const mergeResult = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('organization'), survivor: organization, counts: mergeCounts }),
  z.object({ entity: z.literal('person'), survivor: person, counts: mergeCounts }),
]);
export type MergeResult = z.infer<typeof mergeResult>;

export const duplicatesContract = {
  'duplicates.find': {
    summary: 'Likely duplicate organizations or people (same normalized name, email, website domain or phone), most likely first.',
    input: z.strictObject({
      entity,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ total: z.number().int(), pairs: z.array(duplicatePair) }),
  },
  'duplicates.merge': {
    summary:
      'Merges one record into another: chosen fields copied, list fields unioned, every affiliation, relationship, interaction and stage change moved to the survivor; then the merged record is deleted (one undo step).',
    input: mergeInput,
    output: mergeResult,
  },
} as const;
