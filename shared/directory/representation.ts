import { z } from 'zod';
import { id, text, timestamp } from '../common';
import { ORGANIZATION_TYPES, SECTORS } from '../taxonomy';
import { STAGE_VALUES } from './enums';

// Representation (issue 3): the coalition's members by sector, type, region and population,
// against targets the coordinator sets ("at least 30% grassroots groups", "every region has a
// member").

export const REPRESENTATION_DIMENSIONS = { sector: 'Sector', type: 'Organization type', region: 'Region', population: 'Population' } as const;
export type RepresentationDimension = keyof typeof REPRESENTATION_DIMENSIONS;
export const DIMENSION_VALUES = Object.keys(REPRESENTATION_DIMENSIONS) as [RepresentationDimension, ...RepresentationDimension[]];

export const TARGET_KINDS = { min_share: 'At least a share (%)', min_count: 'At least a number' } as const;
export type TargetKind = keyof typeof TARGET_KINDS;
export const TARGET_KIND_VALUES = Object.keys(TARGET_KINDS) as [TargetKind, ...TargetKind[]];

/** A region target's value meaning "every region listed in the workspace". */
export const EVERY_REGION = '*';
/** The most members a count target may ask for. */
export const MAX_TARGET_COUNT = 1_000_000;

/** A target as the coordinator enters it: no id creates one, an id replaces that target. */
export const targetInput = z
  .strictObject({
    id: id.optional(),
    dimension: z.enum(DIMENSION_VALUES, { message: 'Choose sector, type, region or population.' }),
    value: text(100, 'Value', 1),
    kind: z.enum(TARGET_KIND_VALUES, { message: 'Choose a share or a number.' }),
    amount: z.number({ message: 'Amount must be a number.' }).finite({ message: 'Amount must be a number.' }),
    note: text(500, 'Note'),
  })
  .superRefine((t, ctx) => {
    if (t.dimension === 'sector' && !Object.hasOwn(SECTORS, t.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Choose a sector of the taxonomy.' });
    }
    if (t.dimension === 'type' && !Object.hasOwn(ORGANIZATION_TYPES, t.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Choose an organization type of the taxonomy.' });
    }
    if (t.dimension === 'population' && t.value === EVERY_REGION) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: '“Every region” is only for region targets.' });
    }
    if (t.kind === 'min_share' && (t.amount < 0 || t.amount > 100)) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'A share is a percentage from 0 to 100.' });
    }
    if (t.kind === 'min_count' && (!Number.isInteger(t.amount) || t.amount < 0 || t.amount > MAX_TARGET_COUNT)) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'A number of members is a whole number, 0 or more.' });
    }
  });
export type TargetInput = z.infer<typeof targetInput>;

export const target = z.object({
  id,
  dimension: z.enum(DIMENSION_VALUES),
  value: z.string(),
  /** How the value reads: "Community & grassroots", "Every region", "Seniors". */
  label: z.string(),
  kind: z.enum(TARGET_KIND_VALUES),
  amount: z.number(),
  note: z.string(),
  updatedAt: timestamp,
});
export type Target = z.infer<typeof target>;

export const targetStatus = target.extend({
  /** Members (min_count) or percent of members (min_share); for "every region", the worst region's. */
  actual: z.number(),
  met: z.boolean(),
  /** How far short: members, or percentage points; 0 when met. */
  gap: z.number(),
  /** For "every region": each region short of the target, worst first. Empty otherwise. */
  shortfalls: z.array(z.object({ value: z.string(), actual: z.number(), gap: z.number() })),
});
export type TargetStatus = z.infer<typeof targetStatus>;

export const dimensionRow = z.object({
  value: z.string(),
  label: z.string(),
  count: z.number().int(),
  /** Percent of the members counted (0–100). Regions and populations may add up to more than 100. */
  share: z.number(),
});
export type DimensionRow = z.infer<typeof dimensionRow>;

export const representationSummary = z.object({
  /** The stages counted as members. */
  stages: z.array(z.enum(STAGE_VALUES)),
  members: z.number().int(),
  dimensions: z.object({
    sector: z.array(dimensionRow),
    type: z.array(dimensionRow),
    region: z.array(dimensionRow),
    population: z.array(dimensionRow),
  }),
  /** Members that list no region / no population. */
  unlisted: z.object({ region: z.number().int(), population: z.number().int() }),
  targets: z.array(targetStatus),
});
export type RepresentationSummary = z.infer<typeof representationSummary>;

export const representationContract = {
  'representation.summary': {
    summary: "The members (organizations at the given stages) by sector, type, region and population, with every target's status.",
    input: z.strictObject({
      stages: z
        .array(z.enum(STAGE_VALUES, { message: 'Unknown stage.' }))
        .min(1, { message: 'Choose at least one stage.' })
        .transform((v) => [...new Set(v)])
        .default(['member']),
    }),
    output: representationSummary,
  },
  'representation.targets.save': { summary: 'Create or replace a representation target.', input: targetInput, output: target },
  'representation.targets.delete': { summary: 'Delete a representation target.', input: z.strictObject({ id }), output: z.object({ deleted: z.literal(true) }) },
} as const;
