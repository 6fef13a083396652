import { z } from 'zod';
import { id, isoDate, longText, text, timestamp } from '../common';
import { savableFile } from '../files/contract';
import { pageSize } from '../pdf';
import { PERIOD_KIND_VALUES, periodLabel, periodProblem, type Period } from './period';

// Impact reports and update digests (issue 6). A saved report keeps the coordinator's choices
// (period, audience, sections) and narrative; the numbers are read again for its period each time
// it is previewed or exported, from the same functions as the dashboard and the domains' screens.

export const REPORT_KINDS = { impact: 'Impact report', digest: 'Update digest' } as const;
export type ReportKind = keyof typeof REPORT_KINDS;
export const REPORT_KIND_VALUES = Object.keys(REPORT_KINDS) as [ReportKind, ...ReportKind[]];

/** A new report's title: "Impact report, Q4 2026 (October–December)". */
export function defaultReportTitle(kind: ReportKind, period: Period): string {
  return `${REPORT_KINDS[kind]}, ${periodLabel(period)}`;
}

export const AUDIENCES = { members: 'Members', funders: 'Funders', public: 'The public' } as const;
export type Audience = keyof typeof AUDIENCES;
export const AUDIENCE_VALUES = Object.keys(AUDIENCES) as [Audience, ...Audience[]];
/** What each audience changes, in one sentence (the editor shows it). */
export const AUDIENCE_NOTES: Record<Audience, string> = {
  members: 'Everything, with the member list’s contact details.',
  funders: 'The resources section in detail (every pledge, grant and in-kind gift); the member list without contact details.',
  public: 'No contact details and no internal meetings’ titles; resources as totals.',
};

/** The impact report's sections, in the order they print. */
export const REPORT_SECTIONS = {
  summary: 'Headline numbers',
  activities: 'Activities',
  successes: 'Successes',
  engagement: 'Public engagement',
  capacity: 'Capacity building',
  resources: 'Resources',
  stories: 'Stories',
  challenges: 'Challenges',
  nextSteps: 'Next steps',
  members: 'Member list',
} as const;
export type ReportSection = keyof typeof REPORT_SECTIONS;
export const REPORT_SECTION_VALUES = Object.keys(REPORT_SECTIONS) as [ReportSection, ...ReportSection[]];

export const period = z
  .strictObject({
    kind: z.enum(PERIOD_KIND_VALUES, { message: 'Choose a month, quarter, year or custom period.' }),
    from: isoDate,
    to: isoDate,
  })
  .superRefine((p, ctx) => {
    // Only once both days are real dates (zod reports those itself).
    if (!isoDate.safeParse(p.from).success || !isoDate.safeParse(p.to).success) return;
    const problem = periodProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', path: ['to'], message: problem });
  });
export type PeriodInput = z.infer<typeof period>;

export const NARRATIVE_MAX = 20_000;

export const reportInput = z.strictObject({
  kind: z.enum(REPORT_KIND_VALUES, { message: 'Choose an impact report or an update digest.' }),
  title: text(200, 'Title', 1),
  period,
  audience: z.enum(AUDIENCE_VALUES, { message: 'Choose members, funders or the public.' }),
  /** The sections shown (an impact report's; a digest ignores them). */
  sections: z
    .array(z.enum(REPORT_SECTION_VALUES, { message: 'Unknown report section.' }))
    .max(REPORT_SECTION_VALUES.length)
    .refine((s) => new Set(s).size === s.length, { message: 'A section is listed twice.' }),
  challengesMd: longText(NARRATIVE_MAX, 'Challenges'),
  nextStepsMd: longText(NARRATIVE_MAX, 'Next steps'),
  /** The digest's "how to get involved". */
  getInvolvedMd: longText(NARRATIVE_MAX, 'How to get involved'),
});
export type ReportInput = z.infer<typeof reportInput>;

export const reportSummary = z.object({
  id,
  kind: z.enum(REPORT_KIND_VALUES),
  title: z.string(),
  period: z.object({ kind: z.enum(PERIOD_KIND_VALUES), from: z.string(), to: z.string() }),
  periodLabel: z.string(),
  audience: z.enum(AUDIENCE_VALUES),
  updatedAt: timestamp,
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const report = reportSummary.extend({
  sections: z.array(z.enum(REPORT_SECTION_VALUES)),
  challengesMd: z.string(),
  nextStepsMd: z.string(),
  getInvolvedMd: z.string(),
  createdAt: timestamp,
});
export type Report = z.infer<typeof report>;

/** One headline number, as the metrics dashboard shows it for the period. */
export const headline = z.object({
  key: z.string(),
  label: z.string(),
  /** Null when nothing was recorded, or when the parts cannot be added (amounts in several currencies). */
  value: z.number().nullable(),
  /** The value as printed ("12", "48,500 USD", "1,240 USD · 300 EUR"). */
  display: z.string(),
  unit: z.string(),
});
export type Headline = z.infer<typeof headline>;

export const sectionPreview = z.object({
  section: z.enum(REPORT_SECTION_VALUES),
  /** One line: what the section will say ("14 meetings, 2 trainings", or its "no data" sentence). */
  summary: z.string(),
  hasData: z.boolean(),
});

/** A dated line of the digest ("12 Nov · Steering committee"). */
export const digestItem = z.object({ on: z.string(), title: z.string(), detail: z.string() });
export const digestList = z.object({ key: z.string(), heading: z.string(), items: z.array(digestItem), empty: z.string() });
export type DigestList = z.infer<typeof digestList>;

export const digest = z.object({
  title: z.string(),
  coalitionName: z.string(),
  periodLabel: z.string(),
  /** The days "what is coming" covers. */
  coming: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  happened: z.array(digestList),
  upcoming: z.array(digestList),
  getInvolvedMd: z.string(),
});
export type Digest = z.infer<typeof digest>;

export const DIGEST_FORMATS = { pdf: 'PDF', html: 'HTML (for an email)', markdown: 'Markdown' } as const;
export type DigestFormat = keyof typeof DIGEST_FORMATS;
export const DIGEST_FORMAT_VALUES = Object.keys(DIGEST_FORMATS) as [DigestFormat, ...DigestFormat[]];

const byId = z.strictObject({ id });
const deleted = z.object({ deleted: z.literal(true) });

export const reportsContract = {
  'reports.list': {
    summary: 'Saved impact reports and digests (one kind or both), latest period first.',
    input: z.strictObject({ kind: z.enum(REPORT_KIND_VALUES).optional() }),
    output: z.array(reportSummary),
  },
  'reports.get': { summary: 'One saved report: period, audience, sections and narrative.', input: byId, output: report },
  'reports.create': { summary: 'Save a new report or digest.', input: reportInput, output: report },
  'reports.update': { summary: "Change a saved report's settings or narrative.", input: z.strictObject({ id, report: reportInput }), output: report },
  'reports.delete': { summary: 'Remove a saved report (its exported files are not touched).', input: byId, output: deleted },
  'reports.createNext': {
    summary: 'New report from the last: a copy of a saved report (the latest of its kind by default) with its audience, sections and narrative, for the next period.',
    input: z.strictObject({ kind: z.enum(REPORT_KIND_VALUES), fromId: id.optional() }),
    output: report,
  },
  'reports.preview': {
    summary: "The headline numbers (the metrics dashboard's, for the same period) and one line per section of an impact report.",
    input: z.strictObject({ period, audience: z.enum(AUDIENCE_VALUES).default('members') }),
    output: z.object({ periodLabel: z.string(), headlines: z.array(headline), sections: z.array(sectionPreview) }),
  },
  'reports.impactPdf': {
    summary: 'A saved impact report as a PDF (cover, headline numbers, sections with vector charts), ready for file.saveAs.',
    input: z.strictObject({ id, pageSize: pageSize.default('A4'), today: isoDate.optional() }),
    output: savableFile.extend({ pages: z.number().int(), charts: z.number().int() }),
  },
  'reports.digest': {
    summary: 'An update digest for a period: what happened, what is coming, how to get involved (the digest screen’s preview).',
    input: z.strictObject({ period, audience: z.enum(AUDIENCE_VALUES).default('members'), getInvolvedMd: longText(NARRATIVE_MAX, 'How to get involved').default(''), title: text(200, 'Title').default('') }),
    output: digest,
  },
  'reports.digestExport': {
    summary: 'A saved digest as a PDF, or as HTML (inline styles) or Markdown ready to paste into an email.',
    input: z.strictObject({ id, format: z.enum(DIGEST_FORMAT_VALUES, { message: 'Choose PDF, HTML or Markdown.' }), pageSize: pageSize.default('A4') }),
    output: savableFile.extend({ pages: z.number().int().nullable() }),
  },
} as const;
