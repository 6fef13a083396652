import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { OfficialAction, Stance, StanceRow } from '@shared/policy/contract';
import type { CallContext } from '../rpc/handlers';
import { requireIds, type Db } from './common';

// Stances: every statement an official makes on a campaign or a bill is a row, so the history is
// visible; the current stance on a subject is its latest row by date (then by when it was
// recorded). Actions (sponsored, voted yes / no, absent…) are dated rows too: the scorecard's.

function stanceQuery(ctx: Db) {
  return ctx.db
    .selectFrom('stances as s')
    .innerJoin('officials as o', 'o.id', 's.official_id')
    .leftJoin('campaigns as c', 'c.id', 's.campaign_id')
    .leftJoin('bills as b', 'b.id', 's.bill_id')
    .select([
      's.id',
      's.official_id',
      'o.name as official_name',
      's.campaign_id',
      'c.name as campaign_name',
      's.bill_id',
      'b.identifier',
      'b.title as bill_title',
      's.stance',
      's.stated_on',
      's.evidence',
      's.recorded_by',
      's.created_at',
    ]);
}

type StanceQueryRow = Awaited<ReturnType<ReturnType<typeof stanceQuery>['execute']>>[number];

function toStance(r: StanceQueryRow): StanceRow {
  return {
    id: r.id,
    officialId: r.official_id,
    officialName: r.official_name,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    billId: r.bill_id,
    billLabel: r.identifier === null ? null : `${r.identifier} ${r.bill_title ?? ''}`.trim(),
    stance: r.stance as Stance,
    statedOn: r.stated_on,
    evidence: r.evidence,
    recordedBy: r.recorded_by,
  };
}

/** Stances of an official, a bill or a campaign, newest first (by date, then by when recorded). */
export async function stanceHistory(ctx: Db, of: { officialId?: string; billId?: string; campaignId?: string }): Promise<StanceRow[]> {
  let query = stanceQuery(ctx);
  if (of.officialId) query = query.where('s.official_id', '=', of.officialId);
  if (of.billId) query = query.where('s.bill_id', '=', of.billId);
  if (of.campaignId) query = query.where('s.campaign_id', '=', of.campaignId);
  const rows = await query.orderBy('s.stated_on', 'desc').orderBy('s.created_at', 'desc').orderBy('s.rowid' as never, 'desc').execute();
  return rows.map(toStance);
}

/** The latest stance per official and subject from a newest-first history. */
export function currentStances(history: readonly StanceRow[]): StanceRow[] {
  const seen = new Set<string>();
  return history.filter((s) => {
    const key = `${s.officialId}|${s.campaignId ?? ''}|${s.billId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function recordStance(
  ctx: CallContext,
  input: { officialId: string; campaignId: string | null; billId: string | null; stance: Stance; statedOn: string; evidence: string; recordedBy: string },
): Promise<StanceRow> {
  await requireIds(ctx, 'officials', [input.officialId], 'officialId');
  await requireIds(ctx, 'campaigns', [input.campaignId], 'campaignId');
  await requireIds(ctx, 'bills', [input.billId], 'billId');
  const id = randomUUID();
  await ctx.write.insert('stances', {
    id,
    official_id: input.officialId,
    campaign_id: input.campaignId,
    bill_id: input.billId,
    stance: input.stance,
    stated_on: input.statedOn,
    evidence: input.evidence,
    recorded_by: input.recordedBy.trim() === '' ? ctx.actor : input.recordedBy,
    created_at: ctx.now,
  });
  return toStance((await stanceQuery(ctx).where('s.id', '=', id).executeTakeFirstOrThrow()));
}

export async function deleteStance(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('stances', id))) throw new AppError('not_found', `Stance ${id} does not exist (it may have been deleted).`, { issues: [{ path: 'id', message: 'This stance does not exist.' }] });
  return { deleted: true };
}

export async function recordAction(ctx: CallContext, input: { officialId: string; billId: string; action: OfficialAction; actedOn: string; note: string }): Promise<{ id: string }> {
  await requireIds(ctx, 'officials', [input.officialId], 'officialId');
  await requireIds(ctx, 'bills', [input.billId], 'billId');
  const id = randomUUID();
  await ctx.write.insert('official_actions', { id, official_id: input.officialId, bill_id: input.billId, action: input.action, acted_on: input.actedOn, note: input.note });
  return { id };
}

export async function deleteAction(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  if (!(await ctx.write.remove('official_actions', id))) {
    throw new AppError('not_found', `Recorded action ${id} does not exist (it may have been deleted).`, { issues: [{ path: 'id', message: 'This action does not exist.' }] });
  }
  return { deleted: true };
}
