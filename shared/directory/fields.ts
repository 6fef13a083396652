import { z } from 'zod';
import { singleLineClean, text } from '../common';

// Field building blocks shared by organizations and people.

export const MAX_LIST_ITEMS = 50;

/** A list of short labels (tags, regions, issue areas…): trimmed, no blanks, no repeats. */
export function labelList(label: string, max = MAX_LIST_ITEMS) {
  return z
    .array(text(100, label, 1), { message: `${label}s must be a list.` })
    .max(max, { message: `At most ${max} ${label.toLowerCase()}s.` })
    .transform((items) => [...new Set(items)]);
}

export const email = z
  .string({ message: 'Email must be text.' })
  .trim()
  .max(254, { message: 'Email must be at most 254 characters.' })
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: 'Enter an email like name@example.org.' })
  .superRefine(singleLineClean('Email'));

export const phone = z
  .string({ message: 'Phone must be text.' })
  .trim()
  .max(40, { message: 'Phone must be at most 40 characters.' })
  .refine((v) => v === '' || /^[+()\d\s.\-/x]{3,}$/i.test(v), { message: 'A phone number uses digits, spaces and + ( ) - . only.' });

export const website = z
  .string({ message: 'Website must be text.' })
  .trim()
  .max(500, { message: 'Website must be at most 500 characters.' })
  .refine((v) => v === '' || /^(https?:\/\/)?[^\s/]+\.[^\s]+$/i.test(v), { message: 'Enter a web address like example.org.' })
  .superRefine(singleLineClean('Website'));

export const sortDirection = z.enum(['asc', 'desc']);

/** Sorting by a custom field: `cf:<field id>`, the same key as the field's table column. */
export type CustomSortField = `cf:${string}`;
const CUSTOM_SORT_FIELD = /^cf:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The custom field a sort field names, or null for a built-in field. */
export function customSortFieldId(field: string): string | null {
  return CUSTOM_SORT_FIELD.test(field) ? field.slice(3) : null;
}

/**
 * A list's sort: one of the built-in `fields` or a custom field (`cf:<field id>`; the backend
 * refuses a field that does not exist or belongs to the other entity), and a direction.
 */
export function sortSpec<const F extends readonly [string, ...string[]]>(fields: F) {
  const names = new Set<string>(fields);
  const message = `Sort by ${fields.join(', ')} or a custom field (cf:<field id>).`;
  // A plain string schema checked by a refinement (typed as the names it accepts), so the contract's
  // tools that walk schemas see an ordinary string.
  const field = z
    .string({ message })
    .refine((value) => names.has(value) || CUSTOM_SORT_FIELD.test(value), { message }) as unknown as z.ZodType<F[number] | CustomSortField>;
  return z.strictObject({ field, direction: sortDirection });
}

export const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};
