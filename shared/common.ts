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

/** Trimmed single-line text with a length limit; empty is allowed unless `min` is set. */
export function text(max: number, label: string, min = 0) {
  return z
    .string(textTypeError(label))
    .trim()
    .min(min, { message: min === 1 ? `${label} is required.` : `${label} needs at least ${min} characters.` })
    .max(max, { message: `${label} must be at most ${max} characters.` });
}

/** Long free text (markdown allowed) with a length limit. */
export function longText(max: number, label: string) {
  return z.string(textTypeError(label)).max(max, { message: `${label} must be at most ${max.toLocaleString('en')} characters.` });
}

export const emptyInput = z.strictObject({});
