import type { DecisionRules, DecisionRulesInput } from '@shared/structure/contract';
import type { CallContext } from '../rpc/handlers';
import type { Db } from './common';

const RULES_ID = 'rules';

/** The coalition's decision rules (migration 007 seeds the one row). */
export async function getRules(ctx: Db): Promise<DecisionRules> {
  const row = await ctx.db.selectFrom('decision_rules').selectAll().where('id', '=', RULES_ID).executeTakeFirstOrThrow();
  return { quorumShare: row.quorum_share, ordinaryMajority: row.ordinary_majority, charterMajority: row.charter_majority, updatedAt: row.updated_at };
}

export async function saveRules(ctx: CallContext, input: DecisionRulesInput): Promise<DecisionRules> {
  await ctx.write.update('decision_rules', RULES_ID, {
    quorum_share: input.quorumShare,
    ordinary_majority: input.ordinaryMajority,
    charter_majority: input.charterMajority,
    updated_at: ctx.now,
  });
  return getRules(ctx);
}
