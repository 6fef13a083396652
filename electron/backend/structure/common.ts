import { AppError, type ErrorCode } from '@shared/errors';
import type { CallContext } from '../rpc/handlers';

// Helpers the structure services share: field-level errors, record checks and date arithmetic on
// ISO dates (YYYY-MM-DD, compared as text, counted in whole UTC days).

export type Db = Pick<CallContext, 'db'>;

/** An error a form shows on one field (details.issues), with the same sentence as its message. */
export function fieldError(code: ErrorCode, path: string, message: string): AppError {
  return new AppError(code, message, { issues: [{ path, message }] });
}

/** The not_found error for a record deleted meanwhile (or never there), on `path`. */
export function missing(noun: string, id: string, path = 'id'): AppError {
  return fieldError('not_found', path, `${noun} ${id} does not exist (it may have been deleted).`);
}

const NOUNS = { people: 'Person', organizations: 'Organization' } as const;

/** The record's name; a not_found error on `path` when it does not exist (deleted meanwhile). */
export async function requireName(ctx: Db, table: 'people' | 'organizations', id: string, path: string): Promise<string> {
  const row = await ctx.db.selectFrom(table).select('name').where('id', '=', id).executeTakeFirst();
  if (!row) throw missing(NOUNS[table], id, path);
  return row.name;
}

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** The call's date (its timestamp's day). */
export function callDate(ctx: Pick<CallContext, 'now'>): string {
  return ctx.now.slice(0, 10);
}

/** "2026-01-01 – 2026-12-31" or "from 2026-01-01" for an open-ended period. */
export function period(start: string, end: string | null): string {
  return end === null ? `from ${start}` : `${start} – ${end}`;
}

/** Items by key, in their order (Map.groupBy needs a newer Node than the one the tests run on). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
