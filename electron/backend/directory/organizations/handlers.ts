import type { Handlers } from '../../rpc/handlers';
import {
  bulkUpdateOrganizations,
  createOrganization,
  deleteOrganization,
  getOrganizationDetail,
  listOrganizations,
  updateOrganization,
} from './service';

export const organizationHandlers: Handlers<
  'organizations.list' | 'organizations.get' | 'organizations.create' | 'organizations.update' | 'organizations.delete' | 'organizations.bulkUpdate'
> = {
  'organizations.list': (input, ctx) => listOrganizations(ctx, input),
  'organizations.get': (input, ctx) => getOrganizationDetail(ctx, input.id),
  'organizations.create': (input, ctx) => createOrganization(ctx, input),
  'organizations.update': (input, ctx) => updateOrganization(ctx, input.id, input.organization),
  'organizations.delete': (input, ctx) => deleteOrganization(ctx, input.id),
  'organizations.bulkUpdate': (input, ctx) => bulkUpdateOrganizations(ctx, input),
};
