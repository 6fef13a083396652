import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { CallContext } from '../rpc/handlers';

export type Db = Pick<CallContext, 'db'>;

/** Ids per `in (…)` list, well under SQLite's limit on bound variables. */
export const IN_CHUNK = 500;

export function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

type Table = 'officials' | 'bills' | 'policy_bodies' | 'committees' | 'campaigns' | 'people' | 'organizations' | 'engagements' | 'official_staffers';

const NOUNS: Record<Table, string> = {
  officials: 'Official',
  bills: 'Bill',
  policy_bodies: 'Body',
  committees: 'Committee',
  campaigns: 'Campaign',
  people: 'Person',
  organizations: 'Organization',
  engagements: 'Engagement',
  official_staffers: 'Staffer',
};

export function notFound(table: Table, id: string, path: string): AppError {
  const noun = NOUNS[table];
  return new AppError('not_found', `${noun} ${id} does not exist (it may have been deleted).`, {
    issues: [{ path, message: `This ${noun.toLowerCase()} does not exist.` }],
  });
}

/** Refuses ids that do not exist in `table`, naming the field (`path`, or `path(index)` of the first missing one). */
export async function requireIds(ctx: Db, table: Table, ids: readonly (string | null | undefined)[], path: string | ((index: number) => string)): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return;
  const found = new Set<string>();
  for (const batch of chunks(wanted)) {
    const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} where id in (${sql.join(batch)})`.execute(ctx.db);
    for (const row of rows) found.add(row.id);
  }
  const index = ids.findIndex((id) => typeof id === 'string' && !found.has(id));
  if (index !== -1) throw notFound(table, ids[index] as string, typeof path === 'string' ? path : path(index));
}

export function bool(value: number | null | undefined): boolean {
  return value === 1;
}
