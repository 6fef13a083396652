import { AppError } from '@shared/errors';
import type { MeetingsTable } from '../db/schema';
import type { CallContext } from '../rpc/handlers';

export type Db = Pick<CallContext, 'db'>;

/** Ids per `in (…)` list, well under SQLite's limit on bound variables. */
const IN_CHUNK = 500;

export function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** Instants are stored as `Date#toISOString()` so they compare as text. */
export function normalInstant(value: string): string {
  return new Date(value).toISOString();
}

/** The calendar date of an instant in a time zone (YYYY-MM-DD): "as of the meeting's day". */
export function localDate(instant: string, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

export function meetingNotFound(id: string, path = 'id'): AppError {
  return new AppError('not_found', `Meeting ${id} does not exist (it may have been deleted).`, { issues: [{ path, message: 'This meeting does not exist.' }] });
}

export async function requireMeetingRow(ctx: Db, id: string, path = 'id'): Promise<MeetingsTable> {
  const row = await ctx.db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw meetingNotFound(id, path);
  return row;
}

/** Refuses ids of people that do not exist, naming the field. */
export async function requirePeople(ctx: Db, ids: readonly string[], path: string): Promise<void> {
  const wanted = [...new Set(ids)];
  const found = new Set<string>();
  for (const batch of chunks(wanted)) {
    for (const row of await ctx.db.selectFrom('people').select('id').where('id', 'in', batch).execute()) found.add(row.id);
  }
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const more = missing.length > 1 ? ` (and ${missing.length - 1} more)` : '';
    throw new AppError('not_found', `Person ${missing[0]} does not exist (they may have been deleted)${more}.`, {
      issues: [{ path, message: 'This person does not exist.' }],
    });
  }
}
