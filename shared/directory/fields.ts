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

export const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};
