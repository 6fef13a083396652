import { z } from 'zod';
import { id, isoDate, longText, text } from '../common';
import { page } from '../directory/fields';

// Monitoring and evaluation (issue 6): the catalogue of indicators — derived from the records of
// the other areas, or entered by the coordinator month by month — with targets per period, the
// dashboard over a period, the records behind every figure (drill-down), and stakeholder-feedback
// surveys with rounds, responses per member organization, results and the comparison of two rounds.

/** The derived metrics (fixed keys): each one is a module in electron/backend/metrics/derived/. */
export const DERIVED_KEYS = [
  'policy_wins',
  'funding_won',
  'media_published',
  'media_reach',
  'event_reach',
  'meeting_attendance',
  'grassroots_actions',
  'members',
  'campaigns',
  'trainings_delivered',
  'assistance_resolved',
  'money_raised',
] as const;
export type DerivedKey = (typeof DERIVED_KEYS)[number];

export const AGGREGATIONS = { sum: 'Sum of the months', average: 'Average of the months', last: 'Last month’s value' } as const;
export type Aggregation = keyof typeof AGGREGATIONS;
const AGGREGATION_VALUES = Object.keys(AGGREGATIONS) as [Aggregation, ...Aggregation[]];

export const GRAINS = { month: 'Month', quarter: 'Quarter', year: 'Year' } as const;
export type Grain = keyof typeof GRAINS;
const GRAIN_VALUES = Object.keys(GRAINS) as [Grain, ...Grain[]];

/** The longest period one read covers (a dashboard, a series, a drill-down). */
export const MAX_PERIOD_YEARS = 20;

/** A month as YYYY-MM. */
export const month = z.string({ message: 'Month is missing.' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Use a month in the form YYYY-MM.' });
/** A target's period: a year (2026), a quarter (2026-Q2) or a month (2026-05). */
export const targetPeriod = z
  .string({ message: 'Period is missing.' })
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'Use a year (2026), a quarter (2026-Q2) or a month (2026-05).' });

/** A finite number within a sane range (values and targets). */
const amount = z
  .number({ message: 'The value must be a number.' })
  .refine(Number.isFinite, { message: 'The value must be a finite number.' })
  .refine((v) => Math.abs(v) <= 1e15, { message: 'The value is too large (at most 10^15).' });

/** A period [from, to], both days included. */
export const periodInput = {
  from: isoDate,
  to: isoDate,
};
function checkPeriod<T extends { from: string; to: string }>(schema: z.ZodType<T>) {
  return schema
    .refine((p) => p.to >= p.from, { path: ['to'], message: 'The period must end on or after the day it starts.' })
    .refine((p) => Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4)) <= MAX_PERIOD_YEARS, { path: ['to'], message: `A period covers at most ${MAX_PERIOD_YEARS} years.` });
}

export const metricInput = z.strictObject({
  name: text(200, 'Name', 1),
  unit: text(40, 'Unit'),
  description: longText(2000, 'Description'),
  aggregation: z.enum(AGGREGATION_VALUES, { message: 'Choose how months add up: sum, average or last value.' }).default('sum'),
  goalId: id.nullable(),
});
export type MetricInput = z.infer<typeof metricInput>;

export const metric = z.object({
  id,
  key: z.enum(DERIVED_KEYS).nullable(),
  kind: z.enum(['derived', 'entered']),
  name: z.string(),
  unit: z.string(),
  description: z.string(),
  aggregation: z.enum(AGGREGATION_VALUES),
  goalId: id.nullable(),
  goalTitle: z.string().nullable(),
  /** False for a derived metric whose records the workspace does not keep yet (its area is not built). */
  available: z.boolean(),
  /** Not additive: the parts are currencies (money), or counts at a date (members): the total is null when the parts cannot be added. */
  additive: z.boolean(),
  values: z.number().int(),
  targets: z.number().int(),
});
export type Metric = z.infer<typeof metric>;

/** One figure, with its parts (per currency, per sector, per status) when it has any. */
export const figure = z.object({
  /** Null when the parts cannot be added (several currencies) or when nothing was entered. */
  value: z.number().nullable(),
  parts: z.array(z.object({ key: z.string(), label: z.string(), value: z.number() })),
});
export type Figure = z.infer<typeof figure>;

export const seriesPoint = figure.extend({
  /** 2026, 2026-Q2 or 2026-05 */
  period: z.string(),
  label: z.string(),
  from: isoDate,
  to: isoDate,
  target: z.number().nullable(),
});
export type SeriesPoint = z.infer<typeof seriesPoint>;

export const drillRow = z.object({
  id: z.string(),
  label: z.string(),
  date: z.string().nullable(),
  /** The renderer route of the record's page ('' when it has none). */
  route: z.string(),
  /** What the record adds to the figure (attendance, reach, amount…), or null. */
  value: z.number().nullable(),
  /** The part it belongs to (currency, sector, status), or null. */
  part: z.string().nullable(),
  detail: z.string(),
});
export type DrillRow = z.infer<typeof drillRow>;

export const headline = figure.extend({
  metricId: id,
  key: z.enum(DERIVED_KEYS).nullable(),
  name: z.string(),
  unit: z.string(),
  available: z.boolean(),
  /** The target of exactly this period (when the period is one year, quarter or month and has one). */
  target: z.number().nullable(),
});
export type Headline = z.infer<typeof headline>;

export const dashboard = z.object({
  from: isoDate,
  to: isoDate,
  grain: z.enum(GRAIN_VALUES),
  /** The derived metrics' figures for the period, in catalogue order (the impact report prints these). */
  headlines: z.array(headline),
  /** Series over the period at its grain, per derived metric key. */
  series: z.record(z.string(), z.array(seriesPoint)),
  /** Every metric with a target of a whole period in the range: actual and target per period, at the finest grain (from the dashboard's) that has targets. */
  targets: z.array(z.object({ metricId: id, key: z.enum(DERIVED_KEYS).nullable(), name: z.string(), unit: z.string(), grain: z.enum(GRAIN_VALUES), points: z.array(seriesPoint) })),
  /** Money raised in the period per currency against the goals of the fundraising campaigns running in it. */
  fundraising: z.array(z.object({ currency: z.string(), raised: z.number(), goal: z.number().nullable() })),
});
export type Dashboard = z.infer<typeof dashboard>;

// Surveys.
export const QUESTION_KINDS = { rating: 'Rating 1–5', choice: 'Single choice', text: 'Text' } as const;
export type QuestionKind = keyof typeof QUESTION_KINDS;
const QUESTION_KIND_VALUES = Object.keys(QUESTION_KINDS) as [QuestionKind, ...QuestionKind[]];
export const MAX_QUESTIONS = 50;
export const MAX_CHOICES = 20;

export const questionInput = z
  .strictObject({
    id: id.optional(),
    kind: z.enum(QUESTION_KIND_VALUES, { message: 'Choose a rating, a single choice or a text question.' }),
    prompt: text(500, 'Question', 1),
    choices: z.array(text(200, 'Choice', 1)).max(MAX_CHOICES, { message: `A question has at most ${MAX_CHOICES} choices.` }).default([]),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'choice' && q.choices.length < 2) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'A single-choice question needs at least two choices.' });
    if (q.kind !== 'choice' && q.choices.length > 0) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Only single-choice questions have choices.' });
    const seen = new Set<string>();
    for (const [index, choice] of q.choices.entries()) {
      const key = choice.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['choices', index], message: `“${choice}” appears twice.` });
      seen.add(key);
    }
  });
export type QuestionInput = z.infer<typeof questionInput>;
export const question = z.object({ id, kind: z.enum(QUESTION_KIND_VALUES), prompt: z.string(), choices: z.array(z.string()), answers: z.number().int() });
export type Question = z.infer<typeof question>;

export const surveyInput = z.strictObject({
  title: text(200, 'Title', 1),
  description: longText(2000, 'Description'),
  questions: z.array(questionInput).min(1, { message: 'A survey needs at least one question.' }).max(MAX_QUESTIONS, { message: `A survey has at most ${MAX_QUESTIONS} questions.` }),
});
export type SurveyInput = z.infer<typeof surveyInput>;

export const round = z.object({ id, surveyId: id, name: z.string(), runOn: isoDate, responses: z.number().int() });
export type Round = z.infer<typeof round>;

export const surveySummary = z.object({ id, title: z.string(), questions: z.number().int(), rounds: z.number().int(), lastRunOn: isoDate.nullable(), responses: z.number().int() });
export const survey = z.object({ id, title: z.string(), description: z.string(), questions: z.array(question), rounds: z.array(round) });
export type Survey = z.infer<typeof survey>;

/** An answer: a rating 1–5, one of the question's choices, or text. */
export const answerValue = z.union([z.number(), z.string()]);
export const responseInput = z.strictObject({
  id: id.optional(),
  roundId: id,
  organizationId: id,
  /** questionId → answer; a question left out is unanswered. */
  answers: z.record(id, answerValue).refine((a) => Object.keys(a).length <= MAX_QUESTIONS, { message: `At most ${MAX_QUESTIONS} answers.` }),
});
export type ResponseInput = z.infer<typeof responseInput>;
export const response = z.object({ id, roundId: id, organizationId: id, organizationName: z.string(), answers: z.record(z.string(), answerValue), updatedAt: z.string() });
export type Response = z.infer<typeof response>;

export const questionResult = z.object({
  questionId: id,
  kind: z.enum(QUESTION_KIND_VALUES),
  prompt: z.string(),
  answered: z.number().int(),
  /** Ratings: the average (null with no answer) and how many gave 1…5. */
  average: z.number().nullable(),
  distribution: z.array(z.object({ value: z.string(), count: z.number().int() })),
  /** Text answers with the organization that gave them. */
  texts: z.array(z.object({ organizationId: id, organizationName: z.string(), text: z.string() })),
});
export type QuestionResult = z.infer<typeof questionResult>;
export const roundResults = z.object({ round, responses: z.number().int(), questions: z.array(questionResult) });
export type RoundResults = z.infer<typeof roundResults>;

/** A file to import survey responses from (CSV or Excel), base64. */
const importFile = { fileName: text(200, 'File name', 1), contentBase64: z.base64({ message: 'The file must be sent base64-encoded.' }).max(4_000_000, { message: 'The file is too large: import at most about 3 MB of responses at a time.' }) };
export const responseMapping = z.strictObject({
  /** The column naming the organization (its name as in the directory, or its email). */
  organizationColumn: z.number().int().min(0, { message: 'Choose the column with the organization.' }),
  /** questionId → column index. */
  columns: z.record(id, z.number().int().min(0)),
});
export type ResponseMapping = z.infer<typeof responseMapping>;

const byId = z.strictObject({ id });
const deleted = z.object({ deleted: z.literal(true) });

export const metricsContract = {
  'metrics.catalogue': { summary: 'Every indicator, derived and entered, with its goal and how many values and targets it has.', input: z.strictObject({}), output: z.array(metric) },
  'metrics.save': {
    summary: 'Add an entered metric, or change a metric (a derived one keeps its key and unit).',
    input: z.strictObject({ id: id.optional(), metric: metricInput }),
    output: metric,
  },
  'metrics.delete': { summary: 'Remove an entered metric with its values and targets.', input: byId, output: deleted },
  'metrics.get': {
    summary: 'One metric: its series over a period at a grain, with targets, its entered values and all its targets.',
    input: checkPeriod(z.strictObject({ id, ...periodInput, grain: z.enum(GRAIN_VALUES).default('month') })),
    output: z.object({
      metric,
      total: figure,
      series: z.array(seriesPoint),
      values: z.array(z.object({ month: z.string(), value: z.number(), note: z.string() })),
      targets: z.array(z.object({ period: z.string(), value: z.number() })),
    }),
  },
  'metrics.setValues': {
    summary: "Enter, change or clear (null) an entered metric's values for some months.",
    input: z.strictObject({
      metricId: id,
      values: z
        .array(z.strictObject({ month, value: amount.nullable(), note: text(500, 'Note').default('') }))
        .min(1, { message: 'Give at least one month.' })
        .max(600, { message: 'At most 600 months at a time.' }),
    }),
    output: z.object({ changed: z.number().int() }),
  },
  'metrics.setTargets': {
    summary: "Set or clear (null) a metric's targets for some periods (years, quarters, months).",
    input: z.strictObject({
      metricId: id,
      targets: z
        .array(z.strictObject({ period: targetPeriod, value: amount.nullable() }))
        .min(1, { message: 'Give at least one period.' })
        .max(600, { message: 'At most 600 periods at a time.' }),
    }),
    output: z.object({ changed: z.number().int() }),
  },
  'metrics.dashboard': {
    summary: 'The dashboard for a period: headline figures, series, targets against actuals, fundraising.',
    input: checkPeriod(z.strictObject({ ...periodInput, grain: z.enum(GRAIN_VALUES).optional() })),
    output: dashboard,
  },
  'metrics.drill': {
    summary: 'The records behind a figure: a metric over a period, optionally one part (currency, sector, status).',
    input: checkPeriod(z.strictObject({ metricId: id, ...periodInput, part: text(100, 'Part').optional(), ...page })),
    output: z.object({ total: z.number().int(), rows: z.array(drillRow) }),
  },
  'surveys.list': { summary: 'Every survey with its numbers of questions, rounds and responses.', input: z.strictObject({}), output: z.array(surveySummary) },
  'surveys.get': { summary: 'One survey with its questions and rounds.', input: byId, output: survey },
  'surveys.save': { summary: 'Create or change a survey and its questions (in order; answered questions keep their kind).', input: z.strictObject({ id: id.optional(), survey: surveyInput }), output: survey },
  'surveys.delete': { summary: 'Remove a survey with its rounds and responses.', input: byId, output: deleted },
  'surveys.saveRound': {
    summary: 'Create or change a round (the survey run at a date).',
    input: z.strictObject({ id: id.optional(), surveyId: id, name: text(200, 'Name', 1), runOn: isoDate }),
    output: round,
  },
  'surveys.deleteRound': { summary: 'Remove a round with its responses.', input: byId, output: deleted },
  'surveys.responses': { summary: "A round's responses, one per organization.", input: z.strictObject({ roundId: id }), output: z.array(response) },
  'surveys.saveResponse': { summary: "Record or change an organization's response to a round.", input: responseInput, output: response },
  'surveys.deleteResponse': { summary: 'Remove a response.', input: byId, output: deleted },
  'surveys.results': { summary: "A round's results per question: rating average and distribution, choice counts, text answers.", input: z.strictObject({ roundId: id }), output: roundResults },
  'surveys.compare': {
    summary: 'Two rounds of a survey side by side, question by question.',
    input: z.strictObject({ first: id, second: id }).refine((c) => c.first !== c.second, { path: ['second'], message: 'Choose two different rounds.' }),
    output: z.object({ first: roundResults, second: roundResults }),
  },
  'surveys.previewImport': {
    summary: 'Read a CSV or Excel file of responses: its columns, first rows and a guessed mapping of columns to questions.',
    input: z.strictObject({ roundId: id, ...importFile }),
    output: z.object({ headers: z.array(z.string()), rows: z.array(z.array(z.string())), rowCount: z.number().int(), mapping: responseMapping.nullable() }),
  },
  'surveys.importResponses': {
    summary: "Import a round's responses from a CSV or Excel file with a mapping of columns to questions (all rows or none).",
    input: z.strictObject({ roundId: id, ...importFile, mapping: responseMapping }),
    output: z.object({ created: z.number().int(), updated: z.number().int() }),
  },
} as const;
