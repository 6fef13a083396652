import { z } from 'zod';

// Building blocks shared by the domain contracts.

export const id = z.uuid({ message: 'Must be a record id (UUID).' });

/** A calendar date as YYYY-MM-DD, checked to be a real date. */
export const isoDate = z.iso.date({ message: 'Use a date in the form YYYY-MM-DD.' });

/** An instant as an ISO-8601 timestamp (what the backend stamps on records). */
export const timestamp = z.string();

/** Trimmed single-line text with a length limit; empty is allowed unless `min` is set. */
export function text(max: number, label: string, min = 0) {
  return z
    .string()
    .trim()
    .min(min, { message: min === 1 ? `${label} is required.` : `${label} needs at least ${min} characters.` })
    .max(max, { message: `${label} must be at most ${max} characters.` });
}

/** Long free text (markdown allowed) with a length limit. */
export function longText(max: number, label: string) {
  return z.string().max(max, { message: `${label} must be at most ${max.toLocaleString('en')} characters.` });
}

export const emptyInput = z.strictObject({});
