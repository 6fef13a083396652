import { z } from 'zod';
import { id, isoDate } from '../common';
import { MAX_EXPORT_BYTES } from '../files/contract';
import { pageSize } from '../pdf';

// Legislator briefing packets (issue 5): one official's packet as a PDF, or a batch (a committee's
// members, a campaign's target officials, or a chosen list) made off the backend's thread by a pool
// of render workers and saved as one ZIP of one PDF per official. A batch is a job: startBatch
// gathers every packet's data in its own call (one consistent read) and answers at once; progress
// events (task `briefings:<jobId>`) follow while the workers render; batchResult hands the ZIP over.

/** The most officials one batch takes (a legislature's whole chamber fits; the ZIP stays under the save limit). */
export const MAX_BATCH_OFFICIALS = 1000;

/** The progress events' task name for a batch. */
export function batchTask(jobId: string): string {
  return `briefings:${jobId}`;
}

export const BATCH_SCOPE_KINDS = {
  committee: "A committee's members",
  campaign: "A campaign's target officials",
  officials: 'Chosen officials',
} as const;

export const batchScope = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('committee'), committeeId: id }),
    z.strictObject({ kind: z.literal('campaign'), campaignId: id }),
    z.strictObject({
      kind: z.literal('officials'),
      officialIds: z
        .array(id)
        .min(1, { message: 'Choose at least one official.' })
        .max(MAX_BATCH_OFFICIALS, { message: `A batch takes at most ${MAX_BATCH_OFFICIALS.toLocaleString('en')} officials; make several.` }),
    }),
  ],
  { message: 'Choose whose packets to make: a committee (committeeId), a campaign’s targets (campaignId) or officials (officialIds).' },
);
export type BatchScope = z.infer<typeof batchScope>;

const savableFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string().max(Math.ceil((MAX_EXPORT_BYTES * 4) / 3)),
});

export const BATCH_STATES = {
  rendering: 'Making the packets',
  done: 'Ready to save',
  cancelled: 'Cancelled',
  failed: 'Failed',
} as const;
export type BatchState = keyof typeof BATCH_STATES;
export const BATCH_STATE_VALUES = Object.keys(BATCH_STATES) as [BatchState, ...BatchState[]];

export const batchStatus = z.object({
  jobId: z.string(),
  state: z.enum(BATCH_STATE_VALUES),
  /** Packets finished (made or failed) and how many the batch has. */
  done: z.number().int(),
  total: z.number().int(),
  /** The ZIP's name when saved. */
  fileName: z.string(),
  /** Officials whose packet could not be made (the others are in the ZIP). */
  failed: z.array(z.object({ officialName: z.string(), message: z.string() })),
  /** Why the whole batch failed (state failed), else ''. */
  error: z.string(),
});
export type BatchStatus = z.infer<typeof batchStatus>;

const jobInput = z.strictObject({ jobId: id });

export const briefingsContract = {
  'briefings.packet': {
    summary: "One official's briefing packet (cover, the ask, their record, their district, who holds the relationship) as a PDF ready for file.saveAs.",
    input: z.strictObject({
      officialId: id,
      /** The day of the meeting the packet is for: which stories may be printed, what is still open. */
      day: isoDate,
      pageSize: pageSize.default('A4'),
    }),
    output: savableFile.extend({ pages: z.number().int() }),
  },
  'briefings.scope': {
    summary: 'The officials a batch would cover (a committee, a campaign’s targets or a list), in name order.',
    input: z.strictObject({ scope: batchScope }),
    output: z.object({
      label: z.string(),
      officials: z.array(z.object({ id, name: z.string(), title: z.string(), district: z.string() })),
    }),
  },
  'briefings.startBatch': {
    summary: 'Starts making the packets of a batch in the background; answers at once with the job id (progress events follow).',
    input: z.strictObject({ scope: batchScope, day: isoDate, pageSize: pageSize.default('A4') }),
    output: z.object({ jobId: id, total: z.number().int(), fileName: z.string() }),
  },
  'briefings.batchStatus': {
    summary: 'How far a batch has got.',
    input: jobInput,
    output: batchStatus,
  },
  'briefings.batchResult': {
    summary: 'A finished batch as one ZIP of one PDF per official, ready for file.saveAs.',
    input: jobInput,
    output: savableFile.extend({ packets: z.number().int(), failed: batchStatus.shape.failed }),
  },
  'briefings.cancelBatch': {
    summary: 'Stops a batch that is still being made (a finished one stays ready to save).',
    input: jobInput,
    output: batchStatus,
  },
} as const;
