import { z } from 'zod';

// Building blocks shared by the domain contracts.

export const id = z.uuid({ message: 'Must be a record id (UUID).' });

/** A calendar date as YYYY-MM-DD, checked to be a real date. */
export const isoDate = z.iso.date({ message: 'Use a date in the form YYYY-MM-DD.' });

/** An instant as an ISO-8601 timestamp (what the backend stamps on records). */
export const timestamp = z.string();

/** "Mission is missing." rather than zod's generic "expected string, received undefined". */
function textTypeError(label: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? `${label} is missing.` : `${label} must be text.`) };
}

// Control characters and invalid Unicode. Single-line text turns tabs and line breaks (a pasted or
// imported multi-line address) into spaces and refuses every other C0/C1 control character; long
// text keeps tabs and line breaks. Both refuse lone UTF-16 surrogates (half an emoji: invalid
// Unicode that SQLite would store as replacement characters, and JSON encoders may choke on).
const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const LONG_TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function cleanText(value: string, control: RegExp, label: string, ctx: z.core.$RefinementCtx<string>): void {
  if (LONE_SURROGATE.test(value)) {
    ctx.addIssue({ code: 'custom', message: `${label} contains invalid Unicode (half of a character pair); retype or paste it again.`, input: value });
    return;
  }
  const found = control.exec(value);
  if (found) ctx.addIssue({ code: 'custom', message: `${label} contains a control character (${codePoint(found[0])}); remove it.`, input: value });
}

/**
 * The single-line rules for a string schema with its own format (email, website): no control
 * characters, no lone surrogates. `.superRefine(singleLineClean('Email'))`.
 */
export function singleLineClean(label: string) {
  return (value: string, ctx: z.core.$RefinementCtx<string>): void => cleanText(value, SINGLE_LINE_CONTROL, label, ctx);
}

/** Trimmed single-line text with a length limit; empty is allowed unless `min` is set. */
export function text(max: number, label: string, min = 0) {
  return z
    .string(textTypeError(label))
    .overwrite((value) => value.replace(/[\t\r\n]+/g, ' '))
    .trim()
    .min(min, { message: min === 1 ? `${label} is required.` : `${label} needs at least ${min} characters.` })
    .max(max, { message: `${label} must be at most ${max} characters.` })
    .superRefine((value, ctx) => cleanText(value, SINGLE_LINE_CONTROL, label, ctx));
}

/** Long free text (markdown allowed) with a length limit; tabs and line breaks are kept. */
export function longText(max: number, label: string) {
  return z
    .string(textTypeError(label))
    .max(max, { message: `${label} must be at most ${max.toLocaleString('en')} characters.` })
    .superRefine((value, ctx) => cleanText(value, LONG_TEXT_CONTROL, label, ctx));
}

export const emptyInput = z.strictObject({});

/**
 * The most values one list filter takes (any of these stages, tags, districts…). A filter is a
 * handful of values picked in the UI; this bound keeps a hostile list from becoming a query with
 * more SQL variables than SQLite allows (an internal error instead of a clear refusal).
 */
export const MAX_FILTER_VALUES = 200;

/** A text value in a filter (a tag, a district…): saved with views, so held to the single-line rules. */
export function filterText(max: number, label = 'A filter value') {
  return z.string().max(max).superRefine(singleLineClean(label));
}

/** A list filter's values: any of them matches. */
export function filterValues<T extends z.ZodType>(value: T) {
  return z.array(value).max(MAX_FILTER_VALUES, { message: `A filter takes at most ${MAX_FILTER_VALUES} values.` });
}
