import type { AppError } from '@shared/errors';
import type { CallContext } from '../rpc/handlers';
import { missing } from '../structure/common';

// Record checks the campaigns services share: a reference that does not exist (deleted
// meanwhile) is a not_found error on the form's field, never a foreign-key failure.

export type Db = Pick<CallContext, 'db'>;

type Checked = 'campaigns' | 'organizations' | 'officials' | 'charter_goal' | 'working_groups' | 'petitions' | 'public_events' | 'key_messages' | 'grassroots_actions' | 'petition_counts' | 'campaign_participants';

const NOUNS: Record<Checked, string> = {
  campaigns: 'Campaign',
  organizations: 'Organization',
  officials: 'Official',
  charter_goal: 'Charter goal',
  working_groups: 'Working group',
  petitions: 'Petition',
  public_events: 'Public event',
  key_messages: 'Key message',
  grassroots_actions: 'Grassroots count',
  petition_counts: 'Signature count',
  campaign_participants: 'Campaign partner',
};

/** Refuses ids that do not exist in `table`, naming the field. */
export async function requireIds(ctx: Db, table: Checked, ids: readonly string[], path: string): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = new Set((await ctx.db.selectFrom(table).select('id').where('id', 'in', wanted).execute()).map((row) => row.id));
  const absent = wanted.find((id) => !found.has(id));
  if (absent !== undefined) throw missing(NOUNS[table], absent, path);
}

export function notFound(table: Checked, id: string, path = 'id'): AppError {
  return missing(NOUNS[table], id, path);
}
