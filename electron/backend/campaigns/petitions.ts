import { randomUUID } from 'node:crypto';
import type { Petition, PetitionInput, PetitionSummary } from '@shared/campaigns/contract';
import type { CallContext } from '../rpc/handlers';
import { notFound, requireIds, type Db } from './common';

// Petitions: a target (an official and/or words), a signature goal, and the signature total
// recorded over time (one count per day; the latest is the progress), delivered on a day.

function petitionsQuery(ctx: Db) {
  return ctx.db
    .selectFrom('petitions as p')
    .innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
    .leftJoin('officials as o', 'o.id', 'p.target_official_id')
    .selectAll('p')
    .select([
      'c.name as campaign_name',
      'o.name as official_name',
      (eb) =>
        eb
          .selectFrom('petition_counts as n')
          .select('n.signatures')
          .whereRef('n.petition_id', '=', 'p.id')
          .orderBy('n.counted_on', 'desc')
          .limit(1)
          .as('signatures'),
    ]);
}

type PetitionRow = Awaited<ReturnType<ReturnType<typeof petitionsQuery>['execute']>>[number];

function toSummary(row: PetitionRow): PetitionSummary {
  const signatures = Number(row.signatures ?? 0);
  return {
    id: row.id,
    campaign: { id: row.campaign_id, name: row.campaign_name },
    title: row.title,
    targetOfficial: row.target_official_id ? { id: row.target_official_id, name: row.official_name ?? '' } : null,
    targetText: row.target_text,
    goal: row.goal,
    launchedOn: row.launched_on,
    deliveredOn: row.delivered_on,
    signatures,
    progress: signatures / row.goal,
  };
}

export async function listPetitions(ctx: Db, input: { campaignId?: string | undefined }): Promise<PetitionSummary[]> {
  let query = petitionsQuery(ctx);
  if (input.campaignId) query = query.where('p.campaign_id', '=', input.campaignId);
  return (await query.orderBy('p.created_at', 'desc').orderBy('p.id').execute()).map(toSummary);
}

export async function getPetition(ctx: Db, id: string): Promise<Petition> {
  const row = await petitionsQuery(ctx).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('petitions', id);
  const counts = await ctx.db.selectFrom('petition_counts').select(['id', 'counted_on', 'signatures']).where('petition_id', '=', id).orderBy('counted_on').execute();
  return { ...toSummary(row), description: row.description, counts: counts.map((c) => ({ id: c.id, on: c.counted_on, signatures: c.signatures })) };
}

export async function savePetition(ctx: CallContext, input: PetitionInput): Promise<Petition> {
  await requireIds(ctx, 'campaigns', [input.campaignId], 'campaignId');
  if (input.targetOfficialId) await requireIds(ctx, 'officials', [input.targetOfficialId], 'targetOfficialId');
  const fields = {
    campaign_id: input.campaignId,
    title: input.title,
    target_official_id: input.targetOfficialId,
    target_text: input.targetText,
    goal: input.goal,
    launched_on: input.launchedOn,
    delivered_on: input.deliveredOn,
    description: input.description,
    updated_at: ctx.now,
  };
  const id = input.id ?? randomUUID();
  if (input.id) {
    if (!(await ctx.write.update('petitions', id, fields))) throw notFound('petitions', id);
  } else {
    await ctx.write.insert('petitions', { id, ...fields, created_at: ctx.now });
  }
  return getPetition(ctx, id);
}

export async function deletePetition(ctx: CallContext, id: string): Promise<{ deleted: true }> {
  await getPetition(ctx, id);
  await ctx.write.removeMany('petition_counts', await ctx.db.selectFrom('petition_counts').selectAll().where('petition_id', '=', id).execute());
  await ctx.write.remove('petitions', id);
  return { deleted: true };
}

/** The total on a day; a second count for the same day replaces the first. */
export async function recordCount(ctx: CallContext, input: { petitionId: string; on: string; signatures: number }): Promise<Petition> {
  await requireIds(ctx, 'petitions', [input.petitionId], 'petitionId');
  const same = await ctx.db.selectFrom('petition_counts').select('id').where('petition_id', '=', input.petitionId).where('counted_on', '=', input.on).executeTakeFirst();
  if (same) await ctx.write.update('petition_counts', same.id, { signatures: input.signatures });
  else await ctx.write.insert('petition_counts', { id: randomUUID(), petition_id: input.petitionId, counted_on: input.on, signatures: input.signatures });
  return getPetition(ctx, input.petitionId);
}

export async function removeCount(ctx: CallContext, id: string): Promise<Petition> {
  const row = await ctx.db.selectFrom('petition_counts').select('petition_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('petition_counts', id);
  await ctx.write.remove('petition_counts', id);
  return getPetition(ctx, row.petition_id);
}
