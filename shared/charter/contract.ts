import { z } from 'zod';
import { GOAL_CATEGORY_VALUES } from '../taxonomy';
import { emptyInput, id, isoDate, longText, text, timestamp } from '../common';

export const MAX_VALUES = 30;
export const MAX_GOALS = 50;

export const goalTarget = z.strictObject({
  metric: text(120, 'Target metric', 1),
  value: z.number({ message: 'Target value must be a number.' }).finite().min(0, { message: 'Target value cannot be negative.' }),
  unit: text(40, 'Unit'),
  dueOn: isoDate.nullable(),
});
export type GoalTarget = z.infer<typeof goalTarget>;

export const goalInput = z.strictObject({
  /** Absent for a goal added in this edit; present to keep a goal's identity across versions. */
  id: id.optional(),
  category: z.enum(GOAL_CATEGORY_VALUES, { message: 'Choose policy change, public awareness or capacity building.' }),
  title: text(200, 'Goal title', 1),
  description: longText(5_000, 'Goal description'),
  target: goalTarget.nullable(),
});
export type GoalInput = z.infer<typeof goalInput>;

export const goal = goalInput.extend({ id });
export type Goal = z.infer<typeof goal>;

const charterFields = {
  mission: longText(5_000, 'Mission'),
  vision: longText(5_000, 'Vision'),
  values: z
    .array(text(200, 'A value', 1), { message: 'Values must be a list.' })
    .max(MAX_VALUES, { message: `At most ${MAX_VALUES} values.` }),
};

export const draftInput = z.strictObject({
  ...charterFields,
  goals: z.array(goalInput).max(MAX_GOALS, { message: `At most ${MAX_GOALS} goals.` }),
});
export type DraftInput = z.infer<typeof draftInput>;

/** The content of a charter: what a version freezes. */
export const charterContent = z.object({ ...charterFields, goals: z.array(goal) });
export type CharterContent = z.infer<typeof charterContent>;

export const draft = charterContent.extend({
  updatedAt: timestamp.nullable(),
  /** The number of the newest adopted version, or null if none was adopted yet. */
  latestVersion: z.number().int().nullable(),
  /** True when the draft differs from the newest adopted version (or nothing was adopted). */
  hasUnadoptedChanges: z.boolean(),
});
export type Draft = z.infer<typeof draft>;

export const versionSummary = z.object({
  number: z.number().int().positive(),
  adoptedOn: isoDate,
  note: z.string(),
  adoptedAt: timestamp,
});
export type VersionSummary = z.infer<typeof versionSummary>;

export const version = versionSummary.extend({ content: charterContent });
export type Version = z.infer<typeof version>;

const VERSION_MESSAGE = 'A version is a whole number from 1 up.';
export const versionNumber = z.number({ message: VERSION_MESSAGE }).int({ message: VERSION_MESSAGE }).positive({ message: VERSION_MESSAGE });
/** A side of a comparison: an adopted version's number, or the current draft. */
export const compareSide = z.union([versionNumber, z.literal('draft')], { message: 'Use a version number or "draft".' });
export type CompareSide = z.infer<typeof compareSide>;

export const textChange = z.object({
  /** Word-level parts of the change, in order; unchanged parts have neither flag. */
  parts: z.array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() })),
});
export const goalChange = z.object({
  id,
  kind: z.enum(['added', 'removed', 'changed']),
  title: z.string(),
  /** For a changed goal, the fields that differ, with before and after as display text. */
  fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
});
export const charterDiff = z.object({
  from: compareSide,
  to: compareSide,
  mission: textChange.nullable(),
  vision: textChange.nullable(),
  values: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  goals: z.array(goalChange),
  identical: z.boolean(),
});
export type CharterDiff = z.infer<typeof charterDiff>;

export const charterContract = {
  'charter.getDraft': {
    summary: 'The charter as currently edited (the draft).',
    input: emptyInput,
    output: draft,
  },
  'charter.saveDraft': {
    summary: 'Replace the draft: mission, vision, values and goals.',
    input: draftInput,
    output: draft,
  },
  'charter.adopt': {
    summary: 'Freeze the draft as the next charter version.',
    input: z.strictObject({ adoptedOn: isoDate, note: text(500, 'Adoption note') }),
    output: version,
  },
  'charter.listVersions': {
    summary: 'Adopted versions, newest first.',
    input: emptyInput,
    output: z.array(versionSummary),
  },
  'charter.getVersion': {
    summary: 'One adopted version with its full content.',
    input: z.strictObject({ number: versionNumber }),
    output: version,
  },
  'charter.compare': {
    summary: 'What changed between two versions (or a version and the draft).',
    input: z.strictObject({ from: compareSide, to: compareSide }),
    output: charterDiff,
  },
} as const;
