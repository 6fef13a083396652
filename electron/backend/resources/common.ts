import type { Kysely } from 'kysely';
import type { AppError } from '@shared/errors';
import type { Party } from '@shared/resources/contract';
import { chunks } from '../meetings/common';
import type { CallContext } from '../rpc/handlers';
import { fieldError, missing } from '../structure/common';

// Helpers the resources and capacity services share: record checks that name the field, and the
// names of the organizations and people a row points at.

export type Db = Pick<CallContext, 'db'>;
export { fieldError, missing };

type Named = 'people' | 'organizations' | 'campaigns' | 'meetings' | 'fundraising_campaigns' | 'public_events';
const NOUNS: Record<Named, string> = {
  people: 'Person',
  organizations: 'Organization',
  campaigns: 'Campaign',
  meetings: 'Meeting',
  fundraising_campaigns: 'Fundraising campaign',
  public_events: 'Public event',
};

/** Refuses an id of a record that does not exist, naming the field (null passes). */
export async function requireRow(ctx: Db, table: Named, id: string | null, path: string): Promise<void> {
  if (id === null) return;
  // The tables differ in columns; every one has a text id.
  const row = await (ctx.db as unknown as Kysely<Record<string, { id: string }>>)
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw missing(NOUNS[table], id, path);
}

/** The names of organizations or people by id. */
export async function namesOf(ctx: Db, table: 'people' | 'organizations', ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((v): v is string => v !== null))];
  const names = new Map<string, string>();
  for (const batch of chunks(wanted)) {
    for (const row of await ctx.db.selectFrom(table).select(['id', 'name']).where('id', 'in', batch).execute()) names.set(row.id, row.name);
  }
  return names;
}

export interface Names {
  organizations: Map<string, string>;
  people: Map<string, string>;
}

export async function namesFor(ctx: Db, rows: readonly { organizationId: string | null; personId: string | null }[]): Promise<Names> {
  return {
    organizations: await namesOf(ctx, 'organizations', rows.map((r) => r.organizationId)),
    people: await namesOf(ctx, 'people', rows.map((r) => r.personId)),
  };
}

/** A party with its display name: the organization's, the person's, or the typed name. */
export function partyOf(names: Names, organizationId: string | null, personId: string | null, name = ''): Party {
  if (organizationId) return { organizationId, personId: null, name: names.organizations.get(organizationId) ?? name };
  if (personId) return { organizationId: null, personId, name: names.people.get(personId) ?? name };
  return { organizationId: null, personId: null, name };
}

export function notFound(noun: string, id: string): AppError {
  return missing(noun, id);
}

export function today(ctx: Pick<CallContext, 'now'>): string {
  return ctx.now.slice(0, 10);
}
