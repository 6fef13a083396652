import type { policyContract } from '@shared/policy/contract';
import type { Handlers } from '../rpc/handlers';
import { createBill, deleteBill, deleteBillStatus, getBill, listBills, setBillStatus, updateBill } from './bills';
import { createBody, createCommittee, deleteBody, deleteCommittee, listBodies, listCommittees, updateBody, updateCommittee } from './bodies';
import { districtMatch } from './district';
import { createEngagement, deleteEngagement, engagementsOf, getEngagement, updateEngagement } from './engagements';
import { createOfficial, deleteOfficial, getOfficialDetail, listOfficials, listParties, setHolders, updateOfficial } from './officials';
import { exportScorecard, scorecardRows } from './scorecard';
import { deleteAction, deleteStance, recordAction, recordStance } from './stances';
import { campaignTargets, setCampaignTargets } from './targets';

type PolicyMethod = keyof typeof policyContract;

export const policyHandlers: Handlers<PolicyMethod> = {
  'policy.bodies.list': (_input, ctx) => listBodies(ctx),
  'policy.bodies.create': (input, ctx) => createBody(ctx, input),
  'policy.bodies.update': (input, ctx) => updateBody(ctx, input.id, input.body),
  'policy.bodies.delete': (input, ctx) => deleteBody(ctx, input.id),
  'policy.committees.list': (input, ctx) => listCommittees(ctx, input.bodyId),
  'policy.committees.create': (input, ctx) => createCommittee(ctx, input),
  'policy.committees.update': (input, ctx) => updateCommittee(ctx, input.id, input.committee),
  'policy.committees.delete': (input, ctx) => deleteCommittee(ctx, input.id),
  'policy.officials.list': (input, ctx) => listOfficials(ctx, input),
  'policy.officials.parties': (_input, ctx) => listParties(ctx),
  'policy.officials.get': (input, ctx) => getOfficialDetail(ctx, input.id),
  'policy.officials.create': (input, ctx) => createOfficial(ctx, input),
  'policy.officials.update': (input, ctx) => updateOfficial(ctx, input.id, input.official),
  'policy.officials.delete': (input, ctx) => deleteOfficial(ctx, input.id),
  'policy.officials.setHolders': (input, ctx) => setHolders(ctx, input),
  'policy.officials.districtMatch': (input, ctx) => districtMatch(ctx.db, input.id, input.limit),
  'policy.stances.record': (input, ctx) => recordStance(ctx, input),
  'policy.stances.delete': (input, ctx) => deleteStance(ctx, input.id),
  'policy.actions.record': (input, ctx) => recordAction(ctx, input),
  'policy.actions.delete': (input, ctx) => deleteAction(ctx, input.id),
  'policy.scorecard': (input, ctx) => scorecardRows(ctx, input.officialId),
  'policy.scorecard.export': (input, ctx) => exportScorecard(ctx, input),
  'policy.bills.list': (input, ctx) => listBills(ctx, input),
  'policy.bills.get': (input, ctx) => getBill(ctx, input.id),
  'policy.bills.create': (input, ctx) => createBill(ctx, { bill: input.bill, status: input.status, changedOn: input.changedOn, note: input.note }),
  'policy.bills.update': (input, ctx) => updateBill(ctx, input.id, input.bill),
  'policy.bills.setStatus': (input, ctx) => setBillStatus(ctx, input),
  'policy.bills.deleteStatus': (input, ctx) => deleteBillStatus(ctx, input.id),
  'policy.bills.delete': (input, ctx) => deleteBill(ctx, input.id),
  'policy.engagements.list': (input, ctx) => engagementsOf(ctx, input),
  'policy.engagements.get': (input, ctx) => getEngagement(ctx, input.id),
  'policy.engagements.create': (input, ctx) => createEngagement(ctx, input),
  'policy.engagements.update': (input, ctx) => updateEngagement(ctx, input.id, input.engagement),
  'policy.engagements.delete': (input, ctx) => deleteEngagement(ctx, input.id),
  'policy.campaignTargets.get': (input, ctx) => campaignTargets(ctx, input.campaignId),
  'policy.campaignTargets.set': (input, ctx) => setCampaignTargets(ctx, input),
};

