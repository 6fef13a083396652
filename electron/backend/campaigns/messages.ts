import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Audience, Fact, KeyMessage, MessageInput } from '@shared/campaigns/contract';
import type { Database } from '../db/schema';
import type { CallContext } from '../rpc/handlers';
import type { KeyMessagesTable } from './tables';
import { notFound, requireIds, type Db } from './common';

// Key messages per campaign and audience. A message is a draft until someone approves it; only
// approved messages flow into documents (approvedMessages). Changing an approved message's
// content (headline, message, talking points, facts, audience) returns it to draft, so nothing
// unapproved is ever printed under an old approval.

export function toMessage(row: KeyMessagesTable): KeyMessage {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    audience: row.audience as Audience,
    title: row.title,
    message: row.message,
    talkingPoints: JSON.parse(row.talking_points_json) as string[],
    facts: JSON.parse(row.facts_json) as Fact[],
    status: row.status === 'approved' ? 'approved' : 'draft',
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    updatedAt: row.updated_at,
  };
}

export async function messagesOf(ctx: Db, campaignId: string): Promise<KeyMessage[]> {
  const rows = await ctx.db
    .selectFrom('key_messages')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute();
  return sortMessages(rows).map(toMessage);
}

/** Policymakers, media, public, members; oldest first within an audience. */
function sortMessages(rows: KeyMessagesTable[]): KeyMessagesTable[] {
  const rank = { policymakers: 0, media: 1, public: 2, members: 3 } as Record<string, number>;
  return [...rows].sort((a, b) => (rank[a.audience] ?? 9) - (rank[b.audience] ?? 9) || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
}

async function requireMessage(ctx: Db, id: string): Promise<KeyMessagesTable> {
  const row = await ctx.db.selectFrom('key_messages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('key_messages', id);
  return row;
}

export async function saveMessage(ctx: CallContext, input: MessageInput): Promise<KeyMessage> {
  await requireIds(ctx, 'campaigns', [input.campaignId], 'campaignId');
  const content = {
    campaign_id: input.campaignId,
    audience: input.audience,
    title: input.title,
    message: input.message,
    talking_points_json: JSON.stringify(input.talkingPoints),
    facts_json: JSON.stringify(input.facts),
  };
  if (!input.id) {
    const id = randomUUID();
    await ctx.write.insert('key_messages', { id, ...content, status: 'draft', approved_by: null, approved_at: null, created_at: ctx.now, updated_at: ctx.now });
    return toMessage(await requireMessage(ctx, id));
  }
  const before = await requireMessage(ctx, input.id);
  const changed = (Object.keys(content) as (keyof typeof content)[]).some((key) => before[key] !== content[key]);
  const backToDraft = changed && before.status === 'approved' ? { status: 'draft', approved_by: null, approved_at: null } : {};
  await ctx.write.update('key_messages', input.id, { ...content, ...backToDraft, updated_at: ctx.now });
  return toMessage(await requireMessage(ctx, input.id));
}

/** Approves by the name given, or by the coordinator making the call. */
export async function approveMessage(ctx: CallContext, id: string, approvedBy: string): Promise<KeyMessage> {
  await requireMessage(ctx, id);
  const by = approvedBy || ctx.actor || 'the coordinator';
  await ctx.write.update('key_messages', id, { status: 'approved', approved_by: by, approved_at: ctx.now, updated_at: ctx.now });
  return toMessage(await requireMessage(ctx, id));
}

export async function reopenMessage(ctx: CallContext, id: string): Promise<KeyMessage> {
  await requireMessage(ctx, id);
  await ctx.write.update('key_messages', id, { status: 'draft', approved_by: null, approved_at: null, updated_at: ctx.now });
  return toMessage(await requireMessage(ctx, id));
}

export async function deleteMessage(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('key_messages', id))) throw notFound('key_messages', id);
  return { deleted: true };
}

/**
 * The approved key messages of some campaigns (for one audience, or all), for documents: the
 * briefing packet and reports print only these. Drafts never come back.
 */
export async function approvedMessages(db: Kysely<Database>, campaignIds: readonly string[], audience?: Audience): Promise<KeyMessage[]> {
  if (campaignIds.length === 0) return [];
  let query = db.selectFrom('key_messages').selectAll().where('status', '=', 'approved').where('campaign_id', 'in', [...new Set(campaignIds)]);
  if (audience) query = query.where('audience', '=', audience);
  return sortMessages(await query.execute()).map(toMessage);
}
