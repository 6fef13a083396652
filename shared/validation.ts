import type { z } from 'zod';
import { AppError, type FieldIssue } from './errors';

// Shared by the backend (every RPC input) and the shell (its own methods), so a bad value reads
// the same wherever it is caught.

/**
 * Field issues sent back with one error: a form shows a handful, and a hostile 100k-item list must
 * not come back as 100k issues (megabytes over IPC). The message still counts them all.
 */
export const MAX_REPORTED_ISSUES = 100;

/** A message may quote the value at fault (“… is listed twice.”): a 5 MB value is cut to this many characters. */
export const MAX_ISSUE_MESSAGE = 300;

function bounded(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Turns a zod failure into a validation error that names every field at fault (the first MAX_REPORTED_ISSUES). */
export function validationError(method: string, error: z.ZodError, what: 'input' | 'output'): AppError {
  const issues: FieldIssue[] = error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({
    path: bounded(issue.path.map(String).join('.'), MAX_ISSUE_MESSAGE),
    message: bounded(issue.message, MAX_ISSUE_MESSAGE),
  }));
  const first = issues[0];
  const summary = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'invalid value';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  if (what === 'output') {
    return new AppError('internal', `${method} produced an invalid result: ${summary}${more}`, { issues });
  }
  return new AppError('validation', `Invalid input for ${method}: ${summary}${more}`, { issues });
}
