import type { z } from 'zod';
import { AppError, type FieldIssue } from './errors';

// Shared by the backend (every RPC input) and the shell (its own methods), so a bad value reads
// the same wherever it is caught.

/** Turns a zod failure into a validation error that names every field at fault. */
export function validationError(method: string, error: z.ZodError, what: 'input' | 'output'): AppError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const summary = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'invalid value';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  if (what === 'output') {
    return new AppError('internal', `${method} produced an invalid result: ${summary}${more}`, { issues });
  }
  return new AppError('validation', `Invalid input for ${method}: ${summary}${more}`, { issues });
}
