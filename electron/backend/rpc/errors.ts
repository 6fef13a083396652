import type { z } from 'zod';
import { AppError, type FieldIssue, type RpcErrorPayload } from '@shared/errors';

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

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

/**
 * Maps anything thrown during a call to the payload that crosses the boundary. Expected
 * failures keep their code; SQLite's disk and lock errors become workspace errors; anything
 * else is internal, with the message but never the stack.
 */
export function toErrorPayload(error: unknown): RpcErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  const sqliteCode = typeof (error as SqliteLikeError | null)?.code === 'string' ? String((error as SqliteLikeError).code) : '';
  if (sqliteCode.startsWith('SQLITE_FULL')) {
    return { code: 'workspace', message: 'The disk is full: the change was not saved. Free some space and try again.' };
  }
  if (sqliteCode.startsWith('SQLITE_IOERR') || sqliteCode.startsWith('SQLITE_READONLY')) {
    return { code: 'workspace', message: 'The workspace file could not be written: the change was not saved.', details: { sqliteCode } };
  }
  if (sqliteCode.startsWith('SQLITE_BUSY') || sqliteCode.startsWith('SQLITE_LOCKED')) {
    return { code: 'workspace', message: 'The workspace is busy (is it open in another window?). Try again in a moment.' };
  }
  if (sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'conflict', message: 'The change conflicts with data already in the workspace.', details: { sqliteCode } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something went wrong inside Coalition Desk: ${message}` };
}
