import type { CallContext } from '../rpc/handlers';

// How the metrics domain's rows follow the directory and the charter, through the Writer (so undo
// brings them back): a goal leaving the charter draft, an organization deleted or merged.

/** Before a goal leaves the charter draft: the metrics that measured it are no longer linked to a goal. */
export async function unlinkMetricGoal(ctx: CallContext, goalId: string): Promise<void> {
  const rows = await ctx.db.selectFrom('metrics').selectAll().where('goal_id', '=', goalId).execute();
  await ctx.write.updateMany('metrics', rows.map((before) => ({ before, patch: { goal_id: null, updated_at: ctx.now } })));
}

/** Before an organization is deleted: its survey responses go. */
export async function detachMetricsFrom(ctx: CallContext, organizationId: string): Promise<void> {
  await ctx.write.removeMany('survey_responses', await ctx.db.selectFrom('survey_responses').selectAll().where('organization_id', '=', organizationId).execute());
}

/** A merge: the merged organization's responses become the survivor's, except in a round the survivor answered (deleted). */
export async function moveMetricRows(ctx: CallContext, mergedId: string, survivorId: string): Promise<void> {
  const answered = new Set((await ctx.db.selectFrom('survey_responses').select('round_id').where('organization_id', '=', survivorId).execute()).map((r) => r.round_id));
  const rows = await ctx.db.selectFrom('survey_responses').selectAll().where('organization_id', '=', mergedId).execute();
  await ctx.write.removeMany('survey_responses', rows.filter((r) => answered.has(r.round_id)));
  await ctx.write.updateMany(
    'survey_responses',
    rows.filter((r) => !answered.has(r.round_id)).map((before) => ({ before, patch: { organization_id: survivorId, updated_at: ctx.now } })),
  );
}
