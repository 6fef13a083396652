import type { Handlers } from '../../rpc/handlers';
import { createRelationship, deleteRelationship } from './service';

export const relationshipHandlers: Handlers<'relationships.create' | 'relationships.delete'> = {
  'relationships.create': (input, ctx) => createRelationship(ctx, input),
  'relationships.delete': (input, ctx) => deleteRelationship(ctx, input.entity, input.id),
};
