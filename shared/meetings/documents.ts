import { z } from 'zod';
import { id } from '../common';
import { savableFile } from '../files/contract';
import { pageSize } from '../pdf';
import { MEETING_TYPE_VALUES, meetingsContract, timeZone } from './contract';

// Meeting documents: calendar files (.ics) out and in, and the one-page meeting summary PDF.
// Files come back ready for file.saveAs (name, type, encoding, content), like the directory's export.

/** The most events one calendar file may hold, out or in (a calendar read's limit too). */
export const MAX_ICS_EVENTS = 2000;
/** The largest calendar file read (characters): a year of a busy coalition's calendar is a few hundred KB. */
export const MAX_ICS_CHARS = 4 * 1024 * 1024;

export const icsExportInput = z.union(
  [
    z.strictObject({ meetingId: id }),
    // The calendar's filters (range, types, working group), as meetings.range takes them.
    meetingsContract['meetings.range'].input,
  ],
  { message: 'Export one meeting (meetingId) or the meetings of a date range (from, to).' },
);
export type IcsExportInput = z.infer<typeof icsExportInput>;

export const icsImportInput = z.strictObject({
  content: z
    .string({ message: 'The calendar file is missing.' })
    .min(1, { message: 'The calendar file is empty.' })
    .max(MAX_ICS_CHARS, { message: `The calendar file is larger than ${MAX_ICS_CHARS / 1024 / 1024} MB; export a shorter date range.` }),
  /** Where times without a zone (floating, all-day) are placed: the coordinator's own zone. */
  defaultTimeZone: timeZone,
  /** false: only read the file and show what would be created. true: create the meetings (one undo step). */
  create: z.boolean().default(false),
});
export type IcsImportInput = z.infer<typeof icsImportInput>;

export const icsImportEvent = z.object({
  /** The event's place in the file (1 = first). */
  position: z.number().int(),
  title: z.string(),
  type: z.enum(MEETING_TYPE_VALUES),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  location: z.string(),
  videoUrl: z.string(),
  cancelled: z.boolean(),
  workingGroupName: z.string().nullable(),
  /** The organizer, when their email address is a person's in the directory. */
  organizerName: z.string().nullable(),
  /** Attendees in the file, and how many of them are people in the directory (those get invited). */
  attendees: z.number().int(),
  matchedPeople: z.number().int(),
  /** A meeting already in the workspace that this event is (same calendar id, or same title and start): not created again. */
  duplicateOf: id.nullable(),
  /** What was assumed or left out (all-day, repeating, a zone guessed, a long title cut…). */
  notes: z.array(z.string()),
});
export type IcsImportEvent = z.infer<typeof icsImportEvent>;

export const icsImportProblem = z.object({ position: z.number().int(), title: z.string(), message: z.string() });

export const meetingDocumentsContract = {
  'meetings.exportIcs': {
    summary: 'One meeting, or the meetings of a date range (types, working group), as an .ics calendar file ready for file.saveAs.',
    input: icsExportInput,
    output: savableFile.extend({ meetings: z.number().int() }),
  },
  'meetings.importIcs': {
    summary: 'Read an .ics file into meetings: a preview with problems per event; with create, the meetings are created (one undo step).',
    input: icsImportInput,
    output: z.object({
      events: z.array(icsImportEvent),
      problems: z.array(icsImportProblem),
      /** Ids of the meetings created (empty in a preview). */
      created: z.array(id),
    }),
  },
  'meetings.summaryPdf': {
    summary: "A meeting's summary (agenda, attendance, decisions, action items) as a PDF ready for file.saveAs.",
    input: z.strictObject({ meetingId: id, pageSize: pageSize.default('A4') }),
    output: savableFile.extend({ pages: z.number().int() }),
  },
} as const;
