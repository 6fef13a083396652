import { AppError, type RpcErrorPayload } from '@shared/errors';

/** What a coordinator reads when SQLite finds a damaged page (at open, or later on an unlucky read). */
export const DAMAGED_MESSAGE =
  'The workspace file is damaged: part of it cannot be read, and nothing was changed. Restore the newest backup of this workspace (the damaged file is left as it is, so what can still be read is not lost).';

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

/**
 * Maps anything thrown during a call to the payload that crosses the boundary. Expected
 * failures keep their code; SQLite's damaged-file, disk and lock errors become workspace errors; anything
 * else is internal, with the message but never the stack.
 */
export function toErrorPayload(error: unknown): RpcErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  const sqliteCode = typeof (error as SqliteLikeError | null)?.code === 'string' ? String((error as SqliteLikeError).code) : '';
  if (sqliteCode.startsWith('SQLITE_CORRUPT') || sqliteCode.startsWith('SQLITE_NOTADB')) {
    return { code: 'workspace', message: DAMAGED_MESSAGE, details: { sqliteCode } };
  }
  // Inputs arrive parsed, so the backend only parses JSON it stored itself (list fields, the change
  // log): JSON that no longer parses, in JavaScript or in SQLite's json functions, is damage
  // inside a record, which SQLite's page checks cannot see.
  if ((error instanceof SyntaxError && /JSON/.test(error.message)) || (sqliteCode === 'SQLITE_ERROR' && /malformed JSON/i.test(String((error as SqliteLikeError).message)))) {
    return { code: 'workspace', message: DAMAGED_MESSAGE, details: { damagedRecord: true } };
  }
  if (sqliteCode.startsWith('SQLITE_FULL')) {
    return { code: 'workspace', message: 'The disk is full: the change was not saved. Free some space and try again.' };
  }
  if (sqliteCode.startsWith('SQLITE_IOERR') || sqliteCode.startsWith('SQLITE_READONLY')) {
    return {
      code: 'workspace',
      message: 'The workspace file could not be written (is the disk full, or the drive gone?): the change was not saved.',
      details: { sqliteCode },
    };
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
