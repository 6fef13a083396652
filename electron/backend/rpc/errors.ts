import { AppError, type RpcErrorPayload } from '@shared/errors';

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
