import type { Handlers } from '../rpc/handlers';
import {
  addPayment,
  createFundraising,
  deleteContribution,
  deleteFundraising,
  deletePayment,
  getFundraising,
  listFundraising,
  saveContribution,
  updateFundraising,
} from './fundraising';
import { deleteGrant, getGrant, grantsDue, listGrants, saveGrant } from './grants';
import { deleteInKind, listInKindPage, saveInKind } from './inKind';
import { listFunders, organizationResources } from './organization';

export type ResourceMethod =
  | 'fundraising.list'
  | 'fundraising.get'
  | 'fundraising.create'
  | 'fundraising.update'
  | 'fundraising.delete'
  | 'contributions.save'
  | 'contributions.delete'
  | 'contributions.addPayment'
  | 'contributions.deletePayment'
  | 'grants.list'
  | 'grants.get'
  | 'grants.save'
  | 'grants.delete'
  | 'grants.due'
  | 'inKind.list'
  | 'inKind.save'
  | 'inKind.delete'
  | 'funders.list'
  | 'resources.organization';

export const resourceHandlers: Handlers<ResourceMethod> = {
  'fundraising.list': (_input, ctx) => listFundraising(ctx),
  'fundraising.get': (input, ctx) => getFundraising(ctx, input.id),
  'fundraising.create': (input, ctx) => createFundraising(ctx, input),
  'fundraising.update': (input, ctx) => updateFundraising(ctx, input.id, input.campaign),
  'fundraising.delete': (input, ctx) => deleteFundraising(ctx, input.id),
  'contributions.save': (input, ctx) => saveContribution(ctx, input.id, input.contribution),
  'contributions.delete': (input, ctx) => deleteContribution(ctx, input.id),
  'contributions.addPayment': (input, ctx) => addPayment(ctx, input),
  'contributions.deletePayment': (input, ctx) => deletePayment(ctx, input.id),
  'grants.list': (input, ctx) => listGrants(ctx, input),
  'grants.get': (input, ctx) => getGrant(ctx, input.id),
  'grants.save': (input, ctx) => saveGrant(ctx, input.id, input.grant),
  'grants.delete': (input, ctx) => deleteGrant(ctx, input.id),
  'grants.due': (input, ctx) => grantsDue(ctx, input.today),
  'inKind.list': (input, ctx) => listInKindPage(ctx, input),
  'inKind.save': (input, ctx) => saveInKind(ctx, input.id, input.inKind),
  'inKind.delete': (input, ctx) => deleteInKind(ctx, input.id),
  'funders.list': (_input, ctx) => listFunders(ctx),
  'resources.organization': (input, ctx) => organizationResources(ctx, input.organizationId),
};
