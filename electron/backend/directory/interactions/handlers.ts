import type { Handlers } from '../../rpc/handlers';
import { createInteraction, deleteInteraction, listInteractions, updateInteraction } from './service';

export const interactionHandlers: Handlers<'interactions.list' | 'interactions.create' | 'interactions.update' | 'interactions.delete'> = {
  'interactions.list': (input, ctx) => listInteractions(ctx, input),
  'interactions.create': (input, ctx) => createInteraction(ctx, input),
  'interactions.update': (input, ctx) => updateInteraction(ctx, input.id, input.interaction),
  'interactions.delete': (input, ctx) => deleteInteraction(ctx, input.id),
};
